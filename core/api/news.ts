/**
 * The press service's newsroom: news items (one per language, translations share a group),
 * their states, rubrics, images with renditions, and drafts from meetings. Request schemas
 * (zod, strict) and response shapes, shared by the server and the web app.
 */
import { z } from 'zod'
import { PRESS_LANGUAGES, type PressLang } from '../domain/press-draft.js'
import type { LocalizedText } from '../i18n/languages.js'
import { localizedTextSchema } from './requests.js'

export { PRESS_LANGUAGES as NEWS_LANGUAGES }
export type NewsLang = PressLang

export const NEWS_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const
export type NewsStatus = (typeof NEWS_STATUSES)[number]

/** Allowed moves: draft → in review → published → archived, and back from review to draft. */
export const NEWS_TRANSITIONS: Readonly<Record<NewsStatus, readonly NewsStatus[]>> = {
  draft: ['in_review'],
  in_review: ['draft', 'published'],
  published: ['archived'],
  archived: [],
}

/** Image renditions kept for every upload: name → width in pixels (never upscaled). */
export const MEDIA_RENDITIONS = { w320: 320, w800: 800, w1600: 1600 } as const
export type MediaRenditionName = keyof typeof MEDIA_RENDITIONS
/** Largest image accepted. */
export const MEDIA_LIMIT = 10 * 1024 * 1024
/** Image types accepted (checked on the content). */
export const MEDIA_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const

const id = z.string().min(1).max(64)
const isoWithOffset = z.iso.datetime({ offset: true })
/** A URL slug: lowercase latin letters and digits separated by single hyphens. */
export const slugSchema = z
  .string()
  .trim()
  .max(80)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'lowercase latin letters, digits and single hyphens')
const httpUrl = z
  .string()
  .trim()
  .max(2000)
  .refine((v) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), { message: 'an http(s) URL' })
const nullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v === '' ? null : v))

/** The editable fields of a news item. */
const newsFields = {
  title: z.string().trim().min(1).max(300),
  lead: z.string().trim().max(2000),
  /** HTML; sanitized on write (scripts, handlers, styles removed). */
  body: z.string().max(200_000),
  rubricId: id.nullable(),
  tags: z.array(z.string().trim().min(1).max(60)).max(20),
  /** An image uploaded with POST /api/media. */
  photoMediaId: id.nullable(),
  photoCaption: nullableText(500),
  /** Required when a photo is set (422 `photo_alt_required`). */
  photoAlt: nullableText(500),
  photoCredit: nullableText(200),
  /** Attribution: the source's name and the original's URL. */
  sourceName: nullableText(200),
  sourceUrl: httpUrl.nullable(),
  datelineCity: nullableText(80),
  datelineDate: z.iso.date().nullable(),
  /** IANA zone the publication time is shown in, e.g. Europe/Minsk. */
  timezone: z.string().min(1).max(64),
  /** Cannot be published before this document is agreed (frozen) or adopted. */
  embargoDocumentId: id.nullable(),
  /** Defaults to one made from the title; a taken one gets -2, -3… */
  slug: slugSchema,
}

export const createNewsRequest = z
  .object({
    /** Defaults to the organization whose secretariat the user belongs to. */
    organizationId: id.optional(),
    language: z.enum(PRESS_LANGUAGES),
    title: newsFields.title,
    lead: newsFields.lead.optional(),
    body: newsFields.body.optional(),
    rubricId: newsFields.rubricId.optional(),
    tags: newsFields.tags.optional(),
    photoMediaId: newsFields.photoMediaId.optional(),
    photoCaption: newsFields.photoCaption.optional(),
    photoAlt: newsFields.photoAlt.optional(),
    photoCredit: newsFields.photoCredit.optional(),
    sourceName: newsFields.sourceName.optional(),
    sourceUrl: newsFields.sourceUrl.optional(),
    datelineCity: newsFields.datelineCity.optional(),
    datelineDate: newsFields.datelineDate.optional(),
    timezone: newsFields.timezone.optional(),
    embargoDocumentId: newsFields.embargoDocumentId.optional(),
    slug: newsFields.slug.optional(),
  })
  .strict()
export type CreateNewsRequest = z.infer<typeof createNewsRequest>

export const updateNewsRequest = z
  .object({
    version: z.number().int().positive().optional(),
    title: newsFields.title.optional(),
    lead: newsFields.lead.optional(),
    body: newsFields.body.optional(),
    rubricId: newsFields.rubricId.optional(),
    tags: newsFields.tags.optional(),
    photoMediaId: newsFields.photoMediaId.optional(),
    photoCaption: newsFields.photoCaption.optional(),
    photoAlt: newsFields.photoAlt.optional(),
    photoCredit: newsFields.photoCredit.optional(),
    sourceName: newsFields.sourceName.optional(),
    sourceUrl: newsFields.sourceUrl.optional(),
    datelineCity: newsFields.datelineCity.optional(),
    datelineDate: newsFields.datelineDate.optional(),
    timezone: newsFields.timezone.optional(),
    embargoDocumentId: newsFields.embargoDocumentId.optional(),
    slug: newsFields.slug.optional(),
  })
  .strict()
export type UpdateNewsRequest = z.infer<typeof updateNewsRequest>

