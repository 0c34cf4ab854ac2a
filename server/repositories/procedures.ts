/**
 * Reading procedure templates and the facts their guards are evaluated on. An organization
 * that has no stored copy of a template uses the shipped one (it is installed by the first
 * command that needs it).
 */
import type { AttachmentDTO } from '@core/api/procedures.js'
import {
  type ApprovalStatus,
  type FailureNames,
  FINISHED_APPROVALS,
  type GuardCode,
  type GuardFacts,
  type ProcedureDefinition,
  type ProcedureTemplate,
  procedureDefinitionSchema,
  stageOf,
} from '@core/domain/procedure.js'
import { SHIPPED_TEMPLATES, shippedTemplate } from '@core/domain/procedure-templates.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import type { Queryable } from '../context.js'
import type { DossierRow, ProcedureTemplateRow } from '../db/types.js'
import { consensusOf } from './consensus.js'
import { participantsOf } from './dossiers.js'

/** A template as the organization has it: stored (`row`) or the shipped one not yet installed. */
export interface OrganizationTemplate extends ProcedureTemplate {
  row: ProcedureTemplateRow | null
}

function fromRow(row: ProcedureTemplateRow): OrganizationTemplate {
  const parsed = procedureDefinitionSchema.safeParse(JSON.parse(row.definition))
  // A stored definition was validated when written; a broken one falls back to the shipped one.
  const definition: ProcedureDefinition = parsed.success
    ? parsed.data
    : (shippedTemplate(row.code) ?? SHIPPED_TEMPLATES[0]!).definition
  return { code: row.code, name: JSON.parse(row.name), definition, row }
}

/** Every template of the organization: its stored ones, then the shipped ones it has not installed. */
export async function templatesOf(db: Queryable, organizationId: string): Promise<OrganizationTemplate[]> {
  const rows = await db
    .selectFrom('procedure_templates')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .orderBy('created_at')
    .orderBy('code')
    .execute()
  const stored = rows.map(fromRow)
  const missing = SHIPPED_TEMPLATES.filter((s) => !rows.some((r) => r.code === s.code)).map((s) => ({
    ...s,
    row: null,
  }))
  // The shipped ones first, in their order; then the organization's own, oldest first.
  const rank = (code: string) => {
    const i = SHIPPED_TEMPLATES.findIndex((s) => s.code === code)
    return i < 0 ? SHIPPED_TEMPLATES.length : i
  }
  return [...stored, ...missing].sort((a, b) => rank(a.code) - rank(b.code))
}

/** One template of the organization (stored, else shipped), or undefined. */
export async function templateOf(
  db: Queryable,
  organizationId: string,
  code: string,
): Promise<OrganizationTemplate | undefined> {
  const row = await db
    .selectFrom('procedure_templates')
    .selectAll()
    .where('organization_id', '=', organizationId)
    .where('code', '=', code)
    .executeTakeFirst()
  if (row) return fromRow(row)
  const shipped = shippedTemplate(code)
  return shipped ? { ...shipped, row: null } : undefined
}

/** The template a dossier follows (its `procedure` code; the CIS one if that code is unknown). */
export async function templateOfDossier(db: Queryable, dossier: DossierRow): Promise<OrganizationTemplate> {
  return (
    (await templateOf(db, dossier.organization_id, dossier.procedure)) ?? {
      ...SHIPPED_TEMPLATES[0]!,
      row: null,
    }
  )
}

/** How many dossiers of the organization follow each template, per stage. */
export async function dossiersPerStage(
  db: Queryable,
  organizationId: string,
): Promise<Map<string, Record<string, number>>> {
  const rows = await db
    .selectFrom('dossiers')
    .select(['procedure', 'stage'])
    .where('organization_id', '=', organizationId)
    .execute()
  const out = new Map<string, Record<string, number>>()
  for (const r of rows) {
    const perStage = out.get(r.procedure) ?? {}
    perStage[r.stage] = (perStage[r.stage] ?? 0) + 1
    out.set(r.procedure, perStage)
  }
  return out
}

/** The latest circulated version of each document of the dossier (null when none). */
export async function latestVersions(db: Queryable, dossierId: string) {
  const documents = await db
    .selectFrom('documents')
    .select(['id', 'title'])
    .where('dossier_id', '=', dossierId)
    .orderBy('position')
    .execute()
  const out: { id: string; title: string; latest: { id: string; frozen_at: string | null } | null }[] = []
  for (const d of documents) {
    const latest = await db
      .selectFrom('versions')
      .select(['id', 'frozen_at'])
      .where('document_id', '=', d.id)
      .where('status', '=', 'published')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    out.push({ ...d, latest: latest ?? null })
  }
  return out
}

/** Members that agreed ad referendum on a frozen text of the dossier and have not confirmed. */
export async function adReferendumPending(db: Queryable, dossier: DossierRow): Promise<Set<string>> {
  const pending = new Set<string>()
  for (const d of await latestVersions(db, dossier.id)) {
    if (!d.latest?.frozen_at) continue
    for (const code of (await consensusOf(db, dossier, d.latest.id)).outcome.adReferendum) pending.add(code)
  }
  return pending
}

/**
 * Gathers what the given guards of a move from `from` look at. Only what a guard needs is
 * computed (the consensus of every document is not cheap).
 */
