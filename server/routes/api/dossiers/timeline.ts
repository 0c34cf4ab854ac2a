/**
 * The dossier's timeline: the stages of its procedure template in order, the path it took
 * (every move, when and by whom), where it stands, and the moves it may make next with the
 * state of each guard — so that the page shows why a move is blocked before anyone tries.
 */
import type { NextMoveDTO, StageMoveDTO, TimelineDTO, TimelineStageDTO } from '@core/api/procedures.js'
import {
  evaluateGuard,
  failureMessage,
  type GuardCode,
  guardsOf,
  nextStages,
  stageIndex,
  stageOf,
} from '@core/domain/procedure.js'
import { t } from '@core/i18n/index.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { currentUser } from '../../../http/request-context.js'
import { policiesFor } from '../../../policies/index.js'
import { userNames } from '../../../repositories/documents.js'
import { failureNames, guardFacts, templateOfDossier } from '../../../repositories/procedures.js'
import type { RouteDeps } from '../../deps.js'
import { DOSSIER_ACTIONS, readableDossier } from './load.js'

const idParams = z.object({ id: z.string().max(64) }).strict()

const timeline: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  const db = handle.db

  app.get(
    '/api/dossiers/:id/timeline',
    {
      schema: {
        tags: ['dossiers'],
        summary: 'The procedure of the dossier: path taken, current stage, next moves with their guards',
        params: idParams,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { dossier, subject } = await readableDossier(db, req.params.id, user)
      const template = await templateOfDossier(db, dossier)
      const def = template.definition
      const rows = await db
        .selectFrom('stage_moves')
        .selectAll()
        .where('dossier_id', '=', dossier.id)
        .orderBy('at')
        .orderBy('id')
        .execute()
      const names = await userNames(
        db,
        rows.map((r) => r.moved_by),
      )
      const who = (id: string | null) => (id ? { id, displayName: names.get(id) ?? '' } : null)
      const moves: StageMoveDTO[] = rows.map((r) => ({
        id: r.id,
        from: r.from_stage,
        to: r.to_stage,
        at: r.at,
        by: who(r.moved_by),
        note: r.note,
      }))

      const visits = new Map<string, TimelineStageDTO['visits']>()
      let open: TimelineStageDTO['visits'][number] | null = null
      for (const m of moves) {
        if (open) {
          open.leftAt = m.at
          open.leftBy = m.by
        }
        open = { enteredAt: m.at, enteredBy: m.by, leftAt: null, leftBy: null }
        const list = visits.get(m.to) ?? []
        list.push(open)
        visits.set(m.to, list)
      }
      const current = stageIndex(def, dossier.stage)
      const stages: TimelineStageDTO[] = def.stages.map((s, i) => ({
        code: s.code,
        name: s.name,
        kind: s.kind ?? null,
        body: s.body ?? null,
        state:
          s.code === dossier.stage
            ? 'current'
            : visits.has(s.code) || (moves.length === 0 && i < current)
              ? 'done'
              : 'upcoming',
        visits: visits.get(s.code) ?? [],
      }))

      const targets = nextStages(def, dossier.stage)
      const allGuards = [...new Set(targets.flatMap((to) => guardsOf(def, dossier.stage, to)))]
      const facts = allGuards.length ? await guardFacts(db, dossier, def, dossier.stage, allGuards) : null
      const named = allGuards.length ? await failureNames(db, dossier, req.lang) : null
      const evaluated = new Map<GuardCode, ReturnType<typeof evaluateGuard>>()
      for (const g of allGuards) evaluated.set(g, evaluateGuard(def, g, dossier.stage, facts!))
      const next: NextMoveDTO[] = targets.map((to) => {
        const guards = guardsOf(def, dossier.stage, to).map((guard) => {
          const failure = evaluated.get(guard) ?? null
          const message = failure && named ? failureMessage(failure, named) : null
          return {
            guard,
            ok: !failure,
            message: message ? t(req.lang, message.key, message.params) : null,
            failure,
          }
        })
        return {
          to,
          name: stageOf(def, to)?.name ?? { ru: to, en: to },
          backwards: stageIndex(def, to) < current,
          allowed: guards.every((g) => g.ok),
          guards,
        }
      })

      const data: TimelineDTO = {
        dossierId: dossier.id,
        dossierVersion: dossier.version,
        procedure: { code: template.code, name: template.name },
        current: dossier.stage,
        stages,
        moves,
        next,
      }
      return { data, policies: policiesFor(user, subject, DOSSIER_ACTIONS) }
    },
  )
}

export default timeline
