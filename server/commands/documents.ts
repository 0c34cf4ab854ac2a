/** Commands on documents and their versions. */
import type { CreateDocumentRequest } from '@core/api/requests.js'
import type { Lang, LocalizedText } from '@core/i18n/languages.js'
import { canonicalHash, canonicalJson } from '@core/text/canonical.js'
import { type DocumentContent, flattenProvisions } from '@core/text/model.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { DocumentRow, DossierRow, VersionRow } from '../db/types.js'
import { assertVersion, conflict } from '../errors.js'
import { newId } from '../ids.js'
import { updateVersioned } from './optimistic.js'

export interface DocumentCreatorProps {
  ctx: CommandContext
  dossier: DossierRow
  input: CreateDocumentRequest
}

/** Adds a document to a dossier, after the documents it already holds. */
export async function documentCreator({ ctx, dossier, input }: DocumentCreatorProps): Promise<DocumentRow> {
  const last = await ctx.trx
    .selectFrom('documents')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('dossier_id', '=', dossier.id)
    .executeTakeFirst()
  const now = ctx.clock()
  const row: DocumentRow = {
    id: newId(),
    dossier_id: dossier.id,
    kind: input.kind,
    title: JSON.stringify(input.title),
    working_language: input.workingLanguage,
    position: Number(last?.p ?? 0) + 1,
    version: 1,
    created_at: now,
    updated_at: now,
  }
  await ctx.trx.insertInto('documents').values(row).execute()
  await appendAudit(ctx, {
    action: 'document.create',
    subjectType: 'document',
    subjectId: row.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { kind: input.kind, title: input.title, workingLanguage: input.workingLanguage },
  })
  return row
}

export interface DocumentUpdaterProps {
  ctx: CommandContext
  dossier: DossierRow
  document: DocumentRow
  input: { version: number; title?: LocalizedText | undefined; workingLanguage?: Lang | undefined }
}

/** Renames a document or changes its working language; refuses a stale version. */
export async function documentUpdater({
  ctx,
  dossier,
  document,
  input,
}: DocumentUpdaterProps): Promise<DocumentRow> {
  assertVersion(document.version, input.version)
  const set = {
    title: input.title ? JSON.stringify(input.title) : document.title,
    working_language: input.workingLanguage ?? document.working_language,
    updated_at: ctx.clock(),
  }
  const version = await updateVersioned(ctx.trx, 'documents', document.id, document.version, set)
  await appendAudit(ctx, {
    action: 'document.update',
    subjectType: 'document',
    subjectId: document.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { version: input.version, title: input.title, workingLanguage: input.workingLanguage },
  })
  return { ...document, ...set, version }
}

/** Writes the provisions index of a version (replacing any previous rows). */
async function writeProvisions(
  ctx: CommandContext,
  versionId: string,
  content: DocumentContent,
): Promise<number> {
  await ctx.trx.deleteFrom('provisions').where('version_id', '=', versionId).execute()
  const flat = flattenProvisions(content)
  const rows = flat.map((p) => ({
    version_id: versionId,
    eid: p.eid,
    ordinal: p.ordinal,
    section: p.section,
    kind: p.kind,
    num: p.num,
    parent_eid: p.parentEid,
    depth: p.depth,
    heading: p.heading ? JSON.stringify(p.heading) : null,
    text: JSON.stringify(p.text),
  }))
  // Chunked: SQLite limits the number of bound parameters per statement.
  for (let i = 0; i < rows.length; i += 80) {
    await ctx.trx
      .insertInto('provisions')
      .values(rows.slice(i, i + 80))
      .execute()
  }
  return flat.length
}

export interface VersionDrafterProps {
  ctx: CommandContext
  dossier: DossierRow
  document: DocumentRow
  label: LocalizedText
  content: DocumentContent
  /** The version this one revises (Rev.N from Rev.N-1). */
  basedOn?: string | null
}

/** Creates a new working draft of a document from structured content. */
export async function versionDrafter({
  ctx,
  dossier,
  document,
  label,
  content,
  basedOn,
}: VersionDrafterProps): Promise<VersionRow> {
  const last = await ctx.trx
    .selectFrom('versions')
    .select((eb) => eb.fn.max('seq').as('s'))
    .where('document_id', '=', document.id)
    .executeTakeFirst()
  const id = newId()
  const row: VersionRow = {
    id,
    document_id: document.id,
    seq: Number(last?.s ?? 0) + 1,
    label: JSON.stringify(label),
    status: 'draft',
    content: canonicalJson(content),
    content_hash: canonicalHash(content),
    languages: JSON.stringify(content.languages),
    provision_count: 0,
    created_by: ctx.actor?.id ?? null,
    created_at: ctx.clock(),
    published_at: null,
    version: 1,
    based_on_version_id: basedOn ?? null,
    frozen_at: null,
    frozen_by: null,
  }
  await ctx.trx.insertInto('versions').values(row).execute()
  row.provision_count = await writeProvisions(ctx, id, content)
  await ctx.trx
    .updateTable('versions')
    .set({ provision_count: row.provision_count })
    .where('id', '=', id)
    .execute()
  await appendAudit(ctx, {
    action: 'version.create',
    subjectType: 'version',
    subjectId: id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { documentId: document.id, seq: row.seq, label, contentHash: row.content_hash },
  })
  return row
}

export interface VersionEditorProps {
  ctx: CommandContext
  dossier: DossierRow
  version: Omit<VersionRow, 'content'>
  input: { version: number; label?: LocalizedText | undefined; content?: DocumentContent | undefined }
}

/** Edits a working draft; a published version is immutable (409 version_immutable). */
export async function versionEditor({ ctx, dossier, version, input }: VersionEditorProps) {
  if (version.status !== 'draft') throw conflict('version_immutable')
  assertVersion(version.version, input.version)
  const set: Record<string, unknown> = { label: input.label ? JSON.stringify(input.label) : version.label }
  if (input.content) {
    set.content = canonicalJson(input.content)
    set.content_hash = canonicalHash(input.content)
    set.languages = JSON.stringify(input.content.languages)
    set.provision_count = await writeProvisions(ctx, version.id, input.content)
  }
  const next = await updateVersioned(ctx.trx, 'versions', version.id, version.version, set)
  await appendAudit(ctx, {
    action: 'version.update',
    subjectType: 'version',
    subjectId: version.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { label: input.label, contentHash: set.content_hash ?? version.content_hash },
  })
  return { ...version, ...set, version: next } as Omit<VersionRow, 'content'>
}

export interface VersionPublisherProps {
  ctx: CommandContext
  dossier: DossierRow
  version: Omit<VersionRow, 'content'>
  expectedVersion: number
}

/** Circulates a draft to the parties: from now on it is immutable and its hash is its identity. */
export async function versionPublisher({ ctx, dossier, version, expectedVersion }: VersionPublisherProps) {
  if (version.status !== 'draft') throw conflict('version_immutable')
  assertVersion(version.version, expectedVersion)
  const publishedAt = ctx.clock()
  const next = await updateVersioned(ctx.trx, 'versions', version.id, version.version, {
    status: 'published',
    published_at: publishedAt,
  })
  await appendAudit(ctx, {
    action: 'version.publish',
    subjectType: 'version',
    subjectId: version.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { contentHash: version.content_hash, label: JSON.parse(version.label) },
  })
  return { ...version, status: 'published' as const, published_at: publishedAt, version: next }
}
