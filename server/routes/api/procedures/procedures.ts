/**
 * Procedure templates of an organization: read by everyone in it (the established order is
 * no secret), edited and added by its secretariat's administrator.
 */
import {
  createProcedureRequest,
  type ProcedureTemplateDTO,
  updateProcedureRequest,
} from '@core/api/procedures.js'
import { shippedTemplate } from '@core/domain/procedure-templates.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import {
  procedureNotFound,
  procedureTemplateCreator,
  procedureTemplateUpdater,
} from '../../../commands/procedures.js'
import { type CurrentUser, inTransaction } from '../../../context.js'
import type { OrganizationRow } from '../../../db/types.js'
import { notFound } from '../../../errors.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { versionFrom } from '../../../http/versioning.js'
import { authorize, can, policiesFor } from '../../../policies/index.js'
import { userNames } from '../../../repositories/documents.js'
import { findOrganization, organizationSubject } from '../../../repositories/organizations.js'
import {
  dossiersPerStage,
  type OrganizationTemplate,
  templateOf,
  templatesOf,
} from '../../../repositories/procedures.js'
import type { RouteDeps } from '../../deps.js'
import './policy.js'

const idParams = z.object({ id: z.string().max(64) }).strict()
const codeParams = z.object({ id: z.string().max(64), code: z.string().max(40) }).strict()
const ACTIONS = ['read', 'manage_procedures'] as const

function present(
  org: OrganizationRow,
  t: OrganizationTemplate,
  perStage: Map<string, Record<string, number>>,
  names: Map<string, string>,
): ProcedureTemplateDTO {
  const by = t.row?.updated_by ?? null
  return {
    id: t.row?.id ?? null,
    code: t.code,
    name: t.name,
    definition: t.definition,
    isDefault: org.procedure === t.code,
    shipped: !!shippedTemplate(t.code),
    dossiersPerStage: perStage.get(t.code) ?? {},
    updatedAt: t.row?.updated_at ?? null,
    updatedBy: by ? { id: by, displayName: names.get(by) ?? '' } : null,
    // A shipped template not installed yet is installed at version 1 by its first change.
    version: t.row?.version ?? 1,
  }
}

const procedures: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  app.addHook('preHandler', requireUser)
  const db = handle.db

  async function readable(id: string, user: CurrentUser) {
    const org = await findOrganization(db, id)
    const subject = await organizationSubject(db, org)
    if (!can(user, 'read', subject)) throw notFound('organization_not_found')
    return { org, subject }
  }

  async function presentOne(org: OrganizationRow, code: string) {
    const t = await templateOf(db, org.id, code)
    if (!t) throw procedureNotFound()
    const names = await userNames(db, [t.row?.updated_by ?? null])
    return present(org, t, await dossiersPerStage(db, org.id), names)
  }

  app.get(
    '/api/organizations/:id/procedures',
    {
      schema: {
        tags: ['procedures'],
        summary: "The organization's procedure templates",
        params: idParams,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { org, subject } = await readable(req.params.id, user)
      const list = await templatesOf(db, org.id)
      const [perStage, names] = await Promise.all([
        dossiersPerStage(db, org.id),
        userNames(
          db,
          list.map((t) => t.row?.updated_by ?? null),
        ),
      ])
      return {
        data: list.map((t) => present(org, t, perStage, names)),
        policies: policiesFor(user, subject, ACTIONS),
      }
    },
  )

  app.post(
    '/api/organizations/:id/procedures',
    {
      schema: {
        tags: ['procedures'],
        summary: 'Add a template (its definition, or a copy of another template)',
        params: idParams,
        body: createProcedureRequest,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { org, subject } = await readable(req.params.id, user)
      authorize(user, 'manage_procedures', subject)
      const row = await inTransaction(handle, user, req.id, (ctx) =>
        procedureTemplateCreator({ ctx, organization: org, input: req.body }),
      )
      return reply
        .status(201)
        .send({ data: await presentOne(org, row.code), policies: policiesFor(user, subject, ACTIONS) })
    },
  )

  app.get(
    '/api/organizations/:id/procedures/:code',
    {
      schema: { tags: ['procedures'], summary: 'One procedure template', params: codeParams },
    },
    async (req) => {
      const user = currentUser(req)
      const { org, subject } = await readable(req.params.id, user)
      return { data: await presentOne(org, req.params.code), policies: policiesFor(user, subject, ACTIONS) }
    },
  )

  app.put(
    '/api/organizations/:id/procedures/:code',
    {
      schema: {
        tags: ['procedures'],
        summary: "Replace a template's stages, moves and guards (optimistic version)",
        params: codeParams,
        body: updateProcedureRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { org, subject } = await readable(req.params.id, user)
      authorize(user, 'manage_procedures', subject)
      const input = { ...req.body, version: versionFrom(req) }
      await inTransaction(handle, user, req.id, (ctx) =>
        procedureTemplateUpdater({ ctx, organization: org, code: req.params.code, input }),
      )
      return { data: await presentOne(org, req.params.code), policies: policiesFor(user, subject, ACTIONS) }
    },
  )
}

export default procedures
