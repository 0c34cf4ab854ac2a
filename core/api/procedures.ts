/**
 * The API of procedures, the dossier timeline and domestic approval: response shapes and
 * request schemas (zod), shared by the server and the web app.
 */
import { z } from 'zod'
import {
  APPROVAL_STATUSES,
  type ApprovalStatus,
  type GuardCode,
  type GuardFailure,
  type ProcedureDefinition,
  procedureDefinitionSchema,
  type StageKind,
} from '../domain/procedure.js'
import type { LocalizedText } from '../i18n/languages.js'
import type { UserRefDTO as UserRef } from './types.js'

/** A stage as the dossier and the timeline show it. */
export interface ProcedureStageDTO {
  code: string
  name: LocalizedText
  kind: StageKind | null
  /** Code of the body that decides at this stage. */
  body: string | null
}

export interface ProcedureTemplateDTO {
  id: string | null
  code: string
  name: LocalizedText
  definition: ProcedureDefinition
  /** The organization's default procedure (new dossiers follow it). */
  isDefault: boolean
  /** A template Concord ships (cis, un_silence, standards_ballot). */
  shipped: boolean
  /** Dossiers of the organization following this template, per stage code. */
  dossiersPerStage: Record<string, number>
  updatedAt: string | null
  updatedBy: UserRef | null
  version: number
}

const templateCode = z.string().regex(/^[a-z][a-z0-9_]{1,39}$/, 'lowercase latin letters, digits and _')
const templateName = z
  .object({
    ru: z.string().trim().min(1).max(200),
    en: z.string().trim().min(1).max(200),
    tg: z.string().trim().min(1).max(200).optional(),
  })
  .strict()

/** PUT /api/organizations/:id/procedures/:code */
export const updateProcedureRequest = z
  .object({
    version: z.number().int().positive().optional(),
    name: templateName.optional(),
    definition: procedureDefinitionSchema,
  })
  .strict()
export type UpdateProcedureRequest = z.infer<typeof updateProcedureRequest>

/** POST /api/organizations/:id/procedures: a new template, given or copied from another. */
export const createProcedureRequest = z
  .object({
    code: templateCode,
    name: templateName,
    definition: procedureDefinitionSchema.optional(),
    /** The code of a template of the organization (or a shipped one) to start from. */
    copyOf: z.string().max(40).optional(),
  })
  .strict()
export type CreateProcedureRequest = z.infer<typeof createProcedureRequest>

/** POST /api/dossiers/:id/stage */
export const moveStageRequest = z
  .object({
    version: z.number().int().positive().optional(),
    to: z.string().min(1).max(40),
    note: z.string().trim().max(2000).optional(),
  })
  .strict()

export interface GuardStatusDTO {
  guard: GuardCode
  ok: boolean
  /** The failure's sentence in the user's language, when it fails. */
  message: string | null
  failure: GuardFailure | null
}

/** A move the dossier may make from its current stage, and whether its guards hold now. */
export interface NextMoveDTO {
  to: string
  name: LocalizedText
  /** Back to an earlier stage of the template. */
  backwards: boolean
  allowed: boolean
  guards: GuardStatusDTO[]
}

export interface StageMoveDTO {
  id: string
  from: string | null
  to: string
  at: string
  by: UserRef | null
  note: string | null
}

export interface TimelineStageDTO extends ProcedureStageDTO {
  state: 'done' | 'current' | 'upcoming'
  /** Each time the dossier was in this stage: entered and left (null while in it). */
  visits: { enteredAt: string; enteredBy: UserRef | null; leftAt: string | null; leftBy: UserRef | null }[]
}

export interface TimelineDTO {
  dossierId: string
  dossierVersion: number
  procedure: { code: string; name: LocalizedText }
  current: string
  stages: TimelineStageDTO[]
  /** Every move, oldest first (the first one opened the dossier: `from` null). */
  moves: StageMoveDTO[]
  next: NextMoveDTO[]
}

export interface AttachmentDTO {
  id: string
  filename: string
  mediaType: string
  size: number
  sha256: string
  uploadedBy: UserRef | null
  createdAt: string
  /** Where to download it. */
  href: string
}

export interface ApprovalDTO {
  party: string
  name: LocalizedText
  status: ApprovalStatus
  dueDate: string | null
  /** Past its due date and not finished. */
  late: boolean
  daysLate: number
  note: string | null
  updatedAt: string
  updatedBy: UserRef | null
  /** What the approval did to the party's agreement ad referendum. */
  adReferendum: 'confirmed' | 'withdrawn' | null
  /** The party agreed ad referendum on a frozen text and has not confirmed yet. */
  adReferendumPending: boolean
  attachments: AttachmentDTO[]
  version: number
  /** What the signed-in user may do with this item. */
  policies: { record: boolean; set_due_date: boolean; upload: boolean }
}

export interface ApprovalSummaryDTO {
  members: number
  finished: number
  approved: number
  declined: number
  late: number
}

/** PATCH /api/dossiers/:id/approvals/:party */
export const recordApprovalRequest = z
  .object({
    version: z.number().int().positive().optional(),
    status: z.enum(APPROVAL_STATUSES).optional(),
    note: z.string().trim().max(5000).nullable().optional(),
    /** Set by the secretariat only. */
    dueDate: z.iso.date().nullable().optional(),
  })
  .strict()
  .refine((b) => b.status !== undefined || b.note !== undefined || b.dueDate !== undefined, {
    message: 'status, note or dueDate',
  })
export type RecordApprovalRequest = z.infer<typeof recordApprovalRequest>

/** POST /api/dossiers/:id/approvals/due-date: one due date for every party still at work (or those listed). */
export const approvalsDueDateRequest = z
  .object({
    dueDate: z.iso.date().nullable(),
    parties: z
      .array(z.string().regex(/^[A-Z]{3}$/))
      .max(200)
      .optional(),
  })
  .strict()

/** Largest supporting document accepted: 10 MiB. */
export const ATTACHMENT_LIMIT = 10 * 1024 * 1024
/** Media types accepted as supporting documents (detected from the bytes). */
export const ATTACHMENT_TYPES = [
  'application/pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.oasis.opendocument.text',
  'image/png',
  'image/jpeg',
] as const
