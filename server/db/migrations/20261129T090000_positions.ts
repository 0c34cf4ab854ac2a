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
  await db.schema
    .createTable('silence_procedures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
    .addColumn('deadline', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.references('users.id'))
    .addColumn('started_at', 'text', (c) => c.notNull())
    .addColumn('broken_at', 'text')
    .addColumn('broken_by', 'text', (c) => c.references('parties.id'))
    .addColumn('completed_at', 'text')
    .addColumn('job_id', 'text')
    .execute()
  await db.schema
    .createIndex('silence_procedures_version')
    .on('silence_procedures')
    .column('version_id')
    .execute()

  // Durable jobs: stored, claimed atomically (FOR UPDATE SKIP LOCKED on PostgreSQL), run once.
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('run_at', 'text', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked_by', 'text')
    .addColumn('locked_until', 'text')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('done_at', 'text')
    .execute()
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute()
  await db.schema
    .createTable('bracket_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
    .addColumn('bracket_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('party_id', 'text', (c) => c.references('parties.id'))
    .addColumn('alternative', 'integer')
    .addColumn('text', 'text')
    .addColumn('agreed_by', 'text')
    .addColumn('by_user', 'text', (c) => c.references('users.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('bracket_events_version')
    .on('bracket_events')
    .columns(['version_id', 'id'])
    .execute()
  // Verification looks versions up by the hash of their content.
  await db.schema.createIndex('versions_content_hash').on('versions').column('content_hash').execute()
  await db.schema.alterTable('versions').addColumn('frozen_at', 'text').execute()
  await db.schema.alterTable('versions').addColumn('frozen_by', 'text').execute()
}
