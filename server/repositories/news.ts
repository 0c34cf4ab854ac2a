/**
 * Reading the newsroom: news items and their language versions, rubrics, images and their
 * renditions, and the embargo a linked document puts on an item (lifted once the document's
 * latest circulated version is frozen as agreed, or a council's decision adopting it is
 * recorded).
 */
import type { NewsLang, NewsStatus } from '@core/api/news.js'
import type { PressDraftDocument, PressDraftFacts, PressDraftParty } from '@core/domain/press-draft.js'
import type { LocalizedText } from '@core/i18n/languages.js'
import type { Queryable } from '../context.js'
import type { DossierRow, MediaRow, NewsItemRow, RubricRow } from '../db/types.js'
import { AppError } from '../errors.js'
import { isId } from '../ids.js'
import type { MediaSubject, NewsItemSubject } from '../policies/index.js'
import { consensusOf } from './consensus.js'
import { meetingFacts } from './meetings.js'
import { templateOfDossier } from './procedures.js'

export const newsNotFound = () => new AppError(404, 'news_not_found')
export const mediaNotFound = () => new AppError(404, 'media_not_found')

/** The order language versions are shown in. */
export const LANGUAGE_ORDER: readonly NewsLang[] = ['ru', 'tg', 'en']
const byLanguage = (a: { language: string }, b: { language: string }) =>
  LANGUAGE_ORDER.indexOf(a.language as NewsLang) - LANGUAGE_ORDER.indexOf(b.language as NewsLang)

const parse = (json: string | null | undefined): LocalizedText => {
  if (!json) return {}
  try {
    const v = JSON.parse(json)
    return v && typeof v === 'object' ? v : { ru: String(v) }
  } catch {
    return { ru: json }
  }
}

/** The item, or 404 `news_not_found`. Callers check `read` and answer 404 for what is hidden. */
export async function findNewsItem(db: Queryable, id: string): Promise<NewsItemRow> {
  if (!isId(id)) throw newsNotFound()
  const row = await db.selectFrom('news_items').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) throw newsNotFound()
  return row
}

export function newsSubject(row: Pick<NewsItemRow, 'id' | 'organization_id' | 'status'>): NewsItemSubject {
  return { type: 'news_item', id: row.id, organizationId: row.organization_id, status: row.status }
}

export function mediaSubject(row: Pick<MediaRow, 'id' | 'organization_id'>): MediaSubject {
  return { type: 'media', id: row.id, organizationId: row.organization_id }
}

/** Every language version of a group, in the order ru, tg, en. */
export async function groupOf(db: Queryable, groupId: string): Promise<NewsItemRow[]> {
  const rows = await db.selectFrom('news_items').selectAll().where('group_id', '=', groupId).execute()
  return rows.sort(byLanguage)
}

/** Language versions of several groups (id, language, status, title, slug, version). */
export async function translationsOf(db: Queryable, groupIds: string[]) {
  if (groupIds.length === 0) return []
  const rows = await db
    .selectFrom('news_items')
    .select(['id', 'group_id', 'language', 'status', 'title', 'slug', 'version'])
    .where('group_id', 'in', [...new Set(groupIds)])
    .execute()
  return rows.sort(byLanguage)
}

export interface RubricFact {
  id: string
  organizationId: string
  slug: string
  name: LocalizedText
  position: number
}

export const rubricFact = (r: RubricRow): RubricFact => ({
  id: r.id,
  organizationId: r.organization_id,
  slug: r.slug,
  name: parse(r.name),
  position: r.position,
})

/** The organization's rubrics in their order. */
export async function rubricsOf(db: Queryable, organizationId: string): Promise<RubricFact[]> {
  const rows = await db
    .selectFrom('rubrics')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('position')
    .orderBy('slug')
    .execute()
  return rows.map(rubricFact)
}

/** The embargo an item's linked document puts on it. */
export interface EmbargoFact {
  documentId: string
  title: LocalizedText
  dossierReference: string
  state: 'pending' | 'agreed' | 'adopted'
  waitsFor: 'circulation' | 'agreement' | null
}

