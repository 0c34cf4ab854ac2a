/** Documents and their versions (with provisions). */

import {
  createVersionRequest,
  pageQuery,
  publishVersionRequest,
  updateDocumentRequest,
  updateVersionRequest,
} from '@core/api/requests.js'
import type { DocumentDTO } from '@core/api/types.js'
import type { Stage } from '@core/domain/procedure.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  documentUpdater,
  versionDrafter,
  versionEditor,
  versionPublisher,
} from '../../../commands/documents.js'
import { type CurrentUser, inTransaction } from '../../../context.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { versionFrom } from '../../../http/versioning.js'
import { decodeCursor, pageOf } from '../../../pagination.js'
import { authorize, can, type DocumentSubject, policiesFor } from '../../../policies/index.js'
import { presentDocumentSummary, presentVersionSummary } from '../../../presenters/documents.js'
import {
  userNames,
  versionContent,
  versionSubject,
  versionsOfDocuments,
} from '../../../repositories/documents.js'
import type { RouteDeps } from '../../deps.js'
import { readableDocument as readableDocumentOf, readableVersion as readableVersionOf } from './load.js'
import { buildVersionJson, cachedRepresentation, representation } from './version-representation.js'

const idParams = z.object({ id: z.string().max(64) }).strict()
const versionParams = z.object({ id: z.string().max(64), versionId: z.string().max(64) }).strict()
const DOCUMENT_ACTIONS = ['read', 'update', 'create_version'] as const
const VERSION_ACTIONS = ['read', 'update', 'publish'] as const

