/**
 * Positions of the parties on a version (append-only events; the current position is
 * derived), and the freezing of an agreed version. Frozen once landed.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('position_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('is_observer', 'integer', (c) => c.notNull())
    .addColumn('provision_eid', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text')
    .addColumn('stated_by', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('position_events_version')
    .on('position_events')
    .columns(['version_id', 'id'])
    .execute()
  await db.schema.alterTable('versions').addColumn('frozen_at', 'text').execute()
  await db.schema.alterTable('versions').addColumn('frozen_by', 'text').execute()
}
