/**
 * The side panel of the matrix: for a provision (or the document as a whole), whether it
 * is agreed and why not, its text, and either one party's position with the history of
 * that party's statements, or every party's position with the statements made on it.
 */
import { Drawer, Stack, Text, Title } from '@mantine/core'
import type { PositionEventDTO } from '../../api/consensus.js'
import { useT } from '../../i18n/language.js'
import { documentReasonSentence, provisionReasonSentence } from '../../lib/consensus.js'
import { formatDate } from '../../lib/format.js'
import { plainText } from '../../lib/negotiation.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { PageLoader } from '../PageLoader.js'
import type { MatrixSelection } from './ConsensusMatrix.js'
import type { ConsensusModel } from './model.js'
import { AgreedMark, PositionMark } from './PositionMark.js'

interface ProvisionDrawerProps {
  model: ConsensusModel
  selection: MatrixSelection | null
  history: PositionEventDTO[] | undefined
  historyError: unknown
  onClose: () => void
}

export function ProvisionDrawer({ model, selection, history, historyError, onClose }: ProvisionDrawerProps) {
  const tr = useT()
  const eid = selection?.eid ?? null
  const party = selection?.party ?? null
  const provision = eid ? model.provisions.find((p) => p.eid === eid) : undefined
  const title = provision ? provision.name : tr('ui.consensus.wholeDocument')
  const agreed = provision ? provision.outcome.agreed : model.consensus.agreed
  const reasons = provision
    ? provision.outcome.reasons.map((r) => provisionReasonSentence(r, provision.eid, model.reasonContext))
    : model.consensus.reasons
        .filter((r) => r.code !== 'provisions_open')
        .map((r) => documentReasonSentence(r, model.reasonContext))
  const openCount = model.provisions.filter((p) => !p.outcome.agreed).length
  const text = provision?.provision
    ? plainText(provision.provision, model.lang) || plainText(provision.provision, 'ru')
    : ''
  const statements = (history ?? []).filter((e) =>
    party
      ? e.party === party && (eid === null || e.provisionEid === eid || e.provisionEid === null)
      : e.provisionEid === eid,
  )

  return (
    <Drawer
      opened={!!selection}
      onClose={onClose}
      position="right"
      size="md"
      title={<span className="drawer-title">{party ? `${title} — ${model.partyLabel(party)}` : title}</span>}
      closeButtonProps={{ 'aria-label': tr('ui.action.close') }}
      data-testid="provision-drawer"
    >
      <Stack gap="md">
        <div>
          <AgreedMark agreed={agreed} />
          {reasons.length > 0 && (
            <ul className="plain-list drawer-reasons">
              {reasons.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          )}
          {!provision && openCount > 0 && (
            <Text size="sm" mt={6}>
              {tr('ui.consensus.openProvisionsCount', { n: openCount })}
            </Text>
          )}
        </div>
        {text && <blockquote className="current-text">{text}</blockquote>}
        {party ? (
          <div>
            <Title order={3} size="h4">
              {tr('ui.consensus.currentPosition')}
            </Title>
            <PositionMark kind={model.positionOf(party, eid)} testId="drawer-position" />
            {model.isObserver(party) && (
              <Text size="sm" mt={4}>
                {tr('ui.consensus.observerNote')}
              </Text>
            )}
          </div>
        ) : (
          <div>
            <Title order={3} size="h4" mb={6}>
              {tr('ui.consensus.allPositions')}
            </Title>
            <ul className="plain-list drawer-positions">
              {model.parties.map((p) => (
                <li key={p.code}>
                  <span>
                    {p.label}
                    {p.observer && (
                      <span className="cmatrix__observer">{tr('ui.consensus.observerNotCounted')}</span>
                    )}
                  </span>
                  <PositionMark kind={model.positionOf(p.code, eid)} />
                </li>
              ))}
            </ul>
          </div>
        )}
        <div>
          <Title order={3} size="h4" mb={6}>
            {tr('ui.consensus.history')}
          </Title>
          {historyError ? <ErrorAlert error={historyError} /> : null}
          {!history && !historyError && <PageLoader />}
          {history && statements.length === 0 && <Text size="sm">{tr('ui.consensus.noStatements')}</Text>}
          <ol className="plain-list history" data-testid="position-history">
            {[...statements].reverse().map((e) => (
              <li key={e.id} className="history__item">
                <Text size="sm" c="dimmed">
                  <time dateTime={e.at}>{formatDate(e.at, model.lang, true)}</time>
                  {' · '}
                  {e.provisionEid
                    ? (model.provisions.find((p) => p.eid === e.provisionEid)?.name ?? e.provisionEid)
                    : tr('ui.consensus.wholeDocument')}
                  {e.statedBy ? ` · ${e.statedBy}` : ''}
                </Text>
                <div>
                  {!party && <strong>{model.partyLabel(e.party)} </strong>}
                  <PositionMark kind={e.kind} />
                  {e.isObserver && (
                    <span className="cmatrix__observer">{tr('ui.consensus.observerNotCounted')}</span>
                  )}
                </div>
                {e.text && <q className="cstatus__quote">{e.text}</q>}
              </li>
            ))}
          </ol>
        </div>
      </Stack>
    </Drawer>
  )
}
