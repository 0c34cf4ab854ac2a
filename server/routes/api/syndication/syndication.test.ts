/**
 * Syndication through the API, on SQLite and PostgreSQL: subscribing (bad URLs, duplicates,
 * foreign rubrics refused), the durable 'feed.fetch' job against a feed served on this
 * machine (entries unique by guid, conditional GET, size limit, a broken feed recorded as
 * the subscription's error, the next fetch scheduled), "fetch now", republishing (a published
 * item with its source, sanitized), unsubscribing, and a subscription to this Concord's own
 * feed read in process.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import { buildOrganization, buildUser, type World } from '@test/support/factories.js'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { RubricRow } from '../../../db/types.js'
import { FEED_FETCH_EVERY_MS, FEED_FETCH_JOB, fetchFeedHttp } from '../../../jobs/feed-fetch.js'
import { JOB_HANDLERS } from '../../../jobs/handlers.js'
import { runDueJobs } from '../../../jobs/queue.js'
import { mailSettings } from '../../../mail/settings.js'
import { insertItem, insertRubric } from '../../../portal/test-fixture.js'

let t: TestApp
let world: World
let press: Session
let editor: Session
let rubric: RubricRow
let foreignRubric: RubricRow
let server: Server
let base: string

/** What the test feed server answers, changed by the tests. */
const feed = {
  status: 200,
  body: '',
  etag: '"v1"' as string | null,
  requests: [] as { url: string; ifNoneMatch: string | undefined }[],
  contentType: 'application/atom+xml; charset=utf-8',
  hang: false,
  /** Awaited before the answer (e.g. the database used meanwhile). */
  beforeAnswer: null as null | (() => Promise<void>),
}

function atom(entries: { id: string; title: string; content?: string }[], lang = 'ru'): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${lang}">
<id>urn:test</id><title>Пресс-служба</title><updated>2020-08-22T09:02:00Z</updated>
${entries
  .map(
    (e) => `<entry><id>${e.id}</id><title>${e.title}</title>
<link rel="alternate" href="https://cis.example.org/news/${e.id}"/>
<published>2020-08-22T09:02:00Z</published><updated>2020-08-22T09:02:00Z</updated>
<summary>Краткое содержание ${e.title}</summary>
<content type="html">${e.content ?? '&lt;p&gt;Текст.&lt;/p&gt;'}</content></entry>`,
  )
  .join('\n')}
