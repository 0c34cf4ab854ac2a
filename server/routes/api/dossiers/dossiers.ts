/** Dossiers: the packages of documents that move through the procedure together. */

import { moveStageRequest } from '@core/api/procedures.js'
import {
  createDocumentRequest,
  createDossierRequest,
  dossierListQuery,
  pageQuery,
  updateDossierRequest,
} from '@core/api/requests.js'
import type { AuditEntryDTO, DossierDTO } from '@core/api/types.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { documentCreator } from '../../../commands/documents.js'
import { dossierOpener, dossierStageMover, dossierUpdater } from '../../../commands/dossiers.js'
import { type CurrentUser, inTransaction } from '../../../context.js'
import { notFound } from '../../../errors.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { versionFrom } from '../../../http/versioning.js'
import { decodeCursor, pageOf } from '../../../pagination.js'
import { authorize, can, policiesFor } from '../../../policies/index.js'
import {
  presentDocumentSummary,
  presentDossierSummary,
  presentVersionSummary,
} from '../../../presenters/documents.js'
import { documentsOfDossier, userNames, versionsOfDocuments } from '../../../repositories/documents.js'
import {
  documentCounts,
  dossierSubject,
  participantsOf,
  visibleDossiers,
} from '../../../repositories/dossiers.js'
import { findOrganization, organizationSubject } from '../../../repositories/organizations.js'
import { templateOfDossier } from '../../../repositories/procedures.js'
import type { RouteDeps } from '../../deps.js'
import approvals from './approvals.js'
import { DOSSIER_ACTIONS, readableDossier } from './load.js'
import timeline from './timeline.js'

const idParams = z.object({ id: z.string().max(64) }).strict()

export { DOSSIER_ACTIONS, readableDossier }

