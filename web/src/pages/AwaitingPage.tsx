/**
 * The party's dashboard "What awaits our position": the circulated versions on which the
 * party has not yet stated its position on the document as a whole, each with a link to
 * state it; below, the versions on which it has, with its current position.
 */
import { pickText } from '@core/i18n/languages.js'
import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { type AwaitingItem, useAwaiting } from '../api/awaiting.js'
import { useMe } from '../api/queries.js'
import { Crumbs } from '../components/Crumbs.js'
import { PositionMark } from '../components/consensus/PositionMark.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PageLoader } from '../components/PageLoader.js'
import { StatusLabel } from '../components/StatusBadges.js'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate, partyLabel } from '../lib/format.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

export function AwaitingPage() {
  const tr = useT()
  const { lang } = useLanguage()
  const me = useMe().data?.data
  const { items, pending, error } = useAwaiting(me?.party?.code ?? null)
  useDocumentTitle(tr('ui.product'), tr('ui.awaiting.title'))
  const awaiting = items.filter((i) => i.position === 'no_response')
  const stated = items.filter((i) => i.position !== 'no_response')

  return (
    <Stack gap="lg">
      <Crumbs items={[{ label: tr('ui.nav.dossiers'), to: '/' }, { label: tr('ui.awaiting.title') }]} />
      <header>
        {me?.party && <Text className="page-kicker">{partyLabel(me.party, lang)}</Text>}
        <Title order={1} mt={6}>
          {tr('ui.awaiting.title')}
        </Title>
        <Text mt="xs" maw="48rem">
          {tr('ui.awaiting.intro')}
        </Text>
      </header>
      {!me?.party && <Text>{tr('ui.awaiting.noParty')}</Text>}
      {error ? <ErrorAlert error={error} /> : null}
      {pending && !error && me?.party && <PageLoader />}
      {!pending && me?.party && (
        <>
          <section aria-labelledby="awaiting-heading">
            <Title order={2} id="awaiting-heading" mb="sm">
              {tr('ui.awaiting.pendingHeading', { n: awaiting.length })}
            </Title>
            {awaiting.length === 0 ? (
              <Paper className="panel" p="lg" data-testid="awaiting-empty">
                <Text>
                  <span aria-hidden="true">✓ </span>
                  {tr('ui.awaiting.none')}
                </Text>
              </Paper>
            ) : (
              <ul className="plain-list awaiting-list" data-testid="awaiting-list">
                {awaiting.map((item) => (
                  <AwaitingRow key={item.version.id} item={item} action />
                ))}
              </ul>
            )}
          </section>
          {stated.length > 0 && (
            <section aria-labelledby="stated-heading">
              <Title order={2} id="stated-heading" mb="sm">
                {tr('ui.awaiting.statedHeading')}
              </Title>
              <ul className="plain-list awaiting-list" data-testid="stated-list">
                {stated.map((item) => (
                  <AwaitingRow key={item.version.id} item={item} />
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </Stack>
  )
}

function AwaitingRow({ item, action = false }: { item: AwaitingItem; action?: boolean }) {
  const tr = useT()
  const { lang } = useLanguage()
  const consensusPath = `/documents/${item.document.id}/versions/${item.version.id}/consensus`
  const title = pickText(item.document.title, lang)
  return (
    <li className="panel awaiting-item" data-testid="awaiting-item" data-document={item.document.id}>
      <Text className="page-kicker" component="div">
        {item.dossier.reference} · {tr(`documentKind.${item.document.kind}`)}
      </Text>
      <Title order={3} size="h4" mt={4}>
        <Anchor component={Link} to={consensusPath} fw={700}>
          {title}
        </Anchor>
      </Title>
      <Group gap="md" mt={8} wrap="wrap" align="center">
        <Text size="sm">
          {tr('ui.awaiting.version', {
            label: pickText(item.version.label, lang),
            date: formatDate(item.version.publishedAt ?? item.version.createdAt, lang),
          })}
        </Text>
        <Text size="sm" component="div">
          {tr('ui.awaiting.ourPosition')} <PositionMark kind={item.position} />
        </Text>
        {item.agreed ? (
          <StatusLabel tone="green" symbol="✓" word={tr('ui.consensus.state.agreed')} />
        ) : (
          <StatusLabel tone="amber" symbol="●" word={tr('ui.consensus.state.open')} />
        )}
      </Group>
      {item.provisionsStated > 0 && (
        <Text size="sm" mt={6}>
          {tr('ui.awaiting.provisionsStated', { n: item.provisionsStated, total: item.provisionCount })}
        </Text>
      )}
      <Group gap="md" mt="sm">
        <Button
          component={Link}
          to={consensusPath}
          variant={action ? 'filled' : 'default'}
          size="sm"
          aria-label={`${tr(action ? 'ui.awaiting.state' : 'ui.awaiting.view')}: ${title}`}
        >
          {tr(action ? 'ui.awaiting.state' : 'ui.awaiting.view')}
        </Button>
        <Anchor component={Link} to={`/documents/${item.document.id}/versions/${item.version.id}`} size="sm">
          {tr('ui.awaiting.readText')}
        </Anchor>
      </Group>
    </li>
  )
}
