/** Positions on a version, the consensus computed from them, and freezing the agreed text. */

import { POSITION_KINDS } from '@core/domain/consensus.js'
import { EID_PATTERN } from '@core/text/model.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { positionRecorder, versionFreezer } from '../../../commands/positions.js'
import { silenceStarter } from '../../../commands/silence.js'
import { type CurrentUser, inTransaction, type Queryable } from '../../../context.js'
import { AppError } from '../../../errors.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { authorize, policiesFor } from '../../../policies/index.js'
import { consensusOf } from '../../../repositories/consensus.js'
import { versionSubject } from '../../../repositories/documents.js'
import type { RouteDeps } from '../../deps.js'
import { readableVersion as readableVersionOf } from '../documents/load.js'

const versionParams = z.object({ id: z.string().max(64), versionId: z.string().max(64) }).strict()
const positionRequest = z
  .object({
    kind: z.enum(POSITION_KINDS),
    provisionEid: z.string().regex(EID_PATTERN).max(200).nullable().optional(),
    text: z.string().max(50_000).nullable().optional(),
  })
  .strict()

/** One character per cell of the consensus matrix (parties × provisions). */
const CELL = {
  no_response: '-',
  agree: 'A',
  agree_ad_referendum: 'R',
  reservation: 'S',
  objection: 'O',
  non_participation: 'N',
} as const

/** The version, with the party delegates who may state positions besides the heads. */
async function readableVersion(db: Queryable, documentId: string, versionId: string, user: CurrentUser) {
  const v = await readableVersionOf(db, documentId, versionId, user)
  const delegates = await db
    .selectFrom('position_delegates')
    .select('user_id')
    .where('organization_id', '=', v.dossier.organization_id)
    .execute()
  const dossier = { ...v.subject.dossier, positionDelegates: new Set(delegates.map((d) => d.user_id)) }
  return { ...v, versionSubject: versionSubject(v.summary, { ...v.subject, dossier }) }
}

