/**
 * Minutes of meetings and decisions of councils (adoption): reading, drafting, editing,
 * approving the minutes; recording decisions, the date of signature and special opinions;
 * the download addresses. Every write refreshes what it changed.
 */

import type { MeetingSummaryDTO } from '@core/api/meetings.js'
import type {
  AdoptionDTO,
  CreateAdoptionRequest,
  CreateSpecialOpinionRequest,
  MinutesPageDTO,
  MinutesTexts,
} from '@core/api/minutes.js'
import type { BodyDTO, Envelope } from '@core/api/types.js'
import type { Lang } from '@core/i18n/languages.js'
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { api } from './client.js'

const enc = encodeURIComponent

export type MinutesPolicies = Record<'read' | 'draft' | 'redraft' | 'update' | 'approve', boolean>
export type MinutesEnvelope = { data: MinutesPageDTO; policies: MinutesPolicies }

export const minutesKey = (meetingId: string) => ['minutes', meetingId] as const
const minutesPath = (meetingId: string) => `/api/meetings/${enc(meetingId)}/minutes`

export function useMinutes(meetingId: string) {
  return useQuery({
    queryKey: minutesKey(meetingId),
    enabled: !!meetingId,
    queryFn: ({ signal }) => api<MinutesEnvelope>(minutesPath(meetingId), { signal }),
  })
}

/** Writes answer with the whole page: it replaces the cached one. */
function useMinutesWrite<V>(meetingId: string, write: (vars: V) => Promise<MinutesEnvelope>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: (page) => {
      client.setQueryData(minutesKey(meetingId), page)
    },
  })
}

export function useDraftMinutes(meetingId: string) {
  return useMinutesWrite(meetingId, (vars: { redraftVersion?: number }) =>
    vars.redraftVersion
      ? api<MinutesEnvelope>(`${minutesPath(meetingId)}?redraft=true`, {
          method: 'POST',
          body: { version: vars.redraftVersion },
        })
      : api<MinutesEnvelope>(minutesPath(meetingId), { method: 'POST' }),
  )
}

export function useUpdateMinutes(meetingId: string) {
  return useMinutesWrite(meetingId, (vars: { version: number; texts: MinutesTexts }) =>
    api<MinutesEnvelope>(minutesPath(meetingId), { method: 'PATCH', body: vars }),
  )
}

export function useApproveMinutes(meetingId: string) {
  return useMinutesWrite(meetingId, (vars: { version: number }) =>
    api<MinutesEnvelope>(`${minutesPath(meetingId)}/approve`, { method: 'POST', body: vars }),
  )
}

export const minutesDocxUrl = (meetingId: string, lang: Lang) => `${minutesPath(meetingId)}.docx?lang=${lang}`
export const minutesPdfUrl = (meetingId: string, lang: Lang) => `${minutesPath(meetingId)}.pdf?lang=${lang}`

// --- Adoption ------------------------------------------------------------------------------------

export type AdoptionPolicies = Record<'read' | 'update' | 'add_special_opinion', boolean>
export type AdoptionItem = AdoptionDTO & { policies: AdoptionPolicies }
export interface AdoptionList {
  data: AdoptionItem[]
  policies: { record: boolean }
}

export const adoptionsKey = (dossierId: string) => ['adoptions', dossierId] as const

export function useAdoptions(dossierId: string) {
  return useQuery({
    queryKey: adoptionsKey(dossierId),
    enabled: !!dossierId,
    queryFn: ({ signal }) => api<AdoptionList>(`/api/dossiers/${enc(dossierId)}/adoptions`, { signal }),
  })
}

function useAdoptionWrite<V>(dossierId: string, write: (vars: V) => Promise<Envelope<AdoptionDTO>>) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: write,
    onSuccess: () => client.invalidateQueries({ queryKey: adoptionsKey(dossierId) }),
  })
}

export function useRecordAdoption(dossierId: string) {
  return useAdoptionWrite(dossierId, (body: CreateAdoptionRequest) =>
    api<Envelope<AdoptionDTO>>(`/api/dossiers/${enc(dossierId)}/adoptions`, { method: 'POST', body }),
  )
}

export function useUpdateAdoption(dossierId: string) {
  return useAdoptionWrite(dossierId, (vars: { id: string; version: number; signedOn: string | null }) =>
    api<Envelope<AdoptionDTO>>(`/api/adoptions/${enc(vars.id)}`, {
      method: 'PATCH',
      body: { version: vars.version, signedOn: vars.signedOn },
    }),
  )
}

export function useAddSpecialOpinion(dossierId: string) {
  return useAdoptionWrite(dossierId, (vars: { id: string } & CreateSpecialOpinionRequest) => {
    const { id, ...body } = vars
    return api<Envelope<AdoptionDTO>>(`/api/adoptions/${enc(id)}/special-opinions`, { method: 'POST', body })
  })
}

export const depositaryUrl = (adoptionId: string, lang: Lang) =>
  `/api/adoptions/${enc(adoptionId)}/depositary.pdf?lang=${lang}`

/** The bodies of the organization (for the decision form). */
export function useBodies(organizationId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['bodies', organizationId],
    enabled: enabled && !!organizationId,
    staleTime: 10 * 60_000,
    queryFn: ({ signal }) =>
      api<{ data: BodyDTO[] }>(`/api/organizations/${enc(organizationId)}/bodies`, { signal }),
  })
}

/** Meetings whose agenda links the dossier (to link a decision to the council's meeting). */
export function useDossierMeetings(dossierId: string, enabled: boolean) {
  return useQuery({
    queryKey: ['adoption-meetings', dossierId],
    enabled: enabled && !!dossierId,
    retry: false,
    queryFn: ({ signal }) =>
      api<{ data: MeetingSummaryDTO[] }>(`/api/dossiers/${enc(dossierId)}/meetings`, { signal }),
  })
}
