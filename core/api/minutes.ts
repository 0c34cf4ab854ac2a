/**
 * The API contract of minutes (протокол) and of adoption by a council: request schemas (zod)
 * and response shapes. Used by the server routes and by the web client.
 */
import { z } from 'zod'
import { LANGUAGES, type Lang, type LocalizedText } from '../i18n/languages.js'

/** Format of the stored (and hashed) content of minutes; part of what is hashed. */
export const MINUTES_FORMAT = 'concord-minutes/1'
/** Format of the hashed adoption record. */
export const ADOPTION_FORMAT = 'concord-adoption/1'

/** A section of minutes: a stable key, a heading (may be empty) and its paragraphs. */
export const minutesSectionSchema = z
  .object({
    key: z.string().regex(/^[a-z0-9_]{1,40}$/),
    heading: z.string().max(1000),
    paragraphs: z.array(z.string().max(20_000)).max(500),
  })
  .strict()
export type MinutesSection = z.infer<typeof minutesSectionSchema>

/** The minutes in one language: a title and its sections, in order. */
export const minutesTextSchema = z
  .object({
    title: z.string().trim().min(1).max(1000),
    sections: z.array(minutesSectionSchema).min(1).max(200),
  })
  .strict()
export type MinutesText = z.infer<typeof minutesTextSchema>

/** The minutes per language. */
export type MinutesTexts = Partial<Record<Lang, MinutesText>>

/** What is stored in `minutes.content` and hashed (canonical JSON) into `content_hash`. */
export interface MinutesContent {
  format: typeof MINUTES_FORMAT
  meetingId: string
  texts: MinutesTexts
}

export const draftMinutesQuery = z
  .object({ redraft: z.enum(['true', 'false']).optional(), lang: z.enum(LANGUAGES).optional() })
  .strict()

/** The secretariat edits the minutes: the languages given replace the stored ones. */
export const updateMinutesRequest = z
  .object({
    version: z.number().int().positive().optional(),
    texts: z.partialRecord(z.enum(LANGUAGES), minutesTextSchema),
  })
  .strict()
export type UpdateMinutesRequest = z.infer<typeof updateMinutesRequest>

export const approveMinutesRequest = z.object({ version: z.number().int().positive().optional() }).strict()

export const minutesExportQuery = z.object({ lang: z.enum(LANGUAGES).optional() }).strict()

/** The meeting as the minutes page shows it above the minutes. */
export interface MinutesMeetingDTO {
  id: string
  title: LocalizedText
  body: { id: string; code: string; name: LocalizedText }
  startsAt: string
  endsAt: string
  timezone: string
  place: LocalizedText
  format: 'in_person' | 'videoconference' | 'hybrid'
  status: 'scheduled' | 'held' | 'cancelled'
}

export interface MinutesDTO {
  id: string
  meetingId: string
  status: 'draft' | 'approved'
  /** Languages present, Russian first. */
  languages: Lang[]
  texts: MinutesTexts
  /** SHA-256 of the canonical JSON of the content (`MinutesContent`). */
  contentHash: string
  draftedAt: string
  updatedAt: string
  updatedBy: { id: string; displayName: string } | null
  approvedAt: string | null
  approvedBy: { id: string; displayName: string } | null
  version: number
}

/** GET/POST/PATCH …/minutes answer with the meeting and its minutes (null before drafting). */
export interface MinutesPageDTO {
  meeting: MinutesMeetingDTO
  minutes: MinutesDTO | null
}

export const MINUTES_ACTIONS = ['read', 'draft', 'redraft', 'update', 'approve'] as const

// --- Adoption ------------------------------------------------------------------------------

export const ADOPTION_DECISIONS = ['recommended', 'adopted'] as const
export type AdoptionDecision = (typeof ADOPTION_DECISIONS)[number]

const partyCode = z.string().regex(/^[A-Z]{3}$/)
/** A text in several languages, for special opinions (longer than titles). */
const opinionTextSchema = z
  .partialRecord(z.enum(LANGUAGES), z.string().trim().min(1).max(20_000))
  .refine((v) => Object.keys(v).length > 0, 'at least one language')

export const createAdoptionRequest = z
  .object({
    bodyId: z.string().max(64),
    decision: z.enum(ADOPTION_DECISIONS),
    decidedOn: z.iso.date(),
    signedOn: z.iso.date().nullable().optional(),
    meetingId: z.string().max(64).nullable().optional(),
    /** Party codes; default: every participating member of the dossier. */
    signatories: z.array(partyCode).max(200).optional(),
  })
  .strict()
export type CreateAdoptionRequest = z.infer<typeof createAdoptionRequest>

/** The date of signature may be recorded after the decision. */
export const updateAdoptionRequest = z
  .object({
    version: z.number().int().positive().optional(),
    signedOn: z.iso.date().nullable(),
  })
  .strict()
export type UpdateAdoptionRequest = z.infer<typeof updateAdoptionRequest>

export const createSpecialOpinionRequest = z
  .object({
    version: z.number().int().positive().optional(),
    party: partyCode,
    text: opinionTextSchema,
  })
  .strict()
export type CreateSpecialOpinionRequest = z.infer<typeof createSpecialOpinionRequest>

export interface AdoptionPartyDTO {
  code: string
  name: LocalizedText
}

export interface AdoptedTextDTO {
  documentId: string
  versionId: string
  kind: string
  title: LocalizedText
  label: LocalizedText
  contentHash: string
  frozenAt: string | null
}

export interface SpecialOpinionDTO {
  id: string
  party: AdoptionPartyDTO
  text: LocalizedText
  createdAt: string
  createdBy: { id: string; displayName: string } | null
}

export interface AdoptionDTO {
  id: string
  dossierId: string
  reference: string
  body: { id: string; code: string; kind: string; name: LocalizedText }
  meeting: { id: string; title: LocalizedText; startsAt: string; timezone: string } | null
  decision: AdoptionDecision
  /** ISO dates (YYYY-MM-DD). */
  decidedOn: string
  signedOn: string | null
  signatories: AdoptionPartyDTO[]
  texts: AdoptedTextDTO[]
  specialOpinions: SpecialOpinionDTO[]
  /** SHA-256 of the canonical JSON of the record (see docs/api.md, "Minutes and adoption"). */
  contentHash: string
  recordedBy: { id: string; displayName: string } | null
  createdAt: string
  version: number
}

export const ADOPTION_ACTIONS = ['read', 'update', 'add_special_opinion'] as const
