/** Request bodies of rounds, contributions, dispositions, revisions and redlines (zod). */
import { z } from 'zod'
import { LANGUAGES } from '../i18n/languages.js'
import { EID_PATTERN } from '../text/model.js'
import { CONTRIBUTION_KINDS, CONTRIBUTION_STATUSES, CONTRIBUTION_TYPES, DECISIONS } from './contributions.js'
import { localizedTextSchema, pageQuery, versionLabelSchema } from './requests.js'

/** Longest text a delegation may send in one field (longer: 413 text_too_long). */
export const MAX_TEXT = 50_000

const isoWithOffset = z.iso.datetime({ offset: true })
/** Length is checked by the server (413), not here: the schema caps only absurd sizes. */
const longText = z.string().max(10 * MAX_TEXT)
const eid = z.string().regex(EID_PATTERN).max(200)

export const createRoundRequest = z
  .object({
    versionId: z.string().max(64),
    opensAt: isoWithOffset,
    closesAt: isoWithOffset,
    /** IANA time zone in which the deadline is stated, e.g. Europe/Minsk. */
    timezone: z.string().min(1).max(64),
  })
  .strict()
export type CreateRoundRequest = z.infer<typeof createRoundRequest>

export const updateRoundRequest = z
  .object({
    version: z.number().int().positive().optional(),
    opensAt: isoWithOffset.optional(),
    closesAt: isoWithOffset.optional(),
    timezone: z.string().min(1).max(64).optional(),
  })
  .strict()
export type UpdateRoundRequest = z.infer<typeof updateRoundRequest>

export const createContributionRequest = z
  .object({
    kind: z.enum(CONTRIBUTION_KINDS),
    type: z.enum(CONTRIBUTION_TYPES).default('general'),
    provisionEid: eid.nullable().optional(),
    afterEid: eid.nullable().optional(),
    language: z.enum(LANGUAGES).optional(),
    comment: longText.nullable().optional(),
    proposedText: longText.nullable().optional(),
    span: z
      .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
      .strict()
      .refine((s) => s.end >= s.start, { message: 'end before start' })
      .nullable()
      .optional(),
    justification: longText.nullable().optional(),
    /** Send to the secretariat now (default for those who may submit); false keeps a draft. */
    submit: z.boolean().optional(),
  })
  .strict()
export type CreateContributionRequest = z.infer<typeof createContributionRequest>

export const updateContributionRequest = z
  .object({
    version: z.number().int().positive().optional(),
    type: z.enum(CONTRIBUTION_TYPES).optional(),
    comment: longText.nullable().optional(),
    proposedText: longText.nullable().optional(),
    span: z
      .object({ start: z.number().int().nonnegative(), end: z.number().int().nonnegative() })
      .strict()
      .nullable()
      .optional(),
    justification: longText.nullable().optional(),
  })
  .strict()
export type UpdateContributionRequest = z.infer<typeof updateContributionRequest>

export const versionOnlyRequest = z.object({ version: z.number().int().positive().optional() }).strict()

export const dispositionInput = z
  .object({
    decision: z.enum(DECISIONS),
    reasoning: localizedTextSchema.default({}),
    adoptedText: longText.nullable().optional(),
    mergedInto: z.string().max(64).nullable().optional(),
  })
  .strict()
export const dispositionRequest = dispositionInput
  .extend({ version: z.number().int().positive().optional() })
  .strict()
export type DispositionRequest = z.infer<typeof dispositionRequest>

export const bulkDispositionRequest = z
  .object({
    items: z
      .array(dispositionInput.extend({ contributionId: z.string().max(64) }).strict())
      .min(1)
      .max(1000),
  })
  .strict()

const csv = z
  .string()
  .max(2000)
  .transform((s) =>
    s
      .split(',')
      .map((x) => x.trim())
      .filter(Boolean),
  )
export const tableQuery = z
  .object({
    lang: z.enum(LANGUAGES).optional(),
    party: csv.optional(),
    kind: csv.pipe(z.array(z.enum(CONTRIBUTION_KINDS))).optional(),
    status: csv.pipe(z.array(z.enum([...CONTRIBUTION_STATUSES, ...DECISIONS, 'undecided']))).optional(),
    provision: csv.optional(),
  })
  .strict()
export type TableQuery = z.infer<typeof tableQuery>

export const contributionListQuery = pageQuery
  .extend({
    /** `mine`: the contributions of the user's party ("our contributions"). */
    party: z.string().max(8).optional(),
    roundId: z.string().max(64).optional(),
    documentId: z.string().max(64).optional(),
  })
  .strict()

export const createRevisionRequest = z
  .object({
    fromVersionId: z.string().max(64),
    roundId: z.string().max(64),
    label: versionLabelSchema,
  })
  .strict()

export const compareQuery = z
  .object({ from: z.string().max(64), to: z.string().max(64), lang: z.enum(LANGUAGES).optional() })
  .strict()
