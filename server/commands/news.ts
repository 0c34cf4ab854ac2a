/**
 * Commands of the press service's newsroom: rubrics; news items created, edited (optimistic
 * version), translated (a new row in the item's group), moved between states (draft → in
 * review → published → archived, and back from review to draft), published now or at a set
 * time (a durable job `news.publish` keyed per item), held back by an embargo while a linked
 * document is neither agreed nor adopted; and the three linked drafts made from a meeting's
 * outcome. Every command writes in the caller's transaction with its audit entry. Bodies are
 * sanitized on every write; slugs are made from titles and kept unique per language.
 */
import {
  type CreateNewsRequest,
  NEWS_TRANSITIONS,
  type NewsLang,
  type NewsStatus,
  type TranslateNewsRequest,
  type UpdateNewsRequest,
} from '@core/api/news.js'
import { isTimeZone } from '@core/domain/meetings.js'
import type { PressDraft, PressLang } from '@core/domain/press-draft.js'
import type { Transaction } from 'kysely'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { Database, MeetingRow, NewsItemRow, OrganizationRow } from '../db/types.js'
import { AppError, assertVersion } from '../errors.js'
import { newId } from '../ids.js'
import { cancelJob, enqueue } from '../jobs/queue.js'
import { embargoTitle } from '../presenters/news.js'
import { sanitizeBody, slugify, uniqueSlug } from '../press/text.js'
import { embargoOf } from '../repositories/news.js'
import { updateVersioned } from './optimistic.js'

/** The durable job that publishes an item at its scheduled time. */
export const NEWS_PUBLISH_JOB = 'news.publish'
/** One pending publication per item: scheduling again moves it. */
export const newsPublishKey = (itemId: string) => `news.publish:${itemId}`

// ---------------------------------------------------------------------------------------
// Checks

const referenceInvalid = (field: string) => new AppError(422, 'news_reference_invalid', { field }, { field })
const photoAltRequired = () =>
  new AppError(422, 'photo_alt_required', {}, { fields: [{ path: 'body.photoAlt', message: 'required' }] })

function assertTimezone(timezone: string): void {
  if (!isTimeZone(timezone)) throw new AppError(422, 'timezone_unknown', { timezone }, { timezone })
}

