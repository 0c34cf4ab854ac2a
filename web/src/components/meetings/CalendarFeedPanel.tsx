/** "Subscribe (personal calendar feed)": the secret feed URL, to copy, and to issue anew. */
import { Button, CopyButton, Group, Text, TextInput, Title } from '@mantine/core'
import { useCalendarFeed, useRotateCalendarFeed } from '../../api/meetings.js'
import { useT } from '../../i18n/language.js'
import { ErrorAlert } from '../ErrorAlert.js'

export function CalendarFeedPanel() {
  const tr = useT()
  const feed = useCalendarFeed()
  const rotate = useRotateCalendarFeed()
  const url = feed.data?.data.url ?? null
  return (
    <section aria-labelledby="feed-heading" className="panel" style={{ padding: '1rem 1.25rem' }}>
      <Title order={2} id="feed-heading" size="h3" mb="xs">
        {tr('meetings.feed.heading')}
      </Title>
      <Text size="sm" mb="sm" maw="48rem">
        {tr('meetings.feed.explain')}
      </Text>
      {feed.error ? <ErrorAlert error={feed.error} /> : null}
      {url ? (
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={tr('meetings.feed.url')}
            value={url}
            readOnly
            onFocus={(e) => e.currentTarget.select()}
            style={{ flex: '1 1 28rem' }}
            data-testid="feed-url"
          />
          <CopyButton value={url}>
            {({ copied, copy }) => (
              <Button variant="default" onClick={copy} aria-live="polite">
                {copied ? tr('meetings.feed.copied') : tr('meetings.feed.copy')}
              </Button>
            )}
          </CopyButton>
        </Group>
      ) : (
        !feed.isPending && <Text size="sm">{tr('meetings.feed.none')}</Text>
      )}
      <Button
        mt="sm"
        variant={url ? 'subtle' : 'filled'}
        onClick={() => rotate.mutate()}
        loading={rotate.isPending}
      >
        {url ? tr('meetings.feed.rotate') : tr('meetings.feed.create')}
      </Button>
      {rotate.error ? <ErrorAlert error={rotate.error} /> : null}
    </section>
  )
}
