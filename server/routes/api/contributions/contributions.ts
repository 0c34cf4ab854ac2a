/** One contribution: read, edit the draft, submit, withdraw, co-sponsor, dispose; "our contributions". */

import {
  contributionListQuery,
  dispositionRequest,
  updateContributionRequest,
  versionOnlyRequest,
} from '@core/api/contribution-requests.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  contributionEditor,
  contributionSubmitter,
  contributionWithdrawer,
  cosponsorSetter,
} from '../../../commands/contributions.js'
import { dispositionRecorder } from '../../../commands/dispositions.js'
import { type CurrentUser, inTransaction } from '../../../context.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { versionFrom } from '../../../http/versioning.js'
import { isId } from '../../../ids.js'
import { decodeCursor, pageOf } from '../../../pagination.js'
import { authorize, policiesFor, type RoundSubject } from '../../../policies/index.js'
import { loadRound } from '../../../repositories/rounds.js'
import type { RouteDeps } from '../../deps.js'
import { CONTRIBUTION_ACTIONS, readableContribution, visibleContributions } from '../rounds/load.js'

const idParams = z.object({ id: z.string().max(64) }).strict()

const contributions: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  app.addHook('preHandler', requireUser)
  const db = handle.db

  async function present(id: string, user: CurrentUser) {
    const loaded = await readableContribution(db, id, user)
    const [data] = await visibleContributions(
      db,
      user,
      [loaded.contribution],
      async () => loaded.roundSubject,
    )
    return { data: data!, policies: policiesFor(user, loaded.contributionSubject, CONTRIBUTION_ACTIONS) }
  }

  app.get(
    '/api/contributions',
    {
      schema: {
        tags: ['contributions'],
        summary: 'Contributions the user may see; party=mine gives "our contributions"',
        querystring: contributionListQuery,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const after = decodeCursor(req.query.cursor)
      const q = req.query
      let query = db.selectFrom('contributions').selectAll()
      if (q.party === 'mine') query = query.where('party_id', '=', user.partyId ?? '')
      else if (q.party) {
        const party = await db
          .selectFrom('parties')
          .select('id')
          .where('code', '=', q.party)
          .executeTakeFirst()
        query = query.where('party_id', '=', party?.id ?? '')
      }
      if (q.roundId && isId(q.roundId)) query = query.where('round_id', '=', q.roundId)
      if (q.documentId && isId(q.documentId)) query = query.where('document_id', '=', q.documentId)
      if (user.secretariatOrgId) {
        const orgId = user.secretariatOrgId
        query = query.where('dossier_id', 'in', (eb) =>
          eb.selectFrom('dossiers').select('id').where('organization_id', '=', orgId),
        )
      } else {
        const partyId = user.partyId ?? ''
        query = query.where('dossier_id', 'in', (eb) =>
          eb.selectFrom('dossier_participants').select('dossier_id').where('party_id', '=', partyId),
        )
      }
      if (after) query = query.where('id', '<', after)
      const rows = await query
        .orderBy('id', 'desc')
        .limit(q.limit + 1)
        .execute()
      const { items, nextCursor } = pageOf(rows, q.limit)
      const subjects = new Map<string, Promise<RoundSubject>>()
      const subjectOf = (roundId: string) => {
        if (!subjects.has(roundId))
          subjects.set(
            roundId,
            loadRound(db, roundId).then((r) => r.roundSubject),
          )
        return subjects.get(roundId)!
      }
      return {
        data: await visibleContributions(db, user, items, subjectOf),
        policies: {},
        page: { nextCursor },
      }
    },
  )

  app.get(
    '/api/contributions/:id',
    { schema: { tags: ['contributions'], summary: 'A contribution', params: idParams } },
    async (req) => present(req.params.id, currentUser(req)),
  )

  app.patch(
    '/api/contributions/:id',
    {
      schema: {
        tags: ['contributions'],
        summary: "Edit the party's draft",
        params: idParams,
        body: updateContributionRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const l = await readableContribution(db, req.params.id, user)
      authorize(user, 'update', l.contributionSubject)
      const input = { ...req.body, version: versionFrom(req) }
      await inTransaction(handle, user, req.id, (ctx) =>
        contributionEditor({ ctx, dossier: l.dossier, round: l.round, contribution: l.contribution, input }),
      )
      return present(l.contribution.id, user)
    },
  )

  app.post(
    '/api/contributions/:id/submit',
    {
      schema: {
        tags: ['contributions'],
        summary: 'Send the draft to the secretariat (head of delegation)',
        params: idParams,
        body: versionOnlyRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const l = await readableContribution(db, req.params.id, user)
      authorize(user, 'submit', l.contributionSubject)
      const version = versionFrom(req)
      await inTransaction(handle, user, req.id, (ctx) =>
        contributionSubmitter({
          ctx,
          dossier: l.dossier,
          round: l.round,
          contribution: l.contribution,
          version,
        }),
      )
      return present(l.contribution.id, user)
    },
  )

  app.post(
    '/api/contributions/:id/withdraw',
    {
      schema: {
        tags: ['contributions'],
        summary: 'Withdraw a contribution not yet disposed of',
        params: idParams,
        body: versionOnlyRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const l = await readableContribution(db, req.params.id, user)
      // Whoever could withdraw it undisposed is told why not (409) rather than refused (403).
      authorize(user, 'withdraw', { ...l.contributionSubject, disposed: false, status: 'submitted' })
      const version = versionFrom(req)
      await inTransaction(handle, user, req.id, (ctx) =>
        contributionWithdrawer({
          ctx,
          dossier: l.dossier,
          round: l.round,
          contribution: l.contribution,
          version,
          disposed: !!l.disposition,
        }),
      )
      return present(l.contribution.id, user)
    },
  )

  for (const join of [true, false]) {
    const method = join ? 'post' : 'delete'
    app[method](
      '/api/contributions/:id/cosponsors',
      {
        schema: {
          tags: ['contributions'],
          summary: join ? "Co-sponsor another party's proposal" : 'Stop co-sponsoring',
          params: idParams,
        },
      },
      async (req) => {
        const user = currentUser(req)
        const l = await readableContribution(db, req.params.id, user)
        authorize(user, 'cosponsor', l.contributionSubject)
        await inTransaction(handle, user, req.id, (ctx) =>
          cosponsorSetter({
            ctx,
            dossier: l.dossier,
            round: l.round,
            contribution: l.contribution,
            partyId: user.partyId!,
            join,
            disposed: !!l.disposition,
          }),
        )
        return present(l.contribution.id, user)
      },
    )
  }

  app.put(
    '/api/contributions/:id/disposition',
    {
      schema: {
        tags: ['contributions'],
        summary: "Record the secretariat's disposition",
        params: idParams,
        body: dispositionRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const l = await readableContribution(db, req.params.id, user)
      authorize(user, 'dispose', l.contributionSubject)
      const input = { ...req.body, version: req.headers['if-match'] ? versionFrom(req) : req.body.version }
      await inTransaction(handle, user, req.id, (ctx) =>
        dispositionRecorder({ ctx, dossier: l.dossier, round: l.round, contribution: l.contribution, input }),
      )
      return present(l.contribution.id, user)
    },
  )
}

export default contributions
