/** Comment rounds: opening, changing dates, contributions, dispositions, the consolidated table. */

import { createHash } from 'node:crypto'
import {
  bulkDispositionRequest,
  createContributionRequest,
  createRoundRequest,
  tableQuery,
  updateRoundRequest,
  versionOnlyRequest,
} from '@core/api/contribution-requests.js'
import { pageQuery } from '@core/api/requests.js'
import { t } from '@core/i18n/index.js'
import { canonicalJson } from '@core/text/canonical.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { contributionDrafter } from '../../../commands/contributions.js'
import { dispositionRecorder } from '../../../commands/dispositions.js'
import { dispositionsPublisher, roundOpener, roundUpdater } from '../../../commands/rounds.js'
import { type CurrentUser, inTransaction } from '../../../context.js'
import { assertVersion, notFound } from '../../../errors.js'
import { consolidatedTableDocx } from '../../../exports/docx/consolidated-table.js'
import { consolidatedTablePdf } from '../../../exports/pdf/consolidated-table.js'
import { ByteLru } from '../../../http/byte-lru.js'
import { DOCX_TYPE, PDF_TYPE, sendDownload } from '../../../http/download.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { versionFrom } from '../../../http/versioning.js'
import { isId } from '../../../ids.js'
import { decodeCursor, pageOf } from '../../../pagination.js'
import { authorize, can, policiesFor } from '../../../policies/index.js'
import { presentContribution } from '../../../presenters/contributions.js'
import { loadDocument } from '../../../repositories/documents.js'
import { contributionSubject, roundState, withDetails } from '../../../repositories/rounds.js'
import type { RouteDeps } from '../../deps.js'
import {
  CONTRIBUTION_ACTIONS,
  consolidatedTable,
  ROUND_ACTIONS,
  readableRound,
  roundDTO,
  visibleContributions,
} from './load.js'

const idParams = z.object({ id: z.string().max(64) }).strict()

