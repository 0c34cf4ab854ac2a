/**
 * One contribution as parties and the secretariat read it: the party by name and ISO code
 * (an observer marked as such), kind and type, the proposal as a redline against the
 * current text, the comment and justification, co-sponsors, and the secretariat's
 * disposition when the reader may see it. Actions come in as children.
 */
import type { ContributionDTO } from '@core/api/contributions.js'
import type { ReactNode } from 'react'
import { useLanguage, useT } from '../../i18n/language.js'
import { partyLabel } from '../../lib/format.js'
import { contributionRedline } from '../../lib/negotiation.js'
import { Redline } from '../Redline.js'
import { ContributionStatusBadge, DecisionBadge, MembershipBadge } from '../StatusBadges.js'

interface ContributionViewProps {
  contribution: ContributionDTO
  /** The provision's current text in the contribution's language. */
  current: string
  /** Where it applies, e.g. "п. 5" (shown on pages that list contributions of many provisions). */
  where?: string | undefined
  /** Show the status even when it is the ordinary "submitted". */
  alwaysShowStatus?: boolean
  /** Shorten the unchanged text around the changes (in the margin). */
  compact?: boolean
  children?: ReactNode
}

export function ContributionView({
  contribution: c,
  current,
  where,
  alwaysShowStatus = false,
  compact = false,
  children,
}: ContributionViewProps) {
  const tr = useT()
  const { lang } = useLanguage()
  const ops = contributionRedline(c, current)
  const headingId = `contribution-${c.id}-party`
  const reasoning = c.disposition
    ? (c.disposition.reasoning[lang] ?? c.disposition.reasoning.ru ?? c.disposition.reasoning.en ?? '')
    : ''
  return (
    <article
      className="contribution"
      id={`contribution-${c.id}`}
      data-testid="contribution"
      data-contribution={c.id}
      data-kind={c.kind}
      data-party={c.party.code}
      data-status={c.status}
      aria-labelledby={headingId}
    >
      <header className="contribution__head">
        <p className="contribution__party" id={headingId}>
          {partyLabel(c.party, lang)}
          <span className="visually-hidden">
            {' — '}
            {tr(`kind.${c.kind}`)}
          </span>
        </p>
        {c.isObserver && <MembershipBadge status="observer" />}
        {(alwaysShowStatus || c.status !== 'submitted') && <ContributionStatusBadge status={c.status} />}
      </header>
      <p className="contribution__kind">
        {where && <span className="contribution__where">{where} · </span>}
        {tr(`kind.${c.kind}`)} · {tr(`contributionType.${c.type}`)}
      </p>
      {c.kind === 'insertion' && <p className="contribution__label">{tr('ui.contribution.newProvision')}</p>}
      {ops.length > 0 && (
        <p className="contribution__text">
          <Redline ops={ops} lang={c.language} compact={compact} testId="contribution-redline" />
        </p>
      )}
      {c.comment && (
        <p className="contribution__comment">
          {c.kind !== 'comment' && c.kind !== 'general' && (
            <span className="contribution__label">{tr('ui.contribution.explanation')} </span>
          )}
          {c.comment}
        </p>
      )}
      {c.justification && (
        <p className="contribution__comment">
          <span className="contribution__label">{tr('ui.contribution.justification')} </span>
          {c.justification}
        </p>
      )}
      {c.cosponsors.length > 0 && (
        <p className="contribution__cosponsors" data-testid="cosponsors">
          <span className="contribution__label">{tr('ui.contribution.cosponsors')} </span>
          {c.cosponsors.map((p) => partyLabel(p, lang)).join(', ')}
        </p>
      )}
      {c.disposition && (
        <div className="contribution__disposition" data-testid="disposition">
          <p className="contribution__label">{tr('ui.contribution.disposition')}</p>
          <DecisionBadge decision={c.disposition.decision} />
          {reasoning && <p className="contribution__reasoning">{reasoning}</p>}
          {c.disposition.decision === 'accepted_in_part' && c.disposition.adoptedText && (
            <p className="contribution__comment">
              <span className="contribution__label">{tr('ui.contribution.adopted')} </span>
              <span lang={c.language}>{c.disposition.adoptedText}</span>
            </p>
          )}
        </div>
      )}
      {children}
    </article>
  )
}
