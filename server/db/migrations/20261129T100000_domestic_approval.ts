/**
 * Domestic approval (внутригосударственное согласование) of a dossier, per member, and the
 * delegates a party designates to state its positions. Frozen once landed.
 */
import type { Kysely } from 'kysely'

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('domestic_approvals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dossier_id', 'text', (c) => c.notNull().references('dossiers.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('note', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addUniqueConstraint('domestic_approvals_dossier_party', ['dossier_id', 'party_id'])
    .execute()

  // Whom a party designates, besides its head of delegation, to state its positions.
  await db.schema
    .createTable('position_delegates')
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('party_id', 'text', (c) => c.notNull().references('parties.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('designated_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('position_delegates_pk', ['organization_id', 'party_id', 'user_id'])
    .execute()
}