const positions: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  app.addHook('preHandler', requireUser)
  const db = handle.db

  app.get(
    '/api/documents/:id/versions/:versionId/positions',
    {
      schema: {
        tags: ['positions'],
        summary: 'The history of positions on a version (append-only)',
        params: versionParams,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const v = await readableVersion(db, req.params.id, req.params.versionId, user)
      const rows = await db
        .selectFrom('position_events')
        .innerJoin('parties', 'parties.id', 'position_events.party_id')
        .leftJoin('users', 'users.id', 'position_events.stated_by')
        .select([
          'position_events.id',
          'parties.code',
          'position_events.is_observer',
          'position_events.provision_eid',
          'position_events.kind',
          'position_events.text',
          'users.display_name',
          'position_events.at',
        ])
        .where('position_events.version_id', '=', v.summary.id)
        .orderBy('position_events.id')
        .execute()
      return {
        data: rows.map((r) => ({
          id: r.id,
          party: r.code,
          isObserver: !!r.is_observer,
          provisionEid: r.provision_eid,
          kind: r.kind,
          text: r.text,
          statedBy: r.display_name,
          at: r.at,
        })),
        policies: policiesFor(user, v.versionSubject, ['state_position', 'freeze']),
      }
    },
  )

  app.post(
    '/api/documents/:id/versions/:versionId/positions',
    {
      schema: {
        tags: ['positions'],
        summary: "State the party's position on the version or one provision",
        params: versionParams,
        body: positionRequest,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const v = await readableVersion(db, req.params.id, req.params.versionId, user)
      authorize(user, 'state_position', { ...v.versionSubject, frozen: false })
      const row = await inTransaction(handle, user, req.id, (ctx) =>
        positionRecorder({ ctx, user, dossier: v.dossier, version: v.summary, input: req.body }),
      )
      return reply.status(201).send({
        data: { id: row.id, kind: row.kind, isObserver: !!row.is_observer, at: row.at },
        policies: {},
      })
    },
  )

  app.get(
    '/api/documents/:id/versions/:versionId/consensus',
    {
      schema: {
        tags: ['positions'],
        summary: 'Agreed or open, for the document and each provision, with the reasons',
        params: versionParams,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const v = await readableVersion(db, req.params.id, req.params.versionId, user)
      const { outcome, parties, provisions, rule } = await consensusOf(db, v.dossier, v.summary.id)
      const { positionOf: _fn, ...plain } = outcome
      const cells = parties
        .map((p) => provisions.map((eid) => CELL[outcome.positionOf(p.code, eid)]).join(''))
        .join('')
      return {
        data: {
          ...plain,
          rule,
          frozenAt: v.summary.frozen_at,
          matrix: {
            parties: parties.map((p) => ({ code: p.code, status: p.status })),
            provisions,
            cells,
            legend: CELL,
          },
        },
        policies: policiesFor(user, v.versionSubject, ['state_position', 'freeze']),
      }
    },
  )

  app.post(
    '/api/documents/:id/versions/:versionId/freeze',
    {
      schema: {
        tags: ['positions'],
        summary: 'Freeze the agreed text ("agreed at expert level")',
        params: versionParams,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const v = await readableVersion(db, req.params.id, req.params.versionId, user)
      authorize(user, 'freeze', { ...v.versionSubject, frozen: false })
      const { outcome } = await consensusOf(db, v.dossier, v.summary.id)
      if (!outcome.agreed) throw new AppError(409, 'not_agreed', {}, { reasons: outcome.reasons })
      const frozenAt = await inTransaction(handle, user, req.id, (ctx) =>
        versionFreezer(ctx, v.dossier, v.summary),
      )
      return {
        data: { frozenAt, contentHash: v.summary.content_hash, signatories: outcome.signatories },
        policies: {},
      }
    },
  )

  const silenceRequest = z
    .object({ deadline: z.iso.datetime({ offset: true }), timezone: z.string().min(1).max(64) })
    .strict()

  app.get(
    '/api/documents/:id/versions/:versionId/silence',
    {
      schema: {
        tags: ['positions'],
        summary: 'Silence procedures on the version, newest first',
        params: versionParams,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const v = await readableVersion(db, req.params.id, req.params.versionId, user)
      const rows = await db
        .selectFrom('silence_procedures')
        .leftJoin('parties', 'parties.id', 'silence_procedures.broken_by')
        .select([
          'silence_procedures.id',
          'silence_procedures.deadline',
          'silence_procedures.timezone',
          'silence_procedures.started_at',
          'silence_procedures.broken_at',
          'parties.code as broken_by',
          'silence_procedures.completed_at',
        ])
        .where('silence_procedures.version_id', '=', v.summary.id)
        .orderBy('silence_procedures.id', 'desc')
        .execute()
      const data = rows.map((r) => ({
        id: r.id,
        deadline: r.deadline,
        timezone: r.timezone,
        startedAt: r.started_at,
        brokenAt: r.broken_at,
        brokenBy: r.broken_by,
        completedAt: r.completed_at,
        state: r.broken_at ? 'broken' : r.completed_at ? 'completed' : 'running',
      }))
      return { data, policies: policiesFor(user, v.versionSubject, ['start_silence']) }
    },
  )

  app.post(
    '/api/documents/:id/versions/:versionId/silence',
    {
      schema: {
        tags: ['positions'],
        summary: 'Start a silence procedure with a deadline',
        params: versionParams,
        body: silenceRequest,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const v = await readableVersion(db, req.params.id, req.params.versionId, user)
      authorize(user, 'start_silence', { ...v.versionSubject, frozen: false })
      const row = await inTransaction(handle, user, req.id, (ctx) =>
        silenceStarter({
          ctx,
          dossier: v.dossier,
          documentTitle: v.document.title,
          version: v.summary,
          deadline: req.body.deadline,
          timezone: req.body.timezone,
        }),
      )
      return reply.status(201).send({
        data: { id: row.id, deadline: row.deadline, timezone: row.timezone, state: 'running' },
        policies: {},
      })
    },
  )
}

export default positions
