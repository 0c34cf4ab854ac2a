import type { MinutesPageDTO } from '@core/api/minutes.js'
import { minutesContent, minutesHash } from '@core/domain/minutes.js'
import type { MeetingRow } from '@server/db/types.js'
import { extractPdfText } from '@server/exports/index.js'
import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import { buildDossier, buildOrganization, buildUser, type DossierWorld } from '@test/support/factories.js'
import { strFromU8, unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertMeeting } from './meeting-fixture.js'

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
const flat = (s: string) => s.replace(/\s+/g, '')

let t: TestApp
let w: DossierWorld
let meeting: MeetingRow
let editor: Session
let press: Session
const heads: Record<string, Session> = {}
let observer: Session
let outsider: Session
let headUserId: Record<string, string>
let url: string

const page = (res: { json(): unknown }) => (res.json() as { data: MinutesPageDTO }).data
const ok = async <R extends { statusCode: number; body: string }>(
  p: Promise<R>,
  status = 200,
): Promise<R> => {
  const res = await p
  expect(res.statusCode, res.body).toBe(status)
  return res
}

beforeAll(async () => {
  t = await createTestApp()
  const world = await buildOrganization(t.handle, {
    members: ['ARM', 'TJK', 'RUS', 'KAZ'],
    observers: ['MDA'],
  })
  w = await buildDossier(t.handle, { world, participants: ['ARM', 'TJK', 'RUS', 'MDA'] })
  editor = await signIn(
    t.app,
    (await buildUser(t.handle, world, 'secretariat_editor', undefined, 'en')).email,
  )
  press = await signIn(t.app, (await buildUser(t.handle, world, 'press_officer')).email)
  headUserId = {}
  for (const code of ['ARM', 'TJK', 'RUS', 'KAZ']) {
    const user = await buildUser(t.handle, world, 'head_of_delegation', code)
    headUserId[code] = user.id
    heads[code] = await signIn(t.app, user.email)
  }
  outsider = heads.KAZ!
  const mda = await buildUser(t.handle, world, 'observer_delegate', 'MDA')
  observer = await signIn(t.app, mda.email)

  // Positions on the circulated version, as stated during the meeting.
  const base = `/api/documents/${w.document.id}/versions/${w.published.id}/positions`
  await ok(
    heads.ARM!.send('POST', base, {
      kind: 'reservation',
      text: 'Армения оставляет за собой право толкования.',
    }),
    201,
  )
  await ok(heads.RUS!.send('POST', base, { kind: 'agree' }), 201)
  await ok(heads.TJK!.send('POST', base, { kind: 'agree_ad_referendum' }), 201)
  await ok(observer.send('POST', base, { kind: 'agree', text: 'Молдова поддерживает.' }), 201)

  const bodyId = (
    await t.handle.db
      .selectFrom('bodies')
      .select('id')
      .where('organization_id', '=', world.org.id)
      .executeTakeFirstOrThrow()
  ).id
  meeting = await insertMeeting(t.handle, {
    organizationId: world.org.id,
    bodyId,
    participants: [
      {
        name: 'А. Саркисян',
        userId: headUserId.ARM!,
        partyId: world.parties.ARM!.id,
        function: 'plenipotentiary',
        attendance: 'remote',
      },
      {
        name: 'И. Петров',
        userId: headUserId.RUS!,
        partyId: world.parties.RUS!.id,
        function: 'plenipotentiary',
      },
      {
        name: 'Ф. Рахимов',
        userId: headUserId.TJK!,
        partyId: world.parties.TJK!.id,
        function: 'plenipotentiary',
        attendance: 'remote',
      },
      {
        name: 'В. Чебан',
        userId: mda.id,
        partyId: world.parties.MDA!.id,
        function: 'observer_delegate',
        attendance: 'remote',
      },
      { name: 'С. Иванов', function: 'secretariat' },
    ],
    agenda: [
      {
        title: { ru: 'О проекте Совместного заявления', en: 'On the draft Joint Statement' },
        dossierId: w.dossier.id,
        documentId: w.document.id,
        versionId: w.published.id,
        outcome: 'agreed_with_reservations',
        note: 'Текст передаётся на внутригосударственное согласование.',
      },
      { title: { ru: 'Разное', en: 'Other business' }, outcome: 'postponed' },
    ],
  })
  url = `/api/meetings/${meeting.id}/minutes`
})
afterAll(() => t.close())

