/**
 * The minutes as a document, in one language: the title, the status line (as in the DOCX
 * and the PDF), the sections with their headings, and the SHA-256 at the end. Prints as it
 * shows.
 */
import type { MinutesDTO, MinutesText } from '@core/api/minutes.js'
import type { Lang } from '@core/i18n/languages.js'
import { useT } from '../../i18n/language.js'
import { formatDate } from '../../lib/format.js'

interface MinutesDocumentProps {
  minutes: MinutesDTO
  text: MinutesText
  lang: Lang
}

export function MinutesDocument({ minutes, text, lang }: MinutesDocumentProps) {
  const tr = useT()
  const status =
    minutes.status === 'approved' && minutes.approvedAt
      ? tr('minutes.export.status.approved', { date: formatDate(minutes.approvedAt, lang) })
      : tr('minutes.export.status.draft')
  return (
    <article
      className="minutes-sheet"
      lang={lang}
      aria-labelledby="minutes-doc-title"
      data-testid="minutes-document"
    >
      <div className="minutes-doc">
        <h2 className="minutes-doc__title" id="minutes-doc-title">
          {text.title}
        </h2>
        <p className="minutes-doc__status" data-testid="minutes-status-line">
          {status}
        </p>
        {text.sections.map((section) => (
          <section
            key={section.key}
            className={`minutes-doc__section minutes-doc__section--${section.key.replace(/_\d+$/, '')}`}
            data-section={section.key}
          >
            {section.heading ? <h3 className="minutes-doc__heading">{section.heading}</h3> : null}
            {section.paragraphs.map((p, i) => (
              // Paragraphs have no identity of their own; their order is the text.
              // biome-ignore lint/suspicious/noArrayIndexKey: see above
              <p key={i}>{p}</p>
            ))}
          </section>
        ))}
        <p className="minutes-doc__hash">SHA-256: {minutes.contentHash}</p>
      </div>
    </article>
  )
}
