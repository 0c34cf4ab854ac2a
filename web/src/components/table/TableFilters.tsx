/**
 * Filters of the consolidated table, bound to the address (?party=&kind=&status=&provision=
 * &lang=&order=), so that a filtered table can be linked to and its exports carry the same
 * selection.
 */
import { CONTRIBUTION_KINDS } from '@core/api/contributions.js'
import type { DossierParticipantDTO } from '@core/api/types.js'
import { isLang, type Lang, pickText } from '@core/i18n/languages.js'
import type { FlatProvision } from '@core/text/model.js'
import { Button, Group, MultiSelect, SegmentedControl, Stack, Text } from '@mantine/core'
import { useId } from 'react'
import { useSearchParams } from 'react-router'
import type { TableParams } from '../../api/negotiation.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { provisionName } from '../../lib/negotiation.js'

export type TableOrder = 'provision' | 'party'

const STATUS_OPTIONS = [
  'undecided',
  'accepted',
  'accepted_in_part',
  'not_accepted',
  'merged',
  'withdrawn',
  'submitted',
  'draft',
] as const

const list = (value: string | null) => (value ? value.split(',').filter(Boolean) : [])

/** The table's parameters as the address states them. */
export function useTableParams(): { params: TableParams; order: TableOrder } {
  const [search] = useSearchParams()
  const lang = search.get('lang')
  return {
    params: {
      lang: isLang(lang) ? lang : undefined,
      party: list(search.get('party')),
      kind: list(search.get('kind')),
      status: list(search.get('status')),
      provision: list(search.get('provision')),
    },
    order: search.get('order') === 'party' ? 'party' : 'provision',
  }
}

interface TableFiltersProps {
  participants: DossierParticipantDTO[]
  provisions: FlatProvision[]
  languages: Lang[]
  shownLang: Lang
}

export function TableFilters({ participants, provisions, languages, shownLang }: TableFiltersProps) {
  const tr = useT()
  const { lang } = useLanguage()
  const [, setSearch] = useSearchParams()
  const { params, order } = useTableParams()
  const orderLabel = useId()
  const langLabel = useId()
  const set = (key: string, values: string[] | string | null) =>
    setSearch(
      (current) => {
        const next = new URLSearchParams(current)
        const value = Array.isArray(values) ? values.join(',') : values
        if (value) next.set(key, value)
        else next.delete(key)
        return next
      },
      { replace: true, preventScrollReset: true },
    )
  const anyFilter =
    params.party.length + params.kind.length + params.status.length + params.provision.length > 0

  return (
    <Stack gap="sm" className="table-filters no-print" data-testid="table-filters">
      <Group gap="md" align="flex-end" wrap="wrap" grow preventGrowOverflow={false}>
        <MultiSelect
          label={tr('ui.table.filter.party')}
          placeholder={params.party.length ? undefined : tr('ui.table.filter.any')}
          data={participants.map((p) => ({ value: p.code, label: `${pickText(p.name, lang)} (${p.code})` }))}
          value={params.party}
          onChange={(values) => set('party', values)}
          clearable
          searchable
          miw={200}
        />
        <MultiSelect
          label={tr('ui.table.filter.kind')}
          placeholder={params.kind.length ? undefined : tr('ui.table.filter.any')}
          data={CONTRIBUTION_KINDS.map((kind) => ({ value: kind, label: tr(`kind.${kind}`) }))}
          value={params.kind}
          onChange={(values) => set('kind', values)}
          clearable
          miw={180}
        />
        <MultiSelect
          label={tr('ui.table.filter.status')}
          placeholder={params.status.length ? undefined : tr('ui.table.filter.any')}
          data={STATUS_OPTIONS.map((status) => ({ value: status, label: tr(`ui.table.status.${status}`) }))}
          value={params.status}
          onChange={(values) => set('status', values)}
          clearable
          miw={200}
        />
        <MultiSelect
          label={tr('ui.table.filter.provision')}
          placeholder={params.provision.length ? undefined : tr('ui.table.filter.any')}
          data={provisions.map((p) => ({ value: p.eid, label: provisionName(p, provisions, tr) }))}
          value={params.provision}
          onChange={(values) => set('provision', values)}
          clearable
          searchable
          miw={180}
        />
      </Group>
      <Group gap="lg" align="flex-end" wrap="wrap">
        <Stack gap={4}>
          <Text id={orderLabel} size="sm" fw={500}>
            {tr('ui.table.order')}
          </Text>
          <SegmentedControl
            aria-labelledby={orderLabel}
            size="sm"
            value={order}
            onChange={(value) => set('order', value === 'party' ? 'party' : null)}
            data={[
              { value: 'provision', label: tr('ui.table.order.provision') },
              { value: 'party', label: tr('ui.table.order.party') },
            ]}
          />
        </Stack>
        {languages.length > 1 && (
          <Stack gap={4}>
            <Text id={langLabel} size="sm" fw={500}>
              {tr('ui.table.language')}
            </Text>
            <SegmentedControl
              aria-labelledby={langLabel}
              size="sm"
              value={shownLang}
              onChange={(value) => set('lang', value)}
              data={languages.map((code) => ({
                value: code,
                label: <span lang={code}>{tr(`lang.${code}`)}</span>,
              }))}
              data-testid="table-language"
            />
          </Stack>
        )}
        {anyFilter && (
          <Button
            variant="subtle"
            onClick={() =>
              setSearch(
                (current) => {
                  const next = new URLSearchParams(current)
                  for (const key of ['party', 'kind', 'status', 'provision']) next.delete(key)
                  return next
                },
                { replace: true, preventScrollReset: true },
              )
            }
          >
            {tr('ui.table.filter.reset')}
          </Button>
        )}
      </Group>
    </Stack>
  )
}
