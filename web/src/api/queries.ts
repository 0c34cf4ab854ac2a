/**
 * TanStack Query hooks for the resources the workspace reads. Query keys are stable so
 * that sign-in, sign-out and language changes can update or clear the cache precisely.
 */
import type {
  DocumentDTO,
  DossierDTO,
  DossierSummaryDTO,
  Envelope,
  ListEnvelope,
  MeResponse,
  VersionDTO,
} from '@core/api/types.js'
import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { ApiRequestError, api, setCsrfToken } from './client.js'

export const meKey = ['me'] as const

/** Retries only what may succeed on a second try: network failures and 5xx. */
export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiRequestError && error.status > 0 && error.status < 500) return false
  return failureCount < 2
}

/** Fetches the signed-in user and keeps the CSRF token current. */
export async function fetchMe(): Promise<MeResponse> {
  const response = await api<MeResponse>('/api/me')
  setCsrfToken(response.csrfToken)
  return response
}

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: 5 * 60_000 })
}

const DOSSIER_PAGE = 100

export function useDossiers() {
  return useInfiniteQuery({
    queryKey: ['dossiers'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => {
      const query = new URLSearchParams({ limit: String(DOSSIER_PAGE) })
      if (pageParam) query.set('cursor', pageParam)
      return api<ListEnvelope<DossierSummaryDTO>>(`/api/dossiers?${query}`, { signal })
    },
    getNextPageParam: (last) => last.page.nextCursor,
  })
}

export function useDossier(id: string) {
  return useQuery({
    queryKey: ['dossier', id],
    enabled: !!id,
    queryFn: ({ signal }) => api<Envelope<DossierDTO>>(`/api/dossiers/${encodeURIComponent(id)}`, { signal }),
  })
}

export function useDocument(id: string) {
  return useQuery({
    queryKey: ['document', id],
    enabled: !!id,
    queryFn: ({ signal }) =>
      api<Envelope<DocumentDTO>>(`/api/documents/${encodeURIComponent(id)}`, { signal }),
  })
}

export function useVersion(documentId: string, versionId: string | null) {
  return useQuery({
    queryKey: ['version', documentId, versionId],
    enabled: versionId !== null && !!documentId,
    // Published versions are immutable: once read, they never change.
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) =>
      api<Envelope<VersionDTO>>(
        `/api/documents/${encodeURIComponent(documentId)}/versions/${encodeURIComponent(versionId ?? '')}`,
        { signal },
      ),
  })
}
