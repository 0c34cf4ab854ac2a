/**
 * The brackets of the shown version, around its text: on a working draft the secretariat's
 * "Put in brackets" beside each provision; on a circulated version every bracket opens its
 * panel (back, resolve). Also the count of open brackets for the page's header.
 */
import type { DocumentDTO, VersionDTO } from '@core/api/types.js'
import type { Lang } from '@core/i18n/languages.js'
import type { FlatProvision } from '@core/text/model.js'
import { Button } from '@mantine/core'
import { type ReactNode, useMemo, useState } from 'react'
import { useDossier, useMe } from '../../api/queries.js'
import { useBrackets } from '../../api/silence-brackets.js'
import { useT } from '../../i18n/language.js'
import { StatusLabel } from '../StatusBadges.js'
import { BracketEditor, type BracketTarget } from './BracketEditor.js'
import { BracketPanel } from './BracketPanel.js'
import { BracketContext, type BracketContextValue } from './context.js'
import { textLanguage } from './plain.js'

interface BracketLayerOptions {
  doc: DocumentDTO
  version: VersionDTO
  textLang: Lang
  nameOf: (p: FlatProvision) => string
}

export function useBracketLayer({ doc, version, textLang, nameOf }: BracketLayerOptions) {
  const tr = useT()
  const brackets = useBrackets(doc.id, version.id)
  const parties = useDossier(doc.dossier.id).data?.data.participants ?? []
  const myParty = useMe().data?.data?.party?.code ?? null
  const [target, setTarget] = useState<BracketTarget | null>(null)
  const [openId, setOpenId] = useState<string | null>(null)
  const policies = brackets.data?.policies ?? {}
  const canPut = version.status === 'draft' && !!policies.update
  const clickable = version.status === 'published'
  const list = brackets.data?.data
  const context = useMemo<BracketContextValue>(
    () => ({
      byId: new Map((list ?? []).map((b) => [b.id, b])),
      onOpen: clickable ? setOpenId : undefined,
    }),
    [list, clickable],
  )
  const open = list?.find((b) => b.id === openId) ?? null
  const openProvision = open ? version.provisions.find((p) => p.eid === open.eid) : undefined

  const putButton = (p: FlatProvision): ReactNode => {
    const language = textLanguage(p, textLang, version.languages)
    if (!canPut || !language) return null
    return (
      <Button
        size="compact-sm"
        variant="default"
        data-testid="put-in-brackets"
        aria-label={`${tr('ui.brackets.put')}: ${nameOf(p)}`}
        onClick={() => setTarget({ provision: p, name: nameOf(p), language })}
      >
        {tr('ui.brackets.put')}
      </Button>
    )
  }

  const wrap = (children: ReactNode) => (
    <BracketContext.Provider value={context}>{children}</BracketContext.Provider>
  )

  const dialogs = (
    <>
      <BracketEditor
        target={target}
        documentId={doc.id}
        versionId={version.id}
        parties={parties}
        onClose={() => setTarget(null)}
      />
      <BracketPanel
        bracket={open}
        provisionName={openProvision ? nameOf(openProvision) : ''}
        documentId={doc.id}
        versionId={version.id}
        policies={version.frozenAt ? {} : policies}
        myParty={myParty}
        parties={parties}
        onClose={() => setOpenId(null)}
      />
    </>
  )
  return { canPut, putButton, wrap, dialogs }
}

/** "Text in square brackets: 2" or "Clean text", for the header of the document. */
export function BracketCount({ documentId, versionId }: { documentId: string; versionId: string }) {
  const tr = useT()
  const brackets = useBrackets(documentId, versionId)
  if (!brackets.data) return null
  const n = brackets.data.open
  return n > 0 ? (
    <StatusLabel tone="amber" symbol="[ ]" word={tr('ui.brackets.open', { n })} testId="bracket-count" />
  ) : (
    <StatusLabel tone="green" symbol="✓" word={tr('ui.brackets.clean')} testId="bracket-count" />
  )
}
