/**
 * The margin beside one provision: how many comments and proposals it has (a button that
 * shows them), each of them when shown, and — while the round is open, for delegates who
 * may contribute — the ways to propose something on it.
 */
import type { ContributionDTO, ContributionKind } from '@core/api/contributions.js'
import type { Lang } from '@core/i18n/languages.js'
import type { FlatProvision } from '@core/text/model.js'
import { Button, Menu, UnstyledButton } from '@mantine/core'
import { useId, useState } from 'react'
import { useLanguage, useT } from '../../i18n/language.js'
import { plainText } from '../../lib/negotiation.js'
import { ContributionActions } from './ContributionActions.js'
import { ContributionView } from './ContributionView.js'

export const PROPOSAL_KINDS: ContributionKind[] = ['comment', 'amendment', 'deletion', 'insertion']

interface ProvisionMarginProps {
  provision: FlatProvision
  name: string
  contributions: ContributionDTO[]
  canContribute: boolean
  roundOpen: boolean
  onPropose: (kind: ContributionKind, provision: FlatProvision) => void
  onEdit: (contribution: ContributionDTO) => void
  initiallyOpen?: boolean
}

/** "3 замечания" with the plural form of the UI language (`word`: without the number). */
export function useCountLabel(word = false): (n: number) => string {
  const tr = useT()
  const { lang } = useLanguage()
  const rules = new Intl.PluralRules(lang === 'en' ? 'en' : 'ru')
  return (n: number) => tr(`ui.margin.${word ? 'word' : 'count'}.${rules.select(n)}`, { n })
}

export function ProvisionMargin({
  provision,
  name,
  contributions,
  canContribute,
  roundOpen,
  onPropose,
  onEdit,
  initiallyOpen = false,
}: ProvisionMarginProps) {
  const tr = useT()
  const countWord = useCountLabel(true)
  const listId = useId()
  const [open, setOpen] = useState(initiallyOpen)
  const count = contributions.length
  if (count === 0 && !canContribute) return null
  const textIn = (lang: Lang) => plainText(provision, lang)

  return (
    <aside
      className="margin"
      aria-label={tr('ui.margin.label', { provision: name })}
      data-testid="margin"
      data-open={open || undefined}
    >
      <div className="margin__bar">
        {count > 0 && (
          <UnstyledButton
            className="margin__toggle"
            aria-expanded={open}
            aria-controls={open ? listId : undefined}
            onClick={() => setOpen((value) => !value)}
            data-testid="margin-toggle"
          >
            <span className="margin__badge">{count}</span>
            <span className="margin__count">{countWord(count)}</span>
            <span className="margin__chevron" aria-hidden="true">
              {open ? '▴' : '▾'}
            </span>
          </UnstyledButton>
        )}
        {canContribute && (
          <Menu position="bottom-end" withinPortal={false} shadow="md" returnFocus>
            <Menu.Target>
              <Button
                size="compact-sm"
                variant="subtle"
                className="margin__propose"
                aria-label={tr('ui.margin.proposeOn', { provision: name })}
                data-testid="propose-menu"
              >
                {tr('ui.margin.propose')} ▾
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {PROPOSAL_KINDS.map((kind) => (
                <Menu.Item key={kind} onClick={() => onPropose(kind, provision)} data-kind={kind}>
                  {tr(`ui.margin.action.${kind}`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        )}
      </div>
      {count > 0 && open && (
        <div id={listId} className="margin__list">
          {contributions.map((c) => (
            <ContributionView key={c.id} contribution={c} current={textIn(c.language)} compact>
              <ContributionActions contribution={c} onEdit={onEdit} roundOpen={roundOpen} />
            </ContributionView>
          ))}
        </div>
      )}
    </aside>
  )
}