export async function guardFacts(
  db: Queryable,
  dossier: DossierRow,
  def: ProcedureDefinition,
  from: string,
  guards: readonly GuardCode[],
): Promise<GuardFacts> {
  const need = new Set(guards)
  const docs = await latestVersions(db, dossier.id)
  let ballotDossier = dossier
  if (need.has('ballot_approved')) {
    // The ballot is decided under the rule of the stage's body; else under the lead body's.
    const bodyCode = stageOf(def, from)?.body
    const body = bodyCode
      ? await db
          .selectFrom('bodies')
          .select('id')
          .where('organization_id', '=', dossier.organization_id)
          .where('code', '=', bodyCode)
          .executeTakeFirst()
      : undefined
    if (body) ballotDossier = { ...dossier, lead_body_id: body.id }
  }
  const documents: GuardFacts['documents'] = []
  const adReferendum = new Set<string>()
  for (const d of docs) {
    const fact: GuardFacts['documents'][number] = { id: d.id, frozen: !!d.latest?.frozen_at }
    if (need.has('silence_completed')) {
      const done = d.latest
        ? await db
            .selectFrom('silence_procedures')
            .select('id')
            .where('version_id', '=', d.latest.id)
            .where('completed_at', 'is not', null)
            .where('broken_at', 'is', null)
            .executeTakeFirst()
        : undefined
      fact.silenceCompleted = !!done
    }
    if (need.has('ballot_approved'))
      fact.ballotApproved = d.latest
        ? (await consensusOf(db, ballotDossier, d.latest.id)).outcome.agreed
        : false
    if (need.has('no_ad_referendum_pending') && d.latest?.frozen_at) {
      for (const code of (await consensusOf(db, dossier, d.latest.id)).outcome.adReferendum)
        adReferendum.add(code)
    }
    documents.push(fact)
  }
  const facts: GuardFacts = { documents, approvals: [], adReferendum: [...adReferendum] }
  if (need.has('domestic_approval_complete') || need.has('no_ad_referendum_pending')) {
    const participants = await participantsOf(db, [dossier.id])
    const rows = await db
      .selectFrom('domestic_approvals')
      .select(['party_id', 'status'])
      .where('dossier_id', '=', dossier.id)
      .execute()
    const status = new Map(rows.map((r) => [r.party_id, r.status as ApprovalStatus]))
    facts.approvals = participants
      .filter((p) => p.status === 'member')
      .map((p) => ({ party: p.code, status: status.get(p.party_id) ?? 'not_started' }))
  }
  if (need.has('council_decision_recorded')) {
    const rows = await db
      .selectFrom('adoptions')
      .innerJoin('bodies', 'bodies.id', 'adoptions.body_id')
      .select('bodies.code')
      .where('adoptions.dossier_id', '=', dossier.id)
      .execute()
    facts.decisions = [...new Set(rows.map((r) => r.code))]
  }
  return facts
}

/** Names of the dossier's parties, documents and the organization's bodies in one language. */
export async function failureNames(db: Queryable, dossier: DossierRow, lang: Lang): Promise<FailureNames> {
  const [parties, documents, bodies] = await Promise.all([
    db.selectFrom('parties').select(['code', 'name']).execute(),
    db.selectFrom('documents').select(['id', 'title']).where('dossier_id', '=', dossier.id).execute(),
    db
      .selectFrom('bodies')
      .select(['code', 'name'])
      .where('organization_id', '=', dossier.organization_id)
      .execute(),
  ])
  const party = new Map(parties.map((p) => [p.code, pickText(JSON.parse(p.name), lang)]))
  const document = new Map(documents.map((d) => [d.id, pickText(JSON.parse(d.title), lang)]))
  const body = new Map(bodies.map((b) => [b.code, pickText(JSON.parse(b.name), lang)]))
  return {
    party: (code) => party.get(code) ?? code,
    document: (id) => document.get(id) ?? id,
    body: (code) => body.get(code) ?? code,
  }
}

/** Whether an approval status ends the party's procedure. */
export const isFinished = (status: string) => (FINISHED_APPROVALS as readonly string[]).includes(status)

/** Whole days from `due` (YYYY-MM-DD) to `today` (YYYY-MM-DD); positive when late. */
export function daysAfter(due: string, today: string): number {
  return Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${due}T00:00:00Z`)) / 86_400_000)
}

/** The supporting documents of the dossier's approval items, by approval id. */
export async function approvalAttachments(
  db: Queryable,
  dossierId: string,
  names: Map<string, string>,
): Promise<Map<string, AttachmentDTO[]>> {
  const rows = await db
    .selectFrom('attachments')
    .select(['id', 'owner_id', 'filename', 'media_type', 'size', 'sha256', 'uploaded_by', 'created_at'])
    .where('dossier_id', '=', dossierId)
    .where('owner_type', '=', 'domestic_approval')
    .orderBy('created_at')
    .orderBy('id')
    .execute()
  const out = new Map<string, AttachmentDTO[]>()
  for (const r of rows) {
    const list = out.get(r.owner_id) ?? []
    list.push(presentAttachment(r, names))
    out.set(r.owner_id, list)
  }
  return out
}

export function presentAttachment(
  r: {
    id: string
    filename: string
    media_type: string
    size: number
    sha256: string
    uploaded_by: string | null
    created_at: string
  },
  names: Map<string, string>,
): AttachmentDTO {
  return {
    id: r.id,
    filename: r.filename,
    mediaType: r.media_type,
    size: Number(r.size),
    sha256: r.sha256,
    uploadedBy: r.uploaded_by ? { id: r.uploaded_by, displayName: names.get(r.uploaded_by) ?? '' } : null,
    createdAt: r.created_at,
    href: `/api/attachments/${r.id}`,
  }
}
