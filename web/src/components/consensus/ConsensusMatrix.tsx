/**
 * The consensus matrix: rows are parties (members, then observers marked "not counted"),
 * columns the document as a whole and then each provision by its displayed number, grouped
 * by section; every cell a symbol, a colour and an accessible label. A footer row says
 * whether each provision is agreed. Filters (bound to the address) keep only open
 * provisions, or only parties that object or have not answered. The first column stays in
 * place while the table scrolls sideways.
 */
import type { EffectivePosition } from '@core/domain/consensus.js'
import { Checkbox, Group, Text } from '@mantine/core'
import { useSearchParams } from 'react-router'
import { useT } from '../../i18n/language.js'
import type { MatrixParty } from '../../lib/consensus.js'
import type { ConsensusModel, MatrixProvision } from './model.js'
import { MatrixLegend, PositionSymbol } from './PositionMark.js'

export interface MatrixSelection {
  /** Null: the document as a whole. */
  eid: string | null
  party: string | null
}

interface ConsensusMatrixProps {
  model: ConsensusModel
  caption: string
  myParty: string | null
  onSelect: (selection: MatrixSelection) => void
}

const NEEDS_ATTENTION: EffectivePosition[] = ['objection', 'no_response']

/** Consecutive provisions of the same section, for the grouped header. */
function sectionGroups(provisions: MatrixProvision[]) {
  const groups: { section: string; span: number; first: string }[] = []
  for (const p of provisions) {
    const section = p.provision?.section ?? 'body'
    const last = groups[groups.length - 1]
    if (last && last.section === section) last.span++
    else groups.push({ section, span: 1, first: p.eid })
  }
  return groups
}

