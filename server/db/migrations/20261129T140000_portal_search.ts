/**
 * The public portal's search index (issue 6): the stems of each published news item, one
 * row per (item, stem) with a weight (title 3, lead 2, body 1 per occurrence), and per item
 * the row version that was indexed. Stems are computed in JavaScript (Snowball Russian,
 * Porter English, a light Tajik stripper; server/portal/search/), so SQLite and PostgreSQL
 * answer the same query with the same items. The index is a cache: the portal brings it up
 * to date from `news_items` before it searches (items whose version changed), and joins
 * every hit back to `news_items` where status = 'published', so nothing unpublished is found.
 * No foreign keys: an item's rows are dropped or replaced by the indexer. Frozen once landed.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_search_items')
    .addColumn('item_id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    /** The news item's `version` when it was indexed. */
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createTable('portal_search_terms')
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('term', 'text', (c) => c.notNull())
    .addColumn('weight', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_search_terms_pk', ['item_id', 'term'])
    .execute()
  await db.schema
    .createIndex('portal_search_terms_lookup')
    .on('portal_search_terms')
    .columns(['organization_id', 'language', 'term'])
    .execute()
}