const documents: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  app.addHook('preHandler', requireUser)
  const db = handle.db

  const readableDocument = (id: string, user: CurrentUser) => readableDocumentOf(db, id, user)
  const readableVersion = (documentId: string, versionId: string, user: CurrentUser) =>
    readableVersionOf(db, documentId, versionId, user)

  async function visibleVersions(documentId: string, subject: DocumentSubject, user: CurrentUser) {
    const rows = await versionsOfDocuments(db, [documentId])
    return rows.filter((v) => can(user, 'read', versionSubject(v, subject)))
  }

  async function presentDocument(
    id: string,
    user: CurrentUser,
  ): Promise<{ data: DocumentDTO; policies: Record<string, boolean> }> {
    const { document, dossier, subject } = await readableDocument(id, user)
    const versions = await visibleVersions(document.id, subject, user)
    const names = await userNames(
      db,
      versions.map((v) => v.created_by),
    )
    const presented = versions.map((v) => presentVersionSummary(v, names))
    return {
      data: {
        ...presentDocumentSummary(document, presented[0] ?? null),
        dossier: {
          id: dossier.id,
          reference: dossier.reference,
          title: JSON.parse(dossier.title),
          stage: dossier.stage as Stage,
        },
        versions: presented,
      },
      policies: policiesFor(user, subject, DOCUMENT_ACTIONS),
    }
  }

  app.get(
    '/api/documents/:id',
    { schema: { tags: ['documents'], summary: 'A document with its versions', params: idParams } },
    async (req) => presentDocument(req.params.id, currentUser(req)),
  )

  app.patch(
    '/api/documents/:id',
    {
      schema: {
        tags: ['documents'],
        summary: "Change a document's title or working language",
        params: idParams,
        body: updateDocumentRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { document, dossier, subject } = await readableDocument(req.params.id, user)
      authorize(user, 'update', subject)
      const input = { ...req.body, version: versionFrom(req) }
      await inTransaction(handle, user, req.id, (ctx) => documentUpdater({ ctx, dossier, document, input }))
      return presentDocument(document.id, user)
    },
  )

  app.get(
    '/api/documents/:id/versions',
    {
      schema: {
        tags: ['versions'],
        summary: 'Versions of a document, newest first',
        params: idParams,
        querystring: pageQuery,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { document, subject } = await readableDocument(req.params.id, user)
      const after = decodeCursor(req.query.cursor)
      // Newest first: ids are time-ordered, so "after" the cursor means older.
      const rows = (await visibleVersions(document.id, subject, user)).filter((v) => !after || v.id < after)
      const { items, nextCursor } = pageOf(rows, req.query.limit)
      const names = await userNames(
        db,
        items.map((v) => v.created_by),
      )
      return {
        data: items.map((v) => presentVersionSummary(v, names)),
        policies: policiesFor(user, subject, DOCUMENT_ACTIONS),
        page: { nextCursor },
      }
    },
  )

  app.post(
    '/api/documents/:id/versions',
    {
      schema: {
        tags: ['versions'],
        summary: 'Create a working draft from structured content',
        params: idParams,
        body: createVersionRequest,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { document, dossier, subject } = await readableDocument(req.params.id, user)
      authorize(user, 'create_version', subject)
      const row = await inTransaction(handle, user, req.id, (ctx) =>
        versionDrafter({ ctx, dossier, document, label: req.body.label, content: req.body.content }),
      )
      return reply.status(201).send(await sendVersion(document.id, row.id, user))
    },
  )

  /** The version's response body: from the cache for circulated versions, built otherwise. */
  async function versionBody(documentId: string, versionId: string, user: CurrentUser) {
    const { summary, versionSubject: vs } = await readableVersion(documentId, versionId, user)
    const policies = JSON.stringify(policiesFor(user, vs, VERSION_ACTIONS))
    const hit = cachedRepresentation(summary, policies)
    if (hit) return { summary, ...hit }
    const [content, names] = await Promise.all([
      versionContent(db, summary.id),
      userNames(db, [summary.created_by]),
    ])
    return { summary, ...representation(summary, buildVersionJson(summary, content, names), policies) }
  }

  async function sendVersion(documentId: string, versionId: string, user: CurrentUser) {
    return JSON.parse((await versionBody(documentId, versionId, user)).body.toString('utf8'))
  }

  app.get(
    '/api/documents/:id/versions/:versionId',
    { schema: { tags: ['versions'], summary: 'A version with its provisions', params: versionParams } },
    async (req, reply) => {
      const { body, etag, summary } = await versionBody(req.params.id, req.params.versionId, currentUser(req))
      reply.header('etag', etag)
      reply.header(
        'cache-control',
        summary.status === 'published' ? 'private, max-age=0, must-revalidate' : 'private, no-cache',
      )
      if (req.headers['if-none-match'] === etag) return reply.status(304).send()
      return reply.type('application/json; charset=utf-8').send(body)
    },
  )

  app.get(
    '/api/documents/:id/versions/:versionId/content',
    {
      schema: {
        tags: ['versions'],
        summary: 'The canonical JSON whose SHA-256 is the contentHash',
        params: versionParams,
      },
    },
    async (req, reply) => {
      const { summary } = await readableVersion(req.params.id, req.params.versionId, currentUser(req))
      const content = await versionContent(db, summary.id)
      reply.header('etag', `"${summary.content_hash}"`)
      reply.header('x-content-sha256', summary.content_hash)
      return reply.type('application/json; charset=utf-8').send(content)
    },
  )

  app.patch(
    '/api/documents/:id/versions/:versionId',
    {
      schema: {
        tags: ['versions'],
        summary: 'Edit a working draft',
        params: versionParams,
        body: updateVersionRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { dossier, summary, subject } = await readableVersion(req.params.id, req.params.versionId, user)
      // The pen-holder may try; a circulated version answers 409 version_immutable from the command.
      authorize(user, 'create_version', subject)
      const input = { ...req.body, version: versionFrom(req) }
      await inTransaction(handle, user, req.id, (ctx) =>
        versionEditor({ ctx, dossier, version: summary, input }),
      )
      return sendVersion(req.params.id, summary.id, user)
    },
  )

  app.post(
    '/api/documents/:id/versions/:versionId/publish',
    {
      schema: {
        tags: ['versions'],
        summary: 'Circulate a draft; it becomes immutable',
        params: versionParams,
        body: publishVersionRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { dossier, summary, subject } = await readableVersion(req.params.id, req.params.versionId, user)
      authorize(user, 'create_version', subject)
      const expectedVersion = versionFrom(req)
      await inTransaction(handle, user, req.id, (ctx) =>
        versionPublisher({ ctx, dossier, version: summary, expectedVersion }),
      )
      return sendVersion(req.params.id, summary.id, user)
    },
  )
}

export default documents
