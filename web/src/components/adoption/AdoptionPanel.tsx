/**
 * The decisions of councils on a dossier (adoption), on the dossier page: for each decision
 * the body, the decision (a colour, a symbol and a word), its date and the date of signature,
 * the signatories by name and code, the texts adopted with their SHA-256, the special
 * opinions, the SHA-256 of the record and the depositary copy. The secretariat records a
 * decision and the date of signature; a member's head of delegation (or the secretariat)
 * adds a special opinion.
 */
import type { DossierDTO } from '@core/api/types.js'
import { t } from '@core/i18n/index.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import { Anchor, Button, Group, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { Link } from 'react-router'
import { type AdoptionItem, depositaryUrl, useAdoptions } from '../../api/minutes.js'
import { useMe } from '../../api/queries.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { formatDate, partyLabel, shortHash } from '../../lib/format.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { HashDisplay } from '../HashDisplay.js'
import { StatusLabel } from '../StatusBadges.js'
import { AdoptionForm } from './AdoptionForm.js'
import { SignedOnForm, SpecialOpinionForm } from './AdoptionModals.js'
import '../minutes/minutes.css'

const DOWNLOAD_LANGS: Lang[] = ['ru', 'en']

/** A decision: recommended (navy, an arrow) or adopted (green, a tick). */
export function DecisionLabel({ decision }: { decision: 'recommended' | 'adopted' }) {
  const tr = useT()
  return decision === 'adopted' ? (
    <StatusLabel
      tone="green"
      symbol="✓"
      word={tr('ui.adoption.decision.adopted')}
      testId="adoption-decision"
    />
  ) : (
    <StatusLabel
      tone="navy"
      symbol="➔"
      word={tr('ui.adoption.decision.recommended')}
      testId="adoption-decision"
    />
  )
}

/** A date given as YYYY-MM-DD, shown as a calendar date (no time zone shift). */
function calendarDate(day: string, lang: Lang): string {
  return formatDate(`${day}T12:00:00Z`, lang)
}

