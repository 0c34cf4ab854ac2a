/**
 * The demo's newsroom: the news item of 22 August 2020 on the expert group's meeting, in
 * Russian, Tajik and English, published under its rubric with the photo of the
 * videoconference and its credit, dateline "МИНСК, 22.08.2020"; and the other items of 2020.
 */
import { verifyChain } from '@server/audit/log.js'
import { loadDemo } from '@server/demo/loader.js'
import { createTestDb, type TestDb } from '@test/support/db.js'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestDb
/** The CIS (the demo also holds a news agency's newsroom, which republishes the item). */
let cis: string

beforeAll(async () => {
  t = await createTestDb()
  await loadDemo(t.handle, 'demo-password', 'all')
  cis = (
    await t.handle.db
      .selectFrom('organizations')
      .select('id')
      .where('slug', '=', 'cis')
      .executeTakeFirstOrThrow()
  ).id
}, 180_000)
afterAll(async () => {
  await t?.destroy()
})

describe('the demo newsroom', () => {
  it('publishes the news item of 22 August 2020 in three languages', async () => {
    const db = t.handle.db
    const items = await db
      .selectFrom('news_items')
      .leftJoin('rubrics', 'rubrics.id', 'news_items.rubric_id')
      .selectAll('news_items')
      .select('rubrics.slug as rubric')
      .where('news_items.organization_id', '=', cis)
      .where('dateline_date', '=', '2020-08-22')
      .execute()
    expect(items.map((i) => i.language).sort()).toEqual(['en', 'ru', 'tg'])
    expect(new Set(items.map((i) => i.group_id)).size).toBe(1)
    for (const i of items) {
      expect(i).toMatchObject({
        status: 'published',
        published_at: '2020-08-22T09:02:00.000Z',
        dateline_date: '2020-08-22',
        timezone: 'Europe/Minsk',
        rubric: 'events',
      })
      expect(i.photo_media_id).toBeTruthy()
      expect(i.photo_alt?.length).toBeGreaterThan(40)
    }
    const ru = items.find((i) => i.language === 'ru')!
    expect(ru.title).toBe(
      'В Минске доработан проект Совместного заявления глав государств – участников СНГ о сотрудничестве в области обеспечения международной информационной безопасности',
    )
    expect(ru).toMatchObject({ dateline_city: 'МИНСК', photo_credit: 'ФОТО: пресс-служба Исполкома СНГ' })
    expect(ru.body).toContain('а также Молдовы (в качестве наблюдателя)')
    expect(items.find((i) => i.language === 'tg')!.lead).toContain('тавассути видеоконференсия')
    expect(items.find((i) => i.language === 'en')!.dateline_city).toBe('MINSK')
    // Not tied to the meeting: the demo's press officer may still draft from the meeting's page.
    expect(items.every((i) => i.meeting_id === null)).toBe(true)
    const audit = await db
      .selectFrom('audit_entries')
      .select('action')
      .where('subject_id', '=', ru.id)
      .orderBy('seq')
      .execute()
    expect(audit.map((a) => a.action)).toEqual(['news.create', 'news.update', 'news.submit', 'news.publish'])
  })

  it('has the photo of the videoconference as a JPEG with its three renditions', async () => {
    const db = t.handle.db
    const media = await db.selectFrom('media').selectAll().where('organization_id', '=', cis).execute()
    expect(media).toHaveLength(1)
    expect(media[0]).toMatchObject({ media_type: 'image/jpeg', width: 1600, height: 900 })
    const meta = await sharp(media[0]!.content).metadata()
    expect(meta.format).toBe('jpeg')
    const renditions = await db
      .selectFrom('media_renditions')
      .select(['name', 'width', 'height'])
      .where('media_id', '=', media[0]!.id)
      .orderBy('width')
      .execute()
    expect(renditions).toEqual([
      { name: 'w320', width: 320, height: 180 },
      { name: 'w800', width: 800, height: 450 },
      { name: 'w1600', width: 1600, height: 900 },
    ])
  })

  it('holds the rubrics and the other items of 2020, one of them still a draft', async () => {
    const db = t.handle.db
    const rubrics = await db
      .selectFrom('rubrics')
      .select(['slug', 'name'])
      .where('organization_id', '=', cis)
      .orderBy('position')
      .execute()
    expect(rubrics.map((r) => r.slug)).toEqual(['events', 'executive-committee', 'statements'])
    expect(JSON.parse(rubrics[0]!.name)).toEqual({ ru: 'События', tg: 'Рӯйдодҳо', en: 'Events' })
    const all = await db
      .selectFrom('news_items')
      .select(['status', 'language', 'published_at'])
      .where('organization_id', '=', cis)
      .execute()
    expect(all.filter((i) => i.status === 'published')).toHaveLength(9)
    expect(all.filter((i) => i.status === 'draft')).toHaveLength(1)
    expect(all.every((i) => !i.published_at || i.published_at.startsWith('2020-'))).toBe(true)
    expect((await verifyChain(db)).ok).toBe(true)
  })
})