/** The rubric, image and embargo document must belong to the item's organization. */
async function assertReferences(
  ctx: CommandContext,
  organizationId: string,
  refs: { rubricId?: string | null; photoMediaId?: string | null; embargoDocumentId?: string | null },
): Promise<void> {
  if (refs.rubricId) {
    const row = await ctx.trx
      .selectFrom('rubrics')
      .select('id')
      .where('id', '=', refs.rubricId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst()
    if (!row) throw referenceInvalid('rubricId')
  }
  if (refs.photoMediaId) {
    const row = await ctx.trx
      .selectFrom('media')
      .select('id')
      .where('id', '=', refs.photoMediaId)
      .where('organization_id', '=', organizationId)
      .executeTakeFirst()
    if (!row) throw referenceInvalid('photoMediaId')
  }
  if (refs.embargoDocumentId) {
    const row = await ctx.trx
      .selectFrom('documents')
      .innerJoin('dossiers', 'dossiers.id', 'documents.dossier_id')
      .select('documents.id')
      .where('documents.id', '=', refs.embargoDocumentId)
      .where('dossiers.organization_id', '=', organizationId)
      .executeTakeFirst()
    if (!row) throw referenceInvalid('embargoDocumentId')
  }
}

/** A photo is shown to the public only with its alternative text. */
function assertPhotoAlt(row: Pick<NewsItemRow, 'photo_media_id' | 'photo_alt'>): void {
  if (row.photo_media_id && !row.photo_alt?.trim()) throw photoAltRequired()
}

/** 409 `news_embargoed` naming the document and what it waits for, unless the embargo is lifted. */
async function assertNotEmbargoed(ctx: CommandContext, item: NewsItemRow): Promise<void> {
  const embargo = await embargoOf(ctx.trx, item.embargo_document_id)
  if (embargo?.state !== 'pending') return
  const lang = ctx.actor?.locale ?? 'ru'
  throw new AppError(
    409,
    'news_embargoed',
    { document: embargoTitle(embargo, lang), reason: `i18n:press.embargo.waits.${embargo.waitsFor}` },
    { documentId: embargo.documentId, waitsFor: embargo.waitsFor },
  )
}

/** Optimistic update of a news item (409 `version_changed` if someone wrote first); the fresh row. */
async function updateItem(
  trx: Transaction<Database>,
  id: string,
  expected: number,
  set: Partial<NewsItemRow>,
): Promise<NewsItemRow> {
  await updateVersioned(trx, 'news_items', id, expected, set)
  return trx.selectFrom('news_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

async function cancelScheduled(ctx: CommandContext, itemId: string): Promise<void> {
  const job = await ctx.trx
    .selectFrom('jobs')
    .select('id')
    .where('key', '=', newsPublishKey(itemId))
    .where('status', '=', 'pending')
    .executeTakeFirst()
  if (job) await cancelJob(ctx, job.id)
}

const audit = (
  ctx: CommandContext,
  item: Pick<NewsItemRow, 'id' | 'organization_id'>,
  action: string,
  change: Record<string, unknown>,
) =>
  appendAudit(ctx, {
    action,
    subjectType: 'news_item',
    subjectId: item.id,
    organizationId: item.organization_id,
    change,
  })

// ---------------------------------------------------------------------------------------
// News items

export interface NewsItemCreatorProps {
  ctx: CommandContext
  organization: OrganizationRow
  input: CreateNewsRequest
  /** Joins an existing group as one more language version. */
  groupId?: string
  /** The meeting it is drafted from. */
  meetingId?: string | null
}

/** Creates a draft; the slug comes from the title (or the one asked) and is made unique. */
export async function newsItemCreator({
  ctx,
  organization,
  input,
  groupId,
  meetingId = null,
}: NewsItemCreatorProps): Promise<NewsItemRow> {
  const timezone = input.timezone ?? 'UTC'
  assertTimezone(timezone)
  await assertReferences(ctx, organization.id, input)
  const now = ctx.clock()
  const row: NewsItemRow = {
    id: newId(),
    organization_id: organization.id,
    group_id: groupId ?? newId(),
    language: input.language,
    slug: await uniqueSlug(ctx.trx, organization.id, input.language, input.slug ?? slugify(input.title)),
    status: 'draft',
    title: input.title,
    lead: input.lead ?? '',
    body: sanitizeBody(input.body ?? ''),
    rubric_id: input.rubricId ?? null,
    tags: JSON.stringify(input.tags ?? []),
    photo_media_id: input.photoMediaId ?? null,
    photo_caption: input.photoCaption ?? null,
    photo_alt: input.photoAlt ?? null,
    photo_credit: input.photoCredit ?? null,
    source_name: input.sourceName ?? null,
    source_url: input.sourceUrl ?? null,
    dateline_city: input.datelineCity ?? null,
    dateline_date: input.datelineDate ?? null,
    timezone,
    scheduled_at: null,
    published_at: null,
    embargo_document_id: input.embargoDocumentId ?? null,
    meeting_id: meetingId,
    syndicated_entry_id: null,
    created_by: ctx.actor?.id ?? null,
    updated_by: ctx.actor?.id ?? null,
    created_at: now,
    updated_at: now,
    version: 1,
  }
  assertPhotoAlt(row)
  await ctx.trx.insertInto('news_items').values(row).execute()
  await audit(ctx, row, 'news.create', {
    language: row.language,
    groupId: row.group_id,
    slug: row.slug,
    title: row.title,
    meetingId,
  })
  return row
}

/**
 * Fields that do not depend on the language: changed on one version, they change on every
 * other version of the item that is not archived. The photo is not among them: its
 * alternative text, caption and credit are written in each language.
 */
export const SHARED_FIELDS: (keyof NewsItemRow)[] = [
  'rubric_id',
  'dateline_date',
  'timezone',
  'embargo_document_id',
]

export interface NewsItemUpdaterProps {
  ctx: CommandContext
  item: NewsItemRow
  input: UpdateNewsRequest
  version: number
}

/**
 * Edits an item (archived ones refuse: 409 `news_archived`). A new title renames the slug
 * while the item has never been published (a published address stays as it is); a slug asked
 * for is made unique. The shared fields go to the other language versions too (their versions
 * move on, so an editor holding one of them reloads before saving).
 */
export async function newsItemUpdater({
  ctx,
  item,
  input,
  version,
}: NewsItemUpdaterProps): Promise<NewsItemRow> {
  if (item.status === 'archived') throw new AppError(409, 'news_archived')
  assertVersion(item.version, version)
  if (input.timezone !== undefined) assertTimezone(input.timezone)
  await assertReferences(ctx, item.organization_id, input)
  const set: Partial<NewsItemRow> = {}
  if (input.title !== undefined) set.title = input.title
  if (input.lead !== undefined) set.lead = input.lead
  if (input.body !== undefined) set.body = sanitizeBody(input.body)
  if (input.rubricId !== undefined) set.rubric_id = input.rubricId
  if (input.tags !== undefined) set.tags = JSON.stringify(input.tags)
  if (input.photoMediaId !== undefined) set.photo_media_id = input.photoMediaId
  if (input.photoCaption !== undefined) set.photo_caption = input.photoCaption
  if (input.photoAlt !== undefined) set.photo_alt = input.photoAlt
  if (input.photoCredit !== undefined) set.photo_credit = input.photoCredit
  if (input.sourceName !== undefined) set.source_name = input.sourceName
  if (input.sourceUrl !== undefined) set.source_url = input.sourceUrl
  if (input.datelineCity !== undefined) set.dateline_city = input.datelineCity
  if (input.datelineDate !== undefined) set.dateline_date = input.datelineDate
  if (input.timezone !== undefined) set.timezone = input.timezone
  if (input.embargoDocumentId !== undefined) set.embargo_document_id = input.embargoDocumentId
  if (input.slug !== undefined && input.slug !== item.slug) {
    set.slug = await uniqueSlug(ctx.trx, item.organization_id, item.language, input.slug, item.id)
  } else if (
    input.slug === undefined &&
    set.title !== undefined &&
    set.title !== item.title &&
    !item.published_at
  ) {
    set.slug = await uniqueSlug(ctx.trx, item.organization_id, item.language, slugify(set.title), item.id)
  }
  if (!set.photo_media_id && input.photoMediaId === null) {
    // Removing the photo removes what described it.
    set.photo_caption = null
    set.photo_alt = null
    set.photo_credit = null
  }
  assertPhotoAlt({ ...item, ...set })
  const changed = Object.keys(set)
  const stamp = { updated_at: ctx.clock(), updated_by: ctx.actor?.id ?? null }
  const fresh = await updateItem(ctx.trx, item.id, item.version, { ...set, ...stamp })
  // What does not depend on the language is the same in every version of the item.
  const shared = Object.fromEntries(
    Object.entries(set).filter(([k]) => (SHARED_FIELDS as string[]).includes(k)),
  )
  let propagated: string[] = []
  if (Object.keys(shared).length > 0) {
    const siblings = await ctx.trx
      .selectFrom('news_items')
      .select('id')
      .where('group_id', '=', item.group_id)
      .where('id', '!=', item.id)
      .where('status', '!=', 'archived')
      .execute()
    propagated = siblings.map((s) => s.id)
    if (propagated.length)
      await ctx.trx
        .updateTable('news_items')
        .set((eb) => ({ ...shared, ...stamp, version: eb('version', '+', 1) }))
        .where('id', 'in', propagated)
        .execute()
  }
  await audit(ctx, item, 'news.update', { fields: changed, slug: fresh.slug, propagated })
  return fresh
}

export interface NewsTranslationCreatorProps {
  ctx: CommandContext
  item: NewsItemRow
  input: TranslateNewsRequest
}

/**
 * A new language version of an item: a draft in the same group, sharing the rubric, tags,
 * photo, source, dateline, time zone, embargo and meeting; the text is the one given, else a
 * copy to translate. 409 `news_translation_exists` if the group has that language already.
 */
export async function newsTranslationCreator({
  ctx,
  item,
  input,
}: NewsTranslationCreatorProps): Promise<NewsItemRow> {
  if (item.status === 'archived') throw new AppError(409, 'news_archived')
  const existing = await ctx.trx
    .selectFrom('news_items')
    .select('id')
    .where('group_id', '=', item.group_id)
    .where('language', '=', input.language)
    .executeTakeFirst()
  if (existing)
    throw new AppError(
      409,
      'news_translation_exists',
      { language: `i18n:press.language.${input.language}` },
      { language: input.language, itemId: existing.id },
    )
  const organization = await ctx.trx
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', item.organization_id)
    .executeTakeFirstOrThrow()
  const row = await newsItemCreator({
    ctx,
    organization,
    groupId: item.group_id,
    meetingId: item.meeting_id,
    input: {
      language: input.language,
      title: input.title ?? item.title,
      lead: input.lead ?? item.lead,
      body: input.body ?? item.body,
      rubricId: item.rubric_id,
      tags: JSON.parse(item.tags),
      photoMediaId: item.photo_media_id,
      photoCaption: item.photo_caption,
      photoAlt: item.photo_alt,
      photoCredit: item.photo_credit,
      sourceName: item.source_name,
      sourceUrl: item.source_url,
      datelineCity: item.dateline_city,
      datelineDate: item.dateline_date,
      timezone: item.timezone,
      embargoDocumentId: item.embargo_document_id,
    },
  })
  await audit(ctx, row, 'news.translate', { from: item.id, language: row.language })
  return row
}

export interface NewsStatusChangerProps {
  ctx: CommandContext
  item: NewsItemRow
  version: number
  to: NewsStatus
  /** With `to: 'published'`: a future time schedules the publication instead. */
  publishAt?: string | undefined
}

/**
 * Moves an item between states. Refused with 409 `news_transition_refused` when the state
 * does not allow the move, and `news_embargoed` when publishing while the linked document is
 * neither agreed nor adopted. Publishing at a future time keeps the item in review and
 * schedules the `news.publish` job (again: moved; back to draft or published now: cancelled).
 */
export async function newsStatusChanger({
  ctx,
  item,
  version,
  to,
  publishAt,
}: NewsStatusChangerProps): Promise<NewsItemRow> {
  assertVersion(item.version, version)
  const allowed = NEWS_TRANSITIONS[item.status]
  if (!allowed.includes(to))
    throw new AppError(
      409,
      'news_transition_refused',
      { from: `i18n:press.status.${item.status}`, to: `i18n:press.status.${to}` },
      { from: item.status, to, allowed },
    )
  const now = ctx.clock()
  const stamp = { updated_at: now, updated_by: ctx.actor?.id ?? null }

  if (to === 'published' && publishAt && Date.parse(publishAt) > Date.parse(now)) {
    const at = new Date(publishAt).toISOString()
    const fresh = await updateItem(ctx.trx, item.id, item.version, { ...stamp, scheduled_at: at })
    await enqueue(ctx, NEWS_PUBLISH_JOB, at, { itemId: item.id }, newsPublishKey(item.id))
    await audit(ctx, item, 'news.schedule', { at })
    return fresh
  }
  if (to === 'published') {
    assertPhotoAlt(item)
    await assertNotEmbargoed(ctx, item)
    await cancelScheduled(ctx, item.id)
    const fresh = await updateItem(ctx.trx, item.id, item.version, {
      ...stamp,
      status: 'published',
      published_at: now,
      scheduled_at: null,
    })
    await audit(ctx, item, 'news.publish', { from: item.status, publishedAt: now })
    return fresh
  }
  if (to === 'draft') await cancelScheduled(ctx, item.id)
  const fresh = await updateItem(ctx.trx, item.id, item.version, {
    ...stamp,
    status: to,
    ...(to === 'draft' ? { scheduled_at: null } : {}),
  })
  const action = { draft: 'news.return', in_review: 'news.submit', archived: 'news.archive' }[to]
  await audit(ctx, item, action, { from: item.status, to })
  return fresh
}

/**
 * The `news.publish` job: publishes an item at its scheduled time if it is still in review
 * and scheduled, and the embargo allows; otherwise the publication is held (an audit entry
 * says why) and the press officer sees it still scheduled, in the past, with the embargo.
 */
export async function newsScheduledPublisher(
  ctx: CommandContext,
  payload: Record<string, unknown>,
): Promise<void> {
  const itemId = String(payload.itemId ?? '')
  const item = await ctx.trx.selectFrom('news_items').selectAll().where('id', '=', itemId).executeTakeFirst()
  if (item?.status !== 'in_review' || !item.scheduled_at) return
  const embargo = await embargoOf(ctx.trx, item.embargo_document_id)
  if (embargo?.state === 'pending') {
    await audit(ctx, item, 'news.publication_held', {
      scheduledAt: item.scheduled_at,
      documentId: embargo.documentId,
      waitsFor: embargo.waitsFor,
    })
    return
  }
  // The time announced is the publication time, whatever the worker's delay.
  await updateItem(ctx.trx, item.id, item.version, {
    status: 'published',
    published_at: item.scheduled_at,
    scheduled_at: null,
    updated_at: new Date().toISOString(),
  })
  await audit(ctx, item, 'news.publish', {
    from: 'in_review',
    publishedAt: item.scheduled_at,
    scheduled: true,
  })
}

// ---------------------------------------------------------------------------------------
// Drafts from a meeting

export interface PressDraftCreatorProps {
  ctx: CommandContext
  organization: OrganizationRow
  meeting: MeetingRow
  drafts: Record<PressLang, PressDraft>
  /** The principal document agreed: the items wait for it (an embargo) if it is not yet agreed. */
  embargoDocumentId: string | null
}

/** The three linked drafts (ru, tg, en) of a news item on a meeting's outcome. Nothing is published. */
export async function pressDraftCreator({
  ctx,
  organization,
  meeting,
  drafts,
  embargoDocumentId,
}: PressDraftCreatorProps): Promise<NewsItemRow[]> {
  const groupId = newId()
  const rows: NewsItemRow[] = []
  for (const lang of ['ru', 'tg', 'en'] as NewsLang[]) {
    const d = drafts[lang]
    rows.push(
      await newsItemCreator({
        ctx,
        organization,
        groupId,
        meetingId: meeting.id,
        input: {
          language: lang,
          title: d.title.slice(0, 300),
          lead: d.lead.slice(0, 2000),
          body: d.body,
          tags: d.tags,
          datelineCity: d.datelineCity,
          datelineDate: d.datelineDate,
          timezone: meeting.timezone,
          embargoDocumentId,
        },
      }),
    )
  }
  await appendAudit(ctx, {
    action: 'news.draft_from_meeting',
    subjectType: 'meeting',
    subjectId: meeting.id,
    organizationId: organization.id,
    change: { groupId, items: rows.map((r) => ({ id: r.id, language: r.language })) },
  })
  return rows
}
