/** The dossier page's "Meetings" section: meetings whose agenda links the dossier, and convening one. */
import type { DossierDTO } from '@core/api/types.js'
import { Button, Group, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useDossierMeetings } from '../../api/meetings.js'
import { useT } from '../../i18n/language.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { MeetingForm } from './MeetingForm.js'
import { MeetingList } from './MeetingList.js'

export function DossierMeetings({ dossier }: { dossier: DossierDTO }) {
  const tr = useT()
  const meetings = useDossierMeetings(dossier.id)
  const [convening, setConvening] = useState(false)
  const list = meetings.data?.data ?? []
  return (
    <section aria-labelledby="dossier-meetings-heading">
      <Group justify="space-between" align="baseline" mb="sm">
        <Title order={2} id="dossier-meetings-heading">
          {tr('meetings.dossier.heading')}
        </Title>
        {meetings.data?.policies.convene && (
          <Button variant="light" onClick={() => setConvening(true)} data-testid="convene-from-dossier">
            {tr('meetings.convene')}
          </Button>
        )}
      </Group>
      {meetings.error ? <ErrorAlert error={meetings.error} /> : null}
      {meetings.data && list.length === 0 && <Text>{tr('meetings.dossier.none')}</Text>}
      {list.length > 0 && <MeetingList meetings={list} />}
      <MeetingForm
        opened={convening}
        onClose={() => setConvening(false)}
        organizationId={dossier.organization.id}
        dossier={{
          id: dossier.id,
          leadBodyId: dossier.leadBodyId,
          participants: dossier.participants.map((p) => p.code),
          documents: dossier.documents,
        }}
      />
    </section>
  )
}
