/** Minutes: routes (being built). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireUser } from '../../../http/request-context.js'
import type { RouteDeps } from '../../deps.js'

const minutes: FastifyPluginAsyncZod<RouteDeps> = async (app) => {
  app.addHook('preHandler', requireUser)
}

export default minutes
