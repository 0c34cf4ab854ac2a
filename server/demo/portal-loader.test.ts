/**
 * The demo's national news agency: НИАТ «Ховар» subscribes to the CIS portal's Atom feed and
 * has republished the press service's item of 22 August 2020 under «Политика», with the
 * dateline "ДУШАНБЕ, 22.08.2020" and the line «Со ссылкой на пресс-службу Исполкома СНГ»;
 * its public page shows it beside the other news of the rubric, and the subscription's
 * periodic fetch (read in process) finds nothing new.
 */

import { buildApp } from '@server/app.js'
import { verifyChain } from '@server/audit/log.js'
import { loadConfig } from '@server/config.js'
import { loadDemo } from '@server/demo/loader.js'
import { JOB_HANDLERS } from '@server/jobs/handlers.js'
import { runDueJobs } from '@server/jobs/queue.js'
import { mailSettings } from '@server/mail/settings.js'
import { createTestDb, type TestDb } from '@test/support/db.js'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MEETING_NEWS } from './press.js'

let t: TestDb
let app: FastifyInstance

beforeAll(async () => {
  t = await createTestDb()
  await loadDemo(t.handle, 'demo-password', 'all')
  const config = loadConfig({ LOG_LEVEL: 'silent', PUBLIC_URL: mailSettings().publicUrl })
  app = await buildApp({ config, handle: t.handle, webRoot: null, logger: false })
  await app.ready()
}, 240_000)
afterAll(async () => {
  await app?.close()
  await t?.destroy()
})

describe('the demo news agency', () => {
  it('subscribes to the CIS portal and has republished the item of 22 August 2020 with its source', async () => {
    const db = t.handle.db
    const khovar = await db
      .selectFrom('organizations')
      .selectAll()
      .where('slug', '=', 'khovar')
      .executeTakeFirstOrThrow()
    const press = await db
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'press@khovar.demo')
      .executeTakeFirstOrThrow()
    expect(press.secretariat_org_id).toBe(khovar.id)
    const subscription = await db
      .selectFrom('feed_subscriptions')
      .selectAll()
      .where('organization_id', '=', khovar.id)
      .executeTakeFirstOrThrow()
    expect(subscription).toMatchObject({
      url: `${mailSettings().publicUrl}/portal/cis/ru/atom.xml`,
      source_name: 'пресс-служба Исполкома СНГ',
      last_error: null,
    })
    const cisRu = await db
      .selectFrom('news_items')
      .innerJoin('organizations', 'organizations.id', 'news_items.organization_id')
      .select(['news_items.id', 'news_items.slug', 'news_items.title'])
      .where('organizations.slug', '=', 'cis')
      .where('news_items.language', '=', 'ru')
      .where('news_items.status', '=', 'published')
      .execute()
    const entries = await db
      .selectFrom('feed_entries')
      .selectAll()
      .where('subscription_id', '=', subscription.id)
      .execute()
    expect(entries.map((e) => e.guid).sort()).toEqual(cisRu.map((i) => `urn:uuid:${i.id}`).sort())
    const republished = entries.filter((e) => e.republished_item_id)
    expect(republished).toHaveLength(1)
    const seed = cisRu.find((i) => i.title === MEETING_NEWS.texts.ru.title)!
    const item = await db
      .selectFrom('news_items')
      .leftJoin('rubrics', 'rubrics.id', 'news_items.rubric_id')
      .selectAll('news_items')
      .select('rubrics.slug as rubric')
      .where('news_items.id', '=', republished[0]!.republished_item_id!)
      .executeTakeFirstOrThrow()
    expect(item).toMatchObject({
      organization_id: khovar.id,
      status: 'published',
      language: 'ru',
      rubric: 'politics',
      source_name: 'пресс-служба Исполкома СНГ',
      source_url: `${mailSettings().publicUrl}/portal/cis/ru/news/${seed.slug}`,
      dateline_city: 'ДУШАНБЕ',
      dateline_date: '2020-08-22',
      published_at: '2020-08-22T07:02:00.000Z',
      timezone: 'Asia/Dushanbe',
      created_by: press.id,
    })
    expect((await verifyChain(db)).ok).toBe(true)
  })

  it("shows the republished item on the agency's portal with its dateline, source line and the rubric's other news", async () => {
    const item = await t.handle.db
      .selectFrom('news_items')
      .innerJoin('organizations', 'organizations.id', 'news_items.organization_id')
      .select('news_items.slug')
      .where('organizations.slug', '=', 'khovar')
      .where('news_items.source_name', 'is not', null)
      .executeTakeFirstOrThrow()
    const res = await app.inject({ method: 'GET', url: `/portal/khovar/ru/news/${item.slug}` })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('ДУШАНБЕ, 22.08.2020')
    expect(res.body).toMatch(
      /Со ссылкой на <a href="[^"]+\/portal\/cis\/ru\/news\/[^"]+" rel="noopener">пресс-службу Исполкома СНГ<\/a>/,
    )
    expect(res.body).toContain('Другие новости этой рубрики')
    expect(res.body).toContain('Состоялись консульские консультации между Таджикистаном и Кыргызстаном')
    expect(res.body).toContain('Национальное информационное агентство Таджикистана «Ховар»')
    const home = await app.inject({ method: 'GET', url: '/portal/khovar/tg/' })
    expect(home.statusCode).toBe(200)
    expect(home.body).toContain('Агентии миллии иттилоотии Тоҷикистон «Ховар»')
  })

  it('fetches the subscription again (in process) and stores nothing new', async () => {
    const before = await t.handle.db.selectFrom('feed_entries').select('id').execute()
    expect(await runDueJobs(t.handle, JOB_HANDLERS, Date.now() + 1000)).toBeGreaterThanOrEqual(1)
    const after = await t.handle.db.selectFrom('feed_entries').select('id').execute()
    expect(after).toHaveLength(before.length)
    const sub = await t.handle.db
      .selectFrom('feed_subscriptions')
      .select(['last_error'])
      .executeTakeFirstOrThrow()
    expect(sub.last_error).toBeNull()
  })
})
