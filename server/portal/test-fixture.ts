/**
 * Test data for the portal written straight into the tables (news items in any state,
 * rubrics, an image with renditions, an adopted text), so that the portal's tests do not
 * depend on the newsroom's commands. Tests only.
 */
import { createHash } from 'node:crypto'
import type { LocalizedText } from '@core/i18n/languages.js'
import sharp from 'sharp'
import type { DbHandle } from '../db/index.js'
import type { NewsItemRow, RubricRow } from '../db/types.js'
import { newId } from '../ids.js'

let n = 0

export async function insertRubric(
  handle: DbHandle,
  organizationId: string,
  slug: string,
  name: LocalizedText,
  position = 0,
): Promise<RubricRow> {
  const row: RubricRow = {
    id: newId(),
    organization_id: organizationId,
    slug,
    name: JSON.stringify(name),
    position,
    created_at: new Date().toISOString(),
  }
  await handle.db.insertInto('rubrics').values(row).execute()
  return row
}

export type ItemInput = Partial<Omit<NewsItemRow, 'tags'>> & {
  organization_id: string
  title: string
  tags?: string[]
}

/** A news item (published by default, at `published_at` or 2020-08-22T09:02:00Z). */
export async function insertItem(handle: DbHandle, input: ItemInput): Promise<NewsItemRow> {
  const now = new Date().toISOString()
  const status = input.status ?? 'published'
  const row: NewsItemRow = {
    id: newId(),
    group_id: newId(),
    language: 'ru',
    slug: `item-${++n}`,
    status,
    lead: '',
    body: '<p></p>',
    rubric_id: null,
    photo_media_id: null,
    photo_caption: null,
    photo_alt: null,
    photo_credit: null,
    source_name: null,
    source_url: null,
    dateline_city: null,
    dateline_date: null,
    timezone: 'Europe/Minsk',
    scheduled_at: null,
    published_at: status === 'published' ? '2020-08-22T09:02:00.000Z' : null,
    embargo_document_id: null,
    meeting_id: null,
    syndicated_entry_id: null,
    created_by: null,
    updated_by: null,
    created_at: now,
    updated_at: now,
    version: 1,
    ...input,
    tags: JSON.stringify(input.tags ?? []),
  }
  await handle.db.insertInto('news_items').values(row).execute()
  return row
}

/** A small image (a PNG drawn by sharp) with renditions w320 and w800. */
export async function insertImage(handle: DbHandle, organizationId: string): Promise<string> {
  const id = newId()
  const original = await sharp({
    create: { width: 1200, height: 675, channels: 3, background: { r: 11, g: 58, b: 110 } },
  })
    .png()
    .toBuffer()
  await handle.db
    .insertInto('media')
    .values({
      id,
      organization_id: organizationId,
      filename: 'photo.png',
      media_type: 'image/png',
      width: 1200,
      height: 675,
      size: original.length,
      sha256: createHash('sha256').update(original).digest('hex'),
      content: original,
      created_by: null,
      created_at: new Date().toISOString(),
    })
    .execute()
  for (const width of [320, 800]) {
    const content = await sharp(original).resize({ width }).jpeg().toBuffer()
    await handle.db
      .insertInto('media_renditions')
      .values({
        media_id: id,
        name: `w${width}`,
        media_type: 'image/jpeg',
        width,
        height: Math.round((675 * width) / 1200),
        size: content.length,
        content,
      })
      .execute()
  }
  return id
}
