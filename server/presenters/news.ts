/** News items, rubrics and images as the newsroom's API shows them; fields chosen explicitly. */
import type {
  EmbargoDTO,
  MediaDTO,
  NewsItemDTO,
  NewsLang,
  NewsSummaryDTO,
  NewsTranslationDTO,
  RubricDTO,
} from '@core/api/news.js'
import { t } from '@core/i18n/index.js'
import { pickText, type UiLang } from '@core/i18n/languages.js'
import type { NewsItemRow } from '../db/types.js'
import type {
  EmbargoFact,
  MediaInfo,
  NewsSummaryRow,
  RubricFact,
  renditionsOf,
} from '../repositories/news.js'

type RenditionInfo = Awaited<ReturnType<typeof renditionsOf>>[number]

export const mediaUrl = (mediaId: string, rendition: string) => `/api/media/${mediaId}/${rendition}`

/** Where the public reads an item on the portal. */
export const publicPath = (orgSlug: string, language: string, slug: string) =>
  `/portal/${orgSlug}/${language}/news/${slug}`

export function presentRubric(r: RubricFact): RubricDTO {
  return { id: r.id, organizationId: r.organizationId, slug: r.slug, name: r.name, position: r.position }
}

export function presentMedia(m: MediaInfo, renditions: RenditionInfo[]): MediaDTO {
  return {
    id: m.id,
    organizationId: m.organization_id,
    filename: m.filename,
    mediaType: m.media_type,
    width: m.width,
    height: m.height,
    size: m.size,
    sha256: m.sha256,
    createdAt: m.created_at,
    renditions: renditions
      .filter((r) => r.media_id === m.id)
      .map((r) => ({
        name: r.name,
        mediaType: r.media_type,
        width: r.width,
        height: r.height,
        size: r.size,
        url: mediaUrl(m.id, r.name),
      })),
  }
}

/** The embargo with its reason in the reader's language. */
export function presentEmbargo(e: EmbargoFact, lang: UiLang): EmbargoDTO {
  return {
    documentId: e.documentId,
    title: e.title,
    dossierReference: e.dossierReference,
    state: e.state,
    lifted: e.state !== 'pending',
    waitsFor: e.waitsFor,
    reason: e.waitsFor ? t(lang, `press.embargo.waits.${e.waitsFor}`) : null,
  }
}

/** The translated message of the 409 `news_embargoed` names the document in the reader's language. */
export const embargoTitle = (e: EmbargoFact, lang: UiLang) => pickText(e.title, lang) || e.dossierReference

const parseTags = (json: string): string[] => {
  try {
    const v = JSON.parse(json)
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []
  } catch {
    return []
  }
}

export interface NewsItemExtras {
  orgSlug: string
  rubric: RubricFact | null
  media: MediaInfo | null
  embargo: EmbargoFact | null
  translations: NewsTranslationDTO[]
  names: Map<string, string>
  lang: UiLang
}

export function presentNewsItem(row: NewsItemRow, x: NewsItemExtras): NewsItemDTO {
  const user = (id: string | null) => (id ? { id, displayName: x.names.get(id) ?? '' } : null)
  return {
    id: row.id,
    organizationId: row.organization_id,
    groupId: row.group_id,
    language: row.language,
    slug: row.slug,
    status: row.status,
    title: row.title,
    lead: row.lead,
    body: row.body,
    rubric: x.rubric ? presentRubric(x.rubric) : null,
    tags: parseTags(row.tags),
    photo: row.photo_media_id
      ? {
          mediaId: row.photo_media_id,
          caption: row.photo_caption,
          alt: row.photo_alt,
          credit: row.photo_credit,
          small: mediaUrl(row.photo_media_id, 'w320'),
          medium: mediaUrl(row.photo_media_id, 'w800'),
          large: mediaUrl(row.photo_media_id, 'w1600'),
          width: x.media?.width ?? 0,
          height: x.media?.height ?? 0,
        }
      : null,
    sourceName: row.source_name,
    sourceUrl: row.source_url,
    datelineCity: row.dateline_city,
    datelineDate: row.dateline_date,
    timezone: row.timezone,
    scheduledAt: row.scheduled_at,
    publishedAt: row.published_at,
    embargo: x.embargo ? presentEmbargo(x.embargo, x.lang) : null,
    meetingId: row.meeting_id,
    syndicated: !!row.syndicated_entry_id,
    translations: x.translations,
    publicPath: publicPath(x.orgSlug, row.language, row.slug),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdBy: user(row.created_by),
    updatedBy: user(row.updated_by),
    version: row.version,
  }
}

export function presentTranslation(r: {
  id: string
  language: string
  status: NewsItemRow['status']
  title: string
  slug: string
  version: number
}): NewsTranslationDTO {
  return {
    id: r.id,
    language: r.language as NewsLang,
    status: r.status,
    title: r.title,
    slug: r.slug,
    version: r.version,
  }
}

export function presentNewsSummary(
  row: NewsSummaryRow,
  x: {
    rubric: RubricFact | null
    embargoed: boolean
    translations: { id: string; language: string; status: NewsItemRow['status'] }[]
  },
): NewsSummaryDTO {
  return {
    id: row.id,
    groupId: row.group_id,
    language: row.language,
    slug: row.slug,
    status: row.status,
    title: row.title,
    lead: row.lead,
    rubric: x.rubric ? presentRubric(x.rubric) : null,
    datelineCity: row.dateline_city,
    datelineDate: row.dateline_date,
    timezone: row.timezone,
    scheduledAt: row.scheduled_at,
    publishedAt: row.published_at,
    embargoed: x.embargoed,
    hasPhoto: !!row.photo_media_id,
    translations: x.translations
      .filter((tr) => tr.id !== row.id)
      .map((tr) => ({ id: tr.id, language: tr.language as NewsLang, status: tr.status })),
    updatedAt: row.updated_at,
    version: row.version,
  }
}
