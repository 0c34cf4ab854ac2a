/**
 * The one error handler: every failure leaves as `{ error: { code, message, details } }`
 * with a stable code and a message in the user's language. The cause of a 5xx is logged
 * with the request id and never sent to the client.
 */

import { t } from '@core/i18n/index.js'
import type { UiLang } from '@core/i18n/languages.js'
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'
import { AppError, validationFailed } from '../errors.js'
import { requestLang } from './request-context.js'

function fromFastify(error: FastifyError, bodyLimit: number): AppError | null {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const fields = error.validation.map((v) => {
      const params = v.params as { keys?: string[] }
      const segments = v.instancePath.split('/').filter(Boolean)
      const base = [error.validationContext ?? 'body', ...segments].join('.')
      // An unknown field is named itself, not only its parent object.
      if (v.keyword === 'unrecognized_keys' && params.keys?.length) {
        return {
          path: params.keys.map((k) => `${base}.${k}`).join(', '),
          message: v.message ?? 'unrecognized key',
        }
      }
      return { path: base, message: v.message ?? 'invalid' }
    })
    return validationFailed(fields)
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(413, 'payload_too_large', { limit: bodyLimit })
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type')
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError(400, 'invalid_json')
  }
  // Two writers raced past the same uniqueness check (a slug, a reference): the database's
  // unique constraint kept the data whole; the loser is told to try again.
  if (isUniqueViolation(error)) return new AppError(409, 'concurrent_change')
  if (error.statusCode === 400 && error instanceof SyntaxError) return new AppError(400, 'invalid_json')
  if (error.statusCode === 429) {
    const seconds = Math.ceil(Number((error as { ttl?: number }).ttl ?? 60000) / 1000)
    return new AppError(429, 'rate_limited', { seconds })
  }
  return null
}

/** A unique constraint refused a write: SQLite's SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY, PostgreSQL's 23505. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505'
}

/** A parameter written `i18n:<key>` is itself translated (stage names, roles...). */
function translateParams(
  lang: UiLang,
  params: Record<string, string | number>,
): Record<string, string | number> {
  const out: Record<string, string | number> = {}
  for (const [k, v] of Object.entries(params)) {
    out[k] = typeof v === 'string' && v.startsWith('i18n:') ? t(lang, v.slice(5)) : v
  }
  return out
}

export function registerErrorHandler(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error: FastifyError, req, reply) => {
    const known = error instanceof AppError ? error : fromFastify(error, bodyLimit)
    const lang = requestLang(req)
    if (!known) {
      req.log.error({ err: error, requestId: req.id }, 'unhandled error')
      return reply.status(500).send({
        error: { code: 'internal_error', message: t(lang, 'error.internal_error', { requestId: req.id }) },
      })
    }
    if (known.status >= 500) req.log.error({ err: error, requestId: req.id }, known.code)
    const body: { code: string; message: string; details?: Record<string, unknown> } = {
      code: known.code,
      message: [
        t(lang, `error.${known.code}`, translateParams(lang, known.params)),
        ...(known.parts ?? []).map((part) => t(lang, part.key, part.params)),
      ].join(' '),
    }
    if (known.details) body.details = known.details
    return reply.status(known.status).send({ error: body })
  })
}

/** The JSON 404 for an unknown route, in the user's language. */
export function sendRouteNotFound(req: FastifyRequest, reply: FastifyReply) {
  return reply
    .status(404)
    .send({ error: { code: 'route_not_found', message: t(requestLang(req), 'error.route_not_found') } })
}
