/**
 * Syndication in the newsroom: the feed subscriptions, their fetched entries, "fetch now"
 * (the server queues it; the lists are polled until the fetch has run), unsubscribing and
 * republishing an entry.
 */
import type {
  CreateSubscriptionRequest,
  FeedEntryDTO,
  FeedSubscriptionDTO,
  RepublishedDTO,
  RepublishRequest,
} from '@core/api/syndication.js'
import type { Envelope } from '@core/api/types.js'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from './client.js'

const enc = encodeURIComponent

export interface SubscriptionsEnvelope extends Envelope<FeedSubscriptionDTO[]> {
  page: { nextCursor: string | null }
}
export interface EntriesEnvelope extends Envelope<FeedEntryDTO[]> {
  page: { nextCursor: string | null }
}

export const subscriptionsKey = ['feed-subscriptions'] as const
export const entriesKey = (id: string) => ['feed-entries', id] as const

/** The subscriptions; polled every 2 s while a fetch is due (it runs within seconds). */
export function useSubscriptions() {
  return useQuery({
    queryKey: subscriptionsKey,
    queryFn: ({ signal }) => api<SubscriptionsEnvelope>('/api/feed-subscriptions?limit=200', { signal }),
    refetchInterval: (query) => {
      const subs = query.state.data?.data ?? []
      const soon = Date.now() + 5_000
      return subs.some((s) => s.nextFetchAt && Date.parse(s.nextFetchAt) <= soon) ? 2_000 : false
    },
  })
}

export function useEntries(subscriptionId: string | null, polling: boolean) {
  return useQuery({
    queryKey: entriesKey(subscriptionId ?? ''),
    enabled: !!subscriptionId,
    queryFn: ({ signal }) =>
      api<EntriesEnvelope>(`/api/feed-subscriptions/${enc(subscriptionId!)}/entries?limit=100`, { signal }),
    refetchInterval: polling ? 2_000 : false,
  })
}

export function useSubscribe() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: CreateSubscriptionRequest) =>
      api<Envelope<FeedSubscriptionDTO>>('/api/feed-subscriptions', { method: 'POST', body: input }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: subscriptionsKey }),
  })
}

export function useFetchNow() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      api<Envelope<FeedSubscriptionDTO>>(`/api/feed-subscriptions/${enc(id)}/fetch`, { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: subscriptionsKey }),
  })
}

export function useUnsubscribe() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (s: { id: string; version: number }) =>
      api<void>(`/api/feed-subscriptions/${enc(s.id)}`, { method: 'DELETE', body: { version: s.version } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: subscriptionsKey }),
  })
}

export function useRepublish(subscriptionId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ entryId, input }: { entryId: string; input: RepublishRequest }) =>
      api<Envelope<RepublishedDTO>>(`/api/feed-entries/${enc(entryId)}/republish`, {
        method: 'POST',
        body: input,
      }),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: entriesKey(subscriptionId) }),
        queryClient.invalidateQueries({ queryKey: ['news-list'] }),
      ]),
  })
}
