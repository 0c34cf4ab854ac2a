/**
 * Request bodies and query strings of the HTTP API, as zod schemas shared by the server
 * (validation, OpenAPI) and the web app (forms). Objects are strict: an unknown field
 * is refused with 422 `validation_failed` naming the field.
 */
import { z } from 'zod'
import { CIS_STAGES } from '../domain/procedure.js'
import { DOCUMENT_KINDS } from '../domain/roles.js'
import { LANGUAGES, UI_LANGUAGES } from '../i18n/languages.js'
import { contentSchema } from '../text/model.js'

export const localizedTextSchema = z.partialRecord(z.enum(LANGUAGES), z.string().trim().min(1).max(2000))

/** A version's label per language ("Проект" / "Draft"); at least one language. */
export const versionLabelSchema = z
  .partialRecord(z.enum(LANGUAGES), z.string().trim().min(1).max(100))
  .refine((v) => Object.keys(v).length > 0, { message: 'at least one language' })

export const loginRequest = z
  .object({ email: z.string().trim().toLowerCase().email().max(320), password: z.string().min(1).max(1024) })
  .strict()
export type LoginRequest = z.infer<typeof loginRequest>

export const updateMeRequest = z
  .object({ version: z.number().int().positive().optional(), locale: z.enum(UI_LANGUAGES) })
  .strict()

export const pageQuery = z
  .object({
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    /** Language of error messages for a client without a session preference. */
    lang: z.enum(UI_LANGUAGES).optional(),
  })
  .strict()

export const dossierListQuery = pageQuery.extend({ organizationId: z.string().max(64).optional() }).strict()

export const createDossierRequest = z
  .object({
    organizationId: z.string().min(1).max(64),
    reference: z.string().trim().min(1).max(100),
    title: localizedTextSchema,
    leadBodyId: z.string().min(1).max(64).optional(),
    /** Party codes taking part; default: every current member and observer. */
    participants: z
      .array(z.string().regex(/^[A-Z]{3}$/))
      .max(500)
      .optional(),
  })
  .strict()
export type CreateDossierRequest = z.infer<typeof createDossierRequest>

export const updateDossierRequest = z
  .object({
    version: z.number().int().positive().optional(),
    reference: z.string().trim().min(1).max(100).optional(),
    title: localizedTextSchema.optional(),
  })
  .strict()
export type UpdateDossierRequest = z.infer<typeof updateDossierRequest>

export const moveStageRequest = z
  .object({ version: z.number().int().positive().optional(), to: z.enum(CIS_STAGES) })
  .strict()

export const createDocumentRequest = z
  .object({
    kind: z.enum(DOCUMENT_KINDS),
    title: localizedTextSchema,
    workingLanguage: z.enum(LANGUAGES).default('ru'),
  })
  .strict()
export type CreateDocumentRequest = z.infer<typeof createDocumentRequest>

export const updateDocumentRequest = z
  .object({
    version: z.number().int().positive().optional(),
    title: localizedTextSchema.optional(),
    workingLanguage: z.enum(LANGUAGES).optional(),
  })
  .strict()

export const createVersionRequest = z
  .object({
    label: versionLabelSchema,
    content: contentSchema,
  })
  .strict()
export type CreateVersionRequest = z.infer<typeof createVersionRequest>

export const updateVersionRequest = z
  .object({
    version: z.number().int().positive().optional(),
    label: versionLabelSchema.optional(),
    content: contentSchema.optional(),
  })
  .strict()

export const publishVersionRequest = z.object({ version: z.number().int().positive().optional() }).strict()