/** Where each document stands for the embargo; documents that do not exist are left out. */
export async function embargoFacts(db: Queryable, documentIds: string[]): Promise<Map<string, EmbargoFact>> {
  const ids = [...new Set(documentIds.filter(isId))]
  const out = new Map<string, EmbargoFact>()
  if (ids.length === 0) return out
  const docs = await db
    .selectFrom('documents')
    .innerJoin('dossiers', 'dossiers.id', 'documents.dossier_id')
    .select(['documents.id', 'documents.title', 'documents.dossier_id', 'dossiers.reference'])
    .where('documents.id', 'in', ids)
    .execute()
  if (docs.length === 0) return out
  const [versions, adoptions] = await Promise.all([
    db
      .selectFrom('versions')
      .select(['document_id', 'seq', 'frozen_at'])
      .where(
        'document_id',
        'in',
        docs.map((d) => d.id),
      )
      .where('status', '=', 'published')
      .execute(),
    db
      .selectFrom('adoptions')
      .select(['dossier_id', 'texts'])
      .where('dossier_id', 'in', [...new Set(docs.map((d) => d.dossier_id))])
      .where('decision', '=', 'adopted')
      .execute(),
  ])
  for (const d of docs) {
    const latest = versions.filter((v) => v.document_id === d.id).sort((a, b) => b.seq - a.seq)[0]
    const adopted = adoptions.some((a) => {
      if (a.dossier_id !== d.dossier_id) return false
      try {
        const texts = JSON.parse(a.texts) as { documentId?: string }[]
        return Array.isArray(texts) && texts.some((t) => t?.documentId === d.id)
      } catch {
        return false
      }
    })
    const state = adopted ? 'adopted' : latest?.frozen_at ? 'agreed' : 'pending'
    out.set(d.id, {
      documentId: d.id,
      title: parse(d.title),
      dossierReference: d.reference,
      state,
      waitsFor: state === 'pending' ? (latest ? 'agreement' : 'circulation') : null,
    })
  }
  return out
}

/** The embargo of one document, or null when it no longer exists. */
export async function embargoOf(db: Queryable, documentId: string | null): Promise<EmbargoFact | null> {
  if (!documentId) return null
  return (await embargoFacts(db, [documentId])).get(documentId) ?? null
}

/** Documents of the organization's dossiers, for the embargo picker. */
export async function documentsOfOrganization(db: Queryable, organizationId: string) {
  const rows = await db
    .selectFrom('documents')
    .innerJoin('dossiers', 'dossiers.id', 'documents.dossier_id')
    .select(['documents.id', 'documents.title', 'documents.kind', 'dossiers.reference'])
    .where('dossiers.organization_id', '=', organizationId)
    .orderBy('dossiers.reference')
    .orderBy('documents.position')
    .limit(1000)
    .execute()
  return rows.map((r) => ({ id: r.id, title: parse(r.title), kind: r.kind, dossierReference: r.reference }))
}

