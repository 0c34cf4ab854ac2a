/**
 * The silence procedure on a circulated version (its state, starting one) and the brackets
 * of a version (put a span in brackets on a draft, back an alternative, resolve). Every
 * write refreshes what it may have changed: the consensus, the version, the notifications.
 */
import type { Envelope, Policies } from '@core/api/types.js'
import type { Lang } from '@core/i18n/languages.js'
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from './client.js'

const enc = encodeURIComponent
const versionPath = (documentId: string, versionId: string) =>
  `/api/documents/${enc(documentId)}/versions/${enc(versionId)}`

export type SilenceState = 'running' | 'broken' | 'completed'

export interface SilenceDTO {
  id: string
  deadline: string
  timezone: string
  startedAt: string
  brokenAt: string | null
  /** The party code of the member whose objection broke it. */
  brokenBy: string | null
  completedAt: string | null
  state: SilenceState
}

export interface BracketAlternativeDTO {
  text: string
  backers: string[]
}

export interface BracketDTO {
  eid: string
  language: Lang
  type: 'bracket'
  id: string
  alternatives: BracketAlternativeDTO[]
  resolved?: { text: string; agreedBy: string[] }
}

export interface BracketsDTO {
  data: BracketDTO[]
  open: number
  policies: Policies
}

const AFFECTED = ['silence', 'brackets', 'consensus', 'positions', 'awaiting', 'version', 'document']

function refresh(queryClient: QueryClient): Promise<void> {
  return Promise.all(AFFECTED.map((key) => queryClient.invalidateQueries({ queryKey: [key] }))).then(
    () => undefined,
  )
}

export function useSilence(documentId: string, versionId: string | null) {
  return useQuery({
    queryKey: ['silence', documentId, versionId],
    enabled: !!documentId && !!versionId,
    staleTime: 0,
    refetchInterval: 30_000,
    refetchIntervalInBackground: false,
    queryFn: ({ signal }) =>
      api<{ data: SilenceDTO[]; policies: Policies }>(`${versionPath(documentId, versionId ?? '')}/silence`, {
        signal,
      }),
  })
}

export function useStartSilence(documentId: string, versionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { deadline: string; timezone: string }) =>
      api<Envelope<SilenceDTO>>(`${versionPath(documentId, versionId)}/silence`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => refresh(queryClient),
  })
}

export function useBrackets(documentId: string, versionId: string | null) {
  return useQuery({
    queryKey: ['brackets', documentId, versionId],
    enabled: !!documentId && !!versionId,
    staleTime: 0,
    queryFn: ({ signal }) =>
      api<BracketsDTO>(`${versionPath(documentId, versionId ?? '')}/brackets`, { signal }),
  })
}

export interface PutBracketInput {
  eid: string
  language: Lang
  start: number
  end: number
  alternatives: BracketAlternativeDTO[]
}

export function usePutBracket(documentId: string, versionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: PutBracketInput) =>
      api<BracketsDTO & { created: string }>(`${versionPath(documentId, versionId)}/brackets`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => refresh(queryClient),
  })
}

export type BracketAction =
  | { kind: 'back'; alternative: number }
  | { kind: 'resolve'; alternative?: number; text?: string; agreedBy?: string[] }

export function useBracketAction(documentId: string, versionId: string, bracketId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ kind, ...body }: BracketAction) =>
      api<BracketsDTO>(`${versionPath(documentId, versionId)}/brackets/${enc(bracketId)}/${kind}`, {
        method: 'POST',
        body,
      }),
    onSuccess: () => refresh(queryClient),
  })
}
