/** Loading rounds and contributions for a user, with need-to-know applied. */
import type { TableQuery } from '@core/api/contribution-requests.js'
import type { ConsolidatedTableDTO, ContributionDTO, RoundDTO } from '@core/api/contributions.js'
import { buildTableRows } from '@core/domain/consolidated-table.js'
import type { Lang } from '@core/i18n/languages.js'
import type { DocumentContent } from '@core/text/model.js'
import type { CurrentUser, Queryable } from '../../../context.js'
import type { CommentRoundRow, ContributionRow } from '../../../db/types.js'
import { notFound } from '../../../errors.js'
import { can, policiesFor, type RoundSubject } from '../../../policies/index.js'
import { presentContribution, presentRound } from '../../../presenters/contributions.js'
import { versionContent } from '../../../repositories/documents.js'
import {
  contributionSubject,
  contributionsOfRound,
  type LoadedRound,
  loadContribution,
  loadRound,
  withDetails,
} from '../../../repositories/rounds.js'

export const ROUND_ACTIONS = [
  'read',
  'update',
  'contribute',
  'submit',
  'dispose',
  'publish_dispositions',
  'create_revision',
  'read_dispositions',
] as const
export const CONTRIBUTION_ACTIONS = ['read', 'update', 'submit', 'withdraw', 'cosponsor', 'dispose'] as const

export async function readableRound(db: Queryable, id: string, user: CurrentUser) {
  const loaded = await loadRound(db, id)
  if (!can(user, 'read', loaded.roundSubject)) throw notFound('round_not_found')
  return loaded
}

export async function readableContribution(db: Queryable, id: string, user: CurrentUser) {
  const loaded = await loadContribution(db, id)
  if (!can(user, 'read', loaded.contributionSubject)) throw notFound('contribution_not_found')
  return loaded
}

export async function roundDTO(db: Queryable, round: CommentRoundRow): Promise<RoundDTO> {
  const [version, stats] = await Promise.all([
    db.selectFrom('versions').select('label').where('id', '=', round.version_id).executeTakeFirstOrThrow(),
    db
      .selectFrom('contributions')
      .leftJoin('dispositions', 'dispositions.contribution_id', 'contributions.id')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.count<number>('contributions.party_id').distinct().as('parties'),
        eb.fn.count<number>('dispositions.contribution_id').as('disposed'),
      ])
      .where('contributions.round_id', '=', round.id)
      .where('contributions.status', '=', 'submitted')
      .executeTakeFirstOrThrow(),
  ])
  return presentRound(round, version.label, {
    contributions: Number(stats.n),
    parties: Number(stats.parties),
    disposed: Number(stats.disposed),
  })
}

/** The contributions among `rows` that the user may read, presented for them. */
export async function visibleContributions(
  db: Queryable,
  user: CurrentUser,
  rows: ContributionRow[],
  roundSubjects: (roundId: string) => Promise<RoundSubject>,
): Promise<ContributionDTO[]> {
  const details = await withDetails(db, rows)
  const out: ContributionDTO[] = []
  for (const c of rows) {
    const round = await roundSubjects(c.round_id)
    const subject = contributionSubject(c, details.dispositions.has(c.id), round)
    if (!can(user, 'read', subject)) continue
    out.push({
      ...presentContribution(c, details, can(user, 'read_dispositions', round), round.dispositionsPublished),
      policies: policiesFor(user, subject, CONTRIBUTION_ACTIONS),
    })
  }
  return out
}

/** The consolidated table as the user may see it: drafts of other parties never, dispositions once published. */
export async function consolidatedTable(
  db: Queryable,
  loaded: LoadedRound,
  user: CurrentUser,
  query: TableQuery,
) {
  const lang = (query.lang ?? loaded.document.working_language) as Lang
  const content = JSON.parse(await versionContent(db, loaded.round.version_id)) as DocumentContent
  const { contributions, ...details } = await contributionsOfRound(db, loaded.round.id)
  const showDispositions = can(user, 'read_dispositions', loaded.roundSubject)
  const visible = contributions
    .filter((c) =>
      can(user, 'read', contributionSubject(c, details.dispositions.has(c.id), loaded.roundSubject)),
    )
    .map((c) => presentContribution(c, details, showDispositions, loaded.roundSubject.dispositionsPublished))
  const filters = { party: query.party, kind: query.kind, status: query.status, provision: query.provision }
  const table: ConsolidatedTableDTO = {
    round: await roundDTO(db, loaded.round),
    document: {
      id: loaded.document.id,
      title: JSON.parse(loaded.document.title),
      reference: loaded.dossier.reference,
    },
    lang,
    rows: buildTableRows(content, visible, { lang, filters }),
    filters: {
      party: query.party ?? [],
      kind: query.kind ?? [],
      status: query.status ?? [],
      provision: query.provision ?? [],
    },
    generatedAt: new Date().toISOString(),
  }
  return { table, loaded }
}
