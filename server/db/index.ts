/**
 * The database: Kysely over better-sqlite3 (embedded default) or over PostgreSQL when
 * DATABASE_URL is set. Both run the same migrations and the same queries.
 */
import fs from 'node:fs'
import path from 'node:path'
import SqliteDatabase from 'better-sqlite3'
import {
  Kysely,
  type Migration,
  type MigrationProvider,
  Migrator,
  PostgresDialect,
  SqliteDialect,
  sql,
} from 'kysely'
import pg from 'pg'
import * as foundation from './migrations/20261129T070000_foundation.js'
import * as contributions from './migrations/20261129T080000_contributions.js'
import * as positions from './migrations/20261129T090000_positions.js'
import * as domesticApproval from './migrations/20261129T100000_domestic_approval.js'
import * as meetings from './migrations/20261129T110000_meetings.js'
import * as mail from './migrations/20261129T120000_mail.js'
import * as news from './migrations/20261129T130000_news.js'
import * as portalSearch from './migrations/20261129T140000_portal_search.js'
import type { Database } from './types.js'

export type Db = Kysely<Database>
export type DialectName = 'sqlite' | 'postgres'

/** Migrations in order; listed statically so that the bundled server carries them. */
const MIGRATIONS: Record<string, Migration> = {
  '20261129T070000_foundation': foundation,
  '20261129T080000_contributions': contributions,
  '20261129T090000_positions': positions,
  '20261129T100000_domestic_approval': domesticApproval,
  '20261129T110000_meetings': meetings,
  '20261129T120000_mail': mail,
  '20261129T130000_news': news,
  '20261129T140000_portal_search': portalSearch,
}

class StaticMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    return MIGRATIONS
  }
}

// PostgreSQL returns int8 (bigint) as strings; our bigints (audit seq) fit in a double.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10))

export interface DbHandle {
  db: Db
  dialect: DialectName
  /** The PostgreSQL schema when not the default (tests). */
  schema?: string | undefined
  /** Closes every connection. */
  close(): Promise<void>
}

export interface OpenDbOptions {
  /** PostgreSQL URL; when absent, SQLite at `sqlitePath`. */
  databaseUrl?: string | undefined
  /** SQLite file, or ':memory:'. */
  sqlitePath?: string
  /** PostgreSQL schema to use (tests isolate each file in its own schema). */
  pgSchema?: string
  /** Pool size for PostgreSQL. */
  poolSize?: number
}

/** How many prepared statements to keep per SQLite connection. */
const STATEMENT_CACHE_SIZE = 500

/**
 * better-sqlite3 with prepared statements reused by SQL text: Kysely prepares every query
 * anew, and preparing costs more than running the small queries of a request. Kysely
 * uses one connection and runs one statement at a time, so sharing a statement is safe.
 */
function withStatementCache(database: SqliteDatabase.Database) {
  const statements = new Map<string, SqliteDatabase.Statement>()
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql)
      if (statement) {
        statements.delete(sql)
      } else {
        statement = database.prepare(sql)
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value!)
      }
      statements.set(sql, statement)
      return statement
    },
  }
}

/** Opens the database chosen by the options. */
export function openDb(options: OpenDbOptions): DbHandle {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      ...(options.pgSchema ? { options: `-c search_path=${options.pgSchema}` } : {}),
    })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, dialect: 'postgres', schema: options.pgSchema, close: () => db.destroy() }
  }
  const file = options.sqlitePath ?? ':memory:'
  if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true })
  const database = new SqliteDatabase(file)
  database.pragma('journal_mode = WAL')
  database.pragma('synchronous = FULL')
  database.pragma('foreign_keys = ON')
  database.pragma('busy_timeout = 5000')
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) })
  return { db, dialect: 'sqlite', close: () => db.destroy() }
}

function migratorOf(handle: DbHandle): Migrator {
  return new Migrator({
    db: handle.db,
    provider: new StaticMigrationProvider(),
    // Kysely looks for its tables in every schema unless told which one is ours.
    ...(handle.schema ? { migrationTableSchema: handle.schema } : {}),
  })
}

/** Applies pending migrations; throws with the failing migration's name. */
export async function migrate(handle: DbHandle): Promise<string[]> {
  const migrator = migratorOf(handle)
  const { error, results } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')
    throw new Error(`Migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`)
  }
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName)
}

/** True when every known migration has been applied (used by /ready). */
export async function isMigrated(handle: DbHandle): Promise<boolean> {
  const migrator = migratorOf(handle)
  const list = await migrator.getMigrations()
  return list.every((m) => m.executedAt !== undefined)
}

/** A cheap round trip to the database. */
export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db)
}
