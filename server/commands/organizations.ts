/** Setting up an organization: parties, memberships and bodies. */
import type { DecisionRule } from '@core/domain/decision-rules.js'
import type { BodyKind, MembershipStatus } from '@core/domain/roles.js'
import type { LocalizedText } from '@core/i18n/languages.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { BodyRow, OrganizationRow, PartyRow } from '../db/types.js'
import { validationFailed } from '../errors.js'
import { newId } from '../ids.js'
import { procedureTemplatesInstaller } from './procedures.js'

export interface OrganizationCreatorProps {
  ctx: CommandContext
  slug: string
  name: LocalizedText
  shortName: LocalizedText
  secretariatName: LocalizedText
  procedure?: string
}

export async function organizationCreator(p: OrganizationCreatorProps): Promise<OrganizationRow> {
  const now = p.ctx.clock()
  const row: OrganizationRow = {
    id: newId(),
    slug: p.slug,
    name: JSON.stringify(p.name),
    short_name: JSON.stringify(p.shortName),
    secretariat_name: JSON.stringify(p.secretariatName),
    procedure: p.procedure ?? 'cis',
    version: 1,
    created_at: now,
    updated_at: now,
  }
  await p.ctx.trx.insertInto('organizations').values(row).execute()
  await appendAudit(p.ctx, {
    action: 'organization.create',
    subjectType: 'organization',
    subjectId: row.id,
    organizationId: row.id,
    change: { slug: p.slug, name: p.name },
  })
  // Every organization starts with its own copy of the shipped procedure templates.
  await procedureTemplatesInstaller(p.ctx, row.id)
  return row
}

/** Registers a party (a state) by ISO 3166-1 alpha-3 code, or returns the existing one. */
export async function partyRegistrar(
  ctx: CommandContext,
  input: { code: string; name: LocalizedText; fullName: LocalizedText },
): Promise<PartyRow> {
  const existing = await ctx.trx
    .selectFrom('parties')
    .selectAll()
    .where('code', '=', input.code)
    .executeTakeFirst()
  if (existing) return existing
  const row: PartyRow = {
    id: newId(),
    code: input.code,
    name: JSON.stringify(input.name),
    full_name: JSON.stringify(input.fullName),
    created_at: ctx.clock(),
  }
  await ctx.trx.insertInto('parties').values(row).execute()
  await appendAudit(ctx, { action: 'party.register', subjectType: 'party', subjectId: row.id, change: input })
  return row
}

/** Makes a party a member or an observer of an organization from a date. */
export async function membershipAdder(
  ctx: CommandContext,
  organization: OrganizationRow,
  party: PartyRow,
  status: MembershipStatus,
  since: string | null,
): Promise<void> {
  const id = newId()
  await ctx.trx
    .insertInto('memberships')
    .values({
      id,
      organization_id: organization.id,
      party_id: party.id,
      status,
      since,
      until: null,
      experts_may_submit: 0,
    })
    .execute()
  await appendAudit(ctx, {
    action: 'membership.add',
    subjectType: 'membership',
    subjectId: id,
    organizationId: organization.id,
    change: { party: party.code, status, since },
  })
}

export async function bodyCreator(
  ctx: CommandContext,
  organization: OrganizationRow,
  input: { code: string; kind: BodyKind; name: LocalizedText; decisionRule: DecisionRule },
): Promise<BodyRow> {
  const row: BodyRow = {
    id: newId(),
    organization_id: organization.id,
    code: input.code,
    kind: input.kind,
    name: JSON.stringify(input.name),
    decision_rule: JSON.stringify(input.decisionRule),
    created_at: ctx.clock(),
  }
  await ctx.trx.insertInto('bodies').values(row).execute()
  await appendAudit(ctx, {
    action: 'body.create',
    subjectType: 'body',
    subjectId: row.id,
    organizationId: organization.id,
    change: input,
  })
  return row
}

/**
 * A party lets its experts send contributions to the secretariat themselves (or stops
 * letting them): the head of delegation's choice, or the secretariat administrator's.
 */
export async function expertsSubmissionSetter(
  ctx: CommandContext,
  organizationId: string,
  partyId: string,
  allowed: boolean,
): Promise<void> {
  await ctx.trx
    .updateTable('memberships')
    .set({ experts_may_submit: allowed ? 1 : 0 })
    .where('organization_id', '=', organizationId)
    .where('party_id', '=', partyId)
    .execute()
  await appendAudit(ctx, {
    action: 'membership.experts_may_submit',
    subjectType: 'party',
    subjectId: partyId,
    organizationId,
    change: { allowed },
  })
}

/**
 * The head of delegation designates who else may state the party's positions (replacing
 * the previous list). Every designee must belong to the party.
 */
export async function positionDelegatesSetter(
  ctx: CommandContext,
  organizationId: string,
  partyId: string,
  userIds: string[],
): Promise<string[]> {
  const unique = [...new Set(userIds)]
  if (unique.length) {
    const own = await ctx.trx
      .selectFrom('users')
      .select('id')
      .where('id', 'in', unique)
      .where('party_id', '=', partyId)
      .execute()
    if (own.length !== unique.length) {
      throw validationFailed([{ path: 'body.userIds', message: 'every designee must belong to the party' }])
    }
  }
  await ctx.trx
    .deleteFrom('position_delegates')
    .where('organization_id', '=', organizationId)
    .where('party_id', '=', partyId)
    .execute()
  const at = ctx.clock()
  for (const userId of unique) {
    await ctx.trx
      .insertInto('position_delegates')
      .values({
        organization_id: organizationId,
        party_id: partyId,
        user_id: userId,
        designated_by: ctx.actor?.id ?? null,
        created_at: at,
      })
      .execute()
  }
  await appendAudit(ctx, {
    action: 'party.position_delegates',
    subjectType: 'party',
    subjectId: partyId,
    organizationId,
    change: { userIds: unique },
  })
  return unique
}
