/** Breadcrumbs in a labelled nav landmark; the last crumb is the current page. */
import { Anchor, Breadcrumbs, Text } from '@mantine/core'
import { Link } from 'react-router'
import { useT } from '../i18n/language.js'

export interface Crumb {
  label: string
  to?: string
}

export function Crumbs({ items }: { items: Crumb[] }) {
  const tr = useT()
  return (
    <nav aria-label={tr('ui.nav.breadcrumbs')} className="breadcrumbs">
      <Breadcrumbs separator="›" separatorMargin={6} style={{ flexWrap: 'wrap', rowGap: 4 }}>
        {items.map((item, index) =>
          item.to && index < items.length - 1 ? (
            <Anchor
              key={item.to}
              component={Link}
              to={item.to}
              size="sm"
              truncate="end"
              maw="24rem"
              title={item.label}
            >
              {item.label}
            </Anchor>
          ) : (
            <Text
              key={item.label}
              size="sm"
              c="dimmed"
              aria-current="page"
              component="span"
              truncate="end"
              maw="32rem"
              title={item.label}
            >
              {item.label}
            </Text>
          ),
        )}
      </Breadcrumbs>
    </nav>
  )
}