</feed>`
}

async function runJobs(): Promise<number> {
  return runDueJobs(t.handle, JOB_HANDLERS, Date.now() + 1000)
}

async function subscribe(body: Record<string, unknown> = {}) {
  return press.send('POST', '/api/feed-subscriptions', {
    url: `${base}/feed.xml`,
    sourceName: 'пресс-служба Исполкома СНГ',
    rubricId: rubric.id,
    ...body,
  })
}

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res: ServerResponse) => {
    feed.requests.push({
      url: req.url ?? '',
      ifNoneMatch: req.headers['if-none-match'] as string | undefined,
    })
    if (feed.hang) return // never answers
    if (feed.beforeAnswer) {
      const wait = feed.beforeAnswer
      feed.beforeAnswer = null
      void wait().then(() => answer(req, res))
      return
    }
    answer(req, res)
  })
  function answer(req: IncomingMessage, res: ServerResponse) {
    if (req.url === '/huge.xml') {
      res.writeHead(200, { 'content-type': 'application/atom+xml' })
      const chunk = Buffer.alloc(64 * 1024, 0x20)
      for (let i = 0; i < 40; i++) res.write(chunk)
      return res.end()
    }
    if (feed.etag && req.headers['if-none-match'] === feed.etag) {
      res.writeHead(304)
      return res.end()
    }
    res.writeHead(feed.status, {
      'content-type': feed.contentType,
      ...(feed.etag ? { etag: feed.etag } : {}),
    })
    res.end(feed.body)
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  t = await createTestApp()
  world = await buildOrganization(t.handle)
  const other = await buildOrganization(t.handle)
  rubric = await insertRubric(t.handle, world.org.id, 'politics', {
    ru: 'Политика',
    en: 'Politics',
    tg: 'Сиёсат',
  })
  foreignRubric = await insertRubric(t.handle, other.org.id, 'politics', { ru: 'Политика' })
  press = await signIn(t.app, (await buildUser(t.handle, world, 'press_officer')).email)
  editor = await signIn(t.app, (await buildUser(t.handle, world, 'secretariat_editor')).email)
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
  await t.close()
})
beforeEach(() => {
  feed.status = 200
  feed.etag = '"v1"'
  feed.hang = false
  feed.contentType = 'application/atom+xml; charset=utf-8'
  feed.body = atom([{ id: 'urn:e1', title: 'Первая новость' }])
  feed.requests = []
})

describe('subscribing', () => {
  it('refuses what is not an http(s) URL, a rubric of another organization, and a second subscription to a URL', async () => {
    for (const url of [
      'file:///etc/passwd',
      'ftp://example.org/feed',
      'javascript:alert(1)',
      'not a url',
      'http://user:pw@example.org/',
    ]) {
      const res = await subscribe({ url })
      expect(res.statusCode, url).toBe(422)
      expect(res.json().error.code, url).toBe('feed_url_invalid')
    }
    const foreign = await subscribe({ url: `${base}/a.xml`, rubricId: foreignRubric.id })
    expect(foreign.statusCode).toBe(422)
    expect(foreign.json().error.code).toBe('syndication_rubric_invalid')
    expect((await subscribe({ url: `${base}/dup.xml` })).statusCode).toBe(201)
    const again = await subscribe({ url: `${base}/dup.xml` })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('feed_subscription_exists')
    const unknown = await subscribe({ url: `${base}/x.xml`, extra: 1 })
    expect(unknown.statusCode).toBe(422)
  })

  it('lets the secretariat read subscriptions and only the press officer (or administrator) change them', async () => {
    const list = await editor.get('/api/feed-subscriptions')
    expect(list.statusCode).toBe(200)
    expect(list.json().policies.create).toBe(false)
    expect(
      (await editor.send('POST', '/api/feed-subscriptions', { url: `${base}/e.xml`, sourceName: 'x' }))
        .statusCode,
    ).toBe(403)
    expect((await press.get('/api/feed-subscriptions')).json().policies.create).toBe(true)
  })
})

describe('fetching', () => {
  it('stores the entries of the first fetch, scheduled at once, and schedules the next', async () => {
    const created = await subscribe({ url: `${base}/feed.xml` })
    expect(created.statusCode).toBe(201)
    const sub = created.json().data
    expect(sub.nextFetchAt).not.toBeNull()
    expect(sub.lastFetchedAt).toBeNull()
    await runJobs()
    const after = (await press.get(`/api/feed-subscriptions/${sub.id}`)).json().data
    expect(after.lastFetchedAt).not.toBeNull()
    expect(after.lastError).toBeNull()
    expect(after.entryCount).toBe(1)
    // Named after its URL until fetched: then the feed's own title.
    expect(sub.title).toBe(`${base}/feed.xml`)
    expect(after.title).toBe('Пресс-служба')
    // The next fetch is due in half an hour.
    const next = Date.parse(after.nextFetchAt) - Date.now()
    expect(next).toBeGreaterThan(FEED_FETCH_EVERY_MS - 60_000)
    expect(next).toBeLessThanOrEqual(FEED_FETCH_EVERY_MS)
    const entries = (await press.get(`/api/feed-subscriptions/${sub.id}/entries`)).json()
    expect(entries.data).toHaveLength(1)
    expect(entries.data[0]).toMatchObject({
      guid: 'urn:e1',
      title: 'Первая новость',
      link: 'https://cis.example.org/news/urn:e1',
      language: 'ru',
      publishedAt: '2020-08-22T09:02:00.000Z',
      republished: null,
    })
    expect(entries.policies.republish).toBe(true)
  })

  it('fetches outside any transaction: the database answers others while a source is slow', async () => {
    const sub = (await subscribe({ url: `${base}/feed.xml?slow=1` })).json().data
    let answered = false
    // The source answers only after the database has answered someone else. Were the fetch
    // made inside the job's transaction, on SQLite (one connection) this would wait until
    // the fetch timed out, and the fetch would fail.
    feed.beforeAnswer = async () => {
      await t.handle.db.selectFrom('organizations').select('id').execute()
      answered = true
    }
    await runJobs()
    expect(answered).toBe(true)
    const after = (await press.get(`/api/feed-subscriptions/${sub.id}`)).json().data
    expect(after.lastError).toBeNull()
    expect(after.entryCount).toBe(1)
  })

  it('keeps entries unique by guid, sends the ETag back (304 stores nothing), and fetches on demand', async () => {
    const sub = (await subscribe({ url: `${base}/feed.xml?u=1` })).json().data
    await runJobs()
    feed.etag = '"v2"'
    feed.body = atom([
      { id: 'urn:e2', title: 'Вторая новость' },
      { id: 'urn:e1', title: 'Первая новость (изменена)' },
    ])
    const now = await press.send('POST', `/api/feed-subscriptions/${sub.id}/fetch`)
    expect(now.statusCode).toBe(202)
    expect(Date.parse(now.json().data.nextFetchAt)).toBeLessThanOrEqual(Date.now())
    await runJobs()
    let entries = (await press.get(`/api/feed-subscriptions/${sub.id}/entries`)).json().data
    expect(entries.map((e: { guid: string }) => e.guid)).toEqual(['urn:e2', 'urn:e1'])
    expect(entries[1].title).toBe('Первая новость')
    // Unchanged feed: a conditional GET answered 304.
    await press.send('POST', `/api/feed-subscriptions/${sub.id}/fetch`)
    await runJobs()
    const last = feed.requests.filter((r) => r.url === '/feed.xml?u=1').at(-1)!
    expect(last.ifNoneMatch).toBe('"v2"')
    entries = (await press.get(`/api/feed-subscriptions/${sub.id}/entries`)).json().data
    expect(entries).toHaveLength(2)
  })

  it('records a failed fetch on the subscription and tries again sooner', async () => {
    feed.status = 500
    feed.etag = null
    const sub = (await subscribe({ url: `${base}/feed.xml?u=2` })).json().data
    await runJobs()
    let after = (await press.get(`/api/feed-subscriptions/${sub.id}`)).json().data
    expect(after.lastError).toBe('HTTP 500')
    expect(Date.parse(after.nextFetchAt) - Date.now()).toBeLessThan(FEED_FETCH_EVERY_MS / 2)
    feed.status = 200
    feed.body = '<html>not a feed</html>'
    await press.send('POST', `/api/feed-subscriptions/${sub.id}/fetch`)
    await runJobs()
    after = (await press.get(`/api/feed-subscriptions/${sub.id}`)).json().data
    expect(after.lastError).toMatch(/^not a feed/)
    feed.body = atom([{ id: 'urn:ok', title: 'Снова работает' }])
    await press.send('POST', `/api/feed-subscriptions/${sub.id}/fetch`)
    await runJobs()
    after = (await press.get(`/api/feed-subscriptions/${sub.id}`)).json().data
    expect(after.lastError).toBeNull()
    expect(after.entryCount).toBe(1)
    const jobs = await t.handle.db
      .selectFrom('jobs')
      .select('status')
      .where('kind', '=', FEED_FETCH_JOB)
      .execute()
    expect(jobs.every((j) => j.status !== 'failed')).toBe(true)
  })

  it('refuses a feed larger than the limit and one that does not answer in time', async () => {
    await expect(
      fetchFeedHttp(`${base}/huge.xml`, { etag: null, lastModified: null }, { maxBytes: 1024 * 1024 }),
    ).rejects.toThrow(/larger than/)
    feed.hang = true
    const started = Date.now()
    await expect(
      fetchFeedHttp(`${base}/slow.xml`, { etag: null, lastModified: null }, { timeoutMs: 300 }),
    ).rejects.toThrow('timed out')
    expect(Date.now() - started).toBeLessThan(5000)
    await expect(fetchFeedHttp('file:///etc/passwd', { etag: null, lastModified: null })).rejects.toThrow(
      /http/,
    )
  })

  it("reads a feed of this Concord's own portal in process", async () => {
    await insertItem(t.handle, {
      organization_id: world.org.id,
      rubric_id: rubric.id,
      slug: 'own-item',
      title: 'Своя новость',
    })
    const own = `${mailSettings().publicUrl}/portal/${world.org.slug}/ru/atom.xml`
    const sub = (await subscribe({ url: own })).json().data
    await runJobs()
    const after = (await press.get(`/api/feed-subscriptions/${sub.id}`)).json().data
    expect(after.lastError).toBeNull()
    const entries = (await press.get(`/api/feed-subscriptions/${sub.id}/entries`)).json().data
    expect(entries.map((e: { title: string }) => e.title)).toContain('Своя новость')
  })
})

describe('republishing and unsubscribing', () => {
  it('republishes an entry as a published item with its source, once', async () => {
    feed.body = atom([
      {
        id: 'urn:r1',
        title: 'В Минске доработан проект',
        content:
          '&lt;p&gt;Текст новости.&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;p onclick="x()"&gt;Ещё&lt;/p&gt;',
      },
    ])
    const sub = (await subscribe({ url: `${base}/feed.xml?u=3` })).json().data
    await runJobs()
    const [entry] = (await press.get(`/api/feed-subscriptions/${sub.id}/entries`)).json().data
    const bad = await press.send('POST', `/api/feed-entries/${entry.id}/republish`, {
      rubricId: foreignRubric.id,
      datelineCity: 'ДУШАНБЕ',
    })
    expect(bad.statusCode).toBe(422)
    expect(
      (
        await editor.send('POST', `/api/feed-entries/${entry.id}/republish`, {
          rubricId: rubric.id,
          datelineCity: 'ДУШАНБЕ',
        })
      ).statusCode,
    ).toBe(403)
    const res = await press.send('POST', `/api/feed-entries/${entry.id}/republish`, {
      rubricId: rubric.id,
      datelineCity: 'ДУШАНБЕ',
      timezone: 'Asia/Dushanbe',
    })
    expect(res.statusCode).toBe(201)
    const data = res.json().data
    expect(data.publicPath).toBe(`/portal/${world.org.slug}/ru/news/${data.slug}`)
    const item = await t.handle.db
      .selectFrom('news_items')
      .selectAll()
      .where('id', '=', data.itemId)
      .executeTakeFirstOrThrow()
    expect(item).toMatchObject({
      status: 'published',
      language: 'ru',
      title: 'В Минске доработан проект',
      rubric_id: rubric.id,
      source_name: 'пресс-служба Исполкома СНГ',
      source_url: 'https://cis.example.org/news/urn:r1',
      dateline_city: 'ДУШАНБЕ',
      syndicated_entry_id: entry.id,
      timezone: 'Asia/Dushanbe',
    })
    expect(item.body).toBe('<p>Текст новости.</p><p>Ещё</p>')
    expect(item.published_at).not.toBeNull()
    const entries = (await press.get(`/api/feed-subscriptions/${sub.id}/entries`)).json().data
    expect(entries[0].republished).toMatchObject({ itemId: data.itemId, status: 'published' })
    const again = await press.send('POST', `/api/feed-entries/${entry.id}/republish`, {
      rubricId: rubric.id,
      datelineCity: 'ДУШАНБЕ',
    })
    expect(again.statusCode).toBe(409)
    expect(again.json().error.code).toBe('feed_entry_republished')
    // On the portal, with the attribution line.
    const page = await t.app.inject({ method: 'GET', url: data.publicPath })
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain(
      'Со ссылкой на <a href="https://cis.example.org/news/urn:r1" rel="noopener">пресс-службу Исполкома СНГ</a>',
    )
    // An audit entry for the republication.
    const audit = await t.handle.db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', data.itemId)
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['news.republish'])
  })

  it('asks for a language when the entry has none the portal speaks', async () => {
    feed.body = atom([{ id: 'urn:de', title: 'Deutsche Nachricht' }], 'de')
    const sub = (await subscribe({ url: `${base}/feed.xml?u=4` })).json().data
    await runJobs()
    const [entry] = (await press.get(`/api/feed-subscriptions/${sub.id}/entries`)).json().data
    const res = await press.send('POST', `/api/feed-entries/${entry.id}/republish`, {
      rubricId: rubric.id,
      datelineCity: 'X',
    })
    expect(res.statusCode).toBe(422)
    expect(res.json().error.code).toBe('syndication_language_invalid')
    const en = await press.send('POST', `/api/feed-entries/${entry.id}/republish`, {
      rubricId: rubric.id,
      datelineCity: 'X',
      language: 'en',
      title: 'A German news item',
    })
    expect(en.statusCode).toBe(201)
    expect(en.json().data.language).toBe('en')
  })

  it('unsubscribes with the version: the entries and the pending fetch go, republished items stay', async () => {
    const sub = (await subscribe({ url: `${base}/feed.xml?u=5` })).json().data
    await runJobs()
    const [entry] = (await press.get(`/api/feed-subscriptions/${sub.id}/entries`)).json().data
    const item = (
      await press.send('POST', `/api/feed-entries/${entry.id}/republish`, {
        rubricId: rubric.id,
        datelineCity: 'ДУШАНБЕ',
      })
    ).json().data
    expect((await press.send('DELETE', `/api/feed-subscriptions/${sub.id}`)).statusCode).toBe(422)
    expect((await press.send('DELETE', `/api/feed-subscriptions/${sub.id}`, { version: 9 })).statusCode).toBe(
      409,
    )
    expect(
      (await editor.send('DELETE', `/api/feed-subscriptions/${sub.id}`, { version: 1 })).statusCode,
    ).toBe(403)
    const gone = await press.send('DELETE', `/api/feed-subscriptions/${sub.id}`, undefined, {
      'if-match': '"1"',
    })
    expect(gone.statusCode, gone.body).toBe(204)
    expect((await press.get(`/api/feed-subscriptions/${sub.id}`)).statusCode).toBe(404)
    const pending = await t.handle.db
      .selectFrom('jobs')
      .select('id')
      .where('key', '=', `feed.fetch:${sub.id}`)
      .where('status', '=', 'pending')
      .execute()
    expect(pending).toHaveLength(0)
    expect((await t.app.inject({ method: 'GET', url: item.publicPath })).statusCode).toBe(200)
  })
})