describe('minutes before drafting', () => {
  it('are null, and only the secretariat editor may draft them', async () => {
    const res = await ok(editor.get(url))
    expect(page(res).minutes).toBeNull()
    expect(page(res).meeting.title.ru).toContain('Заседание экспертной группы')
    expect(res.json().policies).toMatchObject({ read: true, draft: true, update: false, approve: false })
    const head = await ok(heads.ARM!.get(url))
    expect(head.json().policies).toMatchObject({ read: true, draft: false })
    expect((await press.get(url)).statusCode).toBe(200)
  })

  it('are hidden outside need-to-know and refused to delegates', async () => {
    expect((await outsider.get(url)).statusCode).toBe(404)
    expect((await outsider.get(url)).json().error.code).toBe('meeting_not_found')
    expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(401)
    expect((await heads.ARM!.send('POST', url)).statusCode).toBe(403)
    expect((await press.send('POST', url)).statusCode).toBe(403)
    expect((await outsider.send('POST', url)).statusCode).toBe(404)
    expect((await editor.get(`${url}.docx`)).json().error.code).toBe('minutes_not_found')
    expect((await editor.get('/api/meetings/nonsense/minutes')).statusCode).toBe(404)
  })
})

describe('drafting, editing, approving', () => {
  it('drafts the minutes from the record in Russian and English', async () => {
    const res = await ok(editor.send('POST', url), 201)
    const m = page(res).minutes!
    expect(m.status).toBe('draft')
    expect(m.languages).toEqual(['ru', 'en'])
    expect(m.version).toBe(1)
    const ru = m.texts.ru!
    expect(ru.title).toBe('ПРОТОКОЛ заседания экспертной группы по международной информационной безопасности')
    const text = ru.sections.flatMap((s) => [s.heading, ...s.paragraphs]).join('\n')
    expect(text).toContain('Присутствовали:')
    expect(text).toContain('ARM: А. Саркисян — полномочный представитель (по видеосвязи).')
    expect(text).toContain('MDA, государство-наблюдатель: В. Чебан')
    expect(text).toContain('Секретариат')
    expect(text).toContain('Представлены 3 из 4 государств-членов')
    expect(text).toContain('Не представлены: KAZ.')
    expect(text).toContain('Повестка дня:')
    expect(text).toContain(`SHA-256: ${w.published.content_hash}`)
    expect(text).toContain('Согласовали: RUS.')
    expect(text).toContain('ARM — согласие с особым мнением: «Армения оставляет за собой право толкования.»')
    expect(text).toContain(
      'Согласовали ad referendum (с последующим подтверждением по итогам внутригосударственного согласования): TJK.',
    )
    expect(text).toContain('MDA, государство-наблюдатель — согласие: «Молдова поддерживает.»')
    expect(text).toContain('Текст передаётся на внутригосударственное согласование.')
    expect(text).toContain(
      'РЕШИЛИ: согласовать проект «Заявление» в редакции «Проект»; особые мнения прилагаются к тексту.',
    )
    expect(text).toContain('РЕШИЛИ: перенести рассмотрение вопроса')
    const en = m.texts.en!.sections.flatMap((s) => [s.heading, ...s.paragraphs]).join('\n')
    expect(en).toContain('Present:')
    expect(en).toContain('DECIDED: to agree the draft “Statement”, version “Draft”')
    // The hash is the SHA-256 of the canonical content, which anyone can recompute.
    expect(m.contentHash).toBe(minutesHash(minutesContent(meeting.id, m.texts)))
    expect(res.json().policies).toMatchObject({ draft: false, redraft: true, update: true, approve: true })
  })

  it('refuses a second draft, and refuses a re-draft without the version read', async () => {
    const again = await editor.send('POST', url)
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('minutes_exist')
    expect(again.json().error.message).toContain('exist')
    expect((await editor.send('POST', `${url}?redraft=true`)).statusCode).toBe(422)
  })

  it('lets the secretariat edit one language, with optimistic concurrency', async () => {
    const before = page(await editor.get(url)).minutes!
    const ru = {
      ...before.texts.ru!,
      sections: before.texts.ru!.sections.map((s) =>
        s.key === 'closing'
          ? { ...s, paragraphs: ['Протокол подготовлен секретариатом.', 'Подпись: И. И. Иванов'] }
          : s,
      ),
    }
    expect((await heads.RUS!.send('PATCH', url, { version: before.version, texts: { ru } })).statusCode).toBe(
      403,
    )
    const stale = await editor.send('PATCH', url, { version: before.version + 5, texts: { ru } })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error.code).toBe('version_changed')
    expect((await editor.send('PATCH', url, { texts: { ru } })).statusCode).toBe(422)
    expect((await editor.send('PATCH', url, { version: before.version, texts: { fr: ru } })).statusCode).toBe(
      422,
    )
    const res = await ok(editor.send('PATCH', url, { version: before.version, texts: { ru } }))
    const after = page(res).minutes!
    expect(after.version).toBe(before.version + 1)
    expect(after.texts.ru!.sections.at(-1)!.paragraphs).toEqual([
      'Протокол подготовлен секретариатом.',
      'Подпись: И. И. Иванов',
    ])
    expect(after.texts.en).toEqual(before.texts.en)
    expect(after.contentHash).not.toBe(before.contentHash)
    expect(after.contentHash).toBe(minutesHash(minutesContent(meeting.id, after.texts)))
  })

  it('re-drafts a draft from the record when asked, losing the edits', async () => {
    const before = page(await editor.get(url)).minutes!
    const res = await ok(editor.send('POST', `${url}?redraft=true`, { version: before.version }))
    const m = page(res).minutes!
    expect(m.version).toBe(before.version + 1)
    expect(m.texts.ru!.sections.at(-1)!.paragraphs[0]).toMatch(/^Протокол подготовлен: Секретариат \d+\.$/)
  })

  it('downloads as DOCX in each language', async () => {
    const res = await ok(heads.TJK!.get(`${url}.docx?lang=ru`))
    expect(res.headers['content-type']).toBe(DOCX)
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename=".*\.docx"; filename\*=UTF-8''/)
    const xml = strFromU8(unzipSync(new Uint8Array(res.rawPayload))['word/document.xml']!)
    expect(xml).toContain('ПРОТОКОЛ заседания экспертной группы')
    expect(xml).toContain('Присутствовали:')
    expect(xml).toContain('Проект протокола')
    expect(xml).toContain('РЕШИЛИ: согласовать')
    const en = strFromU8(
      unzipSync(new Uint8Array((await editor.get(`${url}.docx?lang=en`)).rawPayload))['word/document.xml']!,
    )
    expect(en).toContain('MINUTES of the meeting')
    expect(en).toContain('Agenda:')
    expect((await editor.get(`${url}.docx?lang=tg`)).statusCode).toBe(422)
    expect((await editor.get(`${url}.docx?lang=fr`)).statusCode).toBe(422)
    expect((await outsider.get(`${url}.docx`)).statusCode).toBe(404)
  })

  it('downloads as PDF whose text can be searched, with the hash in the footer', async () => {
    const res = await ok(observer.get(`${url}.pdf?lang=ru`))
    expect(res.headers['content-type']).toBe('application/pdf')
    const m = page(await editor.get(url)).minutes!
    const pdf = extractPdfText(new Uint8Array(res.rawPayload))
    const text = pdf.pages.join('\n')
    expect(text).toContain('ПРОТОКОЛ')
    expect(flat(text)).toContain(flat('Повестка дня:'))
    expect(flat(text)).toContain(flat('Армения оставляет за собой право толкования.'))
    for (const p of pdf.pages) expect(flat(p)).toContain(m.contentHash)
    const en = extractPdfText(new Uint8Array((await editor.get(`${url}.pdf?lang=en`)).rawPayload)).pages.join(
      '\n',
    )
    expect(flat(en)).toContain(flat('Draft minutes'))
  })

  it('approves: immutable from then on, hash fixed, participants notified', async () => {
    const before = page(await editor.get(url)).minutes!
    expect((await heads.ARM!.send('POST', `${url}/approve`, { version: before.version })).statusCode).toBe(
      403,
    )
    expect((await editor.send('POST', `${url}/approve`, { version: before.version - 1 })).statusCode).toBe(
      409,
    )
    const res = await ok(editor.send('POST', `${url}/approve`, { version: before.version }))
    const m = page(res).minutes!
    expect(m.status).toBe('approved')
    expect(m.approvedAt).toBeTruthy()
    expect(m.approvedBy?.displayName).toContain('secretariat_editor')
    expect(m.contentHash).toBe(before.contentHash)
    expect(res.json().policies).toMatchObject({ read: true, update: false, approve: false, redraft: false })

    const notices = await t.handle.db
      .selectFrom('notifications')
      .select(['user_id', 'link', 'params'])
      .where('kind', '=', 'minutes_approved')
      .execute()
    const to = new Set(notices.map((n) => n.user_id))
    for (const code of ['ARM', 'RUS', 'TJK']) expect(to.has(headUserId[code]!), code).toBe(true)
    expect(to.has(headUserId.KAZ!)).toBe(false)
    expect(notices[0]!.link).toBe(`/meetings/${meeting.id}/minutes`)
    expect(JSON.parse(notices[0]!.params).meeting.ru).toContain('Заседание')

    const patch = await editor.send('PATCH', url, { version: m.version, texts: { ru: m.texts.ru } })
    expect(patch.statusCode).toBe(409)
    expect(patch.json().error.code).toBe('minutes_approved')
    expect((await editor.send('POST', `${url}?redraft=true`, { version: m.version })).json().error.code).toBe(
      'minutes_approved',
    )
    expect((await editor.send('POST', `${url}/approve`, { version: m.version })).json().error.code).toBe(
      'minutes_approved',
    )
    const pdf = extractPdfText(
      new Uint8Array((await editor.get(`${url}.pdf?lang=ru`)).rawPayload),
    ).pages.join('\n')
    expect(flat(pdf)).toContain(flat('Протокол утверждён'))
  })

  it('leaves an audit entry for every write', async () => {
    const actions = (
      await t.handle.db
        .selectFrom('audit_entries')
        .select('action')
        .where('subject_type', '=', 'minutes')
        .execute()
    ).map((r) => r.action)
    expect(actions).toEqual(['minutes.draft', 'minutes.update', 'minutes.redraft', 'minutes.approve'])
  })
})

