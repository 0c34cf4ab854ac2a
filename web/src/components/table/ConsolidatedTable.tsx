/**
 * The consolidated table itself: per provision its number and current text, each party's
 * contribution (kind and type, the proposal as a redline, comment, justification), the
 * secretariat's disposition with its reasoning, and the resulting text. Ordered by the
 * document (provision cells spanning their contributions) or by party (one flat row each).
 */
import type { ConsolidatedTableDTO, TableContributionDTO, TableRowDTO } from '@core/api/contributions.js'
import type { Policies } from '@core/api/types.js'
import { diffWords } from '@core/text/diff.js'
import type { FlatProvision } from '@core/text/model.js'
import { Button, Checkbox } from '@mantine/core'
import { useLanguage, useT } from '../../i18n/language.js'
import { partyLabel } from '../../lib/format.js'
import { provisionName } from '../../lib/negotiation.js'
import { Redline } from '../Redline.js'
import { ContributionStatusBadge, DecisionBadge, MembershipBadge } from '../StatusBadges.js'
import type { TableOrder } from './TableFilters.js'

interface Line {
  row: TableRowDTO
  contribution: TableContributionDTO | null
  /** Rows the provision cells span (0: covered by the line above). */
  span: number
}

function linesOf(table: ConsolidatedTableDTO, order: TableOrder): Line[] {
  if (order === 'party') {
    const lines = table.rows.flatMap((row) =>
      row.contributions.map((c) => ({ row, contribution: c, span: 1 })),
    )
    // A stable sort: within a party, the document's order.
    return lines.sort((a, b) => a.contribution.party.code.localeCompare(b.contribution.party.code))
  }
  return table.rows.flatMap((row): Line[] =>
    row.contributions.length === 0
      ? [{ row, contribution: null, span: 1 }]
      : row.contributions.map((c, i) => ({
          row,
          contribution: c,
          span: i === 0 ? row.contributions.length : 0,
        })),
  )
}

interface ConsolidatedTableProps {
  table: ConsolidatedTableDTO
  policies: Policies
  order: TableOrder
  provisions: FlatProvision[]
  selected: Set<string>
  onToggle: (id: string) => void
  onDispose: (contribution: TableContributionDTO, row: TableRowDTO) => void
  caption: string
}

