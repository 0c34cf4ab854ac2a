/**
 * Inline runs of a provision's text: plain text with emphasis, negotiation brackets shown
 * as `[alt1 / alt2]` in a distinct style (with the parties backing each alternative), and
 * footnote references. A resolved bracket shows its agreed text.
 */
import type { BracketRun, Run } from '@core/text/model.js'
import { Fragment } from 'react'
import { useT } from '../i18n/language.js'
import { useBracketContext } from './brackets/context.js'

function Bracket({ run: stored }: { run: BracketRun }) {
  const tr = useT()
  const context = useBracketContext()
  const live = context?.byId.get(stored.id)
  const run = live ? { ...stored, alternatives: live.alternatives, resolved: live.resolved } : stored
  const open = context?.onOpen
  if (run.resolved) {
    const agreed = tr('ui.brackets.resolvedBy', { parties: run.resolved.agreedBy.join(', ') })
    if (!open) return <>{run.resolved.text}</>
    return (
      <button
        type="button"
        className="bracket bracket--resolved bracket--button"
        data-bracket={run.id}
        data-state="resolved"
        title={agreed}
        onClick={() => open(run.id)}
      >
        {run.resolved.text}
        <span className="visually-hidden">
          {' '}
          ({tr('ui.brackets.state.resolved')}, {agreed})
        </span>
      </button>
    )
  }
  // Alternatives have no id; in an immutable version their position is their identity.
  const alternatives = run.alternatives.map((alt, position) => ({
    alt,
    key: `${run.id}-alt-${position}`,
    first: position === 0,
  }))
  const body = (
    <>
      <span className="visually-hidden">{tr('ui.text.bracketStart')} </span>
      <span className="bracket__mark" aria-hidden="true">
        [
      </span>
      {alternatives.map(({ alt, key, first }) => (
        <Fragment key={key}>
          {!first && <span className="bracket__sep"> / </span>}
          <span
            title={
              alt.backers.length > 0 ? tr('ui.text.backedBy', { parties: alt.backers.join(', ') }) : undefined
            }
          >
            {alt.text}
          </span>
          {live && alt.backers.length > 0 && (
            <sup className="bracket__backers">
              <span className="visually-hidden">{tr('ui.brackets.backedBy', { parties: '' })}</span>
              {alt.backers.join(' ')}
            </sup>
          )}
        </Fragment>
      ))}
      <span className="bracket__mark" aria-hidden="true">
        ]
      </span>
      <span className="visually-hidden"> {tr('ui.text.bracketEnd')}</span>
    </>
  )
  if (open) {
    return (
      <button
        type="button"
        className="bracket bracket--button"
        data-bracket={run.id}
        data-state="open"
        onClick={() => open(run.id)}
      >
        {body}
      </button>
    )
  }
  return (
    <span className="bracket" data-bracket={run.id}>
      {body}
    </span>
  )
}

export function Runs({ runs }: { runs: readonly Run[] }) {
  return (
    <>
      {runs.map((run, index) => {
        const key = `${run.type}-${index}`
        if (run.type === 'bracket') return <Bracket key={key} run={run} />
        if (run.type === 'fnref') {
          return (
            <sup key={key} className="fnref">
              {run.id}
            </sup>
          )
        }
        let node: React.ReactNode = run.text
        if (run.em) node = <em>{node}</em>
        if (run.strong) node = <strong>{node}</strong>
        return <Fragment key={key}>{node}</Fragment>
      })}
    </>
  )
}
