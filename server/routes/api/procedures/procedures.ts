/** Procedures: routes (being built). */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { requireUser } from '../../../http/request-context.js'
import type { RouteDeps } from '../../deps.js'

const procedures: FastifyPluginAsyncZod<RouteDeps> = async (app) => {
  app.addHook('preHandler', requireUser)
}

export default procedures
