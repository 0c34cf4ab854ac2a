/**
 * The newsroom's data: items by state (with counts), one item with its language versions,
 * rubrics, the documents an item may wait for, image upload, and the draft made from a
 * meeting. Every write puts the returned item in the cache and refreshes the list.
 */
import type {
  MediaDTO,
  NewsItemDTO,
  NewsLang,
  NewsListResponse,
  NewsStatus,
  PressDraftRefDTO,
  RubricDTO,
} from '@core/api/news.js'
import type { Envelope } from '@core/api/types.js'
import type { LocalizedText } from '@core/i18n/languages.js'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type RequestOptions } from './client.js'

const enc = encodeURIComponent

export const newsKey = (id: string) => ['news', id] as const

export interface NewsFilters {
  status?: NewsStatus | undefined
  language?: NewsLang | undefined
  rubricId?: string | undefined
  q?: string | undefined
}

export function useNewsList(filters: NewsFilters) {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v)
  params.set('limit', '100')
  return useQuery({
    queryKey: ['news-list', filters],
    queryFn: ({ signal }) => api<NewsListResponse>(`/api/news?${params}`, { signal }),
    placeholderData: (previous) => previous,
  })
}

export function useNewsItem(id: string) {
  return useQuery({
    queryKey: newsKey(id),
    enabled: !!id,
    staleTime: 0,
    queryFn: ({ signal }) => api<Envelope<NewsItemDTO>>(`/api/news/${enc(id)}`, { signal }),
  })
}

export function useRubrics() {
  return useQuery({
    queryKey: ['rubrics'],
    staleTime: 5 * 60_000,
    queryFn: ({ signal }) => api<Envelope<RubricDTO[]>>('/api/rubrics', { signal }),
  })
}

export interface EmbargoDocumentDTO {
  id: string
  title: LocalizedText
  kind: string
  dossierReference: string
  state: 'pending' | 'agreed' | 'adopted'
}

export function useEmbargoDocuments() {
  return useQuery({
    queryKey: ['news-documents'],
    staleTime: 60_000,
    queryFn: ({ signal }) => api<Envelope<EmbargoDocumentDTO[]>>('/api/news/documents', { signal }),
  })
}

export interface NewsRequest {
  path: string
  method: NonNullable<RequestOptions['method']>
  body?: unknown
}

/** A write that answers with an item: cached at once (a translation under its own id), lists refreshed. */
export function useNewsWrite<TVars>(request: (vars: TVars) => NewsRequest) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (vars: TVars) => {
      const { path, method, body } = request(vars)
      return api<Envelope<NewsItemDTO>>(path, body === undefined ? { method } : { method, body })
    },
    onSuccess: async (result) => {
      queryClient.setQueryData(newsKey(result.data.id), result)
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['news-list'] }),
        // The other language versions list this one's state and title.
        ...result.data.translations
          .filter((t) => t.id !== result.data.id)
          .map((t) => queryClient.invalidateQueries({ queryKey: newsKey(t.id) })),
      ])
    },
  })
}

export const newsPath = (id: string, rest = '') => `/api/news/${enc(id)}${rest}`

export function useCreateRubric() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { slug: string; name: LocalizedText }) =>
      api<Envelope<RubricDTO>>('/api/rubrics', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['rubrics'] }),
  })
}

/** Sends an image as the raw body; the server decides its type from the content. */
export function uploadMedia(file: File): Promise<Envelope<MediaDTO>> {
  return api<Envelope<MediaDTO>>(`/api/media?filename=${enc(file.name)}`, {
    method: 'POST',
    raw: { body: file, contentType: file.type || 'application/octet-stream' },
  })
}

export function usePressDraft(meetingId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['press-draft', meetingId],
    enabled: enabled && !!meetingId,
    queryFn: ({ signal }) =>
      api<{ data: PressDraftRefDTO | null; policies: { create: boolean } }>(
        `/api/meetings/${enc(meetingId)}/press-draft`,
        { signal },
      ),
  })
}

export function useCreatePressDraft(meetingId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () =>
      api<Envelope<NewsItemDTO>>(`/api/meetings/${enc(meetingId)}/press-draft`, { method: 'POST' }),
    onSuccess: async (result) => {
      queryClient.setQueryData(newsKey(result.data.id), result)
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['press-draft', meetingId] }),
        queryClient.invalidateQueries({ queryKey: ['news-list'] }),
      ])
    },
  })
}
