/**
 * The public portal over HTTP (app.inject), on SQLite and PostgreSQL: pages in the right
 * language, 404 for drafts and unknown addresses, ETag and 304, cache headers, feeds parsed
 * back with rss-parser, the sitemap as XML with alternates, search by Russian word forms,
 * adopted documents and their verification, and no draft anywhere.
 */
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import { createTestApp, type TestApp } from '@test/support/app.js'
import { buildDossier, buildOrganization, type DossierWorld } from '@test/support/factories.js'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { NewsItemRow, RubricRow } from '../db/types.js'
import { newId } from '../ids.js'
import { PORTAL_CSS_PATH } from './styles.js'
import { insertImage, insertItem, insertRubric } from './test-fixture.js'

const xml2js = createRequire(import.meta.url)('xml2js') as {
  parseStringPromise: (xml: string, opts?: object) => Promise<any>
}
const parser = new Parser()
const BASE = 'https://portal.example.org'

let t: TestApp
let w: DossierWorld
let events: RubricRow
let statements: RubricRow
let seedRu: NewsItemRow
let seedEn: NewsItemRow
let seedTg: NewsItemRow
let other: NewsItemRow
let syndicated: NewsItemRow
let draft: NewsItemRow
let archived: NewsItemRow
let mediaId: string
let draftMediaId: string
let org: string

const BODY_RU =
  '<p>21 августа в Исполнительном комитете СНГ в Минске состоялось заседание экспертной группы по доработке проекта Совместного заявления.</p><p>В нем приняли участие представители Армении, Беларуси и Казахстана.</p><script>alert(1)</script>'

async function get(url: string, headers: Record<string, string> = {}) {
  return t.app.inject({ method: 'GET', url, headers })
}

beforeAll(async () => {
  t = await createTestApp({ PUBLIC_URL: BASE })
  const world = await buildOrganization(t.handle, { slug: `cis-${newId().slice(-6)}` })
  w = await buildDossier(t.handle, { world })
  org = world.org.slug
  const id = world.org.id
  events = await insertRubric(t.handle, id, 'events', { ru: 'События', en: 'Events', tg: 'Рӯйдодҳо' }, 1)
  statements = await insertRubric(
    t.handle,
    id,
    'statements',
    { ru: 'Заявления', en: 'Statements', tg: 'Изҳорот' },
    2,
  )
  mediaId = await insertImage(t.handle, id)
  draftMediaId = await insertImage(t.handle, id)
  const group = newId()
  const common = {
    organization_id: id,
    group_id: group,
    rubric_id: events.id,
    photo_media_id: mediaId,
    photo_credit: 'ФОТО: пресс-служба Исполкома СНГ',
    dateline_city: 'Минск',
    dateline_date: '2020-08-22',
    published_at: '2020-08-22T09:02:00.000Z',
  }
  seedRu = await insertItem(t.handle, {
    ...common,
    language: 'ru',
    slug: 'v-minske-dorabotan-proekt',
    title: 'В Минске доработан проект Совместного заявления',
    lead: 'Эксперты согласовали проект заявления о международной информационной безопасности.',
    body: BODY_RU,
    photo_caption: 'Заседание в режиме видеоконференции',
    photo_alt: 'Экран видеоконференции с девятью делегациями',
    tags: ['информационная безопасность', 'СНГ'],
  })
  seedEn = await insertItem(t.handle, {
    ...common,
    language: 'en',
    dateline_city: 'Minsk',
    slug: 'draft-joint-statement-refined-in-minsk',
    title: 'Draft Joint Statement refined in Minsk',
    lead: 'Experts agreed the draft statement on international information security.',
    body: '<p>On 21 August the meeting of the expert group was held by videoconference at the CIS Executive Committee in Minsk.</p>',
    photo_alt: 'A videoconference screen with nine delegations',
  })
  seedTg = await insertItem(t.handle, {
    ...common,
    language: 'tg',
    slug: 'dar-minsk',
    title: 'Дар Минск лоиҳаи Изҳороти муштарак такмил дода шуд',
    lead: 'Коршиносон лоиҳаро мувофиқа карданд.',
    body: '<p>21 август гурӯҳи коршиносон ҷаласа баргузор кард.</p>',
    photo_alt: 'Экрани видеоконференсия',
  })
  other = await insertItem(t.handle, {
    organization_id: id,
    rubric_id: events.id,
    slug: 'drugaya-novost',
    title: 'Состоялось заседание Совета министров иностранных дел',
    lead: 'Министры обсудили сотрудничество.',
    published_at: '2020-08-20T08:00:00.000Z',
  })
  syndicated = await insertItem(t.handle, {
    organization_id: id,
    rubric_id: statements.id,
    slug: 'perepechatka',
    title: 'Перепечатанная новость',
    source_name: 'пресс-служба Исполкома СНГ',
    source_url: 'https://cis.example.org/portal/cis/ru/news/v-minske',
    dateline_city: 'Душанбе',
    dateline_date: '2020-08-22',
    published_at: '2020-08-22T10:00:00.000Z',
  })
  draft = await insertItem(t.handle, {
    organization_id: id,
    rubric_id: events.id,
    status: 'draft',
    slug: 'sekretnyy-chernovik',
    title: 'Секретный черновик о переговорах',
    body: '<p>Уникальноеслово конфиденциальныйтекст.</p>',
    photo_media_id: draftMediaId,
    photo_alt: 'x',
  })
  archived = await insertItem(t.handle, {
    organization_id: id,
    rubric_id: events.id,
    status: 'archived',
    slug: 'snyataya-novost',
    title: 'Снятая с публикации новость',
    published_at: '2020-08-01T08:00:00.000Z',
  })
  await insertItem(t.handle, {
    organization_id: id,
    rubric_id: events.id,
    status: 'in_review',
    slug: 'na-proverke',
    title: 'Новость на проверке',
  })
})
afterAll(() => t.close())