function Adoption({ item, dossier }: { item: AdoptionItem; dossier: DossierDTO }) {
  const tr = useT()
  const { lang } = useLanguage()
  const me = useMe().data?.data
  const [modal, setModal] = useState<'signed' | 'opinion' | null>(null)
  const body = pickText(item.body.name, lang)
  const headingId = `adoption-${item.id}`
  const members = dossier.participants.filter((p) => p.status === 'member')
  const withOpinion = new Set(item.specialOpinions.map((o) => o.party.code))
  const isSecretariat = !!me?.secretariatOf
  const opinionParties = (isSecretariat ? members : members.filter((p) => p.code === me?.party?.code)).filter(
    (p) => !withOpinion.has(p.code),
  )
  return (
    <article className="adoption" aria-labelledby={headingId} data-testid="adoption">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" wrap="wrap" gap="sm">
          <Title order={3} id={headingId} size="h4">
            {tr('ui.adoption.decisionLine', {
              body,
              decision: tr(`adoption.decision.${item.decision}`),
              date: calendarDate(item.decidedOn, lang),
            })}
          </Title>
          <DecisionLabel decision={item.decision} />
        </Group>
        <dl className="adoption__facts">
          <dt>{tr('ui.adoption.body')}</dt>
          <dd>{body}</dd>
          <dt>{tr('ui.adoption.decidedOn')}</dt>
          <dd>
            <time dateTime={item.decidedOn}>{calendarDate(item.decidedOn, lang)}</time>
          </dd>
          <dt>{tr('ui.adoption.signedOn')}</dt>
          <dd data-testid="adoption-signed">
            {item.signedOn ? (
              <time dateTime={item.signedOn}>{calendarDate(item.signedOn, lang)}</time>
            ) : (
              <Text component="span" c="dimmed">
                {tr('ui.adoption.notSigned')}
              </Text>
            )}
          </dd>
          {item.meeting ? (
            <>
              <dt>{tr('ui.adoption.meetingField')}</dt>
              <dd>
                <Anchor component={Link} to={`/meetings/${item.meeting.id}`}>
                  {pickText(item.meeting.title, lang)}
                </Anchor>
              </dd>
            </>
          ) : null}
          <dt>{tr('ui.adoption.signatories')}</dt>
          <dd data-testid="adoption-signatories">
            {item.signatories.map((p) => partyLabel(p, lang)).join(', ') || '—'}
          </dd>
          <dt>{tr('ui.adoption.texts')}</dt>
          <dd>
            <ul className="plain-list">
              {item.texts.map((x) => (
                <li key={x.versionId}>
                  <Anchor component={Link} to={`/documents/${x.documentId}/versions/${x.versionId}`}>
                    {pickText(x.title, lang)}
                  </Anchor>{' '}
                  — {pickText(x.label, lang)} ·{' '}
                  <code title={x.contentHash} data-hash={x.contentHash}>
                    {shortHash(x.contentHash)}
                  </code>
                </li>
              ))}
            </ul>
          </dd>
          <dt>{tr('ui.adoption.hash')}</dt>
          <dd>
            <HashDisplay hash={item.contentHash} />
          </dd>
        </dl>

        <div>
          <Title order={4} size="h5" mb={6}>
            {tr('ui.adoption.opinions')}
          </Title>
          {item.specialOpinions.length === 0 ? (
            <Text c="dimmed">{tr('ui.adoption.noOpinions')}</Text>
          ) : (
            <Stack gap="xs" data-testid="adoption-opinions">
              {item.specialOpinions.map((o) => (
                <div key={o.id}>
                  <Text fw={700} size="sm">
                    {partyLabel(o.party, lang)}
                  </Text>
                  <Text className="adoption__opinion" lang={o.text[lang] ? lang : o.text.ru ? 'ru' : 'en'}>
                    {pickText(o.text, lang)}
                  </Text>
                </div>
              ))}
            </Stack>
          )}
        </div>

        <Group gap="sm" wrap="wrap" className="no-print">
          {DOWNLOAD_LANGS.map((l) => (
            <Button
              key={l}
              component="a"
              href={depositaryUrl(item.id, l)}
              download
              variant="default"
              size="sm"
              data-testid={`depositary-${l}`}
            >
              {tr('ui.adoption.depositary', { language: t(l, `lang.${l}`) })}
            </Button>
          ))}
          {item.policies.update ? (
            <Button variant="outline" color="navy" size="sm" onClick={() => setModal('signed')}>
              {tr('ui.adoption.editSigned')}
            </Button>
          ) : null}
          {item.policies.add_special_opinion && opinionParties.length ? (
            <Button variant="outline" color="navy" size="sm" onClick={() => setModal('opinion')}>
              {tr('ui.adoption.addOpinion')}
            </Button>
          ) : null}
        </Group>
      </Stack>
      <SignedOnForm
        opened={modal === 'signed'}
        onClose={() => setModal(null)}
        dossierId={dossier.id}
        adoption={item}
      />
      <SpecialOpinionForm
        opened={modal === 'opinion'}
        onClose={() => setModal(null)}
        dossierId={dossier.id}
        adoption={item}
        parties={opinionParties}
      />
    </article>
  )
}

export function AdoptionPanel({ dossier }: { dossier: DossierDTO }) {
  const tr = useT()
  const adoptions = useAdoptions(dossier.id)
  const [recording, setRecording] = useState(false)
  const list = adoptions.data?.data ?? []
  return (
    <section aria-labelledby="adoptions-heading" data-testid="adoption-panel">
      <Group justify="space-between" align="baseline" mb="sm" wrap="wrap">
        <Title order={2} id="adoptions-heading">
          {tr('ui.adoption.heading')}
        </Title>
        {adoptions.data?.policies.record ? (
          <Button
            color="navy"
            onClick={() => setRecording(true)}
            className="no-print"
            data-testid="adoption-record"
          >
            {tr('ui.adoption.record')}
          </Button>
        ) : null}
      </Group>
      {adoptions.isError ? (
        <ErrorAlert error={adoptions.error} />
      ) : adoptions.isPending ? null : list.length === 0 ? (
        <Text>{tr('ui.adoption.none')}</Text>
      ) : (
        <Stack gap="md">
          {list.map((item) => (
            <Adoption key={item.id} item={item} dossier={dossier} />
          ))}
        </Stack>
      )}
      <AdoptionForm opened={recording} onClose={() => setRecording(false)} dossier={dossier} />
    </section>
  )
}
