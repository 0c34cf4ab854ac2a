/**
 * Commands on the agenda of a meeting: items linking a dossier, a document and a version,
 * their order, and the outcome recorded on each during the meeting. Each writes in the
 * caller's transaction with its audit entry.
 */

import type { AgendaItemInput, OutcomeRequest, UpdateAgendaItemRequest } from '@core/api/meetings.js'
import type { LocalizedText } from '@core/i18n/languages.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { AgendaItemRow, MeetingRow } from '../db/types.js'
import { AppError, assertVersion } from '../errors.js'
import { isId, newId } from '../ids.js'
import { assertNotCancelled } from './meetings.js'
import { updateVersioned } from './optimistic.js'

const text = (value: LocalizedText | undefined) => JSON.stringify(value ?? {})

// ---------------------------------------------------------------------------------------
// Agenda and outcomes

const agendaLinkInvalid = (details: Record<string, unknown>) =>
  new AppError(422, 'agenda_link_invalid', {}, details)

/** Resolves an agenda item's links: dossier of the organization, document of the dossier, published version. */
async function resolveLinks(
  ctx: CommandContext,
  meeting: MeetingRow,
  input: Pick<AgendaItemInput, 'dossierId' | 'documentId' | 'versionId'>,
): Promise<{
  dossier_id: string | null
  document_id: string | null
  version_id: string | null
  fallback: string | null
}> {
  let dossierId = input.dossierId ?? null
  let documentId = input.documentId ?? null
  let versionId = input.versionId ?? null
  let fallback: string | null = null
  if (versionId && !documentId) {
    const v = isId(versionId)
      ? await ctx.trx
          .selectFrom('versions')
          .select('document_id')
          .where('id', '=', versionId)
          .executeTakeFirst()
      : undefined
    if (!v) throw agendaLinkInvalid({ versionId })
    documentId = v.document_id
  }
  if (documentId) {
    const doc = isId(documentId)
      ? await ctx.trx
          .selectFrom('documents')
          .select(['id', 'dossier_id', 'title'])
          .where('id', '=', documentId)
          .executeTakeFirst()
      : undefined
    if (!doc || (dossierId && doc.dossier_id !== dossierId)) throw agendaLinkInvalid({ documentId })
    dossierId = doc.dossier_id
    fallback = doc.title
    if (versionId) {
      const v = isId(versionId)
        ? await ctx.trx
            .selectFrom('versions')
            .select(['id', 'status'])
            .where('id', '=', versionId)
            .where('document_id', '=', doc.id)
            .executeTakeFirst()
        : undefined
      if (v?.status !== 'published') throw agendaLinkInvalid({ versionId })
    } else {
      const latest = await ctx.trx
        .selectFrom('versions')
        .select('id')
        .where('document_id', '=', doc.id)
        .where('status', '=', 'published')
        .orderBy('seq', 'desc')
        .limit(1)
        .executeTakeFirst()
      versionId = latest?.id ?? null
    }
  }
  if (dossierId) {
    const dossier = isId(dossierId)
      ? await ctx.trx
          .selectFrom('dossiers')
          .select(['id', 'organization_id', 'title'])
          .where('id', '=', dossierId)
          .executeTakeFirst()
      : undefined
    if (!dossier || dossier.organization_id !== meeting.organization_id)
      throw agendaLinkInvalid({ dossierId })
    fallback ??= dossier.title
  }
  return { dossier_id: dossierId, document_id: documentId, version_id: versionId, fallback }
}

export interface AgendaItemAdderProps {
  ctx: CommandContext
  meeting: MeetingRow
  input: AgendaItemInput
}

/** Adds an item at the end of the agenda; its title defaults to the linked document's (or dossier's). */
export async function agendaItemAdder({ ctx, meeting, input }: AgendaItemAdderProps): Promise<AgendaItemRow> {
  assertNotCancelled(meeting)
  const links = await resolveLinks(ctx, meeting, input)
  const title = input.title && Object.keys(input.title).length ? text(input.title) : links.fallback
  if (!title) {
    throw new AppError(
      422,
      'validation_failed',
      { fields: 'body.title' },
      { fields: [{ path: 'body.title', message: 'a title, or a dossier or document to take it from' }] },
    )
  }
  const last = await ctx.trx
    .selectFrom('agenda_items')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('meeting_id', '=', meeting.id)
    .executeTakeFirst()
  const row: AgendaItemRow = {
    id: newId(),
    meeting_id: meeting.id,
    position: Number(last?.max ?? 0) + 1,
    title,
    dossier_id: links.dossier_id,
    document_id: links.document_id,
    version_id: links.version_id,
    outcome: null,
    outcome_note: null,
    outcome_by: null,
    outcome_at: null,
    version: 1,
  }
  await ctx.trx.insertInto('agenda_items').values(row).execute()
  await appendAudit(ctx, {
    action: 'meeting.agenda_add',
    subjectType: 'agenda_item',
    subjectId: row.id,
    organizationId: meeting.organization_id,
    dossierId: row.dossier_id,
    change: {
      meetingId: meeting.id,
      position: row.position,
      title: JSON.parse(title),
      dossierId: row.dossier_id,
      documentId: row.document_id,
      versionId: row.version_id,
    },
  })
  return row
}

