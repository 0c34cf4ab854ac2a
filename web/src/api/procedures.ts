/**
 * The procedure of a dossier (its timeline and the moves it may make), domestic approval
 * (the tracker, recording a status, due dates, supporting documents) and the organization's
 * procedure templates. Every write refreshes what it may have changed.
 */
import type {
  ApprovalDTO,
  ApprovalSummaryDTO,
  AttachmentDTO,
  ProcedureTemplateDTO,
  TimelineDTO,
} from '@core/api/procedures.js'
import type { Envelope } from '@core/api/types.js'
import type { ApprovalStatus, ProcedureDefinition } from '@core/domain/procedure.js'
import type { LocalizedText } from '@core/i18n/languages.js'
import { type QueryClient, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from './client.js'

const enc = encodeURIComponent

export interface ApprovalsEnvelope extends Envelope<ApprovalDTO[]> {
  summary: ApprovalSummaryDTO
}

export const timelineKey = (dossierId: string) => ['timeline', dossierId] as const
export const approvalsKey = (dossierId: string) => ['approvals', dossierId] as const
export const proceduresKey = (organizationId: string) => ['procedures', organizationId] as const

export function useTimeline(dossierId: string) {
  return useQuery({
    queryKey: timelineKey(dossierId),
    enabled: !!dossierId,
    staleTime: 0,
    queryFn: ({ signal }) =>
      api<Envelope<TimelineDTO>>(`/api/dossiers/${enc(dossierId)}/timeline`, { signal }),
  })
}

function refreshDossier(queryClient: QueryClient, dossierId: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: timelineKey(dossierId) }),
    queryClient.invalidateQueries({ queryKey: approvalsKey(dossierId) }),
    queryClient.invalidateQueries({ queryKey: ['dossier', dossierId] }),
    queryClient.invalidateQueries({ queryKey: ['dossiers'] }),
    queryClient.invalidateQueries({ queryKey: ['consensus'] }),
    queryClient.invalidateQueries({ queryKey: ['positions'] }),
  ])
}

export function useMoveStage(dossierId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { version: number; to: string; note?: string }) =>
      api(`/api/dossiers/${enc(dossierId)}/stage`, { method: 'POST', body: input }),
    onSettled: () => refreshDossier(queryClient, dossierId),
  })
}

export function useApprovals(dossierId: string) {
  return useQuery({
    queryKey: approvalsKey(dossierId),
    enabled: !!dossierId,
    staleTime: 0,
    refetchInterval: 60_000,
    refetchIntervalInBackground: false,
    queryFn: ({ signal }) => api<ApprovalsEnvelope>(`/api/dossiers/${enc(dossierId)}/approvals`, { signal }),
  })
}

export interface RecordApprovalInput {
  party: string
  version: number
  status?: ApprovalStatus
  note?: string | null
  dueDate?: string | null
}

export function useRecordApproval(dossierId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ party, ...body }: RecordApprovalInput) =>
      api<Envelope<ApprovalDTO>>(`/api/dossiers/${enc(dossierId)}/approvals/${enc(party)}`, {
        method: 'PATCH',
        body,
      }),
    onSettled: () => refreshDossier(queryClient, dossierId),
  })
}

export function useSetDueDate(dossierId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (body: { dueDate: string | null; parties?: string[] }) =>
      api<ApprovalsEnvelope & { changed: number }>(`/api/dossiers/${enc(dossierId)}/approvals/due-date`, {
        method: 'POST',
        body,
      }),
    onSettled: () => refreshDossier(queryClient, dossierId),
  })
}

export function useUploadAttachment(dossierId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ party, file }: { party: string; file: File }) =>
      api<Envelope<AttachmentDTO>>(
        `/api/dossiers/${enc(dossierId)}/approvals/${enc(party)}/attachments?filename=${enc(file.name)}`,
        { method: 'POST', raw: { body: file, contentType: 'application/octet-stream' } },
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: approvalsKey(dossierId) }),
  })
}

export function useProcedures(organizationId: string) {
  return useQuery({
    queryKey: proceduresKey(organizationId),
    enabled: !!organizationId,
    queryFn: ({ signal }) =>
      api<Envelope<ProcedureTemplateDTO[]>>(`/api/organizations/${enc(organizationId)}/procedures`, {
        signal,
      }),
  })
}

export function useSaveProcedure(organizationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: {
      code: string
      version: number
      name: LocalizedText
      definition: ProcedureDefinition
    }) =>
      api<Envelope<ProcedureTemplateDTO>>(
        `/api/organizations/${enc(organizationId)}/procedures/${enc(input.code)}`,
        { method: 'PUT', body: { version: input.version, name: input.name, definition: input.definition } },
      ),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: proceduresKey(organizationId) }),
        queryClient.invalidateQueries({ queryKey: ['timeline'] }),
        queryClient.invalidateQueries({ queryKey: ['dossier'] }),
      ]),
  })
}

export function useCreateProcedure(organizationId: string) {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (input: { code: string; name: LocalizedText; copyOf: string }) =>
      api<Envelope<ProcedureTemplateDTO>>(`/api/organizations/${enc(organizationId)}/procedures`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: proceduresKey(organizationId) }),
  })
}