describe('a cancelled meeting', () => {
  it('has no minutes', async () => {
    const bodyId = (
      await t.handle.db
        .selectFrom('meetings')
        .select('body_id')
        .where('id', '=', meeting.id)
        .executeTakeFirstOrThrow()
    ).body_id
    const cancelled = await insertMeeting(t.handle, {
      organizationId: w.org.id,
      bodyId,
      status: 'cancelled',
      participants: [
        {
          name: 'И. Петров',
          userId: headUserId.RUS!,
          partyId: w.parties.RUS!.id,
          function: 'plenipotentiary',
        },
      ],
    })
    const res = await editor.send('POST', `/api/meetings/${cancelled.id}/minutes`)
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('minutes_meeting_cancelled')
    expect((await editor.get(`/api/meetings/${cancelled.id}/minutes`)).json().policies.draft).toBe(false)
  })
})

describe('two officers drafting at once', () => {
  it('lets one win; the other is told the minutes exist', async () => {
    const bodyId = (
      await t.handle.db
        .selectFrom('meetings')
        .select('body_id')
        .where('id', '=', meeting.id)
        .executeTakeFirstOrThrow()
    ).body_id
    const m = await insertMeeting(t.handle, { organizationId: w.org.id, bodyId })
    const second = await signIn(t.app, (await buildUser(t.handle, w, 'secretariat_admin')).email)
    const answers = await Promise.all([
      editor.send('POST', `/api/meetings/${m.id}/minutes`),
      second.send('POST', `/api/meetings/${m.id}/minutes`),
    ])
    expect(answers.map((r) => r.statusCode).sort()).toEqual([201, 409])
    expect(answers.find((r) => r.statusCode === 409)!.json().error.code).toBe('minutes_exist')
    const rows = await t.handle.db.selectFrom('minutes').select('id').where('meeting_id', '=', m.id).execute()
    expect(rows).toHaveLength(1)
  })
})
