/** Sign-in, sign-out and the signed-in user. */

import { loginRequest, updateMeRequest } from '@core/api/requests.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { verifyPassword } from '../../../auth/passwords.js'
import { SESSION_COOKIE } from '../../../auth/sessions.js'
import { localeSetter, sessionEnder, sessionStarter } from '../../../commands/users.js'
import { inTransaction } from '../../../context.js'
import { invalidCredentials } from '../../../errors.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { versionFrom } from '../../../http/versioning.js'
import { presentMe } from '../../../presenters/users.js'
import type { RouteDeps } from '../../deps.js'

const auth: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle, config }) => {
  app.post(
    '/api/auth/login',
    {
      schema: { tags: ['auth'], summary: 'Sign in with e-mail and password', body: loginRequest },
      config: { rateLimit: { max: config.LOGIN_RATE_LIMIT, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const user = await handle.db
        .selectFrom('users')
        .selectAll()
        .where('email', '=', req.body.email)
        .executeTakeFirst()
      const ok = await verifyPassword(user && !user.disabled ? user.password_hash : null, req.body.password)
      if (!user || !ok) throw invalidCredentials()
      const session = await inTransaction(handle, null, req.id, (ctx) =>
        sessionStarter(ctx, user, config.SESSION_TTL_HOURS, {
          ip: req.ip ?? null,
          userAgent: req.headers['user-agent'] ?? null,
        }),
      )
      reply.setCookie(SESSION_COOKIE, session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'lax',
        secure: config.secureCookies,
        maxAge: config.SESSION_TTL_HOURS * 3600,
      })
      const me = {
        id: user.id,
        email: user.email,
        displayName: user.display_name,
        locale: user.locale,
        partyId: user.party_id,
        secretariatOrgId: user.secretariat_org_id,
        roles: JSON.parse(user.roles),
        version: user.version,
      }
      return { data: await presentMe(handle.db, me), policies: {}, csrfToken: session.csrfToken }
    },
  )

  app.post(
    '/api/auth/logout',
    {
      schema: { tags: ['auth'], summary: 'Sign out; the session is invalidated on the server' },
      preHandler: requireUser,
    },
    async (req, reply) => {
      const sessionId = req.sessionId!
      await inTransaction(handle, req.user, req.id, (ctx) => sessionEnder(ctx, sessionId))
      reply.clearCookie(SESSION_COOKIE, { path: '/' })
      return reply.status(204).send()
    },
  )

  app.get(
    '/api/me',
    {
      schema: { tags: ['auth'], summary: 'The signed-in user, their party or secretariat, roles' },
      preHandler: requireUser,
    },
    async (req) => {
      const user = currentUser(req)
      return { data: await presentMe(handle.db, user), policies: {}, csrfToken: req.csrfToken }
    },
  )

  app.patch(
    '/api/me',
    {
      schema: { tags: ['auth'], summary: "Change the user's interface language", body: updateMeRequest },
      preHandler: requireUser,
    },
    async (req) => {
      const user = currentUser(req)
      const updated = await inTransaction(handle, user, req.id, (ctx) =>
        localeSetter(ctx, user, versionFrom(req), req.body.locale),
      )
      return { data: await presentMe(handle.db, updated), policies: {}, csrfToken: req.csrfToken }
    },
  )
}

export default auth
