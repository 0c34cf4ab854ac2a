/**
 * The consensus of a version as the screens use it: parties in display order with their
 * names, provisions with their numbers and names, each party's position on the document
 * and on each provision, and the context that turns reasons into sentences.
 */
import type { DossierParticipantDTO, VersionDTO } from '@core/api/types.js'
import type { EffectivePosition, ProvisionOutcome } from '@core/domain/consensus.js'
import type { Lang } from '@core/i18n/languages.js'
import type { FlatProvision } from '@core/text/model.js'
import { useMemo } from 'react'
import type { ConsensusDTO } from '../../api/consensus.js'
import { useLanguage, useT } from '../../i18n/language.js'
import {
  columnLabel,
  documentPosition,
  type MatrixParty,
  matrixReader,
  orderParties,
  type ReasonContext,
  sentenceName,
} from '../../lib/consensus.js'
import { provisionName } from '../../lib/negotiation.js'

export interface MatrixProvision {
  eid: string
  provision: FlatProvision | undefined
  /** The column header: "2", "абз. 1". */
  column: string
  /** "п. 2", "Преамбула, абзац 1". */
  name: string
  outcome: ProvisionOutcome
}

export interface ConsensusModel {
  consensus: ConsensusDTO
  parties: MatrixParty[]
  provisions: MatrixProvision[]
  /** A party's position on a provision, or on the whole document (eid null). */
  positionOf: (code: string, eid: string | null) => EffectivePosition
  partyLabel: (code: string) => string
  isObserver: (code: string) => boolean
  reasonContext: ReasonContext
  lang: Lang
}

export function useConsensusModel(
  consensus: ConsensusDTO | undefined,
  version: VersionDTO | undefined,
  participants: readonly DossierParticipantDTO[],
): ConsensusModel | null {
  const tr = useT()
  const { lang } = useLanguage()
  return useMemo(() => {
    if (!consensus || !version) return null
    const all = version.provisions
    const byEid = new Map(all.map((p) => [p.eid, p]))
    const outcomes = new Map(consensus.provisions.map((o) => [o.eid, o]))
    const parties = orderParties(consensus.matrix, participants, lang)
    const labels = new Map(parties.map((p) => [p.code, p.label]))
    const observers = new Set(parties.filter((p) => p.observer).map((p) => p.code))
    const read = matrixReader(consensus.matrix)
    const provisions: MatrixProvision[] = consensus.matrix.provisions.map((eid) => {
      const provision = byEid.get(eid)
      return {
        eid,
        provision,
        column: columnLabel(provision, all, tr),
        name: provision ? provisionName(provision, all, tr) : eid,
        outcome: outcomes.get(eid) ?? { eid, agreed: true, reasons: [] },
      }
    })
    const partyLabel = (code: string) => labels.get(code) ?? code
    return {
      consensus,
      parties,
      provisions,
      positionOf: (code, eid) => (eid === null ? documentPosition(consensus, code) : read(code, eid)),
      partyLabel,
      isObserver: (code) => observers.has(code),
      reasonContext: {
        tr,
        partyLabel,
        provisionLabel: (eid) => sentenceName(byEid.get(eid), all, tr) || eid,
        provisionReasons: (eid) => outcomes.get(eid)?.reasons ?? [],
      },
      lang,
    }
  }, [consensus, version, participants, lang, tr])
}
