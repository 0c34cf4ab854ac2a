/**
 * Procedure templates per organization: installed from the shipped ones, edited by the
 * secretariat's administrator (optimistic version, validated, audited), and added (e.g. a
 * copy of a shipped template under a code of the organization's own).
 */
import type { CreateProcedureRequest, UpdateProcedureRequest } from '@core/api/procedures.js'
import {
  normalizeDefinition,
  type ProcedureDefinition,
  type ProcedureProblem,
  procedureProblems,
} from '@core/domain/procedure.js'
import { SHIPPED_TEMPLATES, shippedTemplate } from '@core/domain/procedure-templates.js'
import type { LocalizedText } from '@core/i18n/languages.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { OrganizationRow, ProcedureTemplateRow } from '../db/types.js'
import { AppError, assertVersion, versionChanged } from '../errors.js'
import { newId } from '../ids.js'
import { templateOf } from '../repositories/procedures.js'

export const procedureNotFound = () => new AppError(404, 'procedure_not_found')

/** 422 with one sentence per problem (`procedure.problem.<code>`) and the problems in details. */
export const procedureInvalid = (problems: ProcedureProblem[]) =>
  new AppError(
    422,
    'procedure_invalid',
    {},
    { problems },
    problems.map((p) => {
      const { code, ...params } = p
      return { key: `procedure.problem.${code}`, params: params as Record<string, string> }
    }),
  )

/** Throws 422 `procedure_invalid` unless the definition can be used. */
export function assertValidDefinition(def: ProcedureDefinition): ProcedureDefinition {
  const problems = procedureProblems(def)
  if (problems.length) throw procedureInvalid(problems)
  return normalizeDefinition(def)
}

async function insertTemplate(
  ctx: CommandContext,
  organizationId: string,
  code: string,
  name: LocalizedText,
  definition: ProcedureDefinition,
): Promise<ProcedureTemplateRow | undefined> {
  const now = ctx.clock()
  const row: ProcedureTemplateRow = {
    id: newId(),
    organization_id: organizationId,
    code,
    name: JSON.stringify(name),
    definition: JSON.stringify(definition),
    updated_by: ctx.actor?.id ?? null,
    created_at: now,
    updated_at: now,
    version: 1,
  }
  const result = await ctx.trx
    .insertInto('procedure_templates')
    .values(row)
    .onConflict((oc) => oc.columns(['organization_id', 'code']).doNothing())
    .executeTakeFirst()
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1 ? row : undefined
}

/**
 * Installs the shipped templates the organization does not have yet (all of them for a new
 * organization). Idempotent: a template already there is left as it is.
 */
export async function procedureTemplatesInstaller(
  ctx: CommandContext,
  organizationId: string,
): Promise<void> {
  const existing = await ctx.trx
    .selectFrom('procedure_templates')
    .select('code')
    .where('organization_id', '=', organizationId)
    .execute()
  const installed: string[] = []
  for (const s of SHIPPED_TEMPLATES) {
    if (existing.some((e) => e.code === s.code)) continue
    if (await insertTemplate(ctx, organizationId, s.code, s.name, s.definition)) installed.push(s.code)
  }
  if (installed.length)
    await appendAudit(ctx, {
      action: 'procedure.install',
      subjectType: 'organization',
      subjectId: organizationId,
      organizationId,
      change: { templates: installed },
    })
}

/** The stored template with that code; a shipped one the organization lacks is installed first. */
export async function storedTemplate(
  ctx: CommandContext,
  organizationId: string,
  code: string,
): Promise<ProcedureTemplateRow | undefined> {
  const find = () =>
    ctx.trx
      .selectFrom('procedure_templates')
      .selectAll()
      .where('organization_id', '=', organizationId)
      .where('code', '=', code)
      .executeTakeFirst()
  const row = await find()
  if (row || !shippedTemplate(code)) return row
  await procedureTemplatesInstaller(ctx, organizationId)
  return find()
}

export interface ProcedureTemplateUpdaterProps {
  ctx: CommandContext
  organization: OrganizationRow
  code: string
  /** The new definition (and name), with the version the client read. */
  input: UpdateProcedureRequest & { version: number }
}

/**
 * Replaces a template's definition (and name). Refused when invalid (422) or when it would
 * remove a stage in which a dossier of the organization stands (409 `stage_in_use`).
 */
export async function procedureTemplateUpdater({
  ctx,
  organization,
  code,
  input,
}: ProcedureTemplateUpdaterProps): Promise<ProcedureTemplateRow> {
  const row = await storedTemplate(ctx, organization.id, code)
  if (!row) throw procedureNotFound()
  assertVersion(row.version, input.version)
  const definition = assertValidDefinition(input.definition)
  const kept = new Set(definition.stages.map((s) => s.code))
  const standing = await ctx.trx
    .selectFrom('dossiers')
    .select(['stage', 'reference'])
    .where('organization_id', '=', organization.id)
    .where('procedure', '=', code)
    .execute()
  const orphaned = standing.filter((d) => !kept.has(d.stage))
  if (orphaned.length) {
    const stage = orphaned[0]!.stage
    const references = orphaned.filter((d) => d.stage === stage).map((d) => d.reference)
    throw new AppError(
      409,
      'stage_in_use',
      { stage, count: references.length, references: references.join(', ') },
      { stage, references },
    )
  }
  const name = input.name ?? (JSON.parse(row.name) as LocalizedText)
  const updatedAt = ctx.clock()
  const result = await ctx.trx
    .updateTable('procedure_templates')
    .set({
      name: JSON.stringify(name),
      definition: JSON.stringify(definition),
      updated_by: ctx.actor?.id ?? null,
      updated_at: updatedAt,
      version: row.version + 1,
    })
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) !== 1) {
    const current = await ctx.trx
      .selectFrom('procedure_templates')
      .select('version')
      .where('id', '=', row.id)
      .executeTakeFirst()
    throw versionChanged(current?.version ?? 0)
  }
  await appendAudit(ctx, {
    action: 'procedure.update',
    subjectType: 'procedure_template',
    subjectId: row.id,
    organizationId: organization.id,
    change: {
      code,
      from: { name: JSON.parse(row.name), definition: JSON.parse(row.definition) },
      to: { name, definition },
    },
  })
  return {
    ...row,
    name: JSON.stringify(name),
    definition: JSON.stringify(definition),
    updated_by: ctx.actor?.id ?? null,
    updated_at: updatedAt,
    version: row.version + 1,
  }
}

export interface ProcedureTemplateCreatorProps {
  ctx: CommandContext
  organization: OrganizationRow
  input: CreateProcedureRequest
}

/** Adds a template to the organization: its own definition, or a copy of another template. */
export async function procedureTemplateCreator({
  ctx,
  organization,
  input,
}: ProcedureTemplateCreatorProps): Promise<ProcedureTemplateRow> {
  await procedureTemplatesInstaller(ctx, organization.id)
  let definition = input.definition
  if (!definition) {
    const source = await templateOf(ctx.trx, organization.id, input.copyOf ?? organization.procedure)
    if (!source) throw procedureNotFound()
    definition = source.definition
  }
  const valid = assertValidDefinition(definition)
  const row = await insertTemplate(ctx, organization.id, input.code, input.name, valid)
  if (!row) throw new AppError(409, 'procedure_code_taken', { code: input.code }, { code: input.code })
  await appendAudit(ctx, {
    action: 'procedure.create',
    subjectType: 'procedure_template',
    subjectId: row.id,
    organizationId: organization.id,
    change: { code: input.code, name: input.name, copyOf: input.copyOf ?? null, definition: valid },
  })
  return row
}