export function ConsolidatedTable(props: ConsolidatedTableProps) {
  const { table, policies, order, provisions, selected, onToggle, onDispose, caption } = props
  const tr = useT()
  const mayDispose = !!policies.dispose
  const lines = linesOf(table, order)
  const byEid = new Map(provisions.map((p) => [p.eid, p]))
  const numOf = (row: TableRowDTO) =>
    row.eid === null
      ? tr('ui.table.generalRow')
      : provisionName(byEid.get(row.eid), provisions, tr) || row.num || row.eid
  const provisionCells = order === 'provision'

  return (
    <div className="table-scroll">
      <table className="ctable" data-testid="consolidated-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {mayDispose && (
              <th scope="col" className="ctable__select">
                <span className="visually-hidden">{tr('ui.table.col.select')}</span>
              </th>
            )}
            <th scope="col" className="ctable__num">
              {tr('export.col.num')}
            </th>
            <th scope="col" className="ctable__text">
              {tr('export.col.text')}
            </th>
            <th scope="col" className="ctable__party">
              {tr('export.col.party')}
            </th>
            <th scope="col" className="ctable__kind">
              {tr('export.col.kind')}
            </th>
            <th scope="col" className="ctable__proposal">
              {tr('export.col.proposal')}
            </th>
            <th scope="col" className="ctable__just">
              {tr('export.col.justification')}
            </th>
            <th scope="col" className="ctable__disp">
              {tr('export.col.disposition')}
            </th>
            <th scope="col" className="ctable__result">
              {tr('export.col.result')}
            </th>
          </tr>
        </thead>
        <tbody>
          {lines.length === 0 && (
            <tr>
              <td colSpan={mayDispose ? 9 : 8} className="ctable__empty">
                {tr('export.table.empty')}
              </td>
            </tr>
          )}
          {lines.map((line) => {
            const c = line.contribution
            const key = c ? c.id : `row-${line.row.eid ?? 'general'}`
            const showProvision = !provisionCells || line.span > 0
            const span = provisionCells ? line.span : 1
            return (
              <tr
                key={key}
                id={c ? `c-${c.id}` : undefined}
                data-eid={line.row.eid ?? 'general'}
                data-contribution={c?.id}
              >
                {mayDispose && (
                  <td className="ctable__select">
                    {c && c.status === 'submitted' && (
                      <Checkbox
                        size="xs"
                        checked={selected.has(c.id)}
                        onChange={() => onToggle(c.id)}
                        aria-label={tr('ui.table.selectOne', {
                          party: c.party.code,
                          provision: numOf(line.row),
                        })}
                      />
                    )}
                  </td>
                )}
                {showProvision && (
                  <th scope="row" rowSpan={span} className="ctable__num">
                    {numOf(line.row)}
                  </th>
                )}
                {showProvision && (
                  <td rowSpan={span} className="ctable__text" lang={table.lang}>
                    {line.row.text}
                  </td>
                )}
                {c ? (
                  <ContributionCells
                    c={c}
                    row={line.row}
                    textLang={table.lang}
                    mayDispose={mayDispose}
                    onDispose={onDispose}
                  />
                ) : (
                  <td colSpan={5} className="ctable__none">
                    {tr('export.row.noContributions')}
                  </td>
                )}
                {(provisionCells ? line.span > 0 : true) && (
                  <td rowSpan={span} className="ctable__result" lang={table.lang}>
                    <Result
                      current={line.row.text}
                      result={
                        provisionCells || !c ? line.row.resultingText : contributionResult(c, line.row.text)
                      }
                      general={line.row.eid === null}
                      insertion={!provisionCells && c?.kind === 'insertion'}
                    />
                  </td>
                )}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}

/** The provision's wording if this contribution alone were applied as disposed; null: deleted. */
function contributionResult(c: TableContributionDTO, current: string): string | null {
  if (c.kind === 'comment' || c.kind === 'general' || c.resultingText === null) return current
  return c.resultingText === '' ? null : c.resultingText
}

function ContributionCells({
  c,
  row,
  textLang,
  mayDispose,
  onDispose,
}: {
  c: TableContributionDTO
  row: TableRowDTO
  textLang: string
  mayDispose: boolean
  onDispose: (c: TableContributionDTO, row: TableRowDTO) => void
}) {
  const tr = useT()
  const { lang } = useLanguage()
  return (
    <>
      <td className="ctable__party">
        <span className="ctable__party-name">{partyLabel(c.party, lang)}</span>
        {c.isObserver && <MembershipBadge status="observer" />}
        {c.cosponsors.length > 0 && (
          <span className="ctable__cosponsors">
            {tr('export.party.cosponsors', { parties: c.cosponsors.join(', ') })}
          </span>
        )}
      </td>
      <td className="ctable__kind">
        {tr(`kind.${c.kind}`)}
        <span className="ctable__type">{tr(`contributionType.${c.type}`)}</span>
        {c.status !== 'submitted' && <ContributionStatusBadge status={c.status} />}
      </td>
      <td className="ctable__proposal">
        {c.redline.length > 0 && (
          <p className="ctable__redline" lang={textLang}>
            <Redline ops={c.redline} testId="table-redline" />
          </p>
        )}
        {c.comment && <p className="ctable__comment">{c.comment}</p>}
      </td>
      <td className="ctable__just">{c.justification}</td>
      <td className="ctable__disp">
        {(c.decision || c.status !== 'withdrawn') && <DecisionBadge decision={c.decision} />}
        {c.reasoning && (
          <p className="ctable__reasoning" lang={textLang}>
            {c.reasoning}
          </p>
        )}
        {mayDispose && c.status === 'submitted' && (
          <Button
            size="compact-xs"
            variant="default"
            mt={6}
            className="no-print"
            onClick={() => onDispose(c, row)}
            aria-label={tr('ui.table.disposeOne', {
              action: c.decision ? tr('ui.table.change') : tr('ui.table.decide'),
              party: partyLabel(c.party, lang),
            })}
            data-testid="dispose-button"
          >
            {c.decision ? tr('ui.table.change') : tr('ui.table.decide')}
          </Button>
        )}
      </td>
    </>
  )
}

interface ResultProps {
  current: string
  result: string | null
  general: boolean
  /** An insertion's result is a new provision after this one, not a new wording of it. */
  insertion: boolean
}

function Result({ current, result, general, insertion }: ResultProps) {
  const tr = useT()
  if (general) return null
  if (result === null) return <span className="ctable__deleted">{tr('export.row.deleted')}</span>
  if (result === current) return <span className="muted">{tr('export.row.unchanged')}</span>
  if (insertion) {
    return (
      <>
        <span className="ctable__result-label">{tr('ui.contribution.newProvision')} </span>
        <Redline ops={[{ op: 'insert', text: result }]} testId="table-result" />
      </>
    )
  }
  return <Redline ops={diffWords(current, result)} testId="table-result" />
}
