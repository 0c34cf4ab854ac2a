/**
 * Where the document stands, at the top of the consensus page: agreed (✓, green), agreed
 * ad referendum pending confirmation (◐), open (●, amber) or frozen as agreed at expert
 * level — always colour, symbol and word — then why, in sentences, and who said what:
 * signatories, special opinions, non-participation, and observers (recorded, not counted).
 */
import type { DecisionRule } from '@core/domain/decision-rules.js'
import { Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { useT } from '../../i18n/language.js'
import { reasonSentences } from '../../lib/consensus.js'
import { formatDate } from '../../lib/format.js'
import type { ConsensusModel } from './model.js'
import { PositionMark } from './PositionMark.js'

type State = 'frozen' | 'pending' | 'agreed' | 'open'

const LOOK: Record<State, string> = { frozen: '✓', pending: '◐', agreed: '✓', open: '●' }

export function consensusState(model: ConsensusModel): State {
  const c = model.consensus
  if (c.frozenAt) return 'frozen'
  if (c.agreed) return c.pendingConfirmation ? 'pending' : 'agreed'
  return 'open'
}

function ruleText(rule: DecisionRule, tr: (key: string, params?: Record<string, string | number>) => string) {
  if (rule.kind === 'qualified_majority') {
    return tr('rule.qualified_majority', {
      inFavour: `${rule.inFavour.num}/${rule.inFavour.den}`,
      against: `${rule.maxAgainst.num}/${rule.maxAgainst.den}`,
    })
  }
  return tr(`rule.${rule.kind}`)
}

const capitalize = (s: string) => (s ? s[0]!.toLocaleUpperCase() + s.slice(1) : s)

export function ConsensusStatus({ model, children }: { model: ConsensusModel; children?: ReactNode }) {
  const tr = useT()
  const c = model.consensus
  const state = consensusState(model)
  const sentences = reasonSentences(c.reasons, model.reasonContext)
  const members = model.parties.filter((p) => !p.observer)
  const word =
    state === 'frozen'
      ? tr('ui.consensus.state.frozen', { date: formatDate(c.frozenAt, model.lang) })
      : tr(`ui.consensus.state.${state}`)

  return (
    <section
      className="cstatus"
      data-state={state}
      aria-labelledby="cstatus-heading"
      data-testid="consensus-status"
    >
      <h2 id="cstatus-heading" className="cstatus__heading" tabIndex={-1}>
        <span className="cstatus__symbol" aria-hidden="true">
          {LOOK[state]}
        </span>
        <span data-testid="consensus-state-word">{word}</span>
      </h2>
      {sentences.length > 0 && (
        <div className="cstatus__reasons">
          <Text fw={700}>{state === 'open' ? tr('ui.consensus.whyOpen') : tr('ui.consensus.notes')}</Text>
          <ul data-testid="consensus-reasons">
            {sentences.map((s) => (
              <li key={s}>{capitalize(s)}</li>
            ))}
          </ul>
        </div>
      )}
      {children}
      <dl className="cstatus__facts">
        <Fact term={tr('ui.consensus.rule')}>{ruleText(c.rule, tr)}</Fact>
        <Fact term={tr('ui.consensus.signatories')}>
          {tr('ui.consensus.signatoriesCount', { n: c.signatories.length, total: members.length })}
          {c.signatories.length > 0 && `: ${c.signatories.map(model.partyLabel).join(', ')}`}
        </Fact>
        {c.nonParticipating.length > 0 && (
          <Fact term={tr('ui.consensus.nonParticipating')}>
            {c.nonParticipating.map(model.partyLabel).join(', ')}
          </Fact>
        )}
        {c.objections.length > 0 && (
          <Fact term={tr('ui.consensus.objections')}>
            <ul className="cstatus__said">
              {c.objections.map((o) => (
                <li key={o.party}>
                  <strong>{model.partyLabel(o.party)}</strong>
                  {o.text && <q className="cstatus__quote">{o.text}</q>}
                </li>
              ))}
            </ul>
          </Fact>
        )}
        {c.reservations.length > 0 && (
          <Fact term={tr('ui.consensus.reservations')}>
            <ul className="cstatus__said">
              {c.reservations.map((r) => (
                <li key={r.party}>
                  <strong>{model.partyLabel(r.party)}</strong>
                  {r.text && <q className="cstatus__quote">{r.text}</q>}
                </li>
              ))}
            </ul>
          </Fact>
        )}
        {c.observers.length > 0 && (
          <Fact term={tr('ui.consensus.observers')}>
            <ul className="cstatus__said" data-testid="observer-positions">
              {c.observers.map((o) => (
                <li key={o.party} data-party={o.party}>
                  <strong>{model.partyLabel(o.party)}</strong> <PositionMark kind={o.position} />{' '}
                  <span className="cstatus__not-counted">{tr('ui.consensus.notCounted')}</span>
                  {o.text && <q className="cstatus__quote">{o.text}</q>}
                </li>
              ))}
            </ul>
          </Fact>
        )}
      </dl>
    </section>
  )
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="cstatus__fact">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  )
}
