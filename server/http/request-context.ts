/**
 * Per-request state: the signed-in user (from the session cookie), the user's language,
 * and the CSRF check for cookie-authenticated writes.
 */

import { isLang, negotiateUiLang, type UiLang } from '@core/i18n/languages.js'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { findSessionUser, SESSION_COOKIE } from '../auth/sessions.js'
import type { Config } from '../config.js'
import type { CurrentUser } from '../context.js'
import type { DbHandle } from '../db/index.js'
import { forbidden, unauthenticated } from '../errors.js'

declare module 'fastify' {
  interface FastifyRequest {
    user: CurrentUser | null
    sessionId: string | null
    csrfToken: string | null
    lang: UiLang
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Resolves the language of messages: the user's, else ?lang=, else Accept-Language. */
export function requestLang(req: FastifyRequest): UiLang {
  if (req.user) return req.user.locale
  const q = (req.query as Record<string, unknown> | undefined)?.lang
  if (isLang(q) && q !== 'tg') return q
  return negotiateUiLang(req.headers['accept-language'])
}

export function registerRequestContext(app: FastifyInstance, config: Config, handle: DbHandle): void {
  app.decorateRequest('user', null)
  app.decorateRequest('sessionId', null)
  app.decorateRequest('csrfToken', null)
  app.decorateRequest('lang', 'ru')

  app.addHook('onRequest', async (req) => {
    if (!req.url.startsWith('/api/')) return
    const token = req.cookies[SESSION_COOKIE]
    if (token) {
      const found = await findSessionUser(handle.db, token, config.SESSION_TTL_HOURS)
      if (found) {
        req.user = found.user
        req.sessionId = found.sessionId
        req.csrfToken = found.csrfToken
      }
    }
    req.lang = requestLang(req)
    if (!SAFE_METHODS.has(req.method) && req.sessionId) {
      // Double-submit defence on top of SameSite=Lax: a cross-site form cannot set this header.
      if (req.headers['x-csrf-token'] !== req.csrfToken) throw forbidden('csrf_token_invalid')
    }
  })
}

/** Route guard: the request must carry a valid session. */
export async function requireUser(req: FastifyRequest, _reply: FastifyReply): Promise<void> {
  if (!req.user) throw unauthenticated()
}

/** The signed-in user (after requireUser). */
export function currentUser(req: FastifyRequest): CurrentUser {
  if (!req.user) throw unauthenticated()
  return req.user
}
