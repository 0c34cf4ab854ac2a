/** Reading dossiers with what policies need (their participants). */
import type { CurrentUser, Queryable } from '../context.js'
import type { DossierRow } from '../db/types.js'
import { notFound } from '../errors.js'
import { isId } from '../ids.js'
import type { DossierSubject } from '../policies/index.js'

export interface ParticipantRow {
  dossier_id: string
  party_id: string
  status: 'member' | 'observer'
  code: string
  name: string
}

export async function findDossier(db: Queryable, id: string): Promise<DossierRow> {
  if (!isId(id)) throw notFound('dossier_not_found')
  const row = await db.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('dossier_not_found')
  return row
}

export function participantsOf(db: Queryable, dossierIds: string[]): Promise<ParticipantRow[]> {
  if (dossierIds.length === 0) return Promise.resolve([])
  return db
    .selectFrom('dossier_participants')
    .innerJoin('parties', 'parties.id', 'dossier_participants.party_id')
    .select([
      'dossier_participants.dossier_id',
      'dossier_participants.party_id',
      'dossier_participants.status',
      'parties.code',
      'parties.name',
    ])
    .where('dossier_participants.dossier_id', 'in', dossierIds)
    .orderBy('parties.code')
    .execute()
}

export function dossierSubject(dossier: DossierRow, participants: ParticipantRow[]): DossierSubject {
  return {
    type: 'dossier',
    id: dossier.id,
    organizationId: dossier.organization_id,
    participantIds: new Set(participants.filter((p) => p.dossier_id === dossier.id).map((p) => p.party_id)),
  }
}

export async function loadDossierSubject(db: Queryable, dossier: DossierRow): Promise<DossierSubject> {
  return dossierSubject(dossier, await participantsOf(db, [dossier.id]))
}

/**
 * Dossiers the user may see, need-to-know: the secretariat's own organization's, or
 * those in which the user's party takes part. Filtered in SQL; the route still checks
 * each one against `can()`.
 */
export async function visibleDossiers(
  db: Queryable,
  user: CurrentUser,
  opts: { organizationId?: string | undefined; after: string | null; limit: number },
): Promise<DossierRow[]> {
  let q = db.selectFrom('dossiers').selectAll('dossiers')
  if (user.secretariatOrgId) {
    q = q.where('dossiers.organization_id', '=', user.secretariatOrgId)
  } else if (user.partyId) {
    const partyId = user.partyId
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('dossier_participants')
          .select('dossier_participants.party_id')
          .whereRef('dossier_participants.dossier_id', '=', 'dossiers.id')
          .where('dossier_participants.party_id', '=', partyId),
      ),
    )
  } else {
    return []
  }
  if (opts.organizationId) q = q.where('dossiers.organization_id', '=', opts.organizationId)
  if (opts.after) q = q.where('dossiers.id', '>', opts.after)
  return q
    .orderBy('dossiers.id')
    .limit(opts.limit + 1)
    .execute()
}

export async function documentCounts(db: Queryable, dossierIds: string[]): Promise<Map<string, number>> {
  if (dossierIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('documents')
    .select(['dossier_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('dossier_id', 'in', dossierIds)
    .groupBy('dossier_id')
    .execute()
  return new Map(rows.map((r) => [r.dossier_id, Number(r.n)]))
}
