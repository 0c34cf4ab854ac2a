/** Liveness and readiness probes for load balancers and orchestrators. */

import { t } from '@core/i18n/index.js'
import type { FastifyPluginAsync } from 'fastify'
import { isMigrated, ping } from '../db/index.js'
import { requestLang } from '../http/request-context.js'
import type { RouteDeps } from './deps.js'

const health: FastifyPluginAsync<RouteDeps> = async (app, { handle }) => {
  app.get('/health', { schema: { hide: true } }, async () => ({ status: 'ok' }))

  let migrated = false
  app.get('/ready', { schema: { hide: true } }, async (req, reply) => {
    try {
      await ping(handle.db)
      migrated ||= await isMigrated(handle)
      if (migrated) return { status: 'ready', database: handle.dialect }
    } catch (err) {
      req.log.warn({ err }, 'readiness check failed')
    }
    return reply
      .status(503)
      .send({ error: { code: 'not_ready', message: t(requestLang(req), 'error.not_ready') } })
  })
}

export default health
