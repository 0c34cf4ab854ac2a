import { NOTIFICATION_KINDS } from '@core/api/notifications.js'
import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import { buildOrganization, buildUser, type World } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
let world: World
let ru: Session
let en: Session
let ruId: string

beforeAll(async () => {
  t = await createTestApp()
  world = await buildOrganization(t.handle)
  const user = await buildUser(t.handle, world, 'head_of_delegation', 'TJK', 'ru')
  ruId = user.id
  ru = await signIn(t.app, user.email)
  en = await signIn(t.app, (await buildUser(t.handle, world, 'secretariat_editor', undefined, 'en')).email)
})
afterAll(() => t.close())

const URL = '/api/me/notification-preferences'
type Pref = { kind: string; group: string; mode: string; label: string }

describe('notification preferences', () => {
  it('lists every kind, grouped, immediate by default, with a label in the user’s language', async () => {
    const res = await ru.get(URL)
    expect(res.statusCode).toBe(200)
    const data = res.json().data
    expect(data.language).toBe('ru')
    expect(data.email).toMatch(/@test\.example$/)
    expect(data.preferences.map((p: Pref) => p.kind)).toEqual(NOTIFICATION_KINDS)
    expect(data.preferences.every((p: Pref) => p.mode === 'immediate')).toBe(true)
    const invited = data.preferences.find((p: Pref) => p.kind === 'meeting_invited')
    expect(invited).toEqual({
      kind: 'meeting_invited',
      group: 'meetings',
      mode: 'immediate',
      label: 'Приглашение на заседание',
    })
    const english = (await en.get(URL))
      .json()
      .data.preferences.find((p: Pref) => p.kind === 'meeting_invited')
    expect(english.label).toBe('Invitation to a meeting')
  })

  it('changes only the kinds named, audits the change, and schedules the daily digest', async () => {
    const res = await ru.send('PUT', URL, { modes: { round_opened: 'off', stage_moved: 'digest' } })
    expect(res.statusCode).toBe(200)
    const modes = Object.fromEntries(res.json().data.preferences.map((p: Pref) => [p.kind, p.mode]))
    expect(modes).toMatchObject({ round_opened: 'off', stage_moved: 'digest', meeting_invited: 'immediate' })
    const again = await ru.send('PUT', URL, { modes: { round_opened: 'immediate' } })
    const after = Object.fromEntries(again.json().data.preferences.map((p: Pref) => [p.kind, p.mode]))
    expect(after).toMatchObject({ round_opened: 'immediate', stage_moved: 'digest' })
    // Another user's settings are untouched.
    const other = (await en.get(URL)).json().data.preferences
    expect(other.every((p: Pref) => p.mode === 'immediate')).toBe(true)

    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select(['action', 'actor_user_id', 'change'])
      .where('subject_id', '=', ruId)
      .where('action', '=', 'user.notification_preferences')
      .orderBy('seq')
      .execute()
    expect(audit).toHaveLength(2)
    expect(audit[0]!.actor_user_id).toBe(ruId)
    expect(JSON.parse(audit[0]!.change)).toEqual({ modes: { round_opened: 'off', stage_moved: 'digest' } })
    const digest = await t.handle.db
      .selectFrom('jobs')
      .select(['kind', 'run_at', 'status'])
      .where('key', 'like', `digest:${ruId}:%`)
      .execute()
    expect(digest).toHaveLength(1)
    expect(digest[0]).toMatchObject({ kind: 'mail.digest', status: 'pending' })
    expect(digest[0]!.run_at).toMatch(/T08:00:00\.000Z$/)
  })

  it('refuses an unknown kind, an unknown mode, an empty change and unknown fields with 422', async () => {
    for (const body of [
      { modes: { telepathy: 'off' } },
      { modes: { round_opened: 'weekly' } },
      { modes: {} },
      { modes: { round_opened: 'off' }, version: 3 },
      {},
    ]) {
      const res = await ru.send('PUT', URL, body)
      expect(res.statusCode, JSON.stringify(body)).toBe(422)
      expect(res.json().error.code).toBe('validation_failed')
    }
  })

  it('needs a session, and the CSRF token to write', async () => {
    expect((await t.app.inject({ method: 'GET', url: URL })).statusCode).toBe(401)
    const res = await t.app.inject({
      method: 'PUT',
      url: URL,
      headers: { cookie: ru.cookie },
      payload: { modes: { adopted: 'off' } },
    })
    expect(res.statusCode).toBe(403)
    expect(res.json().error.code).toBe('csrf_token_invalid')
  })
})