const dossiers: FastifyPluginAsyncZod<RouteDeps> = async (app, deps) => {
  const { handle } = deps
  app.addHook('preHandler', requireUser)
  const db = handle.db
  await app.register(timeline, deps)
  await app.register(approvals, deps)

  async function presentDossier(
    id: string,
    user: CurrentUser,
  ): Promise<{ data: DossierDTO; policies: Record<string, boolean> }> {
    const { dossier, subject } = await readableDossier(db, id, user)
    const [participants, org, documents, template] = await Promise.all([
      participantsOf(db, [dossier.id]),
      findOrganization(db, dossier.organization_id),
      documentsOfDossier(db, dossier.id),
      templateOfDossier(db, dossier),
    ])
    const versions = await versionsOfDocuments(
      db,
      documents.map((d) => d.id),
    )
    const names = await userNames(
      db,
      versions.map((v) => v.created_by),
    )
    const docs = documents.map((doc) => {
      const subjectDoc = { type: 'document' as const, id: doc.id, dossier: subject }
      const latest = versions.find(
        (v) =>
          v.document_id === doc.id &&
          can(user, 'read', { type: 'version', id: v.id, status: v.status, document: subjectDoc }),
      )
      return presentDocumentSummary(doc, latest ? presentVersionSummary(latest, names) : null)
    })
    const data: DossierDTO = {
      ...presentDossierSummary(dossier, participants, documents.length),
      organization: {
        id: org.id,
        slug: org.slug,
        name: JSON.parse(org.name),
        shortName: JSON.parse(org.short_name),
      },
      stages: template.definition.stages.map((s) => ({
        code: s.code,
        name: s.name,
        kind: s.kind ?? null,
        body: s.body ?? null,
      })),
      documents: docs,
    }
    return { data, policies: policiesFor(user, subject, DOSSIER_ACTIONS) }
  }

  app.get(
    '/api/dossiers',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Dossiers the user may see (need-to-know)',
        querystring: dossierListQuery,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const rows = await visibleDossiers(db, user, {
        organizationId: req.query.organizationId,
        after: decodeCursor(req.query.cursor),
        limit: req.query.limit,
      })
      const { items, nextCursor } = pageOf(rows, req.query.limit)
      const ids = items.map((d) => d.id)
      const [participants, counts] = await Promise.all([participantsOf(db, ids), documentCounts(db, ids)])
      // The SQL filter is the fast path; each item is still checked against the policy.
      const visible = items.filter((d) => can(user, 'read', dossierSubject(d, participants)))
      let createDossier = false
      if (user.secretariatOrgId) {
        const org = await findOrganization(db, user.secretariatOrgId)
        createDossier = can(user, 'create_dossier', await organizationSubject(db, org))
      }
      return {
        data: visible.map((d) => presentDossierSummary(d, participants, counts.get(d.id) ?? 0)),
        policies: { create: createDossier },
        page: { nextCursor },
      }
    },
  )

  app.post(
    '/api/dossiers',
    { schema: { tags: ['dossiers'], summary: 'Open a dossier', body: createDossierRequest } },
    async (req, reply) => {
      const user = currentUser(req)
      const org = await findOrganization(db, req.body.organizationId)
      const orgSubject = await organizationSubject(db, org)
      if (!can(user, 'read', orgSubject)) throw notFound('organization_not_found')
      authorize(user, 'create_dossier', orgSubject)
      const row = await inTransaction(handle, user, req.id, (ctx) =>
        dossierOpener({ ctx, organization: org, input: req.body }),
      )
      return reply.status(201).send(await presentDossier(row.id, user))
    },
  )

  app.get(
    '/api/dossiers/:id',
    { schema: { tags: ['dossiers'], summary: 'A dossier with its documents', params: idParams } },
    async (req) => presentDossier(req.params.id, currentUser(req)),
  )

  app.patch(
    '/api/dossiers/:id',
    {
      schema: {
        tags: ['dossiers'],
        summary: "Change a dossier's reference or title",
        params: idParams,
        body: updateDossierRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { dossier, subject } = await readableDossier(db, req.params.id, user)
      authorize(user, 'update', subject)
      const body = { ...req.body, version: versionFrom(req) }
      await inTransaction(handle, user, req.id, (ctx) => dossierUpdater({ ctx, dossier, input: body }))
      return presentDossier(dossier.id, user)
    },
  )

  app.post(
    '/api/dossiers/:id/stage',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'Move the dossier to another stage of its procedure',
        params: idParams,
        body: moveStageRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { dossier, subject } = await readableDossier(db, req.params.id, user)
      authorize(user, 'move_stage', subject)
      const version = versionFrom(req)
      await inTransaction(handle, user, req.id, (ctx) =>
        dossierStageMover({ ctx, dossier, to: req.body.to, version, note: req.body.note }),
      )
      return presentDossier(dossier.id, user)
    },
  )

  app.post(
    '/api/dossiers/:id/documents',
    {
      schema: {
        tags: ['documents'],
        summary: 'Add a document to the dossier',
        params: idParams,
        body: createDocumentRequest,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { dossier, subject } = await readableDossier(db, req.params.id, user)
      authorize(user, 'add_document', subject)
      const doc = await inTransaction(handle, user, req.id, (ctx) =>
        documentCreator({ ctx, dossier, input: req.body }),
      )
      return reply.status(201).send({
        data: presentDocumentSummary(doc, null),
        policies: policiesFor(user, { type: 'document', id: doc.id, dossier: subject }, [
          'read',
          'update',
          'create_version',
        ]),
      })
    },
  )

  app.get(
    '/api/dossiers/:id/audit',
    {
      schema: {
        tags: ['dossiers'],
        summary: "The dossier's audit trail (secretariat)",
        params: idParams,
        querystring: pageQuery,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { dossier, subject } = await readableDossier(db, req.params.id, user)
      authorize(user, 'read_audit', subject)
      const afterRaw = req.query.cursor ? Number(Buffer.from(req.query.cursor, 'base64url').toString()) : 0
      const after = Number.isSafeInteger(afterRaw) ? afterRaw : 0
      const rows = await db
        .selectFrom('audit_entries')
        .leftJoin('users', 'users.id', 'audit_entries.actor_user_id')
        .leftJoin('parties', 'parties.id', 'audit_entries.actor_party_id')
        .select([
          'audit_entries.seq',
          'audit_entries.at',
          'audit_entries.actor_user_id',
          'users.display_name',
          'parties.code',
          'audit_entries.action',
          'audit_entries.subject_type',
          'audit_entries.subject_id',
          'audit_entries.digest',
          'audit_entries.request_id',
          'audit_entries.entry_hash',
        ])
        .where('audit_entries.dossier_id', '=', dossier.id)
        .where('audit_entries.seq', '>', after)
        .orderBy('audit_entries.seq')
        .limit(req.query.limit + 1)
        .execute()
      const more = rows.length > req.query.limit
      const items = rows.slice(0, req.query.limit)
      const data: AuditEntryDTO[] = items.map((r) => ({
        seq: r.seq,
        at: r.at,
        actor: r.actor_user_id ? { id: r.actor_user_id, displayName: r.display_name ?? '' } : null,
        partyCode: r.code ?? null,
        action: r.action,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        digest: r.digest,
        requestId: r.request_id,
        entryHash: r.entry_hash,
      }))
      const nextCursor = more ? Buffer.from(String(items[items.length - 1]!.seq)).toString('base64url') : null
      return { data, policies: policiesFor(user, subject, DOSSIER_ACTIONS), page: { nextCursor } }
    },
  )
}

export default dossiers
