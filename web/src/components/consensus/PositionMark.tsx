/**
 * A position as a symbol, a colour and a word (never colour alone), the agreed / open mark
 * of a provision, and the legend of the matrix.
 */
import type { EffectivePosition } from '@core/domain/consensus.js'
import { useT } from '../../i18n/language.js'
import { POSITION_LOOK, POSITIONS } from '../../lib/consensus.js'
import { StatusLabel } from '../StatusBadges.js'

/** The symbol of a position (hidden from screen readers: the word or the label says it). */
export function PositionSymbol({ kind }: { kind: EffectivePosition }) {
  const look = POSITION_LOOK[kind]
  return (
    <span className="pos__symbol" aria-hidden="true">
      {look.symbol}
      {look.sup && <span className="pos__sup">{look.sup}</span>}
    </span>
  )
}

/** Symbol, colour and word of a position, e.g. "✕ Возражение". */
export function PositionMark({ kind, testId }: { kind: EffectivePosition; testId?: string }) {
  const tr = useT()
  return (
    <span className="pos pos--mark" data-kind={kind} data-testid={testId}>
      <PositionSymbol kind={kind} />
      <span className="pos__word">{tr(`position.${kind}`)}</span>
    </span>
  )
}

/** Agreed (✓, green) or open (●, amber), with the word. */
export function AgreedMark({ agreed }: { agreed: boolean }) {
  const tr = useT()
  return agreed ? (
    <StatusLabel tone="green" symbol="✓" word={tr('ui.consensus.provisionAgreed')} />
  ) : (
    <StatusLabel tone="amber" symbol="●" word={tr('ui.consensus.provisionOpen')} />
  )
}

/** What the symbols of the matrix mean. */
export function MatrixLegend() {
  const tr = useT()
  return (
    <section className="cmatrix-legend" aria-labelledby="cmatrix-legend-heading" data-testid="matrix-legend">
      <h3 id="cmatrix-legend-heading" className="cmatrix-legend__heading">
        {tr('ui.consensus.legend')}
      </h3>
      <ul className="cmatrix-legend__list">
        {POSITIONS.map((kind) => (
          <li key={kind}>
            <span className="pos pos--cell" data-kind={kind}>
              <PositionSymbol kind={kind} />
            </span>
            <span>{tr(`position.${kind}`)}</span>
          </li>
        ))}
        <li>
          <span className="cmatrix-legend__foot" data-agreed="true" aria-hidden="true">
            ✓
          </span>
          <span>{tr('ui.consensus.legendAgreed')}</span>
        </li>
        <li>
          <span className="cmatrix-legend__foot" data-agreed="false" aria-hidden="true">
            ●
          </span>
          <span>{tr('ui.consensus.legendOpen')}</span>
        </li>
      </ul>
    </section>
  )
}
