/** Reading comment rounds and contributions with what policies and presenters need. */
import type { RoundState } from '@core/api/contributions.js'
import type { Queryable } from '../context.js'
import type { CommentRoundRow, ContributionRow, DispositionRow } from '../db/types.js'
import { notFound } from '../errors.js'
import { isId } from '../ids.js'
import type { ContributionSubject, RoundSubject } from '../policies/index.js'
import { type LoadedDocument, loadDocument } from './documents.js'

export function roundState(
  round: Pick<CommentRoundRow, 'opens_at' | 'closes_at'>,
  now = Date.now(),
): RoundState {
  if (now < Date.parse(round.opens_at)) return 'scheduled'
  if (now < Date.parse(round.closes_at)) return 'open'
  return 'closed'
}

/** A moment shown in the round's own time zone, language-neutral: `2020-08-14 18:00 (Europe/Minsk)`. */
export function inZone(iso: string, timezone: string): string {
  const text = new Intl.DateTimeFormat('sv-SE', {
    timeZone: timezone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).format(new Date(iso))
  return `${text} (${timezone})`
}

export async function expertsMaySubmit(db: Queryable, organizationId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('memberships')
    .select('party_id')
    .where('organization_id', '=', organizationId)
    .where('experts_may_submit', '=', 1)
    .execute()
  return new Set(rows.map((r) => r.party_id))
}

export interface LoadedRound extends LoadedDocument {
  round: CommentRoundRow
  roundSubject: RoundSubject
}

export async function loadRound(db: Queryable, id: string): Promise<LoadedRound> {
  if (!isId(id)) throw notFound('round_not_found')
  const round = await db.selectFrom('comment_rounds').selectAll().where('id', '=', id).executeTakeFirst()
  if (!round) throw notFound('round_not_found')
  const loaded = await loadDocument(db, round.document_id)
  return { ...loaded, round, roundSubject: await roundSubjectOf(db, round, loaded) }
}

export async function roundSubjectOf(
  db: Queryable,
  round: CommentRoundRow,
  loaded: LoadedDocument,
): Promise<RoundSubject> {
  return {
    type: 'round',
    id: round.id,
    document: loaded.subject,
    expertsMaySubmit: await expertsMaySubmit(db, loaded.dossier.organization_id),
    dispositionsPublished: !!round.dispositions_published_at,
    open: roundState(round) === 'open',
  }
}

export function contributionSubject(
  c: Pick<ContributionRow, 'id' | 'party_id' | 'status'>,
  disposed: boolean,
  round: RoundSubject,
): ContributionSubject {
  return { type: 'contribution', id: c.id, partyId: c.party_id, status: c.status, disposed, round }
}

export interface LoadedContribution extends LoadedRound {
  contribution: ContributionRow
  disposition: DispositionRow | null
  subject: LoadedRound['subject']
  contributionSubject: ContributionSubject
}

export async function loadContribution(db: Queryable, id: string): Promise<LoadedContribution> {
  if (!isId(id)) throw notFound('contribution_not_found')
  const contribution = await db
    .selectFrom('contributions')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst()
  if (!contribution) throw notFound('contribution_not_found')
  const loaded = await loadRound(db, contribution.round_id)
  const disposition =
    (await db.selectFrom('dispositions').selectAll().where('contribution_id', '=', id).executeTakeFirst()) ??
    null
  return {
    ...loaded,
    contribution,
    disposition,
    contributionSubject: contributionSubject(contribution, !!disposition, loaded.roundSubject),
  }
}

/** Contributions of a round with their co-sponsors and dispositions. */
export async function contributionsOfRound(db: Queryable, roundId: string) {
  const contributions = await db
    .selectFrom('contributions')
    .selectAll()
    .where('round_id', '=', roundId)
    .orderBy('id')
    .execute()
  return withDetails(db, contributions)
}

/** Co-sponsors, dispositions, parties and people of a set of contributions. */
export async function withDetails(db: Queryable, contributions: ContributionRow[]) {
  const ids = contributions.map((c) => c.id)
  const chunks = <T>(list: T[], n: number) =>
    Array.from({ length: Math.ceil(list.length / n) }, (_, i) => list.slice(i * n, i * n + n))
  const cosponsors: { contribution_id: string; party_id: string }[] = []
  const dispositions: DispositionRow[] = []
  for (const part of chunks(ids, 500)) {
    cosponsors.push(
      ...(await db
        .selectFrom('contribution_cosponsors')
        .select(['contribution_id', 'party_id'])
        .where('contribution_id', 'in', part)
        .orderBy('created_at')
        .execute()),
    )
    dispositions.push(
      ...(await db.selectFrom('dispositions').selectAll().where('contribution_id', 'in', part).execute()),
    )
  }
  const parties = await db.selectFrom('parties').select(['id', 'code', 'name']).execute()
  const userIds = new Set<string>()
  for (const c of contributions) {
    if (c.drafted_by) userIds.add(c.drafted_by)
    if (c.submitted_by) userIds.add(c.submitted_by)
  }
  for (const d of dispositions) if (d.decided_by) userIds.add(d.decided_by)
  const users = userIds.size
    ? await db
        .selectFrom('users')
        .select(['id', 'display_name'])
        .where('id', 'in', [...userIds])
        .execute()
    : []
  const cosponsorsOf = new Map<string, string[]>()
  for (const c of cosponsors)
    cosponsorsOf.set(c.contribution_id, [...(cosponsorsOf.get(c.contribution_id) ?? []), c.party_id])
  return {
    contributions,
    cosponsors: cosponsorsOf,
    dispositions: new Map(dispositions.map((d) => [d.contribution_id, d])),
    parties: new Map(parties.map((p) => [p.id, { id: p.id, code: p.code, name: JSON.parse(p.name) }])),
    users: new Map(users.map((u) => [u.id, u.display_name])),
  }
}
export type ContributionDetails = Awaited<ReturnType<typeof withDetails>>

/** The newest circulated version of a document. */
export async function latestPublished(db: Queryable, documentId: string) {
  return db
    .selectFrom('versions')
    .select(['id', 'label', 'seq'])
    .where('document_id', '=', documentId)
    .where('status', '=', 'published')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst()
}
