/**
 * The changes between two versions, provision by provision: changed ones as a redline
 * (inline, or old | new side by side), inserted and deleted ones marked, moved ones with a
 * symbol and a word, and under each the contributions that caused it.
 */
import type { ProvisionChangeDTO, RedlineDTO } from '@core/api/contributions.js'
import type { FlatProvision } from '@core/text/model.js'
import { Anchor } from '@mantine/core'
import { Link } from 'react-router'
import { useContribution } from '../../api/negotiation.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { partyLabel } from '../../lib/format.js'
import { provisionName } from '../../lib/negotiation.js'
import { Redline } from '../Redline.js'
import { StatusLabel, type Tone } from '../StatusBadges.js'

export type CompareView = 'inline' | 'side'

const LOOK: Record<ProvisionChangeDTO['status'], { tone: Tone; symbol: string }> = {
  changed: { tone: 'amber', symbol: '✎' },
  inserted: { tone: 'green', symbol: '+' },
  deleted: { tone: 'red', symbol: '−' },
  unchanged: { tone: 'grey', symbol: '=' },
}

interface ChangeListProps {
  redline: RedlineDTO
  view: CompareView
  fromProvisions: FlatProvision[]
  toProvisions: FlatProvision[]
}

export function ChangeList({ redline, view, fromProvisions, toProvisions }: ChangeListProps) {
  const tr = useT()
  if (redline.changes.length === 0) return <p className="compare__none">{tr('ui.compare.none')}</p>
  return (
    <ol className="compare__list" data-view={view}>
      {redline.changes.map((change) => (
        <Change
          key={change.eid}
          change={change}
          view={view}
          lang={redline.lang}
          fromProvisions={fromProvisions}
          toProvisions={toProvisions}
        />
      ))}
    </ol>
  )
}

function Change({
  change,
  view,
  lang: textLang,
  fromProvisions,
  toProvisions,
}: {
  change: ProvisionChangeDTO
  view: CompareView
  lang: string
  fromProvisions: FlatProvision[]
  toProvisions: FlatProvision[]
}) {
  const tr = useT()
  const inTo = toProvisions.find((p) => p.eid === change.eid)
  const inFrom = fromProvisions.find((p) => p.eid === change.eid)
  const name =
    (inTo ? provisionName(inTo, toProvisions, tr) : provisionName(inFrom, fromProvisions, tr)) || change.eid
  const look = LOOK[change.status]
  const headingId = `change-${change.eid}`
  return (
    <li className="compare__change" data-eid={change.eid} data-status={change.status} data-testid="change">
      <article aria-labelledby={headingId}>
        <header className="compare__head">
          <h3 className="compare__name" id={headingId}>
            {name}
          </h3>
          {change.status !== 'unchanged' && (
            <StatusLabel
              tone={look.tone}
              symbol={look.symbol}
              word={tr(`ui.compare.status.${change.status}`)}
            />
          )}
          {change.moved && (
            <StatusLabel
              tone="navy"
              symbol="↕"
              word={
                change.fromNum && change.fromNum !== change.toNum
                  ? tr('ui.compare.movedFrom', { num: change.fromNum.replace(/\.$/, '') })
                  : tr('ui.compare.moved')
              }
            />
          )}
        </header>
        {view === 'inline' ? (
          <p className="compare__text" lang={textLang}>
            <Redline ops={change.ops} testId="change-redline" />
          </p>
        ) : (
          <div className="compare__sides">
            <div className="compare__side">
              <p className="compare__side-label">{tr('ui.compare.old')}</p>
              <p className="compare__text" lang={textLang}>
                {change.status === 'inserted' ? '—' : <Redline ops={change.ops} side="old" />}
              </p>
            </div>
            <div className="compare__side">
              <p className="compare__side-label">{tr('ui.compare.new')}</p>
              <p className="compare__text" lang={textLang}>
                {change.status === 'deleted' ? '—' : <Redline ops={change.ops} side="new" />}
              </p>
            </div>
          </div>
        )}
        {change.sources.length > 0 && (
          <div className="compare__sources" data-testid="change-sources">
            <span className="contribution__label">{tr('ui.compare.sources')} </span>
            <ul>
              {change.sources.map((id) => (
                <Source key={id} id={id} />
              ))}
            </ul>
          </div>
        )}
      </article>
    </li>
  )
}

/** One contribution behind a change, linked to its row of the consolidated table. */
function Source({ id }: { id: string }) {
  const tr = useT()
  const { lang } = useLanguage()
  const detail = useContribution(id)
  const c = detail.data?.data
  if (!c) return <li>{detail.isError ? tr('ui.compare.sourceHidden') : tr('ui.loading')}</li>
  return (
    <li>
      <Anchor component={Link} to={`/rounds/${c.roundId}/table#c-${c.id}`} data-testid="source-link">
        {partyLabel(c.party, lang)} — {tr(`kind.${c.kind}`)}
        {c.disposition ? ` (${tr(`decision.${c.disposition.decision}`)})` : ''}
      </Anchor>
    </li>
  )
}
