/**
 * How the public will see the item on the portal, in the item's language: rubric, title,
 * dateline, lead, the photo with its caption and credit, the body, the source, the tags.
 * Drafts are never on the portal, so the newsroom previews them here, from the unsaved form.
 */
import type { NewsLang } from '@core/api/news.js'
import { pressDate } from '@core/domain/press-draft.js'
import { t } from '@core/i18n/index.js'
import { formatInZone } from '../../lib/time.js'
import { cleanHtml } from './clean-html.js'

export interface PreviewFields {
  language: NewsLang
  title: string
  lead: string
  body: string
  rubric: string | null
  tags: string[]
  photo: { src: string; alt: string; caption: string; credit: string } | null
  sourceName: string
  sourceUrl: string
  datelineCity: string
  datelineDate: string
  timezone: string
  publishedAt: string | null
}

export function NewsPreview({ item }: { item: PreviewFields }) {
  const lang = item.language
  const m = (key: string, params?: Record<string, string>) => t(lang, `press.preview.${key}`, params)
  const dateline = [
    item.datelineCity.trim(),
    item.datelineDate ? pressDate(`${item.datelineDate}T12:00:00Z`, 'UTC', lang, true) : '',
  ]
    .filter(Boolean)
    .join(', ')
  return (
    <article className="news-preview" lang={lang} data-testid="news-preview">
      {item.rubric && <p className="news-preview__rubric">{item.rubric}</p>}
      <h2 className="news-preview__title">{item.title}</h2>
      <p className="news-preview__meta">
        {item.publishedAt
          ? m('published', { when: formatInZone(item.publishedAt, item.timezone, lang) })
          : m('notPublished')}
      </p>
      <p className="news-preview__lead">
        {dateline && <span className="news-preview__dateline">{dateline}. </span>}
        {item.lead}
      </p>
      {item.photo && (
        <figure>
          <img src={item.photo.src} alt={item.photo.alt} />
          {(item.photo.caption || item.photo.credit) && (
            <figcaption>
              {item.photo.caption}
              {item.photo.credit && <span className="news-preview__credit">{item.photo.credit}</span>}
            </figcaption>
          )}
        </figure>
      )}
      <div
        className="news-preview__body"
        // biome-ignore lint/security/noDangerouslySetInnerHtml: cleaned to the allowed tags and attributes first
        dangerouslySetInnerHTML={{ __html: cleanHtml(item.body) }}
      />
      {item.sourceName && (
        <p className="news-preview__source">
          {item.sourceUrl ? (
            <>
              {m('sourceLabel')} <a href={item.sourceUrl}>{item.sourceName}</a>
            </>
          ) : (
            `${m('sourceLabel')} ${item.sourceName}`
          )}
        </p>
      )}
      {item.tags.length > 0 && (
        <div className="news-preview__tags">
          {m('tags')}{' '}
          <ul>
            {item.tags.map((tag) => (
              <li key={tag}>{tag}</li>
            ))}
          </ul>
        </div>
      )}
    </article>
  )
}
