/** Reading organizations, their parties and bodies. */
import type { Queryable } from '../context.js'
import type { OrganizationRow } from '../db/types.js'
import { notFound } from '../errors.js'
import { isId } from '../ids.js'
import type { OrganizationSubject } from '../policies/index.js'

export async function findOrganization(db: Queryable, id: string): Promise<OrganizationRow> {
  if (!isId(id)) throw notFound('organization_not_found')
  const row = await db.selectFrom('organizations').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('organization_not_found')
  return row
}

export async function organizationSubject(db: Queryable, org: OrganizationRow): Promise<OrganizationSubject> {
  const rows = await db
    .selectFrom('memberships')
    .select('party_id')
    .where('organization_id', '=', org.id)
    .execute()
  return { type: 'organization', id: org.id, partyIds: new Set(rows.map((r) => r.party_id)) }
}

/** Organizations a user belongs to: as secretariat staff or through their party's membership. */
export async function organizationsOfUser(
  db: Queryable,
  user: { secretariatOrgId: string | null; partyId: string | null },
): Promise<OrganizationRow[]> {
  const ids = new Set<string>()
  if (user.secretariatOrgId) ids.add(user.secretariatOrgId)
  if (user.partyId) {
    const rows = await db
      .selectFrom('memberships')
      .select('organization_id')
      .where('party_id', '=', user.partyId)
      .execute()
    for (const r of rows) ids.add(r.organization_id)
  }
  if (ids.size === 0) return []
  return db
    .selectFrom('organizations')
    .selectAll()
    .where('id', 'in', [...ids])
    .orderBy('id')
    .execute()
}

export function partiesOfOrganization(db: Queryable, organizationId: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('parties', 'parties.id', 'memberships.party_id')
    .select([
      'parties.id',
      'parties.code',
      'parties.name',
      'memberships.status',
      'memberships.since',
      'memberships.until',
      'memberships.experts_may_submit',
    ])
    .where('memberships.organization_id', '=', organizationId)
    .orderBy('parties.code')
    .execute()
}

export function bodiesOfOrganization(db: Queryable, organizationId: string) {
  return db
    .selectFrom('bodies')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('code')
    .execute()
}
