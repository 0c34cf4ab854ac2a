import Parser from 'rss-parser'
import { describe, expect, it } from 'vitest'
import { atomFeed, type FeedEntry, type FeedMeta, rssFeed, sitemapXml } from './feeds.js'

const meta: FeedMeta = {
  title: 'Исполком СНГ: новости & <события>',
  selfUrl: 'https://cis.example.org/portal/cis/ru/atom.xml',
  pageUrl: 'https://cis.example.org/portal/cis/ru/',
  lang: 'ru',
  updated: '2020-08-22T09:02:00.000Z',
  author: 'Исполком СНГ',
}
const entry: FeedEntry = {
  id: '0190f3a2-0000-7000-8000-000000000001',
  title: 'Заголовок с <тегом> & «кавычками»',
  url: 'https://cis.example.org/portal/cis/ru/news/zagolovok?a=1&b=2',
  lead: 'Лид.',
  body: '<p>Текст</p><script>alert(1)</script><p onclick="x()">Ещё</p>',
  publishedAt: '2020-08-22T09:02:00.000Z',
  updatedAt: '2020-08-22T10:00:00.000Z',
  rubric: { slug: 'events', name: 'События' },
  tags: ['СНГ'],
  author: 'Исполком СНГ',
  source: { name: 'пресс-служба', url: 'https://source.example.org/1' },
  image: { url: 'https://cis.example.org/portal/media/x/w800', type: 'image/jpeg', width: 800 },
}
const parser = new Parser()

describe('feeds', () => {
  it('writes Atom that parses back with every value intact and the body sanitized', async () => {
    const xml = atomFeed(meta, [entry])
    const feed = await parser.parseString(xml)
    expect(feed.title).toBe(meta.title)
    const [item] = feed.items
    expect(item!.title).toBe(entry.title)
    expect(item!.link).toBe(entry.url)
    expect(item!.isoDate).toBe(entry.publishedAt)
    expect((item as { id?: string }).id).toBe(`urn:uuid:${entry.id}`)
    expect(item!.content).toBe('<p>Текст</p><p>Ещё</p>')
    expect(item!.summary).toBe('Лид.')
    expect(xml).toContain('xml:lang="ru"')
    expect(xml).toContain('<link rel="via"')
    expect(xml).toContain('<category term="events" label="События"/>')
  })

  it('writes RSS 2.0 with its language, guid, RFC 822 date and full content', async () => {
    const xml = rssFeed(meta, [entry])
    expect(xml).toContain('<pubDate>Sat, 22 Aug 2020 09:02:00 GMT</pubDate>')
    const feed = (await parser.parseString(xml)) as Parser.Output<Record<string, string>> & {
      language?: string
    }
    expect(feed.language).toBe('ru')
    const [item] = feed.items
    expect(item!.guid).toBe(`urn:uuid:${entry.id}`)
    expect(item!.title).toBe(entry.title)
    expect(item!.link).toBe(entry.url)
    expect(item!['content:encoded']).toBe('<p>Текст</p><p>Ещё</p>')
    expect(item!.categories).toEqual(['События'])
  })

  it('writes an empty feed', async () => {
    const feed = await parser.parseString(atomFeed(meta, []))
    expect(feed.items).toEqual([])
  })

  it('writes a sitemap with alternates, escaped', () => {
    const xml = sitemapXml([
      {
        loc: 'https://x.org/a?b=1&c=2',
        lastmod: '2020-08-22T09:02:00.000Z',
        alternates: [
          { lang: 'ru', href: 'https://x.org/ru' },
          { lang: 'tg', href: 'https://x.org/tg' },
        ],
      },
    ])
    expect(xml).toContain('<loc>https://x.org/a?b=1&amp;c=2</loc>')
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="tg" href="https://x.org/tg"/>')
  })
})
