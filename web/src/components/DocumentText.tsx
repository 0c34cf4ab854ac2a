/**
 * The structured text of a version in one language: section headings, then each provision
 * with its displayed number, heading and text, indented by depth. Every provision carries
 * `id` and `data-eid` = its eid, so `#para_3` links to it. The container's `lang` makes
 * the browser hyphenate in the text's language.
 */
import type { VersionDTO } from '@core/api/types.js'
import { t } from '@core/i18n/index.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import type { FlatProvision, Section } from '@core/text/model.js'
import { type ReactNode, useEffect } from 'react'
import { useLocation } from 'react-router'
import { useLanguage, useT } from '../i18n/language.js'
import { provisionNumber } from '../lib/format.js'
import { Runs } from './Runs.js'

// Kept here rather than imported from core/text/model.ts, which would bring zod into the bundle.
const SECTIONS: readonly Section[] = ['preamble', 'body', 'conclusions']

/** The runs in the wanted language, else in the first language that has them. */
function textIn(provision: FlatProvision, lang: Lang, order: readonly Lang[]) {
  const own = provision.text[lang]
  if (own && own.length > 0) return { runs: own, lang, fallback: false }
  for (const other of order) {
    const runs = provision.text[other]
    if (runs && runs.length > 0) return { runs, lang: other, fallback: true }
  }
  return null
}

interface ProvisionProps {
  provision: FlatProvision
  lang: Lang
  order: readonly Lang[]
  /** The provision named by the address's #fragment. */
  targeted: boolean
  margin?: ((provision: FlatProvision) => ReactNode) | undefined
}

function Provision({ provision, lang, order, targeted, margin }: ProvisionProps) {
  const tr = useT()
  const { lang: uiLang } = useLanguage()
  const text = textIn(provision, lang, order)
  const heading = provision.heading ? pickText(provision.heading, lang) : ''
  const num = provisionNumber(provision.num)
  return (
    <div
      id={provision.eid}
      data-eid={provision.eid}
      data-kind={provision.kind}
      data-targeted={targeted || undefined}
      className="provision"
      style={provision.depth > 0 ? { marginInlineStart: `${provision.depth * 2.75}em` } : undefined}
    >
      {num && <span className="provision__num">{num}</span>}
      <div className="provision__body">
        {heading && <h3 className="provision__heading">{heading}</h3>}
        {text && (
          <p className="provision__text" lang={text.fallback ? text.lang : undefined}>
            <Runs runs={text.runs} />
            {text.fallback && (
              <span className="provision__fallback" lang={uiLang}>
                {tr('ui.text.fallback', { language: tr(`lang.${text.lang}`) })}
              </span>
            )}
          </p>
        )}
      </div>
      {margin && (
        <div className="provision__margin" lang={uiLang}>
          {margin(provision)}
        </div>
      )}
    </div>
  )
}

interface DocumentTextProps {
  version: VersionDTO
  lang: Lang
  /** What goes in the right margin of each provision (contributions, actions). */
  margin?: ((provision: FlatProvision) => ReactNode) | undefined
}

export function DocumentText({ version, lang, margin }: DocumentTextProps) {
  const tr = useT()
  const order = [lang, ...version.languages.filter((l) => l !== lang)]
  const bySection = new Map<Section, FlatProvision[]>()
  for (const provision of version.provisions) {
    const list = bySection.get(provision.section) ?? []
    list.push(provision)
    bySection.set(provision.section, list)
  }

  // The provisions arrive after the browser has looked for the #para_3 of the address, so
  // scrolling to it and marking it (:target would not match) are done here.
  const { hash } = useLocation()
  const target = decodeURIComponent(hash.slice(1))
  useEffect(() => {
    if (target) document.getElementById(target)?.scrollIntoView({ block: 'start' })
  }, [target])

  return (
    <article
      className={margin ? 'doc-text doc-text--margin' : 'doc-text'}
      lang={lang}
      aria-label={tr('ui.document.text')}
    >
      <p className="doc-text__title">{pickText(version.title, lang)}</p>
      {SECTIONS.map((section) => {
        const list = bySection.get(section)
        if (!list?.length) return null
        return (
          <section key={section} className="doc-text__section" aria-labelledby={`section-${section}`}>
            <h2 id={`section-${section}`} className="doc-text__section-heading">
              {t(lang, `section.${section}`)}
            </h2>
            {list.map((provision) => (
              <Provision
                key={provision.eid}
                provision={provision}
                lang={lang}
                order={order}
                targeted={provision.eid === target}
                margin={margin}
              />
            ))}
          </section>
        )
      })}
    </article>
  )
}
