/**
 * Domestic approval (внутригосударственное согласование): each participating member's item
 * with its status, due date, supporting documents and what it did to the party's agreement ad
 * referendum; recorded by the party's head of delegation or the secretariat, due dates set by
 * the secretariat. Supporting documents are uploaded as the raw body and downloaded by anyone
 * who may read the dossier.
 */

import type { Readable } from 'node:stream'
import {
  type ApprovalDTO,
  type ApprovalSummaryDTO,
  ATTACHMENT_LIMIT,
  approvalsDueDateRequest,
  recordApprovalRequest,
} from '@core/api/procedures.js'
import type { ApprovalStatus } from '@core/domain/procedure.js'
import { UI_LANGUAGES } from '@core/i18n/languages.js'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { approvalAttachmentUploader } from '../../../commands/attachments.js'
import { approvalRecorder, approvalsDueDateSetter } from '../../../commands/dossiers.js'
import type { CurrentUser, Queryable } from '../../../context.js'
import { inTransaction } from '../../../context.js'
import type { DossierRow } from '../../../db/types.js'
import { AppError, forbidden, partyNotFound } from '../../../errors.js'
import { sendDownload } from '../../../http/download.js'
import { currentUser } from '../../../http/request-context.js'
import { versionFrom } from '../../../http/versioning.js'
import { isId } from '../../../ids.js'
import { can, type DossierSubject } from '../../../policies/index.js'
import { userNames } from '../../../repositories/documents.js'
import { findDossier, loadDossierSubject, participantsOf } from '../../../repositories/dossiers.js'
import {
  adReferendumPending,
  approvalAttachments,
  daysAfter,
  isFinished,
  presentAttachment,
} from '../../../repositories/procedures.js'
import type { RouteDeps } from '../../deps.js'
import { readableDossier } from './load.js'

const idParams = z.object({ id: z.string().max(64) }).strict()
const partyParams = z.object({ id: z.string().max(64), party: z.string().regex(/^[A-Z]{3}$/) }).strict()

const approvalNotFound = () => new AppError(404, 'approval_not_found')
const attachmentNotFound = () => new AppError(404, 'attachment_not_found')

/** The secretariat's pen-holders record for any party and set due dates. */
const isPenHolder = (user: CurrentUser, subject: DossierSubject) => can(user, 'update', subject)
/** A party's head of delegation records its own party's approval and uploads its documents. */
const mayRecord = (user: CurrentUser, subject: DossierSubject, partyId: string) =>
  isPenHolder(user, subject) ||
  (user.partyId === partyId &&
    subject.participantIds.has(partyId) &&
    user.roles.includes('head_of_delegation'))

/** The approval items of a dossier as the user sees them, with the summary line's counts. */
async function approvalItems(
  db: Queryable,
  dossier: DossierRow,
  user: CurrentUser,
  subject: DossierSubject,
  today = new Date().toISOString().slice(0, 10),
): Promise<{ items: (ApprovalDTO & { partyId: string; id: string })[]; summary: ApprovalSummaryDTO }> {
  const rows = await db
    .selectFrom('domestic_approvals')
    .innerJoin('parties', 'parties.id', 'domestic_approvals.party_id')
    .select([
      'domestic_approvals.id',
      'domestic_approvals.party_id',
      'parties.code',
      'parties.name',
      'domestic_approvals.status',
      'domestic_approvals.due_date',
      'domestic_approvals.note',
      'domestic_approvals.updated_at',
      'domestic_approvals.updated_by',
      'domestic_approvals.ad_referendum',
      'domestic_approvals.version',
    ])
    .where('domestic_approvals.dossier_id', '=', dossier.id)
    .orderBy('parties.code')
    .execute()
  const uploaders = await db
    .selectFrom('attachments')
    .select('uploaded_by')
    .where('dossier_id', '=', dossier.id)
    .execute()
  const names = await userNames(db, [
    ...rows.map((r) => r.updated_by),
    ...uploaders.map((u) => u.uploaded_by),
  ])
  const [attachments, pending] = await Promise.all([
    approvalAttachments(db, dossier.id, names),
    rows.length ? adReferendumPending(db, dossier) : Promise.resolve(new Set<string>()),
  ])
  const penHolder = isPenHolder(user, subject)
  const items = rows.map((r) => {
    const late = !!r.due_date && r.due_date < today && !isFinished(r.status)
    const record = mayRecord(user, subject, r.party_id)
    return {
      id: r.id,
      partyId: r.party_id,
      party: r.code,
      name: JSON.parse(r.name),
      status: r.status as ApprovalStatus,
      dueDate: r.due_date,
      late,
      daysLate: late && r.due_date ? daysAfter(r.due_date, today) : 0,
      note: r.note,
      updatedAt: r.updated_at,
      updatedBy: r.updated_by ? { id: r.updated_by, displayName: names.get(r.updated_by) ?? '' } : null,
      adReferendum: r.ad_referendum,
      adReferendumPending: pending.has(r.code),
      attachments: attachments.get(r.id) ?? [],
      version: r.version,
      policies: { record, set_due_date: penHolder, upload: record },
    }
  })
  const summary: ApprovalSummaryDTO = {
    members: items.length,
    finished: items.filter((i) => isFinished(i.status)).length,
    approved: items.filter((i) => i.status === 'approved' || i.status === 'approved_with_reservations')
      .length,
    declined: items.filter((i) => i.status === 'declined').length,
    late: items.filter((i) => i.late).length,
  }
  return { items, summary }
}

