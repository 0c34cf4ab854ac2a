/**
 * A version as the place of negotiation: next steps at the top, the round's banner, the
 * general comments, then the text with every provision's comments and proposals in the
 * right margin. `?round=` picks a round (links from notifications); else the newest on the
 * shown version.
 */
import type { ContributionDTO, ContributionKind } from '@core/api/contributions.js'
import type { DocumentDTO, Policies, VersionDTO, VersionSummaryDTO } from '@core/api/types.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import type { FlatProvision } from '@core/text/model.js'
import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useMemo, useState } from 'react'
import { useSearchParams } from 'react-router'
import { useDocumentRounds, useRoundContributions } from '../../api/negotiation.js'
import { useLanguage, useT } from '../../i18n/language.js'
import { formatDate } from '../../lib/format.js'
import { anchorEid, pickRound, provisionName } from '../../lib/negotiation.js'
import { useBracketLayer } from '../brackets/BracketLayer.js'
import { DocumentText } from '../DocumentText.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { ContributionActions } from './ContributionActions.js'
import { ContributionForm, type ContributionTarget } from './ContributionForm.js'
import { ContributionView } from './ContributionView.js'
import { DocumentActions } from './DocumentActions.js'
import { ProvisionMargin, useCountLabel } from './ProvisionMargin.js'
import { RoundBanner } from './RoundBanner.js'
import { RoundForm } from './RoundForm.js'

interface DocumentWorkspaceProps {
  doc: DocumentDTO
  version: VersionDTO
  versionPolicies: Policies
  versions: VersionSummaryDTO[]
  textLang: Lang
}

export function DocumentWorkspace({
  doc,
  version,
  versionPolicies,
  versions,
  textLang,
}: DocumentWorkspaceProps) {
  const tr = useT()
  const { lang } = useLanguage()
  const [search] = useSearchParams()
  const rounds = useDocumentRounds(doc.id)
  const round = pickRound(rounds.data?.data ?? [], version.id, search.get('round'))
  const contributions = useRoundContributions(round?.id ?? null)
  const policies = contributions.data?.policies ?? {}
  const canContribute = !!round && round.state === 'open' && !!policies.contribute
  // The margin appears when there is something to show or to do in it.
  const showMargin = !!round && ((contributions.data?.data.length ?? 0) > 0 || canContribute)
  const [target, setTarget] = useState<ContributionTarget | null>(null)
  const [editRound, setEditRound] = useState(false)

  const byEid = useMemo(() => {
    const map = new Map<string | null, ContributionDTO[]>()
    for (const c of contributions.data?.data ?? []) {
      const eid = anchorEid(c)
      map.set(eid, [...(map.get(eid) ?? []), c])
    }
    return map
  }, [contributions.data])
  const byEidProvision = useMemo(() => new Map(version.provisions.map((p) => [p.eid, p])), [version])
  const nameOf = (p: FlatProvision) => provisionName(p, version.provisions, tr)

  const propose = (kind: ContributionKind, provision: FlatProvision | null) =>
    setTarget({ kind, provision, provisionName: provision ? nameOf(provision) : '' })
  const edit = (c: ContributionDTO) => {
    const eid = anchorEid(c)
    const provision = eid ? (byEidProvision.get(eid) ?? null) : null
    setTarget({ kind: c.kind, provision, provisionName: provision ? nameOf(provision) : '', existing: c })
  }
  const general = byEid.get(null) ?? []
  const brackets = useBracketLayer({ doc, version, textLang, nameOf })
  const withMargin = showMargin || brackets.canPut

  return (
    <>
      <DocumentActions
        documentId={doc.id}
        version={version}
        versionPolicies={versionPolicies}
        versions={versions}
        mayOpenRound={!!rounds.data?.policies.open_round}
        round={round}
      />
      {rounds.isError && <ErrorAlert error={rounds.error} />}
      {contributions.isError && <ErrorAlert error={contributions.error} />}
      {round && <RoundBanner round={round} policies={policies} onEdit={() => setEditRound(true)} />}
      {round && (general.length > 0 || canContribute) && (
        <GeneralComments
          contributions={general}
          canContribute={canContribute}
          roundOpen={round.state === 'open'}
          onAdd={() => propose('general', null)}
          onEdit={edit}
        />
      )}
      <p className="print-only">
        {tr('ui.document.printLine', {
          label: pickText(version.label, lang),
          status: tr(`versionStatus.${version.status}`),
          date: formatDate(version.publishedAt ?? version.createdAt, lang),
          hash: version.contentHash,
        })}
      </p>
      <Paper
        className={withMargin ? 'panel doc-sheet doc-sheet--margin' : 'panel doc-sheet'}
        px={{ base: 'md', sm: withMargin ? 32 : 48 }}
        py={{ base: 'lg', sm: 40 }}
      >
        {brackets.wrap(
          <DocumentText
            version={version}
            lang={textLang}
            margin={
              withMargin
                ? (p) => (
                    <>
                      {brackets.putButton(p)}
                      {showMargin && (
                        <ProvisionMargin
                          provision={p}
                          name={nameOf(p)}
                          contributions={byEid.get(p.eid) ?? []}
                          canContribute={canContribute}
                          roundOpen={round?.state === 'open'}
                          onPropose={propose}
                          onEdit={edit}
                        />
                      )}
                    </>
                  )
                : undefined
            }
          />,
        )}
      </Paper>
      {brackets.dialogs}
      {round && (
        <ContributionForm
          target={target}
          roundId={round.id}
          language={doc.workingLanguage}
          maySubmit={!!policies.submit}
          restoreFocus={false}
          onClose={() => {
            returnFocus(target)
            setTarget(null)
          }}
        />
      )}
      {round && (
        <RoundForm
          opened={editRound}
          onClose={() => setEditRound(false)}
          documentId={doc.id}
          versionId={version.id}
          existing={round}
        />
      )}
    </>
  )
}

