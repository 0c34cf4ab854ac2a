import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import { buildDossier, buildUser, type DossierWorld } from '@test/support/factories.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
let w: DossierWorld
let press: Session
let editor: Session
let delegate: Session
let meetingId: string

beforeAll(async () => {
  t = await createTestApp()
  w = await buildDossier(t.handle)
  press = await signIn(t.app, (await buildUser(t.handle, w, 'press_officer', undefined, 'ru')).email)
  editor = await signIn(t.app, (await buildUser(t.handle, w, 'secretariat_editor')).email)
  delegate = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', 'TJK')).email)
  for (const code of ['ARM', 'RUS']) await buildUser(t.handle, w, 'head_of_delegation', code)
  await buildUser(t.handle, w, 'observer_delegate', 'MDA')
  const body = await t.handle.db
    .selectFrom('bodies')
    .select('id')
    .where('organization_id', '=', w.org.id)
    .executeTakeFirstOrThrow()
  const res = await editor.send('POST', '/api/meetings', {
    organizationId: w.org.id,
    bodyId: body.id,
    title: { ru: 'Заседание экспертной группы', en: 'Meeting of the expert group' },
    startsAt: '2020-08-21T10:00:00+03:00',
    endsAt: '2020-08-21T13:00:00+03:00',
    timezone: 'Europe/Minsk',
    place: { ru: 'Исполнительный комитет СНГ, Минск', en: 'CIS Executive Committee, Minsk' },
    format: 'videoconference',
    agenda: [{ documentId: w.document.id }],
    delegations: ['ARM', 'TJK', 'RUS', 'MDA'],
    inviteSecretariat: true,
  })
  expect(res.statusCode, res.body).toBe(201)
  meetingId = res.json().data.id
})
afterAll(() => t.close())

const draftUrl = () => `/api/meetings/${meetingId}/press-draft`

async function recordOutcome(outcome: string) {
  const item = await t.handle.db
    .selectFrom('agenda_items')
    .select(['id', 'version'])
    .where('meeting_id', '=', meetingId)
    .executeTakeFirstOrThrow()
  const res = await editor.send('POST', `/api/meetings/${meetingId}/agenda/${item.id}/outcome`, {
    version: item.version,
    outcome,
  })
  expect(res.statusCode, res.body).toBe(200)
}

describe('POST /api/meetings/:id/press-draft', () => {
  it('waits for the outcome to be recorded', async () => {
    const res = await press.send('POST', draftUrl())
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('meeting_outcome_missing')
  })

  it('is the press service’s: the editor and the delegates may not draft', async () => {
    await recordOutcome('agreed')
    expect((await press.get(draftUrl())).json()).toEqual({ data: null, policies: { create: true } })
    expect((await editor.get(draftUrl())).json().policies.create).toBe(false)
    expect((await editor.send('POST', draftUrl())).statusCode).toBe(403)
    expect((await delegate.send('POST', draftUrl())).statusCode).toBe(403)
    const unknown = await press.send('POST', '/api/meetings/0190d8a2-0000-7000-8000-000000000000/press-draft')
    expect(unknown.statusCode).toBe(404)
  })

  it('drafts three linked items, ru, tg and en, from the recorded facts; nothing is published', async () => {
    const res = await press.send('POST', draftUrl())
    expect(res.statusCode, res.body).toBe(201)
    const ru = res.json().data
    expect(ru).toMatchObject({
      language: 'ru',
      status: 'draft',
      meetingId,
      datelineCity: 'МИНСК',
      timezone: 'Europe/Minsk',
      title: 'В Минске согласован проект Заявления',
    })
    expect(ru.lead).toMatch(
      /^21 августа(?: 2020 года)? в Исполнительном комитете СНГ в Минске в режиме видеоконференции состоялось заседание органа «ЭГ»\.$/,
    )
    expect(ru.body).toContain(
      'полномочные представители и эксперты Армении, России и Таджикистана, а также Молдовы (в качестве наблюдателя).',
    )
    expect(ru.body).toContain('В работе заседания участвовали сотрудники Секретариата')
    expect(ru.body).toContain('доработали и согласовали проект Заявления.')
    expect(ru.body).toContain(
      'После внутригосударственного согласования документы будут внесены в установленном порядке на рассмотрение Совета министров иностранных дел и Совета глав государств.',
    )
    // The draft waits for the document's agreement (it is not frozen yet).
    expect(ru.embargo).toMatchObject({ documentId: w.document.id, state: 'pending', waitsFor: 'agreement' })
    expect(ru.translations.map((x: { language: string; status: string }) => [x.language, x.status])).toEqual([
      ['ru', 'draft'],
      ['tg', 'draft'],
      ['en', 'draft'],
    ])
    const en = (await press.get(`/api/news/${ru.translations[2].id}`)).json().data
    expect(en.title).toBe('Draft Statement agreed in Minsk')
    expect(en.body).toContain(
      'experts of Armenia, Russia and Tajikistan, as well as Moldova (as an observer).',
    )
    expect(en.lead).toContain('by videoconference')
    const tg = (await press.get(`/api/news/${ru.translations[1].id}`)).json().data
    expect(tg.lead).toContain('тавассути видеоконференсия')
    expect(tg.body).toContain('Арманистон, Русия ва Тоҷикистон, инчунин Молдова (ҳамчун нозир)')
    const published = await t.handle.db
      .selectFrom('news_items')
      .select('id')
      .where('meeting_id', '=', meetingId)
      .where('status', '=', 'published')
      .execute()
    expect(published).toEqual([])
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', meetingId)
      .where('action', '=', 'news.draft_from_meeting')
      .execute()
    expect(audit).toHaveLength(1)
  })

  it('offers the draft already made instead of a second one; delegates learn nothing of it', async () => {
    const got = (await press.get(draftUrl())).json()
    expect(got.data).toMatchObject({ status: 'draft', languages: ['ru', 'tg', 'en'] })
    expect(got.policies.create).toBe(false)
    const again = await press.send('POST', draftUrl())
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toMatchObject({
      code: 'press_draft_exists',
      details: { itemId: got.data.itemId },
    })
    const seen = await delegate.get(draftUrl())
    expect(seen.statusCode).toBe(200)
    expect(seen.json()).toEqual({ data: null, policies: { create: false } })
  })
})
