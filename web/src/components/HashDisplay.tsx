/** A version's SHA-256: shortened on screen, in full in the title and when copied. */
import { Button, CopyButton, Group, Text } from '@mantine/core'
import { useT } from '../i18n/language.js'
import { shortHash } from '../lib/format.js'

export function HashDisplay({ hash }: { hash: string }) {
  const tr = useT()
  return (
    <Group gap={6} wrap="nowrap" className="hash">
      <Text component="span" size="sm" c="dimmed">
        {tr('ui.document.hash')}
      </Text>
      <Text
        component="code"
        size="sm"
        ff="monospace"
        title={hash}
        data-testid="content-hash"
        data-hash={hash}
      >
        {shortHash(hash)}
      </Text>
      <CopyButton value={hash} timeout={2000}>
        {({ copied, copy }) => (
          <Button
            variant="subtle"
            size="compact-xs"
            onClick={copy}
            color={copied ? 'teal' : 'navy'}
            aria-label={copied ? tr('ui.hash.copied') : tr('ui.hash.copyFull')}
          >
            <span aria-live="polite">{copied ? tr('ui.hash.copied') : tr('ui.hash.copy')}</span>
          </Button>
        )}
      </CopyButton>
    </Group>
  )
}
