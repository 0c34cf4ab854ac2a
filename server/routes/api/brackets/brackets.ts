/** Brackets of a version: list with their current state, put (on drafts), back, resolve. */

import { LANGUAGES } from '@core/i18n/languages.js'
import { bracketsOf } from '@core/text/brackets.js'
import { EID_PATTERN } from '@core/text/model.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { bracketBacker, bracketInserter, bracketResolver } from '../../../commands/brackets.js'
import { type CurrentUser, inTransaction, type Queryable } from '../../../context.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { authorize, policiesFor } from '../../../policies/index.js'
import { contentWithBrackets } from '../../../repositories/brackets.js'
import { versionContent } from '../../../repositories/documents.js'
import type { RouteDeps } from '../../deps.js'
import { readableVersion } from '../documents/load.js'

const versionParams = z.object({ id: z.string().max(64), versionId: z.string().max(64) }).strict()
const bracketParams = versionParams.extend({ bracketId: z.string().max(80) }).strict()
const alternative = z
  .object({
    text: z.string().max(5000),
    backers: z
      .array(z.string().regex(/^[A-Z]{3}$/))
      .max(500)
      .default([]),
  })
  .strict()

async function readable(db: Queryable, documentId: string, versionId: string, user: CurrentUser) {
  const v = await readableVersion(db, documentId, versionId, user)
  return { ...v, content: await versionContent(db, v.summary.id) }
}

const brackets: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  app.addHook('preHandler', requireUser)
  const db = handle.db
  const ACTIONS = ['update', 'back_bracket', 'resolve_bracket'] as const

  async function list(documentId: string, versionId: string, user: CurrentUser) {
    const v = await readable(db, documentId, versionId, user)
    const state = await contentWithBrackets(db, v.summary.id, v.content)
    const data = bracketsOf(state).map((b) => ({ eid: b.eid, language: b.lang, ...b.run }))
    return {
      data,
      policies: policiesFor(user, v.versionSubject, ACTIONS),
      open: data.filter((b) => !b.resolved).length,
    }
  }

  app.get(
    '/api/documents/:id/versions/:versionId/brackets',
    {
      schema: {
        tags: ['brackets'],
        summary: 'Brackets with their alternatives, backers and resolutions',
        params: versionParams,
      },
    },
    async (req) => list(req.params.id, req.params.versionId, currentUser(req)),
  )

  app.post(
    '/api/documents/:id/versions/:versionId/brackets',
    {
      schema: {
        tags: ['brackets'],
        summary: 'Put a span of a working draft in brackets (two or more alternatives)',
        params: versionParams,
        body: z
          .object({
            eid: z.string().regex(EID_PATTERN),
            language: z.enum(LANGUAGES),
            start: z.number().int().nonnegative(),
            end: z.number().int().positive(),
            alternatives: z.array(alternative).min(2).max(10),
          })
          .strict(),
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const v = await readable(db, req.params.id, req.params.versionId, user)
      authorize(user, 'create_version', v.subject)
      const id = await inTransaction(handle, user, req.id, (ctx) =>
        bracketInserter({ ctx, dossier: v.dossier, version: v.summary, content: v.content, input: req.body }),
      )
      const all = await list(req.params.id, req.params.versionId, user)
      return reply.status(201).send({ ...all, created: id })
    },
  )

  app.post(
    '/api/documents/:id/versions/:versionId/brackets/:bracketId/back',
    {
      schema: {
        tags: ['brackets'],
        summary: 'Back one alternative for the party',
        params: bracketParams,
        body: z.object({ alternative: z.number().int().nonnegative() }).strict(),
      },
    },
    async (req) => {
      const user = currentUser(req)
      const v = await readable(db, req.params.id, req.params.versionId, user)
      authorize(user, 'back_bracket', { ...v.versionSubject, frozen: false })
      await inTransaction(handle, user, req.id, (ctx) =>
        bracketBacker({
          ctx,
          dossier: v.dossier,
          version: v.summary,
          content: v.content,
          bracketId: req.params.bracketId,
          partyId: user.partyId!,
          alternative: req.body.alternative,
        }),
      )
      return list(req.params.id, req.params.versionId, user)
    },
  )

  app.post(
    '/api/documents/:id/versions/:versionId/brackets/:bracketId/resolve',
    {
      schema: {
        tags: ['brackets'],
        summary: 'Resolve with one alternative or new wording, recording who agreed',
        params: bracketParams,
        body: z
          .object({
            alternative: z.number().int().nonnegative().optional(),
            text: z.string().max(5000).optional(),
            agreedBy: z
              .array(z.string().regex(/^[A-Z]{3}$/))
              .max(500)
              .optional(),
          })
          .strict(),
      },
    },
    async (req) => {
      const user = currentUser(req)
      const v = await readable(db, req.params.id, req.params.versionId, user)
      authorize(user, 'resolve_bracket', { ...v.versionSubject, frozen: false })
      await inTransaction(handle, user, req.id, (ctx) =>
        bracketResolver({
          ctx,
          dossier: v.dossier,
          version: v.summary,
          content: v.content,
          bracketId: req.params.bracketId,
          ...req.body,
        }),
      )
      return list(req.params.id, req.params.versionId, user)
    },
  )
}

export default brackets
