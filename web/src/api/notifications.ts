/**
 * Notification settings, the jobs and the mail outbox: the queries and writes of the
 * settings page and of the administrator's jobs page.
 */
import type {
  JobDTO,
  JobStatus,
  MailDTO,
  MailMode,
  MailStatus,
  NotificationKind,
  NotificationPreferencesDTO,
} from '@core/api/notifications.js'
import type { Envelope, ListEnvelope } from '@core/api/types.js'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from './client.js'
import { shouldRetry } from './queries.js'

export const preferencesKey = ['notification-preferences'] as const

export function useNotificationPreferences() {
  return useQuery({
    queryKey: preferencesKey,
    retry: shouldRetry,
    queryFn: ({ signal }) =>
      api<Envelope<NotificationPreferencesDTO>>('/api/me/notification-preferences', { signal }),
  })
}

export function useSavePreferences() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (modes: Partial<Record<NotificationKind, MailMode>>) =>
      api<Envelope<NotificationPreferencesDTO>>('/api/me/notification-preferences', {
        method: 'PUT',
        body: { modes },
      }),
    onSuccess: (saved) => queryClient.setQueryData(preferencesKey, saved),
  })
}

export interface JobList extends ListEnvelope<JobDTO> {
  counts: Partial<Record<JobStatus, number>>
}

export interface MailList extends ListEnvelope<MailDTO> {
  counts: Partial<Record<MailStatus, number>>
}

/** The newest jobs (up to 200), optionally of one status; refreshed every 15 seconds. */
export function useJobs(status: JobStatus | null) {
  return useQuery({
    queryKey: ['jobs', status],
    retry: shouldRetry,
    refetchInterval: 15_000,
    queryFn: ({ signal }) =>
      api<JobList>(`/api/jobs?limit=200${status ? `&status=${status}` : ''}`, { signal }),
  })
}

export function useMailOutbox(status: MailStatus | null) {
  return useQuery({
    queryKey: ['mail-outbox', status],
    retry: shouldRetry,
    refetchInterval: 15_000,
    queryFn: ({ signal }) =>
      api<MailList>(`/api/mail-outbox?limit=200${status ? `&status=${status}` : ''}`, { signal }),
  })
}

export function useRetryJob() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (id: string) =>
      api<Envelope<JobDTO>>(`/api/jobs/${encodeURIComponent(id)}/retry`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['jobs'] }),
  })
}
