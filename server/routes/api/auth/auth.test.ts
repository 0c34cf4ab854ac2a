import { createTestApp, signIn, type TestApp } from '@test/support/app.js'
import { buildOrganization, buildUser, PASSWORD, type World } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
let world: World
let email: string

beforeAll(async () => {
  t = await createTestApp()
  world = await buildOrganization(t.handle)
  email = (await buildUser(t.handle, world, 'head_of_delegation', 'TJK', 'ru')).email
})
afterAll(() => t.close())

describe('sign-in', () => {
  it('sets an httpOnly SameSite=Lax session cookie and returns the user with a CSRF token', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: PASSWORD },
    })
    expect(res.statusCode).toBe(200)
    const cookie = res.cookies.find((c) => c.name === 'concord_session')!
    expect(cookie.httpOnly).toBe(true)
    expect(cookie.sameSite).toBe('Lax')
    const body = res.json()
    expect(body.data.party.code).toBe('TJK')
    expect(body.data.roles).toEqual(['head_of_delegation'])
    expect(body.csrfToken).toMatch(/^[\w-]{20,}$/)
  })

  it('refuses a wrong password with a translated message and no cookie', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'accept-language': 'en' },
      payload: { email, password: 'wrong' },
    })
    expect(res.statusCode).toBe(401)
    expect(res.json().error).toEqual({
      code: 'invalid_credentials',
      message: 'Wrong e-mail address or password.',
    })
    expect(res.cookies).toHaveLength(0)
  })

  it('refuses an unknown field, naming it', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: 'x', admin: true },
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('validation_failed')
    expect(res.json().error.message).toContain('admin')
  })

  it('answers malformed JSON with 400 invalid_json', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('invalid_json')
  })
})

describe('the session', () => {
  it('serves /api/me, and logout kills the session on the server, not only the cookie', async () => {
    const s = await signIn(t.app, email)
    expect((await s.get('/api/me')).statusCode).toBe(200)
    const out = await s.send('POST', '/api/auth/logout')
    expect(out.statusCode).toBe(204)
    const again = await s.get('/api/me')
    expect(again.statusCode).toBe(401)
    expect(again.json().error.code).toBe('authentication_required')
  })

  it('refuses a cookie-authenticated write without the CSRF token', async () => {
    const s = await signIn(t.app, email)
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/me',
      headers: { cookie: s.cookie },
      payload: { version: 1, locale: 'en' },
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('csrf_token_invalid')
  })

  it('stores the interface language and answers errors in it; a stale version is 409', async () => {
    const s = await signIn(t.app, email)
    const me = (await s.get('/api/me')).json().data
    const res = await s.send('PATCH', '/api/me', { version: me.version, locale: 'en' })
    expect(res.statusCode).toBe(200)
    expect(res.json().data.locale).toBe('en')
    const stale = await s.send('PATCH', '/api/me', { version: me.version, locale: 'ru' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error).toMatchObject({
      code: 'version_changed',
      details: { current: me.version + 1 },
    })
    expect(stale.json().error.message).toMatch(/Someone else/)
  })
})

describe('rate limit', () => {
  it('limits sign-in attempts per address with 429 rate_limited', async () => {
    const limited = await createTestApp({ LOGIN_RATE_LIMIT: '5' })
    const codes: number[] = []
    for (let i = 0; i < 8; i++) {
      const res = await limited.app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '10.9.9.9',
        payload: { email: 'nobody@test.example', password: 'x' },
      })
      codes.push(res.statusCode)
      if (res.statusCode === 429) expect(res.json().error.code).toBe('rate_limited')
    }
    expect(codes).toContain(429)
    expect(codes.filter((c) => c === 401).length).toBe(5)
    await limited.close()
  })
})
