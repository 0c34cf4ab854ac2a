/**
 * "What awaits our position": for every dossier the user's party takes part in, the latest
 * circulated, not yet frozen version of each document, with the party's position on it
 * (from the consensus of that version). Built from GET /api/dossiers, each dossier, and
 * the consensus of each latest version.
 */
import type { DocumentSummaryDTO, DossierDTO, VersionSummaryDTO } from '@core/api/types.js'
import type { EffectivePosition } from '@core/domain/consensus.js'
import { useQueries } from '@tanstack/react-query'
import { useEffect } from 'react'
import { documentPosition, matrixReader } from '../lib/consensus.js'
import { api } from './client.js'
import { type ConsensusDTO, consensusKey, fetchConsensus } from './consensus.js'
import { useDossiers } from './queries.js'

export interface AwaitingItem {
  dossier: DossierDTO
  document: DocumentSummaryDTO
  version: VersionSummaryDTO
  /** The party's position on the document as a whole. */
  position: EffectivePosition
  /** Provisions on which the party has stated something other than no response. */
  provisionsStated: number
  provisionCount: number
  agreed: boolean
}

export function useAwaiting(partyCode: string | null) {
  const dossiers = useDossiers()
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = dossiers
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage()
  }, [hasNextPage, isFetchingNextPage, fetchNextPage])
  const summaries = (dossiers.data?.pages.flatMap((p) => p.data) ?? []).filter((d) =>
    d.participants.some((p) => p.code === partyCode),
  )
  const details = useQueries({
    queries: summaries.map((d) => ({
      queryKey: ['dossier', d.id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<{ data: DossierDTO; policies: Record<string, boolean> }>(
          `/api/dossiers/${encodeURIComponent(d.id)}`,
          {
            signal,
          },
        ),
    })),
  })
  const candidates = details.flatMap((q) => {
    const dossier = q.data?.data
    if (!dossier) return []
    return [...dossier.documents]
      .sort((a, b) => a.position - b.position)
      .filter((doc) => doc.latestVersion?.status === 'published' && !doc.latestVersion.frozenAt)
      .map((doc) => ({ dossier, document: doc, version: doc.latestVersion as VersionSummaryDTO }))
  })
  const outcomes = useQueries({
    queries: candidates.map((c) => ({
      queryKey: consensusKey(c.document.id, c.version.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => fetchConsensus(c.document.id, c.version.id, signal),
    })),
  })
  const items: AwaitingItem[] = []
  candidates.forEach((c, i) => {
    const consensus: ConsensusDTO | undefined = outcomes[i]?.data?.data
    if (!consensus || !partyCode) return
    const read = matrixReader(consensus.matrix)
    const stated = consensus.matrix.provisions.filter((eid) => read(partyCode, eid) !== 'no_response').length
    items.push({
      ...c,
      position: documentPosition(consensus, partyCode),
      provisionsStated: stated,
      provisionCount: consensus.matrix.provisions.length,
      agreed: consensus.agreed,
    })
  })
  const pending = dossiers.isPending || details.some((q) => q.isPending) || outcomes.some((q) => q.isPending)
  const error =
    dossiers.error ?? details.find((q) => q.error)?.error ?? outcomes.find((q) => q.error)?.error ?? null
  return { items, pending, error }
}
