/**
 * Meetings and calendars: the list, one meeting (polled every few seconds while open, so
 * that outcomes recorded live reach every participant), a dossier's meetings, the personal
 * feed, the organization's bodies and parties for the convening form, and every write —
 * which puts the returned meeting in the cache and refreshes the lists.
 */
import type { CalendarFeedDTO, MeetingDTO, MeetingSummaryDTO } from '@core/api/meetings.js'
import type { BodyDTO, Envelope, PartyDTO } from '@core/api/types.js'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api, type RequestOptions } from './client.js'

const enc = encodeURIComponent

export const meetingKey = (id: string) => ['meeting', id] as const

/** How often an open meeting page refetches (outcomes, answers and attendance appear live). */
export const MEETING_REFRESH_MS = 4000

export function useMeetings() {
  return useQuery({
    queryKey: ['meetings'],
    queryFn: ({ signal }) => api<Envelope<MeetingSummaryDTO[]>>('/api/meetings', { signal }),
  })
}

export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKey(id),
    enabled: !!id,
    staleTime: 0,
    refetchInterval: MEETING_REFRESH_MS,
    refetchIntervalInBackground: false,
    queryFn: ({ signal }) => api<Envelope<MeetingDTO>>(`/api/meetings/${enc(id)}`, { signal }),
  })
}

export function useDossierMeetings(dossierId: string) {
  return useQuery({
    queryKey: ['dossier-meetings', dossierId],
    enabled: !!dossierId,
    queryFn: ({ signal }) =>
      api<Envelope<MeetingSummaryDTO[]>>(`/api/dossiers/${enc(dossierId)}/meetings`, { signal }),
  })
}

export function useCalendarFeed() {
  return useQuery({
    queryKey: ['calendar-feed'],
    queryFn: ({ signal }) => api<Envelope<CalendarFeedDTO>>('/api/me/calendar', { signal }),
  })
}

export function useRotateCalendarFeed() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: () => api<Envelope<CalendarFeedDTO>>('/api/me/calendar', { method: 'POST' }),
    onSuccess: (result) => queryClient.setQueryData(['calendar-feed'], result),
  })
}

export function useOrganizationBodies(organizationId: string | null | undefined) {
  return useQuery({
    queryKey: ['organization-bodies', organizationId],
    enabled: !!organizationId,
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) =>
      api<Envelope<BodyDTO[]>>(`/api/organizations/${enc(organizationId ?? '')}/bodies`, { signal }),
  })
}

export function useOrganizationParties(organizationId: string | null | undefined) {
  return useQuery({
    queryKey: ['organization-parties', organizationId],
    enabled: !!organizationId,
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) =>
      api<Envelope<PartyDTO[]>>(`/api/organizations/${enc(organizationId ?? '')}/parties`, { signal }),
  })
}

export interface MeetingRequest {
  path: string
  method: NonNullable<RequestOptions['method']>
  body?: unknown
}

/**
 * A write on meetings. When the answer is a meeting, it replaces the cached one at once;
 * then the lists (calendar, dossier's meetings) are refreshed.
 */
export function useMeetingWrite<TVars = void, TResult = Envelope<MeetingDTO>>(
  request: (vars: TVars) => MeetingRequest,
) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (vars: TVars) => {
      const { path, method, body } = request(vars)
      return api<TResult>(path, body === undefined ? { method } : { method, body })
    },
    onSuccess: async (result) => {
      const data = (result as { data?: { id?: string; agenda?: unknown } } | undefined)?.data
      if (data?.id && data.agenda) queryClient.setQueryData(meetingKey(data.id), result)
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: ['meetings'] }),
        queryClient.invalidateQueries({ queryKey: ['dossier-meetings'] }),
        queryClient.invalidateQueries({ queryKey: ['meeting'] }),
      ])
    },
  })
}

export const meetingPath = (id: string, rest = '') => `/api/meetings/${enc(id)}${rest}`