describe('entry points', () => {
  it('redirects /portal to the first organization in Russian, and /portal/<org> to Russian', async () => {
    const first = await t.handle.db
      .selectFrom('organizations')
      .select('slug')
      .orderBy('id')
      .executeTakeFirstOrThrow()
    const root = await get('/portal')
    expect(root.statusCode).toBe(302)
    expect(root.headers.location).toBe(`/portal/${first.slug}/ru/`)
    const orgRoot = await get(`/portal/${org}`)
    expect(orgRoot.statusCode).toBe(302)
    expect(orgRoot.headers.location).toBe(`/portal/${org}/ru/`)
  })

  it('serves the stylesheet under its hashed name for a year, and nothing under another name', async () => {
    const css = await get(PORTAL_CSS_PATH)
    expect(css.statusCode).toBe(200)
    expect(css.headers['content-type']).toContain('text/css')
    expect(css.headers['cache-control']).toContain('immutable')
    expect(css.body).toContain('@media print')
    expect((await get('/portal/assets/portal.000000000000.css')).statusCode).toBe(404)
  })
})

describe('pages', () => {
  it('renders the home page in each language, with the lang attribute and no script', async () => {
    for (const [lang, heading] of [
      ['ru', 'Новости'],
      ['tg', 'Ахбор'],
      ['en', 'News'],
    ] as const) {
      const res = await get(`/portal/${org}/${lang}/`)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.body).toMatch(new RegExp(`^<!DOCTYPE html>\\s*<html lang="${lang}">`))
      expect(res.body).toContain(`<h1>${heading}</h1>`)
      expect(res.body).not.toMatch(/<script/i)
      expect(res.body).toContain('<main id="main"')
      expect(res.body).toContain('href="#main"')
    }
    const ru = (await get(`/portal/${org}/ru/`)).body
    expect(ru).toContain(seedRu.title)
    expect(ru).toContain(other.title)
    expect(ru).not.toContain(seedEn.title)
    // Language switch: the same page in the other languages.
    expect(ru).toContain(`<a href="/portal/${org}/tg/" lang="tg" hreflang="tg">Тоҷикӣ</a>`)
    expect(ru).toContain(`<link rel="alternate" hreflang="en" href="${BASE}/portal/${org}/en/">`)
    expect(ru).toContain(`type="application/atom+xml"`)
  })

  it('renders the news page: dateline, lead, photo with caption, alt and credit, body, tags, translations, other news of the rubric', async () => {
    const res = await get(`/portal/${org}/ru/news/${seedRu.slug}`)
    expect(res.statusCode).toBe(200)
    const body = res.body
    expect(body).toContain('<html lang="ru">')
    expect(body).toContain(`<h1>${seedRu.title}</h1>`)
    expect(body).toContain('МИНСК, 22.08.2020')
    expect(body).toContain('22 августа 2020, 12:02')
    expect(body).toContain(`<p class="lead">${seedRu.lead}</p>`)
    expect(body).toContain(`alt="${seedRu.photo_alt}"`)
    expect(body).toContain(`srcset="/portal/media/${mediaId}/w320 320w, /portal/media/${mediaId}/w800 800w"`)
    expect(body).toContain('Заседание в режиме видеоконференции')
    expect(body).toContain('<span class="credit">ФОТО: пресс-служба Исполкома СНГ</span>')
    expect(body).toContain('заседание экспертной группы')
    // The body is sanitized on the way out as well.
    expect(body).not.toMatch(/<script/i)
    expect(body).toContain('информационная безопасность')
    expect(body).toContain('Эта новость на других языках')
    expect(body).toContain(`href="/portal/${org}/en/news/${seedEn.slug}" hreflang="en" lang="en"`)
    expect(body).toContain(`href="/portal/${org}/tg/news/${seedTg.slug}" hreflang="tg" lang="tg"`)
    expect(body).toContain('Другие новости этой рубрики')
    expect(body).toContain(other.title)
    expect(body).not.toContain(draft.title)
    // Open Graph and alternates.
    expect(body).toContain(`<meta property="og:title" content="${seedRu.title}">`)
    expect(body).toContain(`<meta property="og:type" content="article">`)
    expect(body).toContain(`<meta property="og:image" content="${BASE}/portal/media/${mediaId}/w800">`)
    expect(body).toContain(`<meta property="og:locale" content="ru_RU">`)
    expect(body).toContain(`<link rel="canonical" href="${BASE}/portal/${org}/ru/news/${seedRu.slug}">`)
    expect(body).toContain(
      `<link rel="alternate" hreflang="tg" href="${BASE}/portal/${org}/tg/news/${seedTg.slug}">`,
    )
    // The language switch leads to the translation.
    expect(body).toContain(
      `<a href="/portal/${org}/en/news/${seedEn.slug}" lang="en" hreflang="en">English</a>`,
    )
  })

  it('writes the Tajik dateline with figures and the English one with the month in words', async () => {
    const tg = await get(`/portal/${org}/tg/news/${seedTg.slug}`)
    expect(tg.statusCode).toBe(200)
    expect(tg.body).toContain('<html lang="tg">')
    expect(tg.body).toContain('МИНСК, 22.08.2020')
    const en = await get(`/portal/${org}/en/news/${seedEn.slug}`)
    expect(en.body).toContain('MINSK, 22 August 2020')
    expect(en.body).toContain('This news item in other languages')
  })

  it('shows the attribution of a republished item with its link, in the case Russian needs', async () => {
    const res = await get(`/portal/${org}/ru/news/${syndicated.slug}`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain(
      `<p class="source">Со ссылкой на <a href="${syndicated.source_url}" rel="noopener">пресс-службу Исполкома СНГ</a></p>`,
    )
    expect(res.body).toContain('ДУШАНБЕ, 22.08.2020')
  })

  it('lists a rubric with pagination, and 404 past its last page', async () => {
    const res = await get(`/portal/${org}/ru/rubrics/events`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<h1>События</h1>')
    expect(res.body).toContain(seedRu.title)
    expect(res.body).not.toContain(syndicated.title)
    expect(res.body).not.toContain(draft.title)
    expect(res.body).not.toContain(archived.title)
    expect(res.body).toContain(`aria-current="page"`)
    expect((await get(`/portal/${org}/ru/rubrics/events?page=2`)).statusCode).toBe(404)
    expect((await get(`/portal/${org}/ru/rubrics/events?page=x`)).statusCode).toBe(404)
    expect((await get(`/portal/${org}/ru/rubrics/nope`)).statusCode).toBe(404)
  })

  it('answers 404 (an HTML page in the language) for drafts, archived and unknown items, organizations and languages', async () => {
    for (const url of [
      `/portal/${org}/ru/news/${draft.slug}`,
      `/portal/${org}/ru/news/${archived.slug}`,
      `/portal/${org}/ru/news/na-proverke`,
      `/portal/${org}/ru/news/nothing-here`,
      `/portal/${org}/en/news/${seedRu.slug}`,
      `/portal/no-such-org/ru/`,
      `/portal/${org}/de/`,
      `/portal/${org}/ru/whatever/else`,
    ]) {
      const res = await get(url)
      expect(res.statusCode, url).toBe(404)
      expect(res.headers['content-type'], url).toContain('text/html')
      expect(res.body, url).not.toContain(draft.title)
    }
    const notFound = await get(`/portal/${org}/en/news/nothing`)
    expect(notFound.body).toContain('<html lang="en">')
    expect(notFound.body).toContain('Page not found')
  })

  it('sends an ETag and a short public Cache-Control, and 304 when the browser has the page', async () => {
    for (const url of [
      `/portal/${org}/ru/`,
      `/portal/${org}/ru/news/${seedRu.slug}`,
      `/portal/${org}/ru/rubrics/events`,
      `/portal/${org}/ru/atom.xml`,
      `/portal/${org}/sitemap.xml`,
    ]) {
      const first = await get(url)
      expect(first.statusCode, url).toBe(200)
      const etag = first.headers.etag as string
      expect(etag, url).toMatch(/^"[\w-]+"$/)
      expect(first.headers['cache-control'], url).toBe('public, max-age=60, stale-while-revalidate=600')
      const again = await get(url, { 'if-none-match': etag })
      expect(again.statusCode, url).toBe(304)
      expect(again.body, url).toBe('')
      expect((await get(url, { 'if-none-match': '"other"' })).statusCode, url).toBe(200)
    }
  })

  it('answers HEAD like GET without a body', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: `/portal/${org}/ru/news/${seedRu.slug}` })
    expect(res.statusCode).toBe(200)
    expect(res.headers.etag).toBeTruthy()
  })

  it('shows an edit at once (the cache key holds the row version) and forgets an unpublished item at once', async () => {
    const before = await get(`/portal/${org}/ru/news/${other.slug}`)
    expect(before.body).toContain(other.title)
    await t.handle.db
      .updateTable('news_items')
      .set({ title: 'Исправленный заголовок', version: other.version + 1 })
      .where('id', '=', other.id)
      .execute()
    const after = await get(`/portal/${org}/ru/news/${other.slug}`)
    expect(after.body).toContain('Исправленный заголовок')
    expect(after.headers.etag).not.toBe(before.headers.etag)

    const temp = await insertItem(t.handle, {
      organization_id: w.org.id,
      rubric_id: events.id,
      slug: 'vremennaya',
      title: 'Временная новость Щукина',
      published_at: '2020-08-23T08:00:00.000Z',
    })
    expect((await get(`/portal/${org}/ru/`)).body).toContain(temp.title)
    expect((await get(`/portal/${org}/ru/atom.xml`)).body).toContain(temp.title)
    await t.handle.db
      .updateTable('news_items')
      .set({ status: 'archived', version: 2 })
      .where('id', '=', temp.id)
      .execute()
    expect((await get(`/portal/${org}/ru/news/vremennaya`)).statusCode).toBe(404)
    expect((await get(`/portal/${org}/ru/`)).body).not.toContain(temp.title)
    expect((await get(`/portal/${org}/ru/atom.xml`)).body).not.toContain(temp.title)
    expect((await get(`/portal/${org}/ru/search?q=Щукина`)).body).not.toContain(temp.title)
  })
})

