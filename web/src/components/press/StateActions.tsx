/**
 * The moves of an item's state, each confirmed: send for review, return to draft, publish
 * (now, or at a date and time in the item's zone), archive. Only the moves the state and the
 * user's role allow are offered (the response's `policies`); an embargo is repeated in the
 * publishing dialog, and the server refuses with its reason anyway.
 */
import type { NewsItemDTO, NewsStatus } from '@core/api/news.js'
import { Button, Group, Radio, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { newsPath, useNewsWrite } from '../../api/news.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { zoneLabel } from '../../lib/negotiation.js'
import { formatInZone, wallTimeInZone, zonedWallToIso } from '../../lib/time.js'
import { ConfirmModal } from '../ConfirmModal.js'

type Move = 'submit' | 'return' | 'publish' | 'archive'
const TARGET: Record<Move, NewsStatus> = {
  submit: 'in_review',
  return: 'draft',
  publish: 'published',
  archive: 'archived',
}

interface StateActionsProps {
  item: NewsItemDTO
  policies: Record<string, boolean>
  /** Unsaved edits: saving comes first. */
  dirty: boolean
}

export function StateActions({ item, policies, dirty }: StateActionsProps) {
  const tr = useT()
  const { lang } = useLanguage()
  const [move, setMove] = useState<Move | null>(null)
  const [when, setWhen] = useState<'now' | 'later'>('now')
  const [wall, setWall] = useState(() => wallTimeInZone(new Date(Date.now() + 3600_000), item.timezone))
  const write = useNewsWrite((vars: { status: NewsStatus; publishAt?: string }) => ({
    path: newsPath(item.id, '/status'),
    method: 'POST',
    body: { version: item.version, ...vars },
  }))
  const moves = (['submit', 'return', 'publish', 'archive'] as Move[]).filter((m) => policies[m])
  if (moves.length === 0) return null

  const close = () => {
    setMove(null)
    write.reset()
  }
  const confirm = () => {
    if (!move) return
    const vars: { status: NewsStatus; publishAt?: string } = { status: TARGET[move] }
    if (move === 'publish' && when === 'later') {
      const at = zonedWallToIso(wall, item.timezone)
      if (at) vars.publishAt = at
    }
    write.mutate(vars, { onSuccess: close })
  }
  const embargoed = !!item.embargo && !item.embargo.lifted

  return (
    <section aria-label={tr('press.ui.actions')} className="press-actions">
      <Group gap="sm" wrap="wrap">
        {moves.map((m) => (
          <Button
            key={m}
            variant={m === 'publish' ? 'filled' : m === 'archive' ? 'outline' : 'default'}
            color={m === 'archive' ? 'red.9' : 'navy'}
            onClick={() => setMove(m)}
            disabled={dirty}
            data-testid={`news-${m}`}
          >
            {tr(`press.ui.move.${m}`)}
          </Button>
        ))}
      </Group>
      {dirty && (
        <Text size="sm" c="dimmed" mt={6}>
          {tr('press.ui.saveFirst')}
        </Text>
      )}
      <ConfirmModal
        opened={move !== null}
        title={move ? tr(`press.ui.move.${move}.title`) : ''}
        confirmLabel={move ? tr(`press.ui.move.${move}.confirm`) : ''}
        onConfirm={confirm}
        onClose={close}
        busy={write.isPending}
        error={write.error}
        danger={move === 'archive'}
      >
        <Stack gap="sm">
          <Text>
            {move
              ? tr(`press.ui.move.${move}.explain`, { language: tr(`press.language.${item.language}`) })
              : ''}
          </Text>
          {move === 'publish' && embargoed && (
            <Text c="red.9" fw={600}>
              {tr('press.ui.move.publish.embargoed', { reason: item.embargo?.reason ?? '' })}
            </Text>
          )}
          {move === 'publish' && (
            <Radio.Group
              value={when}
              onChange={(v) => setWhen(v as 'now' | 'later')}
              label={tr('press.ui.move.publish.when')}
            >
              <Stack gap={6} mt={6}>
                <Radio value="now" label={tr('press.ui.move.publish.now')} />
                <Radio value="later" label={tr('press.ui.move.publish.later')} />
              </Stack>
            </Radio.Group>
          )}
          {move === 'publish' && when === 'later' && (
            <TextInput
              type="datetime-local"
              label={tr('press.ui.move.publish.at', { zone: zoneLabel(item.timezone, tr) })}
              value={wall}
              onChange={(e) => setWall(e.currentTarget.value)}
              description={
                zonedWallToIso(wall, item.timezone)
                  ? formatInZone(zonedWallToIso(wall, item.timezone)!, item.timezone, lang)
                  : undefined
              }
            />
          )}
        </Stack>
      </ConfirmModal>
    </section>
  )
}
