/** Organizations, their parties (with member / observer status) and bodies. */

import { pageQuery } from '@core/api/requests.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { expertsSubmissionSetter, positionDelegatesSetter } from '../../../commands/organizations.js'
import { inTransaction } from '../../../context.js'
import { forbidden, notFound } from '../../../errors.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { isId } from '../../../ids.js'
import { decodeCursor, pageOf } from '../../../pagination.js'
import { authorize, can, policiesFor } from '../../../policies/index.js'
import { presentBody, presentOrganization, presentParty } from '../../../presenters/organizations.js'
import {
  bodiesOfOrganization,
  findOrganization,
  organizationSubject,
  organizationsOfUser,
  partiesOfOrganization,
} from '../../../repositories/organizations.js'
import type { RouteDeps } from '../../deps.js'

const idParams = z.object({ id: z.string().max(64) }).strict()
const ORG_ACTIONS = ['read', 'create_dossier'] as const

const organizations: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  app.addHook('preHandler', requireUser)

  /** Loads an organization the user may read; one the user may not see is reported as not found. */
  async function readable(id: string, user: ReturnType<typeof currentUser>) {
    const org = await findOrganization(handle.db, id)
    const subject = await organizationSubject(handle.db, org)
    if (!can(user, 'read', subject)) throw notFound('organization_not_found')
    return { org, subject }
  }

  app.get(
    '/api/organizations',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Organizations the user belongs to',
        querystring: pageQuery,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const after = decodeCursor(req.query.cursor)
      const rows = (await organizationsOfUser(handle.db, user)).filter((o) => !after || o.id > after)
      const visible = []
      for (const org of rows) {
        if (can(user, 'read', await organizationSubject(handle.db, org))) visible.push(org)
      }
      const { items, nextCursor } = pageOf(visible, req.query.limit)
      return { data: items.map(presentOrganization), policies: {}, page: { nextCursor } }
    },
  )

  app.get(
    '/api/organizations/:id',
    { schema: { tags: ['organizations'], summary: 'One organization', params: idParams } },
    async (req) => {
      const user = currentUser(req)
      const { org, subject } = await readable(req.params.id, user)
      authorize(user, 'read', subject)
      return { data: presentOrganization(org), policies: policiesFor(user, subject, ORG_ACTIONS) }
    },
  )

  app.get(
    '/api/organizations/:id/parties',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Parties of the organization, with their membership status',
        params: idParams,
        querystring: pageQuery,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { subject } = await readable(req.params.id, user)
      const rows = await partiesOfOrganization(handle.db, subject.id)
      const after = decodeCursor(req.query.cursor)
      const { items, nextCursor } = pageOf(
        rows.filter((r) => !after || r.id > after).sort((a, b) => (a.id < b.id ? -1 : 1)),
        req.query.limit,
      )
      const data = items.map(presentParty).sort((a, b) => a.code.localeCompare(b.code))
      return { data, policies: policiesFor(user, subject, ORG_ACTIONS), page: { nextCursor } }
    },
  )

  app.get(
    '/api/organizations/:id/bodies',
    {
      schema: {
        tags: ['organizations'],
        summary: 'Bodies of the organization',
        params: idParams,
        querystring: pageQuery,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { subject } = await readable(req.params.id, user)
      const after = decodeCursor(req.query.cursor)
      const rows = (await bodiesOfOrganization(handle.db, subject.id))
        .filter((r) => !after || r.id > after)
        .sort((a, b) => (a.id < b.id ? -1 : 1))
      const { items, nextCursor } = pageOf(rows, req.query.limit)
      return {
        data: items.map(presentBody),
        policies: policiesFor(user, subject, ORG_ACTIONS),
        page: { nextCursor },
      }
    },
  )

  app.patch(
    '/api/organizations/:id/parties/:partyId',
    {
      schema: {
        tags: ['organizations'],
        summary: "A party's settings in the organization: may its experts submit contributions themselves",
        params: z.object({ id: z.string().max(64), partyId: z.string().max(64) }).strict(),
        body: z.object({ expertsMaySubmit: z.boolean() }).strict(),
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { org, subject } = await readable(req.params.id, user)
      if (!isId(req.params.partyId) || !subject.partyIds.has(req.params.partyId))
        throw notFound('organization_not_found')
      const own = user.partyId === req.params.partyId && user.roles.includes('head_of_delegation')
      const admin = user.secretariatOrgId === org.id && user.roles.includes('secretariat_admin')
      if (!own && !admin) throw forbidden()
      await inTransaction(handle, user, req.id, (ctx) =>
        expertsSubmissionSetter(ctx, org.id, req.params.partyId, req.body.expertsMaySubmit),
      )
      const rows = await partiesOfOrganization(handle.db, org.id)
      return {
        data: presentParty(rows.find((r) => r.id === req.params.partyId)!),
        policies: policiesFor(user, subject, ORG_ACTIONS),
      }
    },
  )

  const delegatesParams = z.object({ id: z.string().max(64), partyId: z.string().max(64) }).strict()

  async function delegatesOf(orgId: string, partyId: string) {
    return handle.db
      .selectFrom('position_delegates')
      .innerJoin('users', 'users.id', 'position_delegates.user_id')
      .select(['users.id', 'users.display_name', 'users.email'])
      .where('position_delegates.organization_id', '=', orgId)
      .where('position_delegates.party_id', '=', partyId)
      .orderBy('users.display_name')
      .execute()
  }

  app.get(
    '/api/organizations/:id/parties/:partyId/position-delegates',
    {
      schema: {
        tags: ['organizations'],
        summary: "Who, besides the head of delegation, states the party's positions",
        params: delegatesParams,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { org, subject } = await readable(req.params.id, user)
      if (!isId(req.params.partyId) || !subject.partyIds.has(req.params.partyId))
        throw notFound('organization_not_found')
      const rows = await delegatesOf(org.id, req.params.partyId)
      return {
        data: rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email })),
        policies: {},
      }
    },
  )

  app.put(
    '/api/organizations/:id/parties/:partyId/position-delegates',
    {
      schema: {
        tags: ['organizations'],
        summary: "The head of delegation designates who else states the party's positions",
        params: delegatesParams,
        body: z.object({ userIds: z.array(z.string().max(64)).max(50) }).strict(),
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { org, subject } = await readable(req.params.id, user)
      if (!isId(req.params.partyId) || !subject.partyIds.has(req.params.partyId))
        throw notFound('organization_not_found')
      if (!(user.partyId === req.params.partyId && user.roles.includes('head_of_delegation')))
        throw forbidden()
      await inTransaction(handle, user, req.id, (ctx) =>
        positionDelegatesSetter(ctx, org.id, req.params.partyId, req.body.userIds),
      )
      const rows = await delegatesOf(org.id, req.params.partyId)
      return {
        data: rows.map((r) => ({ id: r.id, displayName: r.display_name, email: r.email })),
        policies: {},
      }
    },
  )
}

export default organizations
