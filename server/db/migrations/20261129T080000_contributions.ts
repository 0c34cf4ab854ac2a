/**
 * Comment rounds, contributions, co-sponsors, dispositions, revision sources and in-app
 * notifications. Frozen once landed.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('memberships')
    .addColumn('experts_may_submit', 'integer', (c) => c.notNull().defaultTo(0))
    .execute()
  await db.schema.alterTable('versions').addColumn('based_on_version_id', 'text').execute()

  await db.schema
    .createTable('comment_rounds')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
    .addColumn('opens_at', 'text', (c) => c.notNull())
    .addColumn('closes_at', 'text', (c) => c.notNull())
    .addColumn('timezone', 'text', (c) => c.notNull())
    .addColumn('dispositions_published_at', 'text')
    // Bumped by every change to the round's contributions, co-sponsors or dispositions: the
    // key of cached consolidated tables.
    .addColumn('changes', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('comment_rounds_document').on('comment_rounds').column('document_id').execute()

  await db.schema
    .createTable('contributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('round_id', 'text', (c) => c.notNull().references('comment_rounds.id'))
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id'))
    .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('is_observer', 'integer', (c) => c.notNull())
    .addColumn('provision_eid', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('proposed_text', 'text')
    .addColumn('span_start', 'integer')
    .addColumn('span_end', 'integer')
    .addColumn('after_eid', 'text')
    .addColumn('justification', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('drafted_by', 'text', (c) => c.references('users.id'))
    .addColumn('submitted_by', 'text', (c) => c.references('users.id'))
    .addColumn('submitted_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute()
  await db.schema
    .createIndex('contributions_round')
    .on('contributions')
    .columns(['round_id', 'provision_eid'])
    .execute()
  await db.schema
    .createIndex('contributions_party')
    .on('contributions')
    .columns(['party_id', 'round_id'])
    .execute()

  await db.schema
    .createTable('contribution_cosponsors')
    .addColumn('contribution_id', 'text', (c) => c.notNull().references('contributions.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('contribution_cosponsors_pk', ['contribution_id', 'party_id'])
    .execute()

  await db.schema
    .createTable('dispositions')
    .addColumn('contribution_id', 'text', (c) => c.primaryKey().references('contributions.id'))
    .addColumn('round_id', 'text', (c) => c.notNull().references('comment_rounds.id'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('reasoning', 'text', (c) => c.notNull())
    .addColumn('adopted_text', 'text')
    .addColumn('merged_into', 'text', (c) => c.references('contributions.id'))
    .addColumn('decided_by', 'text', (c) => c.references('users.id'))
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('dispositions_round').on('dispositions').column('round_id').execute()

  await db.schema
    .createTable('provision_sources')
    .addColumn('version_id', 'text', (c) => c.notNull().references('versions.id'))
    .addColumn('eid', 'text', (c) => c.notNull())
    .addColumn('contribution_id', 'text', (c) => c.notNull().references('contributions.id'))
    .addPrimaryKeyConstraint('provision_sources_pk', ['version_id', 'eid', 'contribution_id'])
    .execute()

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('params', 'text', (c) => c.notNull())
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute()
  await db.schema.createIndex('notifications_user').on('notifications').columns(['user_id', 'id']).execute()
}
