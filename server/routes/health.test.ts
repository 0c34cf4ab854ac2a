import { createTestApp, type TestApp } from '@test/support/app.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
beforeAll(async () => {
  t = await createTestApp()
})
afterAll(() => t.close())

describe('probes and reference', () => {
  it('answers /health and /ready once migrated', async () => {
    expect((await t.app.inject('/health')).json()).toEqual({ status: 'ok' })
    const ready = await t.app.inject('/ready')
    expect(ready.statusCode).toBe(200)
    expect(ready.json().status).toBe('ready')
  })

  it('publishes OpenAPI 3.1 with every resource path, and a browsable reference', async () => {
    const spec = (await t.app.inject('/api/openapi.json')).json()
    expect(spec.openapi).toBe('3.1.0')
    for (const path of [
      '/api/organizations',
      '/api/organizations/{id}/parties',
      '/api/organizations/{id}/bodies',
      '/api/dossiers',
      '/api/dossiers/{id}',
      '/api/documents/{id}',
      '/api/documents/{id}/versions',
      '/api/documents/{id}/versions/{versionId}',
      '/api/auth/login',
      '/api/me',
    ]) {
      expect(Object.keys(spec.paths), path).toContain(path)
    }
    expect(spec.paths['/api/auth/login'].post.requestBody).toBeTruthy()
    const docs = await t.app.inject('/api/docs/')
    expect(docs.statusCode).toBe(200)
    expect(docs.headers['content-type']).toContain('text/html')
  })

  it('answers an unknown API path with a JSON 404 in the requested language', async () => {
    const res = await t.app.inject({ url: '/api/nothing-here', headers: { 'accept-language': 'en' } })
    expect(res.statusCode).toBe(404)
    expect(res.json().error).toEqual({ code: 'route_not_found', message: 'There is no such address.' })
  })

  it('sends security headers', async () => {
    const res = await t.app.inject('/health')
    expect(res.headers['content-security-policy']).toContain("default-src 'self'")
    expect(res.headers['x-content-type-options']).toBe('nosniff')
    expect(res.headers['x-request-id']).toBeTruthy()
  })
})