export interface AgendaItemUpdaterProps {
  ctx: CommandContext
  meeting: MeetingRow
  item: AgendaItemRow
  input: UpdateAgendaItemRequest & { version: number }
}

/** Changes an item's wording or what it links. */
export async function agendaItemUpdater({
  ctx,
  meeting,
  item,
  input,
}: AgendaItemUpdaterProps): Promise<AgendaItemRow> {
  assertVersion(item.version, input.version)
  assertNotCancelled(meeting)
  const set: Partial<AgendaItemRow> = {}
  if (input.title && Object.keys(input.title).length) set.title = text(input.title)
  if (input.dossierId !== undefined || input.documentId !== undefined || input.versionId !== undefined) {
    const links = await resolveLinks(ctx, meeting, {
      dossierId: input.dossierId === undefined ? item.dossier_id : input.dossierId,
      documentId:
        input.documentId === undefined
          ? input.dossierId === undefined
            ? item.document_id
            : null
          : input.documentId,
      versionId: input.versionId === undefined ? null : input.versionId,
    })
    set.dossier_id = links.dossier_id
    set.document_id = links.document_id
    set.version_id = links.version_id
  }
  const version = await updateVersioned(ctx.trx, 'agenda_items', item.id, item.version, set)
  await appendAudit(ctx, {
    action: 'meeting.agenda_update',
    subjectType: 'agenda_item',
    subjectId: item.id,
    organizationId: meeting.organization_id,
    dossierId: set.dossier_id ?? item.dossier_id,
    change: { meetingId: meeting.id, ...set, ...(set.title ? { title: JSON.parse(set.title) } : {}) },
  })
  return { ...item, ...set, version }
}

/** Takes an item off the agenda and closes the gap in the numbering. */
export async function agendaItemRemover({
  ctx,
  meeting,
  item,
  version,
}: {
  ctx: CommandContext
  meeting: MeetingRow
  item: AgendaItemRow
  version: number
}): Promise<void> {
  assertVersion(item.version, version)
  assertNotCancelled(meeting)
  await ctx.trx.deleteFrom('agenda_items').where('id', '=', item.id).execute()
  const rest = await ctx.trx
    .selectFrom('agenda_items')
    .select('id')
    .where('meeting_id', '=', meeting.id)
    .orderBy('position')
    .orderBy('id')
    .execute()
  for (const [i, r] of rest.entries()) {
    await ctx.trx
      .updateTable('agenda_items')
      .set({ position: i + 1 })
      .where('id', '=', r.id)
      .execute()
  }
  await appendAudit(ctx, {
    action: 'meeting.agenda_remove',
    subjectType: 'agenda_item',
    subjectId: item.id,
    organizationId: meeting.organization_id,
    dossierId: item.dossier_id,
    change: { meetingId: meeting.id, title: JSON.parse(item.title) },
  })
}

/** Puts the agenda in a new order: the list must name every item exactly once. */
export async function agendaReorderer({
  ctx,
  meeting,
  itemIds,
}: {
  ctx: CommandContext
  meeting: MeetingRow
  itemIds: string[]
}): Promise<void> {
  assertNotCancelled(meeting)
  const rows = await ctx.trx
    .selectFrom('agenda_items')
    .select('id')
    .where('meeting_id', '=', meeting.id)
    .execute()
  const current = new Set(rows.map((r) => r.id))
  if (
    itemIds.length !== current.size ||
    new Set(itemIds).size !== itemIds.length ||
    !itemIds.every((id) => current.has(id))
  ) {
    throw new AppError(422, 'agenda_order_invalid', {}, { expected: [...current] })
  }
  for (const [i, id] of itemIds.entries()) {
    await ctx.trx
      .updateTable('agenda_items')
      .set((eb) => ({ position: i + 1, version: eb('version', '+', 1) }))
      .where('id', '=', id)
      .execute()
  }
  await appendAudit(ctx, {
    action: 'meeting.agenda_reorder',
    subjectType: 'meeting',
    subjectId: meeting.id,
    organizationId: meeting.organization_id,
    change: { order: itemIds },
  })
}

export interface OutcomeRecorderProps {
  ctx: CommandContext
  meeting: MeetingRow
  item: AgendaItemRow
  input: OutcomeRequest & { version: number }
}

/** Records (live, during the meeting) what the meeting decided on an item, with a note. */
export async function outcomeRecorder({
  ctx,
  meeting,
  item,
  input,
}: OutcomeRecorderProps): Promise<AgendaItemRow> {
  assertVersion(item.version, input.version)
  assertNotCancelled(meeting)
  const set = {
    outcome: input.outcome,
    outcome_note: input.outcome ? (input.note ?? null) || null : null,
    outcome_by: input.outcome ? (ctx.actor?.id ?? null) : null,
    outcome_at: input.outcome ? ctx.clock() : null,
  }
  const version = await updateVersioned(ctx.trx, 'agenda_items', item.id, item.version, set)
  await appendAudit(ctx, {
    action: 'meeting.outcome',
    subjectType: 'agenda_item',
    subjectId: item.id,
    organizationId: meeting.organization_id,
    dossierId: item.dossier_id,
    change: {
      meetingId: meeting.id,
      outcome: set.outcome,
      note: set.outcome_note,
      versionId: item.version_id,
    },
  })
  return { ...item, ...set, version }
}
