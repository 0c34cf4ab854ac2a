/** The signed-in user → `MeDTO`. */
import type { MeDTO } from '@core/api/types.js'
import type { CurrentUser, Queryable } from '../context.js'

export async function presentMe(db: Queryable, user: CurrentUser): Promise<MeDTO> {
  const party = user.partyId
    ? await db
        .selectFrom('parties')
        .select(['id', 'code', 'name'])
        .where('id', '=', user.partyId)
        .executeTakeFirst()
    : undefined
  const org = user.secretariatOrgId
    ? await db
        .selectFrom('organizations')
        .select(['id', 'slug', 'name', 'short_name'])
        .where('id', '=', user.secretariatOrgId)
        .executeTakeFirst()
    : undefined
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    locale: user.locale,
    roles: user.roles,
    party: party ? { id: party.id, code: party.code, name: JSON.parse(party.name) } : null,
    secretariatOf: org
      ? { id: org.id, slug: org.slug, name: JSON.parse(org.name), shortName: JSON.parse(org.short_name) }
      : null,
    version: user.version,
  }
}
