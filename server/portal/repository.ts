/**
 * What the public portal reads: organizations by slug, rubrics, published news items (status
 * 'published' only — every query here filters on it), their translations and photos, and
 * the texts adopted by the organization's bodies. Plain functions over the db.
 */
import type { Lang, LocalizedText } from '@core/i18n/languages.js'
import { CompiledQuery, sql } from 'kysely'
import type { Queryable } from '../context.js'
import type { NewsItemRow } from '../db/types.js'

export interface PortalOrg {
  id: string
  slug: string
  name: LocalizedText
  shortName: LocalizedText
}

export interface PortalRubric {
  id: string
  slug: string
  name: LocalizedText
  position: number
}

/** The fields of a published item that lists show. */
export interface ItemSummary {
  id: string
  slug: string
  language: Lang
  title: string
  lead: string
  rubric_id: string | null
  photo_media_id: string | null
  photo_alt: string | null
  dateline_city: string | null
  dateline_date: string | null
  timezone: string
  published_at: string
  updated_at: string
}

const SUMMARY = [
  'news_items.id',
  'news_items.slug',
  'news_items.language',
  'news_items.title',
  'news_items.lead',
  'news_items.rubric_id',
  'news_items.photo_media_id',
  'news_items.photo_alt',
  'news_items.dateline_city',
  'news_items.dateline_date',
  'news_items.timezone',
  'news_items.published_at',
  'news_items.updated_at',
] as const

function toOrg(row: { id: string; slug: string; name: string; short_name: string }): PortalOrg {
  return {
    id: row.id,
    slug: row.slug,
    name: JSON.parse(row.name) as LocalizedText,
    shortName: JSON.parse(row.short_name) as LocalizedText,
  }
}

export async function orgBySlug(db: Queryable, slug: string): Promise<PortalOrg | null> {
  const row = await db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'short_name'])
    .where('slug', '=', slug)
    .executeTakeFirst()
  return row ? toOrg(row) : null
}

/** The organization created first (ids are time-ordered, whatever clock the demo replays): where /portal leads. */
export async function firstOrg(db: Queryable): Promise<PortalOrg | null> {
  const row = await db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'short_name'])
    .orderBy('id')
    .limit(1)
    .executeTakeFirst()
  return row ? toOrg(row) : null
}

export async function allOrgs(db: Queryable): Promise<PortalOrg[]> {
  const rows = await db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name', 'short_name'])
    .orderBy('id')
    .execute()
  return rows.map(toOrg)
}

export async function rubricsOf(db: Queryable, organizationId: string): Promise<PortalRubric[]> {
  const rows = await db
    .selectFrom('rubrics')
    .select(['id', 'slug', 'name', 'position'])
    .where('organization_id', '=', organizationId)
    .orderBy('position')
    .orderBy('slug')
    .execute()
  return rows.map((r) => ({ ...r, name: JSON.parse(r.name) as LocalizedText }))
}

/** Published items of an organization in a language, newest first; optionally of one rubric. */
export async function publishedItems(
  db: Queryable,
  organizationId: string,
  lang: Lang,
  opts: { rubricId?: string; limit: number; offset?: number; exceptId?: string },
): Promise<ItemSummary[]> {
  let q = db
    .selectFrom('news_items')
    .select(SUMMARY)
    .where('organization_id', '=', organizationId)
    .where('language', '=', lang)
    .where('status', '=', 'published')
    .where('published_at', 'is not', null)
  if (opts.rubricId) q = q.where('rubric_id', '=', opts.rubricId)
  if (opts.exceptId) q = q.where('id', '<>', opts.exceptId)
  const rows = await q
    .orderBy('published_at', 'desc')
    .orderBy('id', 'desc')
    .limit(opts.limit)
    .offset(opts.offset ?? 0)
    .execute()
  return rows as ItemSummary[]
}

/** How many items are published in a language (of a rubric), and the newest publication time. */
export async function publishedStamp(
  db: Queryable,
  organizationId: string,
  lang: Lang | null,
  rubricId?: string,
): Promise<{ count: number; latest: string | null }> {
  let q = db
    .selectFrom('news_items')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.max('published_at').as('latest')])
    .where('organization_id', '=', organizationId)
    .where('status', '=', 'published')
  if (lang) q = q.where('language', '=', lang)
  if (rubricId) q = q.where('rubric_id', '=', rubricId)
  const row = await q.executeTakeFirst()
  return { count: Number(row?.n ?? 0), latest: (row?.latest as string | null) ?? null }
}

const stampSql = new WeakMap<object, string>()

/**
 * The published item's id and version, by its address: one lookup on the unique
 * (organization, language, slug) index. The news page asks it on every request, so its SQL
 * is built once per database (Kysely would build it anew each time) and only run.
 */
export async function itemStamp(
  db: Queryable,
  organizationId: string,
  lang: Lang,
  slug: string,
): Promise<{ id: string; version: number; updated_at: string } | null> {
  let text = stampSql.get(db)
  if (!text) {
    text = db
      .selectFrom('news_items')
      .select(['id', 'version', 'updated_at', 'status'])
      .where('organization_id', '=', organizationId)
      .where('language', '=', lang)
      .where('slug', '=', slug)
      .compile().sql
    stampSql.set(db, text)
  }
  const result = await db.executeQuery<{ id: string; version: number; updated_at: string; status: string }>(
    CompiledQuery.raw(text, [organizationId, lang, slug]),
  )
  const row = result.rows[0]
  return row && row.status === 'published'
    ? { id: row.id, version: Number(row.version), updated_at: row.updated_at }
    : null
}