const rounds: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  app.addHook('preHandler', requireUser)
  const db = handle.db

  async function presentRoundFor(id: string, user: CurrentUser) {
    const loaded = await readableRound(db, id, user)
    return {
      data: await roundDTO(db, loaded.round),
      policies: policiesFor(user, loaded.roundSubject, ROUND_ACTIONS),
    }
  }

  app.get(
    '/api/documents/:id/rounds',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Comment rounds of a document, newest first',
        params: idParams,
        querystring: pageQuery,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const loaded = await loadDocument(db, req.params.id)
      if (!can(user, 'read', loaded.subject)) throw notFound('document_not_found')
      const after = decodeCursor(req.query.cursor)
      const rows = await db
        .selectFrom('comment_rounds')
        .selectAll()
        .where('document_id', '=', loaded.document.id)
        .$if(!!after, (q) => q.where('id', '<', after!))
        .orderBy('id', 'desc')
        .limit(req.query.limit + 1)
        .execute()
      const { items, nextCursor } = pageOf(rows, req.query.limit)
      return {
        data: await Promise.all(items.map((r) => roundDTO(db, r))),
        policies: policiesFor(user, loaded.subject, ['open_round']),
        page: { nextCursor },
      }
    },
  )

  app.post(
    '/api/documents/:id/rounds',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Open a round of comments and proposals',
        params: idParams,
        body: createRoundRequest,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { document, dossier, participants, subject } = await loadDocument(db, req.params.id)
      if (!can(user, 'read', subject)) throw notFound('document_not_found')
      authorize(user, 'open_round', subject)
      const round = await inTransaction(handle, user, req.id, (ctx) =>
        roundOpener({ ctx, dossier, document, participants, input: req.body }),
      )
      return reply.status(201).send(await presentRoundFor(round.id, user))
    },
  )

  app.get(
    '/api/rounds/:id',
    { schema: { tags: ['rounds'], summary: 'A comment round', params: idParams } },
    async (req) => presentRoundFor(req.params.id, currentUser(req)),
  )

  app.patch(
    '/api/rounds/:id',
    {
      schema: {
        tags: ['rounds'],
        summary: 'Extend, reopen or correct a round',
        params: idParams,
        body: updateRoundRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { round, dossier, roundSubject } = await readableRound(db, req.params.id, user)
      authorize(user, 'update', roundSubject)
      const input = { ...req.body, version: versionFrom(req) }
      await inTransaction(handle, user, req.id, (ctx) => roundUpdater({ ctx, dossier, round, input }))
      return presentRoundFor(round.id, user)
    },
  )

  app.post(
    '/api/rounds/:id/publish-dispositions',
    {
      schema: {
        tags: ['rounds'],
        summary: "Publish the secretariat's dispositions to the parties",
        params: idParams,
        body: versionOnlyRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { round, dossier, document, participants, roundSubject } = await readableRound(
        db,
        req.params.id,
        user,
      )
      authorize(user, 'publish_dispositions', roundSubject)
      const expected = versionFrom(req)
      assertVersion(round.version, expected)
      await inTransaction(handle, user, req.id, (ctx) =>
        dispositionsPublisher(ctx, dossier, document, round, participants),
      )
      return presentRoundFor(round.id, user)
    },
  )

  app.get(
    '/api/rounds/:id/contributions',
    {
      schema: {
        tags: ['contributions'],
        summary: 'Contributions of a round the user may see',
        params: idParams,
        querystring: pageQuery,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const loaded = await readableRound(db, req.params.id, user)
      const after = decodeCursor(req.query.cursor)
      const rows = await db
        .selectFrom('contributions')
        .selectAll()
        .where('round_id', '=', loaded.round.id)
        .$if(!!after, (q) => q.where('id', '>', after!))
        .orderBy('id')
        .limit(req.query.limit + 1)
        .execute()
      const { items, nextCursor } = pageOf(rows, req.query.limit)
      const data = await visibleContributions(db, user, items, async () => loaded.roundSubject)
      return { data, policies: policiesFor(user, loaded.roundSubject, ROUND_ACTIONS), page: { nextCursor } }
    },
  )

  app.post(
    '/api/rounds/:id/contributions',
    {
      schema: {
        tags: ['contributions'],
        summary: 'Draft or submit a comment or proposal',
        params: idParams,
        body: createContributionRequest,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { round, dossier, document, roundSubject } = await readableRound(db, req.params.id, user)
      authorize(user, 'contribute', roundSubject)
      const row = await inTransaction(handle, user, req.id, (ctx) =>
        contributionDrafter({
          ctx,
          user,
          dossier,
          document,
          round,
          maySubmit: can(user, 'submit', roundSubject),
          input: req.body,
        }),
      )
      const details = await withDetails(db, [row])
      const subject = contributionSubject(row, false, roundSubject)
      return reply.status(201).send({
        data: presentContribution(row, details, false, roundSubject.dispositionsPublished),
        policies: policiesFor(user, subject, CONTRIBUTION_ACTIONS),
      })
    },
  )

  app.post(
    '/api/rounds/:id/dispositions',
    {
      schema: {
        tags: ['contributions'],
        summary: 'Dispose of several contributions at once (all or nothing)',
        params: idParams,
        body: bulkDispositionRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { round, dossier, roundSubject } = await readableRound(db, req.params.id, user)
      authorize(user, 'dispose', roundSubject)
      const ids = req.body.items.map((i) => i.contributionId)
      await inTransaction(handle, user, req.id, async (ctx) => {
        for (const item of req.body.items) {
          const contribution = isId(item.contributionId)
            ? await ctx.trx
                .selectFrom('contributions')
                .selectAll()
                .where('id', '=', item.contributionId)
                .where('round_id', '=', round.id)
                .executeTakeFirst()
            : undefined
          if (!contribution) throw notFound('contribution_not_found')
          const existing = await ctx.trx
            .selectFrom('dispositions')
            .select('version')
            .where('contribution_id', '=', contribution.id)
            .executeTakeFirst()
          await dispositionRecorder({
            ctx,
            dossier,
            round,
            contribution,
            input: { ...item, version: existing?.version },
          })
        }
      })
      const rows = await db.selectFrom('contributions').selectAll().where('id', 'in', ids).execute()
      return {
        data: await visibleContributions(db, user, rows, async () => roundSubject),
        policies: policiesFor(user, roundSubject, ROUND_ACTIONS),
      }
    },
  )

  // The table of a round is the same for every viewer of a kind until the round changes:
  // built once per (round, change count, viewer kind, filters) and kept as bytes.
  const tableCache = new ByteLru(128 * 1024 * 1024, 64 * 1024 * 1024)
  app.get(
    '/api/rounds/:id/table',
    {
      schema: {
        tags: ['rounds'],
        summary: 'The consolidated table of comments and proposals (JSON)',
        params: idParams,
        querystring: tableQuery,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const loaded = await readableRound(db, req.params.id, user)
      const { round, roundSubject } = loaded
      const policies = JSON.stringify(policiesFor(user, roundSubject, ROUND_ACTIONS))
      const viewer = `${user.partyId ?? `sec:${user.secretariatOrgId}`}:${can(user, 'read_dispositions', roundSubject)}`
      const key = `${round.id}:${round.changes}:${round.version}:${roundState(round)}:${viewer}:${canonicalJson(req.query)}:${policies}`
      let cached = tableCache.get(key)
      if (!cached) {
        const { table } = await consolidatedTable(db, loaded, user, req.query)
        const body = Buffer.from(`{"data":${JSON.stringify(table)},"policies":${policies}}`, 'utf8')
        cached = { body, etag: `"t-${createHash('sha256').update(key).digest('hex').slice(0, 24)}"` }
        tableCache.set(key, cached)
      }
      reply.header('etag', cached.etag).header('cache-control', 'private, no-cache')
      if (req.headers['if-none-match'] === cached.etag) return reply.status(304).send()
      return reply.type('application/json; charset=utf-8').send(cached.body)
    },
  )

  for (const format of ['docx', 'pdf'] as const) {
    app.get(
      `/api/rounds/:id/table.${format}`,
      {
        schema: {
          tags: ['rounds'],
          summary: `The consolidated table as ${format.toUpperCase()} (same filters as the JSON)`,
          params: idParams,
          querystring: tableQuery,
        },
      },
      async (req, reply) => {
        const user = currentUser(req)
        const loaded = await readableRound(db, req.params.id, user)
        const { table } = await consolidatedTable(db, loaded, user, req.query)
        const headings = table.lang === 'en' ? 'en' : 'ru'
        const name = `${t(headings, 'export.table.title')} ${loaded.dossier.reference}.${format}`
        if (format === 'docx')
          return sendDownload(reply, consolidatedTableDocx(table, headings), DOCX_TYPE, name)
        return sendDownload(reply, await consolidatedTablePdf(table, headings), PDF_TYPE, name)
      },
    )
  }
}

export default rounds
