import { documentCreator } from '@server/commands/documents.js'
import { inTransaction } from '@server/context.js'
import { JOB_HANDLERS } from '@server/jobs/handlers.js'
import { runDueJobs } from '@server/jobs/queue.js'
import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import { buildDossier, buildUser, type DossierWorld } from '@test/support/factories.js'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
let w: DossierWorld
let press: Session
let admin: Session
let editor: Session
let delegate: Session
let heads: Record<string, Session>

beforeAll(async () => {
  t = await createTestApp()
  w = await buildDossier(t.handle)
  press = await signIn(t.app, (await buildUser(t.handle, w, 'press_officer', undefined, 'ru')).email)
  admin = await signIn(t.app, (await buildUser(t.handle, w, 'secretariat_admin')).email)
  editor = await signIn(t.app, (await buildUser(t.handle, w, 'secretariat_editor')).email)
  delegate = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', 'TJK')).email)
  heads = {
    TJK: delegate,
    ARM: await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', 'ARM')).email),
    RUS: await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', 'RUS')).email),
  }
})
afterAll(() => t.close())

let n = 0
async function create(body: Record<string, unknown> = {}, as = press) {
  const res = await as.send('POST', '/api/news', { language: 'ru', title: `Новость ${++n}`, ...body })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().data
}
const status = (item: { id: string; version: number }, to: string, extra: Record<string, unknown> = {}) =>
  press.send('POST', `/api/news/${item.id}/status`, { version: item.version, status: to, ...extra })

async function imageId(): Promise<string> {
  const png = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#1d3557' } })
    .png()
    .toBuffer()
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/media?filename=photo.png',
    headers: { cookie: press.cookie, 'x-csrf-token': press.csrf, 'content-type': 'image/png' },
    payload: png,
  })
  expect(res.statusCode, res.body).toBe(201)
  return res.json().data.id
}