export async function publishedItem(db: Queryable, id: string): Promise<NewsItemRow | null> {
  const row = await db
    .selectFrom('news_items')
    .selectAll()
    .where('id', '=', id)
    .where('status', '=', 'published')
    .executeTakeFirst()
  return row ?? null
}

/** The published language versions of an item's group (the item itself included). */
export async function publishedTranslations(
  db: Queryable,
  groupId: string,
): Promise<{ id: string; language: Lang; slug: string; title: string }[]> {
  const rows = await db
    .selectFrom('news_items')
    .select(['id', 'language', 'slug', 'title'])
    .where('group_id', '=', groupId)
    .where('status', '=', 'published')
    .execute()
  return rows as { id: string; language: Lang; slug: string; title: string }[]
}

export interface Rendition {
  media_id: string
  name: string
  media_type: string
  width: number
  height: number
}

/** The renditions of the given images (without their bytes), narrowest first. */
export async function renditionsOf(db: Queryable, mediaIds: string[]): Promise<Map<string, Rendition[]>> {
  const out = new Map<string, Rendition[]>()
  if (mediaIds.length === 0) return out
  const rows = await db
    .selectFrom('media_renditions')
    .select(['media_id', 'name', 'media_type', 'width', 'height'])
    .where('media_id', 'in', [...new Set(mediaIds)])
    .orderBy('width')
    .execute()
  for (const r of rows) {
    const list = out.get(r.media_id) ?? []
    list.push(r)
    out.set(r.media_id, list)
  }
  return out
}

/** A rendition's bytes, only when the image illustrates a published item. */
export async function publicRendition(
  db: Queryable,
  mediaId: string,
  name: string,
): Promise<{ content: Buffer; media_type: string; size: number } | null> {
  const row = await db
    .selectFrom('media_renditions')
    .select(['content', 'media_type', 'size'])
    .where('media_id', '=', mediaId)
    .where('name', '=', name)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('news_items')
          .select(sql`1`.as('one'))
          .where('news_items.photo_media_id', '=', mediaId)
          .where('news_items.status', '=', 'published'),
      ),
    )
    .executeTakeFirst()
  if (!row) return null
  return { ...row, content: Buffer.from(row.content) }
}

/** One text adopted by a body of the organization (decision 'adopted'). */
export interface AdoptedText {
  adoptionId: string
  documentId: string
  versionId: string
  contentHash: string
  title: LocalizedText
  documentKind: string
  workingLanguage: string
  reference: string
  body: LocalizedText
  decidedOn: string
  position: number
}

/**
 * The texts adopted by the organization's bodies, newest decision first; a version adopted
 * twice (by two councils) is listed once, with its latest adoption.
 */
export async function adoptedTexts(db: Queryable, organizationId: string): Promise<AdoptedText[]> {
  const rows = await db
    .selectFrom('adoptions')
    .innerJoin('dossiers', 'dossiers.id', 'adoptions.dossier_id')
    .innerJoin('bodies', 'bodies.id', 'adoptions.body_id')
    .select([
      'adoptions.id',
      'adoptions.texts',
      'adoptions.decided_on',
      'dossiers.reference',
      'bodies.name as body_name',
    ])
    .where('dossiers.organization_id', '=', organizationId)
    .where('adoptions.decision', '=', 'adopted')
    .orderBy('adoptions.decided_on', 'desc')
    .orderBy('adoptions.id', 'desc')
    .execute()
  const wanted: { adoption: (typeof rows)[number]; documentId: string; versionId: string; hash: string }[] =
    []
  const seen = new Set<string>()
  for (const a of rows) {
    const texts = JSON.parse(a.texts) as { documentId: string; versionId: string; contentHash: string }[]
    for (const text of texts) {
      if (seen.has(text.versionId)) continue
      seen.add(text.versionId)
      wanted.push({
        adoption: a,
        documentId: text.documentId,
        versionId: text.versionId,
        hash: text.contentHash,
      })
    }
  }
  if (wanted.length === 0) return []
  const docs = await db
    .selectFrom('documents')
    .select(['id', 'title', 'kind', 'working_language', 'position'])
    .where(
      'id',
      'in',
      wanted.map((w) => w.documentId),
    )
    .execute()
  const byId = new Map(docs.map((d) => [d.id, d]))
  return wanted.flatMap((w) => {
    const doc = byId.get(w.documentId)
    if (!doc) return []
    return [
      {
        adoptionId: w.adoption.id,
        documentId: w.documentId,
        versionId: w.versionId,
        contentHash: w.hash,
        title: JSON.parse(doc.title) as LocalizedText,
        documentKind: doc.kind,
        workingLanguage: doc.working_language,
        reference: w.adoption.reference,
        body: JSON.parse(w.adoption.body_name) as LocalizedText,
        decidedOn: w.adoption.decided_on,
        position: doc.position,
      },
    ]
  })
}

/** The canonical content of a version (what its SHA-256 is computed over). */
export async function versionContentOf(
  db: Queryable,
  versionId: string,
): Promise<{ content: string; content_hash: string } | null> {
  const row = await db
    .selectFrom('versions')
    .select(['content', 'content_hash'])
    .where('id', '=', versionId)
    .executeTakeFirst()
  return row ?? null
}
