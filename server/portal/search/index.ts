/**
 * Search over the published news of an organization in one language, the same on SQLite
 * and PostgreSQL: an inverted index of stems (tables portal_search_items / _terms, see the
 * migration 20261129T140000_portal_search) that the portal brings up to date before it
 * searches, and a query that needs every stem of the question and joins back to
 * `news_items` where status = 'published' (an item unpublished since it was indexed is
 * never found). Stems: ./stem.ts.
 */
import type { Lang } from '@core/i18n/languages.js'
import type { Kysely } from 'kysely'
import type { Queryable } from '../../context.js'
import type { Database } from '../../db/types.js'
import { nowIso } from '../../ids.js'
import { plainText } from '../../press/text.js'
import type { ItemSummary } from '../repository.js'
import { queryStems, stems } from './stem.js'

type SearchTables = {
  portal_search_items: {
    item_id: string
    organization_id: string
    language: string
    version: number
    indexed_at: string
  }
  portal_search_terms: {
    item_id: string
    organization_id: string
    language: string
    term: string
    weight: number
  }
}
type SearchDb = Kysely<Database & SearchTables>

function searchDb(db: Queryable): SearchDb {
  return (db as Kysely<Database>).withTables<SearchTables>()
}

/** Longest stem kept (longer "words" are identifiers, URLs, noise). */
const MAX_TERM = 60
/** Most stems taken from one question. */
export const MAX_QUERY_TERMS = 8
/** Most hits ranked for one question. */
const MAX_HITS = 1000
const BATCH = 100

/** The weighted stems of an item: title ×3, lead ×2, body ×1 per occurrence (capped). */
export function termsOf(
  item: { title: string; lead: string; body: string },
  lang: Lang,
): Map<string, number> {
  const weights = new Map<string, number>()
  const add = (text: string, weight: number) => {
    for (const s of stems(text, lang)) {
      if (s.length > MAX_TERM) continue
      weights.set(s, Math.min((weights.get(s) ?? 0) + weight, 1000))
    }
  }
  add(item.title, 3)
  add(item.lead, 2)
  add(plainText(item.body), 1)
  return weights
}

/** The distinct stems of a question (at most MAX_QUERY_TERMS). */
export function queryTerms(query: string, lang: Lang): string[] {
  return [...new Set(queryStems(query, lang).filter((s) => s.length <= MAX_TERM))].slice(0, MAX_QUERY_TERMS)
}

/**
 * Indexes the published items of an organization in a language that are new or changed
 * since they were indexed. Several nodes or requests may do it at once: rows are upserted.
 */
export async function bringIndexUpToDate(db: Queryable, organizationId: string, lang: Lang): Promise<number> {
  const sdb = searchDb(db)
  let done = 0
  for (;;) {
    const stale = await sdb
      .selectFrom('news_items as n')
      .leftJoin('portal_search_items as s', 's.item_id', 'n.id')
      .select(['n.id', 'n.version', 'n.title', 'n.lead', 'n.body'])
      .where('n.organization_id', '=', organizationId)
      .where('n.language', '=', lang)
      .where('n.status', '=', 'published')
      .where((eb) => eb.or([eb('s.item_id', 'is', null), eb('s.version', '<>', eb.ref('n.version'))]))
      .limit(BATCH)
      .execute()
    for (const item of stale) {
      const terms = termsOf(item, lang)
      await sdb.transaction().execute(async (trx) => {
        await trx.deleteFrom('portal_search_terms').where('item_id', '=', item.id).execute()
        const rows = [...terms].map(([term, weight]) => ({
          item_id: item.id,
          organization_id: organizationId,
          language: lang,
          term,
          weight,
        }))
        for (let i = 0; i < rows.length; i += 200) {
          await trx
            .insertInto('portal_search_terms')
            .values(rows.slice(i, i + 200))
            .onConflict((oc) =>
              oc.columns(['item_id', 'term']).doUpdateSet((eb) => ({ weight: eb.ref('excluded.weight') })),
            )
            .execute()
        }
        await trx
          .insertInto('portal_search_items')
          .values({
            item_id: item.id,
            organization_id: organizationId,
            language: lang,
            version: item.version,
            indexed_at: nowIso(),
          })
          .onConflict((oc) =>
            oc.column('item_id').doUpdateSet({ version: item.version, indexed_at: nowIso() }),
          )
          .execute()
      })
      done++
    }
    if (stale.length < BATCH) return done
  }
}

/**
 * The published items that contain every stem of the question, best first (weight, then
 * newest), one page of them, and how many there are.
 */
export async function searchNews(
  db: Queryable,
  organizationId: string,
  lang: Lang,
  query: string,
  page: { limit: number; offset: number },
): Promise<{ total: number; items: ItemSummary[] }> {
  const terms = queryTerms(query, lang)
  if (terms.length === 0) return { total: 0, items: [] }
  const sdb = searchDb(db)
  const hits = await sdb
    .selectFrom('portal_search_terms as t')
    .innerJoin('news_items as n', 'n.id', 't.item_id')
    .select((eb) => ['n.id', 'n.published_at', eb.fn.sum<number>('t.weight').as('score')])
    .where('t.organization_id', '=', organizationId)
    .where('t.language', '=', lang)
    .where('t.term', 'in', terms)
    .where('n.status', '=', 'published')
    .where('n.organization_id', '=', organizationId)
    .where('n.language', '=', lang)
    .groupBy(['n.id', 'n.published_at'])
    .having((eb) => eb.fn.count('t.term'), '=', terms.length)
    .orderBy('score', 'desc')
    .orderBy('n.published_at', 'desc')
    .orderBy('n.id', 'desc')
    .limit(MAX_HITS)
    .execute()
  const ids = hits.slice(page.offset, page.offset + page.limit).map((h) => h.id)
  if (ids.length === 0) return { total: hits.length, items: [] }
  const rows = (await sdb
    .selectFrom('news_items')
    .select([
      'id',
      'slug',
      'language',
      'title',
      'lead',
      'rubric_id',
      'photo_media_id',
      'photo_alt',
      'dateline_city',
      'dateline_date',
      'timezone',
      'published_at',
      'updated_at',
    ])
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .execute()) as ItemSummary[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  return { total: hits.length, items: ids.flatMap((id) => byId.get(id) ?? []) }
}
