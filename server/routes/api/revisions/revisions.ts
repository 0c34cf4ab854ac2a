/** Revisions (Rev.N from a round's dispositions), their sources, and redlines between versions. */

import { compareQuery, createRevisionRequest } from '@core/api/contribution-requests.js'
import type { RedlineDTO } from '@core/api/contributions.js'
import { type Lang, type LocalizedText, pickText } from '@core/i18n/languages.js'
import { diffContents, redlineStats } from '@core/text/diff.js'
import type { DocumentContent } from '@core/text/model.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { revisionCreator } from '../../../commands/revisions.js'
import { type CurrentUser, inTransaction, type Queryable } from '../../../context.js'
import { notFound } from '../../../errors.js'
import { redlineDocx } from '../../../exports/docx/redline.js'
import { DOCX_TYPE, sendDownload } from '../../../http/download.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { authorize, can, policiesFor } from '../../../policies/index.js'
import {
  findVersionSummary,
  loadDocument,
  versionContent,
  versionSubject,
} from '../../../repositories/documents.js'
import type { RouteDeps } from '../../deps.js'
import { readableDocument, readableVersion } from '../documents/load.js'
import { readableRound } from '../rounds/load.js'

const idParams = z.object({ id: z.string().max(64) }).strict()
const versionParams = z.object({ id: z.string().max(64), versionId: z.string().max(64) }).strict()

/** eid → contributions that changed it, for a revision. */
export async function sourcesOf(db: Queryable, versionId: string): Promise<Record<string, string[]>> {
  const rows = await db
    .selectFrom('provision_sources')
    .select(['eid', 'contribution_id'])
    .where('version_id', '=', versionId)
    .execute()
  const out: Record<string, string[]> = {}
  for (const r of rows) {
    out[r.eid] ??= []
    out[r.eid]!.push(r.contribution_id)
  }
  return out
}

/** The redline between two versions of a document that the user may read. */
export async function redlineFor(
  db: Queryable,
  documentId: string,
  fromId: string,
  toId: string,
  lang: Lang | undefined,
  user: CurrentUser,
  /** Include unchanged provisions (the whole 'to' text, as the DOCX needs). */
  includeUnchanged = false,
): Promise<RedlineDTO> {
  const loaded = await readableDocument(db, documentId, user)
  const [from, to] = await Promise.all([
    findVersionSummary(db, loaded.document.id, fromId),
    findVersionSummary(db, loaded.document.id, toId),
  ])
  for (const v of [from, to])
    if (!can(user, 'read', versionSubject(v, loaded.subject))) throw notFound('version_not_found')
  const language = lang ?? (loaded.document.working_language as Lang)
  const [a, b, sources] = await Promise.all([
    versionContent(db, from.id),
    versionContent(db, to.id),
    sourcesOf(db, to.id),
  ])
  const changes = diffContents(JSON.parse(a) as DocumentContent, JSON.parse(b) as DocumentContent, language, {
    includeUnchanged,
  }).map((c) => ({
    ...c,
    sources: sources[c.eid] ?? [],
  }))
  return {
    from: { id: from.id, label: JSON.parse(from.label), contentHash: from.content_hash },
    to: { id: to.id, label: JSON.parse(to.label), contentHash: to.content_hash },
    lang: language,
    changes,
    stats: redlineStats(changes),
  }
}

const revisions: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  app.addHook('preHandler', requireUser)
  const db = handle.db

  app.post(
    '/api/documents/:id/revisions',
    {
      schema: {
        tags: ['versions'],
        summary: "Create Rev.N with the round's accepted contributions applied",
        params: idParams,
        body: createRevisionRequest,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const round = await readableRound(db, req.body.roundId, user)
      if (round.document.id !== req.params.id) throw notFound('round_not_found')
      authorize(user, 'create_revision', round.roundSubject)
      const from = await findVersionSummary(db, round.document.id, req.body.fromVersionId)
      const content = await versionContent(db, from.id)
      const result = await inTransaction(handle, user, req.id, (ctx) =>
        revisionCreator({
          ctx,
          dossier: round.dossier,
          document: round.document,
          round: round.round,
          from: { ...from, content },
          label: req.body.label,
        }),
      )
      const summary = await findVersionSummary(db, round.document.id, result.version.id)
      return reply.status(201).send({
        data: {
          versionId: result.version.id,
          seq: summary.seq,
          applied: result.applied,
          skipped: result.skipped,
        },
        policies: policiesFor(user, versionSubject(summary, round.subject), ['read', 'update', 'publish']),
      })
    },
  )

  app.get(
    '/api/documents/:id/versions/:versionId/sources',
    {
      schema: {
        tags: ['versions'],
        summary: 'For a revision: the contributions that changed each provision',
        params: versionParams,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { summary } = await readableVersion(db, req.params.id, req.params.versionId, user)
      return { data: await sourcesOf(db, summary.id), policies: {} }
    },
  )

  app.get(
    '/api/documents/:id/compare',
    {
      schema: {
        tags: ['versions'],
        summary: 'Provision-aligned redline between two versions',
        params: idParams,
        querystring: compareQuery,
      },
    },
    async (req) => ({
      data: await redlineFor(
        db,
        req.params.id,
        req.query.from,
        req.query.to,
        req.query.lang,
        currentUser(req),
      ),
      policies: {},
    }),
  )

  app.get(
    '/api/documents/:id/compare.docx',
    {
      schema: {
        tags: ['versions'],
        summary: 'The redline as DOCX with Word tracked changes (w:ins / w:del)',
        params: idParams,
        querystring: compareQuery,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const redline = await redlineFor(
        db,
        req.params.id,
        req.query.from,
        req.query.to,
        req.query.lang,
        user,
        true,
      )
      const { document } = await loadDocument(db, req.params.id)
      const lang = redline.lang
      const title = pickText(JSON.parse(document.title), lang)
      const label = (l: LocalizedText) => pickText(l, lang)
      const name = `${label(redline.from.label)} - ${label(redline.to.label)}.docx`
      return sendDownload(
        reply,
        redlineDocx(redline, title, lang, { author: user.displayName }),
        DOCX_TYPE,
        name,
      )
    },
  )
}

export default revisions