describe('images', () => {
  it('serves the renditions of an image used by a published item, and nothing else', async () => {
    const res = await get(`/portal/media/${mediaId}/w800`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/jpeg')
    expect(res.rawPayload.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    expect(res.headers['cache-control']).toContain('public')
    expect(
      (await get(`/portal/media/${mediaId}/w800`, { 'if-none-match': res.headers.etag as string }))
        .statusCode,
    ).toBe(304)
    expect((await get(`/portal/media/${draftMediaId}/w800`)).statusCode).toBe(404)
    expect((await get(`/portal/media/${mediaId}/w9999`)).statusCode).toBe(404)
    expect((await get(`/portal/media/not-an-id/w800`)).statusCode).toBe(404)
  })
})

describe('feeds and sitemap', () => {
  it('writes an Atom feed per language that a feed reader parses: titles, links, dates, language', async () => {
    const res = await get(`/portal/${org}/ru/atom.xml`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8')
    expect(res.body).toContain('xml:lang="ru"')
    const feed = await parser.parseString(res.body)
    const titles = feed.items.map((i) => i.title)
    expect(titles).toContain(seedRu.title)
    expect(titles).toContain(syndicated.title)
    expect(titles).not.toContain(draft.title)
    expect(titles).not.toContain(archived.title)
    expect(titles).not.toContain(seedEn.title)
    const seed = feed.items.find((i) => i.title === seedRu.title)!
    expect(seed.link).toBe(`${BASE}/portal/${org}/ru/news/${seedRu.slug}`)
    expect(seed.isoDate).toBe('2020-08-22T09:02:00.000Z')
    expect((seed as { id?: string }).id).toBe(`urn:uuid:${seedRu.id}`)
    expect(seed.content).toContain('заседание экспертной группы')
    expect(seed.content).not.toContain('<script')
    // Newest first.
    expect(feed.items[0]!.title).toBe(syndicated.title)
  })

  it('writes RSS 2.0 with <language>, and feeds per rubric', async () => {
    const res = await get(`/portal/${org}/en/rss.xml`)
    expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8')
    const feed = (await parser.parseString(res.body)) as { language?: string; items: Parser.Item[] }
    expect(feed.language).toBe('en')
    expect(feed.items.map((i) => i.title)).toEqual([seedEn.title])
    expect(feed.items[0]!.link).toBe(`${BASE}/portal/${org}/en/news/${seedEn.slug}`)
    expect(feed.items[0]!.guid).toBe(`urn:uuid:${seedEn.id}`)
    expect(feed.items[0]!.isoDate).toBe('2020-08-22T09:02:00.000Z')

    const rubric = await parser.parseString((await get(`/portal/${org}/ru/rubrics/statements/atom.xml`)).body)
    expect(rubric.items.map((i) => i.title)).toEqual([syndicated.title])
    expect(rubric.title).toContain('Заявления')
    expect((await get(`/portal/${org}/ru/rubrics/nope/atom.xml`)).statusCode).toBe(404)
  })

  it('writes a sitemap that is XML, with hreflang alternates between language versions, and no draft', async () => {
    const res = await get(`/portal/${org}/sitemap.xml`)
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8')
    const doc = await xml2js.parseStringPromise(res.body)
    const urls = doc.urlset.url as {
      loc: string[]
      'xhtml:link'?: { $: { hreflang: string; href: string } }[]
    }[]
    const locs = urls.map((u) => u.loc[0] ?? '')
    expect(locs).toContain(`${BASE}/portal/${org}/ru/news/${seedRu.slug}`)
    expect(locs).toContain(`${BASE}/portal/${org}/tg/`)
    expect(locs.some((l) => l.includes(draft.slug))).toBe(false)
    expect(locs.some((l) => l.includes(archived.slug))).toBe(false)
    const seed = urls.find((u) => u.loc[0] === `${BASE}/portal/${org}/ru/news/${seedRu.slug}`)!
    expect(Object.fromEntries(seed['xhtml:link']!.map((l) => [l.$.hreflang, l.$.href]))).toEqual({
      ru: `${BASE}/portal/${org}/ru/news/${seedRu.slug}`,
      en: `${BASE}/portal/${org}/en/news/${seedEn.slug}`,
      tg: `${BASE}/portal/${org}/tg/news/${seedTg.slug}`,
    })
    const index = await xml2js.parseStringPromise((await get('/portal/sitemap.xml')).body)
    expect(index.sitemapindex.sitemap.map((s: { loc: string[] }) => s.loc[0])).toContain(
      `${BASE}/portal/${org}/sitemap.xml`,
    )
  })
})

describe('search', () => {
  const search = async (lang: string, q: string) =>
    (await get(`/portal/${org}/${lang}/search?q=${encodeURIComponent(q)}`)).body

  it('finds Russian word forms', async () => {
    // The body says «заседание экспертной группы»; other forms find it.
    for (const q of [
      'заседании',
      'заседания экспертная',
      'ЭКСПЕРТНЫХ групп',
      'Минске',
      'безопасность информационная',
    ]) {
      const body = await search('ru', q)
      expect(body, q).toContain(seedRu.title)
      expect(body, q).toContain('Найдено новостей:')
    }
    const none = await search('ru', 'заседании марсиан')
    expect(none).not.toContain(seedRu.title)
    expect(none).toContain('ничего не найдено')
  })

  it('finds English word forms and searches one language at a time', async () => {
    expect(await search('en', 'meetings of the experts')).toContain(seedEn.title)
    expect(await search('en', 'заседание')).not.toContain(seedRu.title)
  })

  it('never finds drafts, and renders without script', async () => {
    const body = await search('ru', 'Уникальноеслово')
    expect(body).not.toContain(draft.title)
    expect(body).not.toMatch(/<script/i)
    const page = await get(`/portal/${org}/ru/search`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('role="search"')
  })

  it('keeps finding an item after it is edited, by its new words only', async () => {
    await t.handle.db
      .updateTable('news_items')
      .set({ body: '<p>Теперь здесь говорится о переговорах в Ашхабаде.</p>', version: seedTg.version + 1 })
      .where('id', '=', seedTg.id)
      .execute()
    expect(await search('tg', 'Ашхабаде')).toContain(seedTg.title)
    expect(await search('tg', 'ҷаласа')).not.toContain(seedTg.title)
  })
})

describe('adopted documents and their verification', () => {
  let hash: string
  let versionId: string

  beforeAll(async () => {
    const body = await t.handle.db
      .selectFrom('bodies')
      .select('id')
      .where('organization_id', '=', w.org.id)
      .executeTakeFirstOrThrow()
    await t.handle.db
      .updateTable('versions')
      .set({ frozen_at: '2020-08-21T10:00:00.000Z' })
      .where('id', '=', w.published.id)
      .execute()
    hash = w.published.content_hash
    versionId = w.published.id
    const adoption = (decision: 'adopted' | 'recommended', texts: unknown[]) => ({
      id: newId(),
      dossier_id: w.dossier.id,
      body_id: body.id,
      meeting_id: null,
      decision,
      decided_on: '2020-10-09',
      signed_on: null,
      signatories: '[]',
      texts: JSON.stringify(texts),
      content_hash: hash,
      recorded_by: null,
      created_at: new Date().toISOString(),
      version: 1,
    })
    await t.handle.db
      .insertInto('adoptions')
      .values(adoption('adopted', [{ documentId: w.document.id, versionId, contentHash: hash }]))
      .execute()
    // A recommendation is not an adoption: its text is not published.
    const draftVersion = await t.handle.db
      .selectFrom('versions')
      .select(['id', 'content_hash'])
      .where('id', '<>', versionId)
      .executeTakeFirst()
    if (draftVersion)
      await t.handle.db
        .insertInto('adoptions')
        .values(
          adoption('recommended', [
            { documentId: w.document.id, versionId: draftVersion.id, contentHash: draftVersion.content_hash },
          ]),
        )
        .execute()
  })

  it('lists the adopted texts with their SHA-256 and links to the text, the JSON and the verification', async () => {
    const res = await get(`/portal/${org}/ru/documents`)
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('<h1>Принятые документы</h1>')
    expect(res.body).toContain(hash)
    expect(res.body).toContain(`/portal/${org}/ru/documents/${versionId}`)
    expect(res.body).toContain(`/portal/${org}/documents/${versionId}.json`)
    expect(res.body).toContain(`/portal/${org}/ru/verify?hash=${hash}`)
    expect(res.body.match(/class="hash"/g)).toHaveLength(1)
  })

  it('shows the text with its hash; the JSON download hashes to it', async () => {
    const page = await get(`/portal/${org}/en/documents/${versionId}`)
    expect(page.statusCode).toBe(200)
    expect(page.body).toContain('Paragraph 1 in English.')
    expect(page.body).toContain(hash)
    const tg = await get(`/portal/${org}/tg/documents/${versionId}`)
    // No Tajik text: the Russian (working language) one, said so.
    expect(tg.body).toContain('Пункт 1 на русском языке.')
    expect(tg.body).toContain('бо забони русӣ')
    const json = await get(`/portal/${org}/documents/${versionId}.json`)
    expect(json.statusCode).toBe(200)
    expect(createHash('sha256').update(json.rawPayload).digest('hex')).toBe(hash)
    expect((await get(`/portal/${org}/ru/documents/${newId()}`)).statusCode).toBe(404)
  })

  it('verifies a hash: a match, no match, and a malformed one', async () => {
    const ok = await get(`/portal/${org}/ru/verify?hash=${hash.toUpperCase()}`)
    expect(ok.statusCode).toBe(200)
    expect(ok.body).toContain('Совпадает с принятым текстом.')
    expect(ok.headers['cache-control']).toBe('no-store')
    const no = await get(`/portal/${org}/ru/verify?hash=${'0'.repeat(64)}`)
    expect(no.body).toContain('нет текста с таким отпечатком')
    const bad = await get(`/portal/${org}/ru/verify?hash=xyz`)
    expect(bad.statusCode).toBe(422)
    expect(bad.body).toContain('64 шестнадцатеричных знаков')
  })

  it('verifies an uploaded file (multipart form, no JavaScript)', async () => {
    const json = (await get(`/portal/${org}/documents/${versionId}.json`)).body
    const upload = (content: string, filename = 'text.json') => {
      const boundary = '----concordtest'
      const payload = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/json\r\n\r\n`,
        ),
        Buffer.from(content),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ])
      return t.app.inject({
        method: 'POST',
        url: `/portal/${org}/en/verify`,
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload,
      })
    }
    const ok = await upload(json)
    expect(ok.statusCode).toBe(200)
    expect(ok.body).toContain('Matches an adopted text.')
    expect(ok.body).toContain(hash)
    const edited = await upload(json.replace('Paragraph 1', 'Paragraph One'))
    expect(edited.body).toContain('No text adopted')
    expect(edited.body).not.toContain(hash)
    const garbage = await upload('not a text at all')
    expect(garbage.statusCode).toBe(422)
    expect(garbage.body).toContain('could not be read')
    const empty = await upload('')
    expect(empty.statusCode).toBe(422)
  })
})
