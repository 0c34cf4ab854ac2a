/**
 * A fresh, migrated database for one test file: SQLite in memory by default, or a
 * PostgreSQL schema of its own when CONCORD_TEST_DB=postgres (DATABASE_URL, default the
 * local `test` database), dropped afterwards. Real databases, never mocks.
 */
import { randomBytes } from 'node:crypto'
import { type DbHandle, migrate, openDb } from '@server/db/index.js'
import pg from 'pg'

export const TEST_DB = process.env.CONCORD_TEST_DB === 'postgres' ? 'postgres' : 'sqlite'
export const TEST_PG_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test'

export interface TestDb {
  handle: DbHandle
  /** Drops the schema (PostgreSQL) and closes connections. */
  destroy(): Promise<void>
}

export async function createTestDb(): Promise<TestDb> {
  if (TEST_DB === 'sqlite') {
    const handle = openDb({ sqlitePath: ':memory:' })
    await migrate(handle)
    return { handle, destroy: () => handle.close() }
  }
  // Seen once while two suites shared the server: the fresh schema was not visible to the
  // pool's first connection. Each attempt uses a new schema; the third failure is reported.
  for (let attempt = 1; ; attempt++) {
    const schema = `t_${randomBytes(6).toString('hex')}`
    const admin = new pg.Client({ connectionString: TEST_PG_URL })
    await admin.connect()
    await admin.query(`create schema ${schema}`)
    await admin.end()
    const handle = openDb({ databaseUrl: TEST_PG_URL, pgSchema: schema, poolSize: 4 })
    try {
      await migrate(handle)
    } catch (err) {
      await handle.close()
      const c = new pg.Client({ connectionString: TEST_PG_URL })
      await c.connect()
      await c.query(`drop schema if exists ${schema} cascade`)
      await c.end()
      if (attempt >= 3) throw err
      continue
    }
    return {
      handle,
      async destroy() {
        await handle.close()
        const c = new pg.Client({ connectionString: TEST_PG_URL })
        await c.connect()
        await c.query(`drop schema ${schema} cascade`)
        await c.end()
      },
    }
  }
}
