import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildApp } from '@server/app.js'
import { loadConfig } from '@server/config.js'
import { createTestDb, type TestDb } from '@test/support/db.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let db: TestDb
let root: string
let app: Awaited<ReturnType<typeof buildApp>>

beforeAll(async () => {
  db = await createTestDb()
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'concord-web-'))
  fs.mkdirSync(path.join(root, 'assets'))
  fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>v1</title>')
  fs.writeFileSync(path.join(root, 'assets', 'app-1.js'), 'console.log(1)')
  app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    handle: db.handle,
    webRoot: root,
    logger: false,
  })
})
afterAll(async () => {
  await app.close()
  await db.destroy()
  fs.rmSync(root, { recursive: true, force: true })
})

describe('serving the web app', () => {
  it('answers client-side routes with index.html and keeps JSON 404s for the API', async () => {
    const page = await app.inject('/dossiers/some-id')
    expect(page.statusCode).toBe(200)
    expect(page.headers['content-type']).toContain('text/html')
    expect(page.body).toContain('v1')
    const api = await app.inject('/api/missing')
    expect(api.statusCode).toBe(404)
    expect(api.json().error.code).toBe('route_not_found')
  })

  it('serves hashed assets as immutable, and picks up a rebuild without a restart', async () => {
    const asset = await app.inject('/assets/app-1.js')
    expect(asset.statusCode).toBe(200)
    expect(asset.headers['cache-control']).toContain('immutable')
    fs.writeFileSync(path.join(root, 'assets', 'app-2.js'), 'console.log(2)')
    const later = new Date(Date.now() + 5000)
    fs.writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>v2</title>')
    fs.utimesSync(path.join(root, 'index.html'), later, later)
    expect((await app.inject('/assets/app-2.js')).statusCode).toBe(200)
    expect((await app.inject('/')).body).toContain('v2')
    expect((await app.inject('/assets/nothing.js')).statusCode).toBe(404)
  })
})