/** An image (without its bytes), or 404. */
export async function findMedia(db: Queryable, id: string) {
  if (!isId(id)) throw mediaNotFound()
  const row = await db
    .selectFrom('media')
    .select([
      'id',
      'organization_id',
      'filename',
      'media_type',
      'width',
      'height',
      'size',
      'sha256',
      'created_by',
      'created_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) throw mediaNotFound()
  return row
}
export type MediaInfo = Awaited<ReturnType<typeof findMedia>>

/** Renditions of images (without their bytes). */
export async function renditionsOf(db: Queryable, mediaIds: string[]) {
  if (mediaIds.length === 0) return []
  return db
    .selectFrom('media_renditions')
    .select(['media_id', 'name', 'media_type', 'width', 'height', 'size'])
    .where('media_id', 'in', [...new Set(mediaIds)])
    .orderBy('width')
    .execute()
}

/** True when a published item shows the image (then anyone may see it). */
export async function isPublicMedia(db: Queryable, mediaId: string): Promise<boolean> {
  const row = await db
    .selectFrom('news_items')
    .select('id')
    .where('photo_media_id', '=', mediaId)
    .where('status', '=', 'published')
    .limit(1)
    .executeTakeFirst()
  return !!row
}

export interface NewsListFilters {
  status?: NewsStatus | undefined
  language?: NewsLang | undefined
  rubricId?: string | undefined
  q?: string | undefined
  /** The last id of the previous page. */
  after?: string | null
  limit: number
}

const SUMMARY_COLUMNS = [
  'id',
  'group_id',
  'language',
  'slug',
  'status',
  'title',
  'lead',
  'rubric_id',
  'photo_media_id',
  'dateline_city',
  'dateline_date',
  'timezone',
  'scheduled_at',
  'published_at',
  'embargo_document_id',
  'updated_at',
  'version',
] as const

/**
 * A page of the organization's items (newest first) and the count per state under the same
 * filters. A newsroom holds thousands of rows, not millions: the filtered summaries are read
 * in one query and the words of `q` are matched here, case-insensitively in every script
 * (SQLite's LIKE folds ASCII only).
 */
export async function listNews(db: Queryable, organizationId: string, f: NewsListFilters) {
  let q = db
    .selectFrom('news_items')
    .select([...SUMMARY_COLUMNS])
    .where('organization_id', '=', organizationId)
  if (f.language) q = q.where('language', '=', f.language)
  if (f.rubricId) q = q.where('rubric_id', '=', f.rubricId)
  let rows = await q.orderBy('id', 'desc').limit(20_000).execute()
  if (f.q) {
    const words = f.q.toLocaleLowerCase('ru').split(/\s+/).filter(Boolean)
    rows = rows.filter((r) => {
      const text = `${r.title} ${r.lead} ${r.slug}`.toLocaleLowerCase('ru')
      return words.every((w) => text.includes(w))
    })
  }
  const counts: Record<NewsStatus, number> = { draft: 0, in_review: 0, published: 0, archived: 0 }
  for (const r of rows) counts[r.status]++
  let page = f.status ? rows.filter((r) => r.status === f.status) : rows
  // Newest first by the date the newsroom reads (published, else last changed), the language
  // versions of one item together in the order ru, tg, en.
  const groupDate = new Map<string, string>()
  for (const r of page) {
    const date = r.published_at ?? r.updated_at
    if ((groupDate.get(r.group_id) ?? '') < date) groupDate.set(r.group_id, date)
  }
  page = [...page].sort(
    (a, b) =>
      groupDate.get(b.group_id)!.localeCompare(groupDate.get(a.group_id)!) ||
      b.group_id.localeCompare(a.group_id) ||
      byLanguage(a, b),
  )
  if (f.after) {
    const at = page.findIndex((r) => r.id === f.after)
    page = at < 0 ? page.filter((r) => r.id < f.after!) : page.slice(at + 1)
  }
  const more = page.length > f.limit
  page = page.slice(0, f.limit)
  return { rows: page, counts, nextId: more ? page[page.length - 1]!.id : null }
}
export type NewsSummaryRow = Awaited<ReturnType<typeof listNews>>['rows'][number]

/**
 * What a press draft is written from, read from the meeting's record: the parties that
 * attended (present or connected; when attendance was not recorded, those that did not
 * decline), whether the secretariat's staff took part, each document considered with its
 * outcome (and the members that agreed it ad referendum), and what follows in the dossier's
 * procedure after the stage of the meeting's body (domestic approval, the councils).
 */
export async function pressDraftFacts(
  db: Queryable,
  meetingId: string,
  draftedAt: string,
): Promise<{ facts: PressDraftFacts; principalDocumentId: string | null; outcomes: number }> {
  const facts = await meetingFacts(db, meetingId)
  const org = await db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', facts.meeting.organization_id)
    .executeTakeFirstOrThrow()
  const recorded = facts.participants.some((p) => p.attendance !== null)
  const attended = facts.participants.filter((p) =>
    recorded ? p.attendance === 'present' || p.attendance === 'remote' : p.invitation !== 'declined',
  )
  const parties = new Map<string, PressDraftParty>()
  for (const p of attended) {
    if (!p.party || parties.has(p.party.code)) continue
    const status = p.party.status ?? (p.function === 'observer_delegate' ? 'observer' : 'member')
    parties.set(p.party.code, { code: p.party.code, name: p.party.name, status })
  }

  const dossiers = new Map<string, DossierRow>()
  const documents: PressDraftDocument[] = []
  let principalDocumentId: string | null = null
  let outcomes = 0
  for (const item of facts.agenda) {
    if (item.outcome) outcomes++
    if (!item.document || !item.outcome) continue
    let adReferendum: string[] = []
    if (item.outcome === 'agreed_ad_referendum' && item.dossier_id && item.version_id) {
      const dossier =
        dossiers.get(item.dossier_id) ??
        (await db.selectFrom('dossiers').selectAll().where('id', '=', item.dossier_id).executeTakeFirst())
      if (dossier) {
        dossiers.set(dossier.id, dossier)
        adReferendum = (await consensusOf(db, dossier, item.version_id)).outcome.adReferendum
      }
    }
    if (!principalDocumentId && item.outcome !== 'returned' && item.outcome !== 'postponed')
      principalDocumentId = item.document.id
    documents.push({ title: item.document.title, outcome: item.outcome, adReferendum })
  }

  // The stages after the meeting's: the one whose body it is, else the negotiating stage.
  const nextSteps: PressDraftFacts['nextSteps'] = { domesticApproval: false, councils: [] }
  const dossierId = facts.agenda.find((a) => a.dossier_id)?.dossier_id
  const dossier = dossierId
    ? (dossiers.get(dossierId) ??
      (await db.selectFrom('dossiers').selectAll().where('id', '=', dossierId).executeTakeFirst()))
    : undefined
  if (dossier) {
    const { definition } = await templateOfDossier(db, dossier)
    const stages = definition.stages
    let at = stages.findIndex((s) => s.body === facts.body.code)
    if (at < 0 && facts.body.kind === 'expert_group') at = stages.findIndex((s) => s.kind === 'negotiation')
    if (at >= 0) {
      const bodies = await db
        .selectFrom('bodies')
        .select(['code', 'name'])
        .where('organization_id', '=', org.id)
        .execute()
      for (const s of stages.slice(at + 1)) {
        if (s.kind === 'domestic_approval') nextSteps.domesticApproval = true
        else if (s.kind === 'council') {
          const body = s.body ? bodies.find((b) => b.code === s.body) : undefined
          nextSteps.councils.push(body ? parse(body.name) : s.name)
        } else if (s.kind === 'signature' || s.kind === 'publication') break
      }
    }
  }

  return {
    facts: {
      secretariatName: parse(org.secretariat_name),
      shortName: parse(org.short_name),
      body: { name: parse(facts.body.name) },
      meeting: {
        startsAt: facts.meeting.starts_at,
        timezone: facts.meeting.timezone,
        place: parse(facts.meeting.place),
        format: facts.meeting.format,
      },
      parties: [...parties.values()],
      secretariatPresent: attended.some((p) => !p.party_id),
      documents,
      nextSteps,
      draftedAt,
    },
    principalDocumentId,
    outcomes,
  }
}

/** The draft already made from a meeting (not archived), if any. */
export async function pressDraftOf(db: Queryable, meetingId: string) {
  const rows = await db
    .selectFrom('news_items')
    .select(['id', 'group_id', 'language', 'status'])
    .where('meeting_id', '=', meetingId)
    .where('status', '!=', 'archived')
    .execute()
  if (rows.length === 0) return null
  rows.sort(byLanguage)
  const first = rows[0]!
  return {
    itemId: first.id,
    groupId: first.group_id,
    status: first.status,
    languages: rows.filter((r) => r.group_id === first.group_id).map((r) => r.language as NewsLang),
  }
}
