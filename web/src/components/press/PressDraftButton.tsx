/**
 * On a meeting's page, for the press service: "Подготовить новость" drafts a news item on the
 * meeting's outcome in Russian, Tajik and English and opens it in the editor; once drafted,
 * the way to it. Nothing is published until a person has reviewed it.
 */
import type { MeDTO } from '@core/api/types.js'
import { Anchor, Button, Group, Text } from '@mantine/core'
import { Link, useNavigate } from 'react-router'
import { useCreatePressDraft, usePressDraft } from '../../api/news.js'
import { useT } from '../../i18n/language.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { NewsStatusBadge } from './badges.js'

/** The press service of the meeting's organization: its press officers and administrators. */
export const writesNews = (me: MeDTO | undefined) =>
  !!me?.secretariatOf && me.roles.some((r) => r === 'press_officer' || r === 'secretariat_admin')

export function PressDraftButton({ meetingId, me }: { meetingId: string; me: MeDTO | undefined }) {
  const tr = useT()
  const navigate = useNavigate()
  const enabled = writesNews(me)
  const query = usePressDraft(meetingId, enabled)
  const create = useCreatePressDraft(meetingId)
  if (!enabled || !query.data) return null
  const existing = query.data.data
  if (!existing && !query.data.policies.create) return null
  return (
    <section
      aria-labelledby="press-draft-heading"
      className="panel no-print"
      style={{ padding: '1rem 1.25rem' }}
    >
      <h2 id="press-draft-heading" style={{ margin: '0 0 0.5rem', fontSize: '1.125rem' }}>
        {tr('press.ui.meeting.heading')}
      </h2>
      {existing ? (
        <Group gap="sm" wrap="wrap">
          <NewsStatusBadge status={existing.status} />
          <Anchor component={Link} to={`/press/items/${existing.itemId}`} data-testid="press-draft-link">
            {tr('press.ui.meeting.open')}
          </Anchor>
        </Group>
      ) : (
        <>
          <Text size="sm" mb="sm">
            {tr('press.ui.meeting.explain')}
          </Text>
          <Button
            onClick={() =>
              create.mutate(undefined, { onSuccess: (r) => navigate(`/press/items/${r.data.id}`) })
            }
            loading={create.isPending}
            data-testid="press-draft-create"
          >
            {tr('press.ui.meeting.create')}
          </Button>
          {create.error ? <ErrorAlert error={create.error} /> : null}
        </>
      )}
    </section>
  )
}