/** A new language version of an item: the shared fields are copied, the text given or copied. */
export const translateNewsRequest = z
  .object({
    language: z.enum(PRESS_LANGUAGES),
    title: newsFields.title.optional(),
    lead: newsFields.lead.optional(),
    body: newsFields.body.optional(),
  })
  .strict()
export type TranslateNewsRequest = z.infer<typeof translateNewsRequest>

/**
 * A move of the item's state. `published` with `publishAt` in the future schedules the
 * publication (the item stays in review until then); without it, publishes now.
 */
export const newsStatusRequest = z
  .object({
    version: z.number().int().positive().optional(),
    status: z.enum(NEWS_STATUSES),
    publishAt: isoWithOffset.optional(),
  })
  .strict()
export type NewsStatusRequest = z.infer<typeof newsStatusRequest>

export const newsListQuery = z
  .object({
    organizationId: id.optional(),
    status: z.enum(NEWS_STATUSES).optional(),
    language: z.enum(PRESS_LANGUAGES).optional(),
    rubricId: id.optional(),
    /** Words of the title or lead. */
    q: z.string().trim().max(200).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict()
export type NewsListQuery = z.infer<typeof newsListQuery>

export const createRubricRequest = z
  .object({
    organizationId: id.optional(),
    slug: slugSchema,
    name: localizedTextSchema.refine((v) => !!v.ru || !!v.en, { message: 'a name in Russian or English' }),
    position: z.number().int().min(0).max(10_000).optional(),
  })
  .strict()
export type CreateRubricRequest = z.infer<typeof createRubricRequest>

export const organizationQuery = z.object({ organizationId: id.optional() }).strict()

export const mediaUploadQuery = z
  .object({ filename: z.string().max(255).optional(), organizationId: id.optional() })
  .strict()

// ---------------------------------------------------------------------------------------
// Responses

export interface RubricDTO {
  id: string
  organizationId: string
  slug: string
  name: LocalizedText
  position: number
}

export interface MediaRenditionDTO {
  name: string
  mediaType: string
  width: number
  height: number
  size: number
  /** The newsroom's address of the image (GET with a session). */
  url: string
}

export interface MediaDTO {
  id: string
  organizationId: string
  filename: string
  mediaType: string
  width: number
  height: number
  size: number
  sha256: string
  createdAt: string
  renditions: MediaRenditionDTO[]
}

/** Why an item may not be published yet, or that its document no longer holds it back. */
export interface EmbargoDTO {
  documentId: string
  /** The document's title per language. */
  title: LocalizedText
  dossierReference: string
  /** `agreed`: its latest circulated version is frozen; `adopted`: a council adopted it. */
  state: 'pending' | 'agreed' | 'adopted'
  lifted: boolean
  /** What a pending embargo waits for: no version circulated yet, or the text not yet agreed. */
  waitsFor: 'circulation' | 'agreement' | null
  /** The reason in the reader's language, when pending. */
  reason: string | null
}

export interface NewsTranslationDTO {
  id: string
  language: NewsLang
  status: NewsStatus
  title: string
  slug: string
  version: number
}

export interface UserRefDTO {
  id: string
  displayName: string
}

export interface NewsItemDTO {
  id: string
  organizationId: string
  groupId: string
  language: NewsLang
  slug: string
  status: NewsStatus
  title: string
  lead: string
  /** Sanitized HTML. */
  body: string
  rubric: RubricDTO | null
  tags: string[]
  photo: {
    mediaId: string
    caption: string | null
    alt: string | null
    credit: string | null
    /** Rendition addresses (newsroom). */
    small: string
    medium: string
    large: string
    width: number
    height: number
  } | null
  sourceName: string | null
  sourceUrl: string | null
  datelineCity: string | null
  datelineDate: string | null
  timezone: string
  /** A publication planned for this time (the item is in review until then). */
  scheduledAt: string | null
  publishedAt: string | null
  embargo: EmbargoDTO | null
  /** The meeting it was drafted from. */
  meetingId: string | null
  /** Republished from another newsroom's feed. */
  syndicated: boolean
  /** Every language version of the item, this one included, in the order ru, tg, en. */
  translations: NewsTranslationDTO[]
  /** Where the public reads it once published. */
  publicPath: string
  createdAt: string
  updatedAt: string
  createdBy: UserRefDTO | null
  updatedBy: UserRefDTO | null
  version: number
}

export interface NewsSummaryDTO {
  id: string
  groupId: string
  language: NewsLang
  slug: string
  status: NewsStatus
  title: string
  lead: string
  rubric: RubricDTO | null
  datelineCity: string | null
  datelineDate: string | null
  /** IANA zone its times are shown in. */
  timezone: string
  scheduledAt: string | null
  publishedAt: string | null
  /** The embargo holds (its document is neither agreed nor adopted). */
  embargoed: boolean
  hasPhoto: boolean
  /** The other language versions. */
  translations: { id: string; language: NewsLang; status: NewsStatus }[]
  updatedAt: string
  version: number
}

export interface NewsListResponse {
  data: NewsSummaryDTO[]
  /** Items per state under the same filters (status aside). */
  counts: Record<NewsStatus, number>
  page: { nextCursor: string | null }
  policies: { create: boolean }
}

/** The draft already made from a meeting (GET /api/meetings/:id/press-draft). */
export interface PressDraftRefDTO {
  itemId: string
  groupId: string
  status: NewsStatus
  languages: NewsLang[]
}
