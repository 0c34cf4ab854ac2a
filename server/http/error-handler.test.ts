import { buildApp } from '@server/app.js'
import { loadConfig } from '@server/config.js'
import { createTestDb, type TestDb } from '@test/support/db.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestDb

beforeAll(async () => {
  t = await createTestDb()
})
afterAll(async () => {
  await t?.destroy()
})

describe('the error handler', () => {
  it('answers a unique constraint of the real database with 409 concurrent_change, not 500', async () => {
    const app = await buildApp({
      config: loadConfig({ LOG_LEVEL: 'silent' }),
      handle: t.handle,
      webRoot: null,
      logger: false,
    })
    // The same row twice: the database itself refuses the second insert.
    app.get('/test/race', async () => {
      await t.handle.db
        .insertInto('organizations')
        .values({
          id: 'o1',
          slug: 'race',
          name: '{}',
          short_name: '{}',
          secretariat_name: '{}',
          procedure: 'cis',
          version: 1,
          created_at: '2020-01-01T00:00:00Z',
          updated_at: '2020-01-01T00:00:00Z',
        })
        .execute()
      return { ok: true }
    })
    await app.ready()
    expect((await app.inject({ url: '/test/race', headers: { 'accept-language': 'en' } })).statusCode).toBe(
      200,
    )
    const second = await app.inject({ url: '/test/race', headers: { 'accept-language': 'en' } })
    expect(second.statusCode).toBe(409)
    expect(second.json().error.code).toBe('concurrent_change')
    expect(second.json().error.message).toContain('at the same moment')
    await app.close()
  })
})