describe('news items: create, read, edit', () => {
  it('creates a draft with a slug from the title and reads it back with its policies', async () => {
    const item = await create({
      title: 'В Минске согласован проект Совместного заявления',
      lead: 'Коротко.',
      tags: ['СНГ', 'Минск'],
      datelineCity: 'МИНСК',
      datelineDate: '2020-08-22',
      timezone: 'Europe/Minsk',
      sourceName: 'пресс-служба Исполкома СНГ',
      sourceUrl: 'https://cis.minsk.by/news/1',
    })
    expect(item).toMatchObject({
      status: 'draft',
      language: 'ru',
      slug: 'v-minske-soglasovan-proekt-sovmestnogo-zayavleniya',
      tags: ['СНГ', 'Минск'],
      datelineCity: 'МИНСК',
      timezone: 'Europe/Minsk',
      version: 1,
    })
    expect(item.translations).toEqual([
      expect.objectContaining({ id: item.id, language: 'ru', status: 'draft' }),
    ])
    const res = await press.get(`/api/news/${item.id}`)
    expect(res.statusCode).toBe(200)
    expect(res.json().policies).toEqual({
      update: true,
      translate: true,
      submit: true,
      return: false,
      publish: false,
      archive: false,
    })
    // The pen-holders read the newsroom but do not write in it; delegates do not see it.
    expect((await editor.get(`/api/news/${item.id}`)).json().policies.update).toBe(false)
    expect((await editor.send('PATCH', `/api/news/${item.id}`, { version: 1, title: 'x' })).statusCode).toBe(
      403,
    )
    const hidden = await delegate.get(`/api/news/${item.id}`)
    expect(hidden.statusCode).toBe(404)
    expect(hidden.json().error.code).toBe('news_not_found')
    // The audit trail records the creation.
    const entries = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', item.id)
      .execute()
    expect(entries.map((e) => e.action)).toEqual(['news.create'])
  })

  it('removes scripts, event handlers and javascript: links from the body, on create and on edit', async () => {
    const dirty =
      '<p onclick="steal()">Текст <strong>важный</strong></p><script>alert(1)</script>' +
      '<a href="javascript:alert(2)">ссылка</a><img src=x onerror="alert(3)"><style>p{}</style>'
    const item = await create({ body: dirty })
    expect(item.body).toContain('<p>Текст <strong>важный</strong></p>')
    for (const bad of ['script', 'onclick', 'onerror', 'javascript:', '<img', '<style', 'alert'])
      expect(item.body).not.toContain(bad)
    const res = await press.send('PATCH', `/api/news/${item.id}`, {
      version: item.version,
      body: '<h2>Заголовок</h2><p><a href="https://example.org" onmouseover="x()">Источник</a></p><iframe src="https://evil"></iframe>',
    })
    expect(res.statusCode).toBe(200)
    expect(res.json().data.body).toBe(
      '<h2>Заголовок</h2><p><a href="https://example.org" rel="noopener">Источник</a></p>',
    )
    const stored = await t.handle.db
      .selectFrom('news_items')
      .select('body')
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow()
    expect(stored.body).not.toContain('onmouseover')
  })

  it('gives a colliding slug a unique one, per language', async () => {
    const a = await create({ title: 'Заседание Совета' })
    const b = await create({ title: 'Заседание Совета' })
    const c = await create({ title: 'Заседание Совета' })
    const en = await create({ title: 'Zasedanie soveta', language: 'en' })
    expect([a.slug, b.slug, c.slug]).toEqual(['zasedanie-soveta', 'zasedanie-soveta-2', 'zasedanie-soveta-3'])
    expect(en.slug).toBe('zasedanie-soveta')
    // An explicit slug that is taken gets a suffix too; a malformed one is refused.
    const d = await create({ title: 'Другое', slug: 'zasedanie-soveta' })
    expect(d.slug).toBe('zasedanie-soveta-4')
    const bad = await press.send('POST', '/api/news', { language: 'ru', title: 'x', slug: 'Not A Slug' })
    expect(bad.statusCode).toBe(422)
  })

  it('renames the slug with the title until the item is published, then keeps the address', async () => {
    const item = await create({ title: 'Черновой заголовок' })
    let res = await press.send('PATCH', `/api/news/${item.id}`, { version: 1, title: 'Итоговый заголовок' })
    expect(res.json().data.slug).toBe('itogovyy-zagolovok')
    const submitted = (await status(res.json().data, 'in_review')).json().data
    const published = (await status(submitted, 'published')).json().data
    expect(published.status).toBe('published')
    res = await press.send('PATCH', `/api/news/${item.id}`, {
      version: published.version,
      title: 'Исправленный заголовок',
    })
    expect(res.json().data).toMatchObject({ title: 'Исправленный заголовок', slug: 'itogovyy-zagolovok' })
  })

  it('refuses a stale version with 409 version_changed and the current version', async () => {
    const item = await create()
    expect(
      (await press.send('PATCH', `/api/news/${item.id}`, { version: 1, lead: 'Первая правка' })).statusCode,
    ).toBe(200)
    const stale = await press.send('PATCH', `/api/news/${item.id}`, { version: 1, lead: 'Вторая правка' })
    expect(stale.statusCode).toBe(409)
    expect(stale.json().error).toMatchObject({ code: 'version_changed', details: { current: 2 } })
    const noVersion = await press.send('PATCH', `/api/news/${item.id}`, { lead: 'Без версии' })
    expect(noVersion.statusCode).toBe(422)
    const ifMatch = await press.send(
      'PATCH',
      `/api/news/${item.id}`,
      { lead: 'If-Match' },
      { 'if-match': '"2"' },
    )
    expect(ifMatch.statusCode).toBe(200)
  })

  it('needs alternative text for a photo (422 photo_alt_required), and keeps caption and credit', async () => {
    const media = await imageId()
    const item = await create()
    const missing = await press.send('PATCH', `/api/news/${item.id}`, { version: 1, photoMediaId: media })
    expect(missing.statusCode).toBe(422)
    expect(missing.json().error.code).toBe('photo_alt_required')
    const blank = await press.send('POST', '/api/news', {
      language: 'ru',
      title: 'x',
      photoMediaId: media,
      photoAlt: '  ',
    })
    expect(blank.json().error.code).toBe('photo_alt_required')
    const ok = await press.send('PATCH', `/api/news/${item.id}`, {
      version: 1,
      photoMediaId: media,
      photoAlt: 'Экран видеоконференции с делегациями девяти государств',
      photoCaption: 'Заседание экспертной группы',
      photoCredit: 'ФОТО: пресс-служба Исполкома СНГ',
    })
    expect(ok.statusCode, ok.body).toBe(200)
    expect(ok.json().data.photo).toMatchObject({
      mediaId: media,
      alt: 'Экран видеоконференции с делегациями девяти государств',
      credit: 'ФОТО: пресс-служба Исполкома СНГ',
      medium: `/api/media/${media}/w800`,
      width: 1200,
      height: 800,
    })
    // Removing the photo removes what described it.
    const removed = await press.send('PATCH', `/api/news/${item.id}`, { version: 2, photoMediaId: null })
    expect(removed.json().data.photo).toBeNull()
  })

  it('refuses a rubric, image or document of another organization (422 news_reference_invalid)', async () => {
    const other = await buildDossier(t.handle)
    const res = await press.send('POST', '/api/news', {
      language: 'ru',
      title: 'x',
      embargoDocumentId: other.document.id,
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({
      code: 'news_reference_invalid',
      details: { field: 'embargoDocumentId' },
    })
    const tz = await press.send('POST', '/api/news', { language: 'ru', title: 'x', timezone: 'Mars/Olympus' })
    expect(tz.json().error.code).toBe('timezone_unknown')
  })
})

describe('states', () => {
  it('goes draft → in review → draft → in review → published → archived, and refuses other moves', async () => {
    let item = await create()
    const skip = await status(item, 'published')
    expect(skip.statusCode).toBe(409)
    expect(skip.json().error).toMatchObject({
      code: 'news_transition_refused',
      details: { from: 'draft', to: 'published', allowed: ['in_review'] },
    })
    expect(skip.json().error.message).toBe(
      'Новость в состоянии «Черновик» нельзя перевести в состояние «Опубликована».',
    )
    for (const to of ['in_review', 'draft', 'in_review', 'published', 'archived']) {
      const res = await status(item, to)
      expect(res.statusCode, `${to}: ${res.body}`).toBe(200)
      item = res.json().data
      expect(item.status).toBe(to)
    }
    expect(item.publishedAt).toBeTruthy()
    const edit = await press.send('PATCH', `/api/news/${item.id}`, { version: item.version, title: 'x' })
    expect(edit.statusCode).toBe(409)
    expect(edit.json().error.code).toBe('news_archived')
    expect((await status(item, 'published')).json().error.code).toBe('news_transition_refused')
    const actions = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', item.id)
      .orderBy('seq')
      .execute()
    expect(actions.map((a) => a.action)).toEqual([
      'news.create',
      'news.submit',
      'news.return',
      'news.submit',
      'news.publish',
      'news.archive',
    ])
  })

  it('lists by state with counts, filters by language and finds words in any case', async () => {
    const org = w.org.id
    const first = await press.get(`/api/news?organizationId=${org}`)
    expect(first.statusCode).toBe(200)
    const before = first.json().counts
    const item = await create({ title: 'Уникальная ВСТРЕЧА министров' })
    await status(item, 'in_review')
    const res = await press.get('/api/news?status=in_review')
    const body = res.json()
    expect(body.counts.in_review).toBe(before.in_review + 1)
    expect(body.counts.draft).toBe(before.draft)
    expect(body.data.every((i: { status: string }) => i.status === 'in_review')).toBe(true)
    expect(body.policies).toEqual({ create: true })
    const found = (await press.get(`/api/news?q=${encodeURIComponent('встреча')}`)).json()
    expect(found.data.map((i: { id: string }) => i.id)).toEqual([item.id])
    expect(
      (await press.get('/api/news?language=tg'))
        .json()
        .data.every((i: { language: string }) => i.language === 'tg'),
    ).toBe(true)
    // Pages follow the cursor without repeating an item.
    const p1 = (await press.get('/api/news?limit=2')).json()
    const p2 = (await press.get(`/api/news?limit=2&cursor=${p1.page.nextCursor}`)).json()
    expect(p2.data.map((i: { id: string }) => i.id)).not.toContain(p1.data[0].id)
    // The editor reads (no create); a delegate has no newsroom.
    expect((await editor.get('/api/news')).json().policies.create).toBe(false)
    expect((await delegate.get('/api/news')).statusCode).toBe(403)
  })
})

describe('translations', () => {
  it('adds tg and en versions to the item’s group, and refuses a second version in the same language', async () => {
    const media = await imageId()
    const ru = await create({
      title: 'Новость с переводами',
      body: '<p>Текст</p>',
      photoMediaId: media,
      photoAlt: 'Описание',
      datelineCity: 'МИНСК',
    })
    const tg = await press.send('POST', `/api/news/${ru.id}/translations`, {
      language: 'tg',
      title: 'Хабар бо тарҷумаҳо',
      body: '<p>Матн</p><script>x</script>',
    })
    expect(tg.statusCode, tg.body).toBe(201)
    expect(tg.json().data).toMatchObject({
      groupId: ru.groupId,
      language: 'tg',
      status: 'draft',
      slug: 'khabar-bo-tarjumaho',
      body: '<p>Матн</p>',
      datelineCity: 'МИНСК',
      photo: expect.objectContaining({ mediaId: media, alt: 'Описание' }),
    })
    const en = await press.send('POST', `/api/news/${tg.json().data.id}/translations`, { language: 'en' })
    expect(en.statusCode).toBe(201)
    expect(en.json().data.title).toBe('Хабар бо тарҷумаҳо')
    const group = (await press.get(`/api/news/${ru.id}`)).json().data.translations
    expect(group.map((g: { language: string }) => g.language)).toEqual(['ru', 'tg', 'en'])
    const again = await press.send('POST', `/api/news/${ru.id}/translations`, { language: 'tg' })
    expect(again.statusCode).toBe(409)
    expect(again.json().error).toMatchObject({ code: 'news_translation_exists', details: { language: 'tg' } })
    expect(again.json().error.message).toBe('У этой новости уже есть версия на языке: Таджикский.')
  })
})

describe('embargo', () => {
  async function inReview(documentId: string) {
    const item = await create({ embargoDocumentId: documentId })
    return (await status(item, 'in_review')).json().data
  }

  it('refuses to publish while no version of the document has been circulated', async () => {
    const document = await inTransaction(t.handle, null, 'test', (ctx) =>
      documentCreator({
        ctx,
        dossier: w.dossier,
        input: {
          kind: 'decision',
          title: { ru: 'Проект решения', en: 'Draft decision' },
          workingLanguage: 'ru',
        },
      }),
    )
    const item = await inReview(document.id)
    expect(item.embargo).toMatchObject({ state: 'pending', waitsFor: 'circulation', lifted: false })
    const res = await status(item, 'published')
    expect(res.statusCode).toBe(409)
    expect(res.json().error.code).toBe('news_embargoed')
    expect(res.json().error.message).toBe(
      'Публиковать нельзя: действует эмбарго до согласования или принятия документа «Проект решения» — ни одна редакция документа ещё не разослана.',
    )
  })

  it('holds the item until the text is agreed, then lets it through; an adoption lifts it too', async () => {
    const d = await buildDossier(t.handle, { world: w, participants: ['ARM', 'TJK', 'RUS', 'MDA'] })
    const item = await inReview(d.document.id)
    const refused = await status(item, 'published')
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error).toMatchObject({
      code: 'news_embargoed',
      details: { documentId: d.document.id, waitsFor: 'agreement' },
    })
    expect(refused.json().error.message).toContain('«Заявление»')
    expect(refused.json().error.message).toContain('его последняя разосланная редакция ещё не согласована')
    // The members agree and the secretariat freezes the text as agreed.
    const positions = `/api/documents/${d.document.id}/versions/${d.published.id}/positions`
    for (const code of ['ARM', 'TJK', 'RUS'])
      expect((await heads[code]!.send('POST', positions, { kind: 'agree' })).statusCode).toBe(201)
    const frozen = await editor.send(
      'POST',
      `/api/documents/${d.document.id}/versions/${d.published.id}/freeze`,
    )
    expect(frozen.statusCode, frozen.body).toBe(200)
    const fresh = (await press.get(`/api/news/${item.id}`)).json().data
    expect(fresh.embargo).toMatchObject({ state: 'agreed', lifted: true, reason: null })
    const published = await status(fresh, 'published')
    expect(published.statusCode, published.body).toBe(200)
    // A council's decision adopting the text shows as "adopted".
    const body = await t.handle.db
      .selectFrom('bodies')
      .select('id')
      .where('organization_id', '=', w.org.id)
      .executeTakeFirstOrThrow()
    const adoption = await editor.send('POST', `/api/dossiers/${d.dossier.id}/adoptions`, {
      bodyId: body.id,
      decision: 'adopted',
      decidedOn: '2020-12-18',
    })
    expect(adoption.statusCode, adoption.body).toBe(201)
    const later = await create({ embargoDocumentId: d.document.id })
    expect(later.embargo).toMatchObject({ state: 'adopted', lifted: true })
    const list = (await press.get('/api/news?status=in_review')).json().data
    expect(list.find((i: { id: string }) => i.id === item.id)).toBeUndefined()
  })
})

describe('scheduled publication', () => {
  const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString()
  async function jobsOf(itemId: string) {
    return t.handle.db
      .selectFrom('jobs')
      .select(['id', 'status', 'run_at'])
      .where('key', '=', `news.publish:${itemId}`)
      .execute()
  }

  it('publishes at the time set, through the durable job, and not before', async () => {
    let item = await create()
    item = (await status(item, 'in_review')).json().data
    const at = hours(2)
    const res = await status(item, 'published', { publishAt: at })
    expect(res.statusCode, res.body).toBe(200)
    item = res.json().data
    expect(item).toMatchObject({ status: 'in_review', scheduledAt: at, publishedAt: null })
    // Scheduling again moves the one pending job.
    const later = hours(3)
    item = (await status(item, 'published', { publishAt: later })).json().data
    const jobs = await jobsOf(item.id)
    expect(jobs).toHaveLength(1)
    expect(jobs[0]).toMatchObject({ status: 'pending', run_at: later })
    await runDueJobs(t.handle, JOB_HANDLERS, Date.now() + 3600_000)
    expect((await press.get(`/api/news/${item.id}`)).json().data.status).toBe('in_review')
    await runDueJobs(t.handle, JOB_HANDLERS, Date.now() + 4 * 3600_000)
    const done = (await press.get(`/api/news/${item.id}`)).json().data
    expect(done).toMatchObject({ status: 'published', publishedAt: later, scheduledAt: null })
  })

  it('cancels the job when the item goes back to draft', async () => {
    let item = await create()
    item = (await status(item, 'in_review')).json().data
    item = (await status(item, 'published', { publishAt: hours(1) })).json().data
    item = (await status(item, 'draft')).json().data
    expect(item.scheduledAt).toBeNull()
    expect((await jobsOf(item.id)).map((j) => j.status)).toEqual(['cancelled'])
    await runDueJobs(t.handle, JOB_HANDLERS, Date.now() + 2 * 3600_000)
    expect((await press.get(`/api/news/${item.id}`)).json().data.status).toBe('draft')
  })

  it('holds a scheduled publication that the embargo still forbids, and says so in the audit trail', async () => {
    const d = await buildDossier(t.handle, { world: w })
    let item = await create({ embargoDocumentId: d.document.id })
    item = (await status(item, 'in_review')).json().data
    item = (await status(item, 'published', { publishAt: hours(1) })).json().data
    await runDueJobs(t.handle, JOB_HANDLERS, Date.now() + 2 * 3600_000)
    const held = (await press.get(`/api/news/${item.id}`)).json().data
    expect(held.status).toBe('in_review')
    expect(held.embargo.lifted).toBe(false)
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', item.id)
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow()
    expect(audit.action).toBe('news.publication_held')
  })

  it('publishes at once when the time given is already past', async () => {
    let item = await create()
    item = (await status(item, 'in_review')).json().data
    const res = await status(item, 'published', { publishAt: hours(-1) })
    expect(res.json().data.status).toBe('published')
  })
})

describe('rubrics', () => {
  it('are added by the press service, listed in order, and a slug is taken once', async () => {
    const add = (slug: string, name: Record<string, string>, as = press) =>
      as.send('POST', '/api/rubrics', { slug, name })
    const events = await add('events', { ru: 'События', en: 'Events', tg: 'Рӯйдодҳо' })
    expect(events.statusCode, events.body).toBe(201)
    expect((await add('statements', { ru: 'Заявления', en: 'Statements' })).statusCode).toBe(201)
    const again = await add('events', { ru: 'Ещё' })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('rubric_slug_taken')
    expect((await add('x', { ru: 'X' }, editor)).statusCode).toBe(403)
    const list = (await press.get('/api/rubrics')).json()
    expect(list.data.map((r: { slug: string }) => r.slug)).toEqual(['events', 'statements'])
    const item = await create({ rubricId: events.json().data.id })
    expect(item.rubric).toMatchObject({ slug: 'events', name: { ru: 'События' } })
    // An administrator of the secretariat may write in the newsroom too.
    expect(
      (await admin.send('POST', '/api/news', { language: 'en', title: 'By the admin' })).statusCode,
    ).toBe(201)
  })
})

describe('language versions share what does not depend on the language', () => {
  it('carries the rubric, dateline date, time zone and embargo to the other versions, not the text or photo', async () => {
    const rubric = (
      await press.send('POST', '/api/rubrics', { slug: 'shared', name: { ru: 'Общая' } })
    ).json().data
    const ru = await create({ title: 'Общие поля' })
    const en = (
      await press.send('POST', `/api/news/${ru.id}/translations`, { language: 'en', title: 'Shared' })
    ).json().data
    const media = await imageId()
    const res = await press.send('PATCH', `/api/news/${ru.id}`, {
      version: ru.version,
      rubricId: rubric.id,
      datelineDate: '2020-08-22',
      timezone: 'Asia/Dushanbe',
      embargoDocumentId: w.document.id,
      title: 'Общие поля, изменено',
      photoMediaId: media,
      photoAlt: 'Описание',
    })
    expect(res.statusCode, res.body).toBe(200)
    const after = (await press.get(`/api/news/${en.id}`)).json().data
    expect(after).toMatchObject({
      title: 'Shared',
      rubric: { id: rubric.id },
      datelineDate: '2020-08-22',
      timezone: 'Asia/Dushanbe',
      embargo: { documentId: w.document.id },
      photo: null,
      version: en.version + 1,
    })
    // The English version's editor held version 1: it reloads before saving.
    const stale = await press.send('PATCH', `/api/news/${en.id}`, { version: en.version, lead: 'x' })
    expect(stale.json().error.code).toBe('version_changed')
  })
})