/**
 * Back to where the form was opened from once it closes (the menu item that opened it is
 * gone by then): the provision's "Propose" button, else its margin toggle, else the
 * general comments' button.
 */
function returnFocus(target: ContributionTarget | null) {
  const eid = target?.provision?.eid
  window.requestAnimationFrame(() => {
    const scope = eid ? document.querySelector(`.provision[data-eid="${CSS.escape(eid)}"]`) : null
    const candidates = scope
      ? [
          scope.querySelector('[data-testid="propose-menu"]'),
          scope.querySelector('[data-testid="margin-toggle"]'),
        ]
      : [document.querySelector('[data-testid="general-comments"] button')]
    const element = candidates.find((c): c is HTMLElement => c instanceof HTMLElement)
    element?.focus()
  })
}

interface GeneralCommentsProps {
  contributions: ContributionDTO[]
  canContribute: boolean
  roundOpen: boolean
  onAdd: () => void
  onEdit: (c: ContributionDTO) => void
}

function GeneralComments({ contributions, canContribute, roundOpen, onAdd, onEdit }: GeneralCommentsProps) {
  const tr = useT()
  const countLabel = useCountLabel()
  return (
    <section
      className="panel general-comments"
      aria-labelledby="general-heading"
      data-testid="general-comments"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="baseline" wrap="wrap">
          <Title order={2} id="general-heading" size="h3">
            {tr('ui.general.heading')}
          </Title>
          <Group gap="sm">
            <Text size="sm" c="dimmed">
              {contributions.length > 0 ? countLabel(contributions.length) : tr('ui.general.none')}
            </Text>
            {canContribute && (
              <Button size="compact-sm" variant="default" onClick={onAdd}>
                {tr('ui.general.add')}
              </Button>
            )}
          </Group>
        </Group>
        {contributions.length > 0 && (
          <div className="general-comments__list">
            {contributions.map((c) => (
              <ContributionView key={c.id} contribution={c} current="">
                <ContributionActions contribution={c} onEdit={onEdit} roundOpen={roundOpen} />
              </ContributionView>
            ))}
          </div>
        )}
      </Stack>
    </section>
  )
}