export function ConsensusMatrix({ model, caption, myParty, onSelect }: ConsensusMatrixProps) {
  const tr = useT()
  const [search, setSearch] = useSearchParams()
  const onlyOpen = search.get('open') === '1'
  const onlyAttention = search.get('attention') === '1'
  const toggle = (key: string, on: boolean) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current)
        if (on) next.set(key, '1')
        else next.delete(key)
        return next
      },
      { replace: true, preventScrollReset: true },
    )

  const provisions = onlyOpen ? model.provisions.filter((p) => !p.outcome.agreed) : model.provisions
  const needsAttention = (party: MatrixParty) =>
    NEEDS_ATTENTION.includes(model.positionOf(party.code, null)) ||
    provisions.some((p) => model.positionOf(party.code, p.eid) === 'objection')
  const parties = onlyAttention ? model.parties.filter(needsAttention) : model.parties
  const members = parties.filter((p) => !p.observer)
  const observers = parties.filter((p) => p.observer)
  const columns = provisions.length + 2
  const docAgreed = model.consensus.agreed
  const headRows = provisions.length > 0 ? 2 : 1

  const row = (party: MatrixParty) => (
    <tr key={party.code} data-party={party.code} data-observer={party.observer || undefined}>
      <th scope="row" className="cmatrix__party">
        <span className="cmatrix__party-name">{party.label}</span>
        {party.code === myParty && <span className="cmatrix__tag">{tr('ui.consensus.you')}</span>}
        {party.observer && <span className="cmatrix__observer">{tr('ui.consensus.observerNotCounted')}</span>}
      </th>
      {[null, ...provisions.map((p) => p.eid)].map((eid) => {
        const kind = model.positionOf(party.code, eid)
        const where =
          eid === null
            ? tr('ui.consensus.wholeDocument')
            : (provisions.find((p) => p.eid === eid)?.name ?? eid)
        const label = tr('ui.consensus.cellLabel', {
          party: party.label,
          provision: where,
          position: tr(`position.${kind}`),
        })
        return (
          <td key={eid ?? 'document'} className={eid === null ? 'cmatrix__doc' : undefined}>
            <button
              type="button"
              className="pos pos--cell"
              data-kind={kind}
              aria-label={label}
              title={label}
              onClick={() => onSelect({ eid, party: party.code })}
              data-testid={eid === null ? `cell-${party.code}-document` : `cell-${party.code}-${eid}`}
            >
              <PositionSymbol kind={kind} />
            </button>
          </td>
        )
      })}
    </tr>
  )

  return (
    <section aria-labelledby="matrix-heading" className="cmatrix-section" data-testid="consensus-matrix">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm" mb="sm">
        <div>
          <h2 id="matrix-heading" className="section-heading">
            {tr('ui.consensus.matrix')}
          </h2>
          <Text size="sm" c="dimmed" maw="46rem" className="no-print">
            {tr('ui.consensus.matrixHint')}
          </Text>
        </div>
        <Group gap="lg" wrap="wrap" className="no-print" data-testid="matrix-filters">
          <Checkbox
            label={tr('ui.consensus.filterOpen')}
            checked={onlyOpen}
            onChange={(e) => toggle('open', e.currentTarget.checked)}
          />
          <Checkbox
            label={tr('ui.consensus.filterAttention')}
            checked={onlyAttention}
            onChange={(e) => toggle('attention', e.currentTarget.checked)}
          />
        </Group>
      </Group>
      <MatrixLegend />
      {onlyOpen && provisions.length === 0 && (
        <Text className="panel" p="md" mt="sm" data-testid="matrix-empty">
          {tr('ui.consensus.noOpenProvisions')}
        </Text>
      )}
      {parties.length === 0 && (
        <Text className="panel" p="md" mt="sm" data-testid="matrix-empty">
          {tr('ui.consensus.noParties')}
        </Text>
      )}
      {parties.length > 0 && (
        <div className="cmatrix-scroll">
          <table className="cmatrix">
            <caption className="cmatrix__caption">{caption}</caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={headRows} className="cmatrix__party">
                  {tr('ui.consensus.party')}
                </th>
                <th scope="col" rowSpan={headRows} className="cmatrix__doc">
                  <button
                    type="button"
                    className="cmatrix__head-button"
                    onClick={() => onSelect({ eid: null, party: null })}
                  >
                    {tr('ui.consensus.wholeDocument')}
                  </button>
                </th>
                {sectionGroups(provisions).map((g) => (
                  <th key={g.first} scope="colgroup" colSpan={g.span} className="cmatrix__section">
                    {tr(`section.${g.section}`)}
                  </th>
                ))}
              </tr>
              {headRows === 2 && (
                <tr>
                  {provisions.map((p) => (
                    <th key={p.eid} scope="col" className="cmatrix__num" data-agreed={p.outcome.agreed}>
                      <button
                        type="button"
                        className="cmatrix__head-button"
                        title={p.name}
                        onClick={() => onSelect({ eid: p.eid, party: null })}
                        data-testid={`provision-${p.eid}`}
                      >
                        {p.column}
                        <span className="visually-hidden">
                          {` — ${p.name}: ${tr(p.outcome.agreed ? 'ui.consensus.provisionAgreed' : 'ui.consensus.provisionOpen')}`}
                        </span>
                      </button>
                    </th>
                  ))}
                </tr>
              )}
            </thead>
            {members.length > 0 && <tbody>{members.map(row)}</tbody>}
            {observers.length > 0 && (
              <tbody className="cmatrix__observers">
                <tr>
                  <th scope="rowgroup" colSpan={columns} className="cmatrix__group">
                    {tr('ui.consensus.observersGroup')}
                  </th>
                </tr>
                {observers.map(row)}
              </tbody>
            )}
            <tfoot>
              <tr>
                <th scope="row" className="cmatrix__party">
                  {tr('ui.consensus.outcomeRow')}
                </th>
                <td className="cmatrix__doc cmatrix__foot" data-agreed={docAgreed}>
                  <span aria-hidden="true">{docAgreed ? '✓' : '●'}</span>{' '}
                  {tr(docAgreed ? 'ui.consensus.footAgreed' : 'ui.consensus.footOpen')}
                </td>
                {provisions.map((p) => (
                  <td
                    key={p.eid}
                    className="cmatrix__foot"
                    data-agreed={p.outcome.agreed}
                    data-testid={`outcome-${p.eid}`}
                  >
                    <span aria-hidden="true">{p.outcome.agreed ? '✓' : '●'}</span>{' '}
                    <span className="cmatrix__foot-word">
                      {tr(p.outcome.agreed ? 'ui.consensus.footAgreed' : 'ui.consensus.footOpen')}
                    </span>
                  </td>
                ))}
              </tr>
            </tfoot>
          </table>
        </div>
      )}
    </section>
  )
}