const strip = ({ id: _id, partyId: _partyId, ...dto }: ApprovalDTO & { id: string; partyId: string }) =>
  dto as ApprovalDTO

/** Reads a raw body up to the limit; a larger one is 413 before more than the limit is read. */
function readLimited(stream: Readable, declared: number): Promise<Buffer> {
  if (declared > ATTACHMENT_LIMIT)
    return Promise.reject(new AppError(413, 'payload_too_large', { limit: ATTACHMENT_LIMIT }))
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > ATTACHMENT_LIMIT) {
        stream.removeListener('data', onData)
        stream.resume()
        reject(new AppError(413, 'payload_too_large', { limit: ATTACHMENT_LIMIT }))
        return
      }
      chunks.push(chunk)
    }
    stream.on('data', onData)
    stream.once('end', () => resolve(Buffer.concat(chunks)))
    stream.once('error', reject)
  })
}

const approvals: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  const db = handle.db

  /** The dossier, the party (a participating member) and its approval item, or 404. */
  async function loadItem(id: string, code: string, user: CurrentUser) {
    const { dossier, subject } = await readableDossier(db, id, user)
    const party = await db.selectFrom('parties').select('id').where('code', '=', code).executeTakeFirst()
    const approval = party
      ? await db
          .selectFrom('domestic_approvals')
          .selectAll()
          .where('dossier_id', '=', dossier.id)
          .where('party_id', '=', party.id)
          .executeTakeFirst()
      : undefined
    return { dossier, subject, partyId: party?.id ?? null, approval }
  }

  app.get(
    '/api/dossiers/:id/approvals',
    {
      schema: {
        tags: ['approvals'],
        summary: 'Domestic approval in each member state (parties × status), with the summary',
        params: idParams,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { dossier, subject } = await readableDossier(db, req.params.id, user)
      const { items, summary } = await approvalItems(db, dossier, user, subject)
      return {
        data: items.map(strip),
        summary,
        policies: { set_due_date: isPenHolder(user, subject), record_any: isPenHolder(user, subject) },
      }
    },
  )

  app.patch(
    '/api/dossiers/:id/approvals/:party',
    {
      schema: {
        tags: ['approvals'],
        summary: "Record a member's domestic approval (its head of delegation, or the secretariat)",
        params: partyParams,
        body: recordApprovalRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { dossier, subject, partyId } = await loadItem(req.params.id, req.params.party, user)
      if (!partyId || !mayRecord(user, subject, partyId)) {
        if (!isPenHolder(user, subject)) throw forbidden()
      }
      // The due date is the secretariat's to set.
      if (req.body.dueDate !== undefined && !isPenHolder(user, subject)) throw forbidden()
      const input = { ...req.body, version: versionFrom(req) }
      await inTransaction(handle, user, req.id, (ctx) =>
        approvalRecorder({ ctx, dossier, partyId: partyId ?? '', input }),
      )
      const fresh = await findDossier(db, dossier.id)
      const { items } = await approvalItems(db, fresh, user, subject)
      const item = items.find((i) => i.party === req.params.party)!
      return { data: strip(item), policies: item.policies }
    },
  )

  app.post(
    '/api/dossiers/:id/approvals/due-date',
    {
      schema: {
        tags: ['approvals'],
        summary: 'Set one due date for every party still at work, or for the parties listed (secretariat)',
        params: idParams,
        body: approvalsDueDateRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { dossier, subject } = await readableDossier(db, req.params.id, user)
      if (!isPenHolder(user, subject)) throw forbidden()
      let partyIds: string[] | undefined
      if (req.body.parties) {
        const participants = await participantsOf(db, [dossier.id])
        const unknown = req.body.parties.filter(
          (code) => !participants.some((p) => p.code === code && p.status === 'member'),
        )
        if (unknown.length) throw partyNotFound(unknown)
        partyIds = participants.filter((p) => req.body.parties!.includes(p.code)).map((p) => p.party_id)
      }
      const changed = await inTransaction(handle, user, req.id, (ctx) =>
        approvalsDueDateSetter({ ctx, dossier, dueDate: req.body.dueDate, partyIds }),
      )
      const { items, summary } = await approvalItems(db, dossier, user, subject)
      return { data: items.map(strip), summary, changed, policies: { set_due_date: true, record_any: true } }
    },
  )

  // Supporting documents arrive as the raw body (application/octet-stream), the file name in
  // `?filename=`; in a context of their own so that JSON stays the rule everywhere else.
  const rawRoutes: FastifyPluginAsyncZod = async (raw) => {
    raw.removeAllContentTypeParsers()
    raw.addContentTypeParser('application/octet-stream', (req: FastifyRequest, payload: Readable) =>
      readLimited(payload, Number(req.headers['content-length'] ?? 0)),
    )
    raw.post(
      '/api/dossiers/:id/approvals/:party/attachments',
      {
        schema: {
          tags: ['approvals'],
          summary:
            "Upload a supporting document of a party's domestic approval (raw body; PDF, DOCX, ODT, PNG or JPEG; at most 10 MiB)",
          params: partyParams,
          querystring: z
            .object({ filename: z.string().max(255).optional(), lang: z.enum(UI_LANGUAGES).optional() })
            .strict(),
        },
      },
      async (req, reply) => {
        const user = currentUser(req)
        const { dossier, subject, partyId, approval } = await loadItem(req.params.id, req.params.party, user)
        if (!partyId || !mayRecord(user, subject, partyId)) {
          if (!isPenHolder(user, subject)) throw forbidden()
        }
        if (!approval) throw approvalNotFound()
        const body = req.body
        if (!Buffer.isBuffer(body)) throw new AppError(415, 'unsupported_media_type')
        const row = await inTransaction(handle, user, req.id, (ctx) =>
          approvalAttachmentUploader({ ctx, dossier, approval, filename: req.query.filename, bytes: body }),
        )
        const names = new Map([[user.id, user.displayName]])
        return reply.status(201).send({ data: presentAttachment(row, names), policies: {} })
      },
    )
  }
  await app.register(rawRoutes)

  app.get(
    '/api/attachments/:id',
    {
      schema: {
        tags: ['approvals'],
        summary: 'Download a supporting document (need-to-know as its dossier)',
        params: idParams,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      if (!isId(req.params.id)) throw attachmentNotFound()
      const row = await db
        .selectFrom('attachments')
        .selectAll()
        .where('id', '=', req.params.id)
        .executeTakeFirst()
      if (!row?.dossier_id) throw attachmentNotFound()
      const dossier = await findDossier(db, row.dossier_id)
      if (!can(user, 'read', await loadDossierSubject(db, dossier))) throw attachmentNotFound()
      const bytes = Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content as Uint8Array)
      reply.header('x-content-sha256', row.sha256)
      return sendDownload(reply, bytes, row.media_type, row.filename)
    },
  )
}

export default approvals
