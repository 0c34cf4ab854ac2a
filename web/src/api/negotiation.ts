/**
 * Queries and writes of the negotiation: comment rounds, contributions, dispositions, the
 * consolidated table, revisions, the redline between versions, and notifications. Every
 * write refreshes what it may have changed (see `useNegotiationWrite`).
 */
import type {
  ConsolidatedTableDTO,
  ContributionDTO,
  NotificationDTO,
  RedlineDTO,
  RoundDTO,
} from '@core/api/contributions.js'
import type { Envelope, ListEnvelope, Policies } from '@core/api/types.js'
import type { Lang } from '@core/i18n/languages.js'
import {
  keepPreviousData,
  type QueryClient,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query'
import { api, type RequestOptions } from './client.js'

const enc = encodeURIComponent
const PAGE = 200

/** Every page of a list, followed through `nextCursor`. */
async function allPages<T>(path: string, signal: AbortSignal): Promise<{ data: T[]; policies: Policies }> {
  const out: T[] = []
  let cursor: string | null = null
  let policies: Policies = {}
  do {
    const query = new URLSearchParams({ limit: String(PAGE) })
    if (cursor) query.set('cursor', cursor)
    const sep = path.includes('?') ? '&' : '?'
    const page: ListEnvelope<T> = await api<ListEnvelope<T>>(`${path}${sep}${query}`, { signal })
    out.push(...page.data)
    policies = page.policies
    cursor = page.page.nextCursor
  } while (cursor)
  return { data: out, policies }
}

/** Rounds of a document, newest first; `policies.open_round` for the secretariat. */
export function useDocumentRounds(documentId: string, enabled = true) {
  return useQuery({
    queryKey: ['rounds', documentId],
    enabled,
    queryFn: ({ signal }) => allPages<RoundDTO>(`/api/documents/${enc(documentId)}/rounds`, signal),
  })
}

export function useRound(roundId: string | null) {
  return useQuery({
    queryKey: ['round', roundId],
    enabled: !!roundId,
    queryFn: ({ signal }) => api<Envelope<RoundDTO>>(`/api/rounds/${enc(roundId ?? '')}`, { signal }),
  })
}

/** The contributions of a round the user may see, with the user's policies on the round. */
export function useRoundContributions(roundId: string | null) {
  return useQuery({
    queryKey: ['round-contributions', roundId],
    enabled: !!roundId,
    queryFn: ({ signal }) =>
      allPages<ContributionDTO>(`/api/rounds/${enc(roundId ?? '')}/contributions`, signal),
  })
}

/** One contribution with the user's policies on it (update, submit, withdraw, cosponsor, dispose). */
export function useContribution(id: string | null, enabled = true) {
  return useQuery({
    queryKey: ['contribution', id],
    enabled: enabled && !!id,
    queryFn: ({ signal }) =>
      api<Envelope<ContributionDTO>>(`/api/contributions/${enc(id ?? '')}`, { signal }),
  })
}

/** "Our contributions": every contribution of the user's party. */
export function useOurContributions() {
  return useQuery({
    queryKey: ['contributions', 'mine'],
    queryFn: ({ signal }) => allPages<ContributionDTO>('/api/contributions?party=mine', signal),
  })
}

export interface TableParams {
  lang?: Lang | undefined
  party: string[]
  kind: string[]
  status: string[]
  provision: string[]
}

/** The query string of the table and of its DOCX and PDF exports. */
export function tableQueryString(params: TableParams): string {
  const query = new URLSearchParams()
  if (params.lang) query.set('lang', params.lang)
  for (const key of ['party', 'kind', 'status', 'provision'] as const) {
    if (params[key].length) query.set(key, params[key].join(','))
  }
  return query.toString()
}

export function useConsolidatedTable(roundId: string, params: TableParams) {
  const query = tableQueryString(params)
  return useQuery({
    queryKey: ['table', roundId, query],
    placeholderData: keepPreviousData,
    queryFn: ({ signal }) =>
      api<Envelope<ConsolidatedTableDTO>>(`/api/rounds/${enc(roundId)}/table${query ? `?${query}` : ''}`, {
        signal,
      }),
  })
}

export function useCompare(documentId: string, from: string | null, to: string | null, lang: Lang | null) {
  return useQuery({
    queryKey: ['compare', documentId, from, to, lang],
    enabled: !!from && !!to && from !== to,
    queryFn: ({ signal }) => {
      const query = new URLSearchParams({ from: from ?? '', to: to ?? '' })
      if (lang) query.set('lang', lang)
      return api<Envelope<RedlineDTO>>(`/api/documents/${enc(documentId)}/compare?${query}`, { signal })
    },
  })
}

export interface NotificationList extends ListEnvelope<NotificationDTO> {
  unread: number
}

export const notificationsKey = ['notifications'] as const

/** The inbox, polled every minute. */
export function useNotifications(enabled = true) {
  return useQuery({
    queryKey: notificationsKey,
    enabled,
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
    staleTime: 15_000,
    queryFn: ({ signal }) => api<NotificationList>('/api/notifications?limit=50', { signal }),
  })
}

/** Prefixes of the queries a negotiation write may change. */
const AFFECTED = [
  'rounds',
  'round',
  'round-contributions',
  'contribution',
  'contributions',
  'table',
  'compare',
  'document',
  'dossier',
  'version',
  'notifications',
]

export function refreshNegotiation(queryClient: QueryClient): Promise<void> {
  return Promise.all(AFFECTED.map((key) => queryClient.invalidateQueries({ queryKey: [key] }))).then(
    () => undefined,
  )
}

/** A write of the negotiation: sends the request, then refreshes every affected query. */
export function useNegotiationWrite<TResult = unknown, TVars = void>(
  request: (vars: TVars) => { path: string; method: NonNullable<RequestOptions['method']>; body?: unknown },
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (vars: TVars) => {
      const { path, method, body } = request(vars)
      return api<TResult>(path, { method, body })
    },
    onSuccess: () => refreshNegotiation(queryClient),
  })
}
