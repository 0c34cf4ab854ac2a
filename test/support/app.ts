/** The real application over a fresh test database, driven through app.inject. */

import { buildApp } from '@server/app.js'
import { loadConfig } from '@server/config.js'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { createTestDb, type TestDb } from './db.js'
import { PASSWORD } from './factories.js'

export interface TestApp extends TestDb {
  app: FastifyInstance
  close(): Promise<void>
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const testDb = await createTestDb()
  const config = loadConfig({ LOG_LEVEL: 'silent', LOGIN_RATE_LIMIT: '1000', ...env })
  const app = await buildApp({ config, handle: testDb.handle, webRoot: null, logger: false })
  await app.ready()
  return {
    ...testDb,
    app,
    async close() {
      await app.close()
      await testDb.destroy()
    },
  }
}

export interface Session {
  cookie: string
  csrf: string
  /** GET with the session. */
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>
  /** A write with the session and its CSRF token. */
  send(
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>
}

/** Signs in through the API, as a browser would. */
export async function signIn(app: FastifyInstance, email: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password } })
  if (res.statusCode !== 200) throw new Error(`sign-in failed for ${email}: ${res.statusCode} ${res.body}`)
  const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ')
  const csrf = res.json().csrfToken as string
  return {
    cookie,
    csrf,
    get: (url, headers = {}) => app.inject({ method: 'GET', url, headers: { cookie, ...headers } }),
    send: (method, url, body, headers = {}) =>
      app.inject({
        method,
        url,
        headers: { cookie, 'x-csrf-token': csrf, ...headers },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
  }
}
