/**
 * Syndication between two Concord instances on this machine, each with its own database and
 * listening on its own port: B's newsroom (a national news agency) subscribes to A's Atom
 * feed (the CIS Executive Committee's portal) over HTTP, fetches it through the durable job,
 * republishes the item of 22 August 2020 under its own rubric and dateline, and B's public
 * page shows the source line with the link to A's page. A second fetch is conditional (A's
 * ETag): nothing new is stored.
 */
import { createServer } from 'node:net'
import { createTestApp, signIn, type TestApp } from '@test/support/app.js'
import { buildOrganization, buildUser } from '@test/support/factories.js'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JOB_HANDLERS } from '../../../jobs/handlers.js'
import { runDueJobs } from '../../../jobs/queue.js'
import { insertItem, insertRubric } from '../../../portal/test-fixture.js'

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

async function instance(): Promise<{ t: TestApp; url: string }> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const t = await createTestApp({ PUBLIC_URL: url })
  await t.app.listen({ port, host: '127.0.0.1' })
  return { t, url }
}

let a: { t: TestApp; url: string }
let b: { t: TestApp; url: string }
const TITLE = 'В Минске доработан проект Совместного заявления глав государств – участников СНГ'

beforeAll(async () => {
  a = await instance()
  b = await instance()
})
afterAll(async () => {
  await a?.t.close()
  await b?.t.close()
})

describe('two Concord instances', () => {
  it("B subscribes to A's Atom feed over HTTP, fetches, republishes; B's page shows the source line and link", async () => {
    // A: the CIS Executive Committee's press service has published the item.
    const cis = await buildOrganization(a.t.handle, { slug: 'cis' })
    const events = await insertRubric(a.t.handle, cis.org.id, 'events', { ru: 'События', en: 'Events' })
    const seed = await insertItem(a.t.handle, {
      organization_id: cis.org.id,
      rubric_id: events.id,
      slug: 'v-minske-dorabotan-proekt',
      title: TITLE,
      lead: '21 августа в Исполнительном комитете СНГ состоялось заседание экспертной группы.',
      body: '<p>В нем приняли участие полномочные представители и эксперты Армении, Беларуси, Казахстана.</p>',
      dateline_city: 'Минск',
      dateline_date: '2020-08-22',
    })
    const aPage = `${a.url}/portal/cis/ru/news/${seed.slug}`
    expect((await fetch(aPage)).status).toBe(200)

    // B: the national news agency's newsroom.
    const khovar = await buildOrganization(b.t.handle, { slug: 'khovar', members: [], observers: [] })
    const politics = await insertRubric(b.t.handle, khovar.org.id, 'politics', {
      ru: 'Политика',
      tg: 'Сиёсат',
      en: 'Politics',
    })
    const press = await signIn(b.t.app, (await buildUser(b.t.handle, khovar, 'press_officer')).email)
    const created = await press.send('POST', '/api/feed-subscriptions', {
      url: `${a.url}/portal/cis/ru/atom.xml`,
      sourceName: 'пресс-служба Исполкома СНГ',
      rubricId: politics.id,
    })
    expect(created.statusCode).toBe(201)
    const subscription = created.json().data

    // The durable job fetches over HTTP.
    expect(await runDueJobs(b.t.handle, JOB_HANDLERS, Date.now() + 1000)).toBe(1)
    const fetched = (await press.get(`/api/feed-subscriptions/${subscription.id}`)).json().data
    expect(fetched.lastError).toBeNull()
    expect(fetched.title).toBe(`${JSON.parse(cis.org.short_name).ru}: новости`)
    const entries = (await press.get(`/api/feed-subscriptions/${subscription.id}/entries`)).json().data
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({
      guid: `urn:uuid:${seed.id}`,
      title: TITLE,
      link: aPage,
      language: 'ru',
      publishedAt: seed.published_at,
    })

    const republished = await press.send('POST', `/api/feed-entries/${entries[0].id}/republish`, {
      rubricId: politics.id,
      datelineCity: 'ДУШАНБЕ',
      timezone: 'Asia/Dushanbe',
    })
    expect(republished.statusCode).toBe(201)
    const { publicPath } = republished.json().data

    // B's public page, over HTTP.
    const page = await fetch(`${b.url}${publicPath}`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain(`<h1>${TITLE}</h1>`)
    expect(html).toContain(`Со ссылкой на <a href="${aPage}" rel="noopener">пресс-службу Исполкома СНГ</a>`)
    expect(html).toContain('ДУШАНБЕ, ')
    expect(html).toContain('полномочные представители и эксперты Армении')
    expect(html).toContain('>Политика</a>')

    // B's own feed carries the item with its source.
    const bFeed = await fetch(`${b.url}/portal/khovar/ru/rubrics/politics/atom.xml`)
    const bXml = await bFeed.text()
    expect(bXml).toContain(
      `<link rel="via" type="text/html" href="${aPage}" title="пресс-служба Исполкома СНГ"/>`,
    )
    const parsed = await new Parser().parseString(bXml)
    expect(parsed.items.map((i) => i.title)).toEqual([TITLE])

    // A second fetch is conditional: A answers 304 and nothing new is stored.
    const row = await b.t.handle.db
      .selectFrom('feed_subscriptions')
      .select(['etag'])
      .where('id', '=', subscription.id)
      .executeTakeFirstOrThrow()
    expect(row.etag).toMatch(/^"/)
    expect(
      (await fetch(`${a.url}/portal/cis/ru/atom.xml`, { headers: { 'if-none-match': row.etag! } })).status,
    ).toBe(304)
    await press.send('POST', `/api/feed-subscriptions/${subscription.id}/fetch`)
    expect(await runDueJobs(b.t.handle, JOB_HANDLERS, Date.now() + 1000)).toBe(1)
    const again = (await press.get(`/api/feed-subscriptions/${subscription.id}`)).json().data
    expect(again.lastError).toBeNull()
    expect(again.entryCount).toBe(1)
  })
})
