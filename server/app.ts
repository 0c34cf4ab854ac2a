/**
 * Builds the Fastify application: security headers, cookies, rate limit, the request
 * context (session user, language, CSRF), the API routes, OpenAPI, the web app, and the
 * one error handler. A request flows: route (schema-validated) → load → authorize →
 * command (one transaction with its audit entry) → presenter → `{ data, policies }`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import cookie from '@fastify/cookie'
import helmet from '@fastify/helmet'
import rateLimit from '@fastify/rate-limit'
import fastifyStatic from '@fastify/static'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify'
import {
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod'
import type { Config } from './config.js'
import type { DbHandle } from './db/index.js'
import { registerErrorHandler, sendRouteNotFound } from './http/error-handler.js'
import { registerRequestContext } from './http/request-context.js'
import { newId } from './ids.js'
import portal from './portal/routes.js'
import adoptions from './routes/api/adoptions/adoptions.js'
import auth from './routes/api/auth/auth.js'
import brackets from './routes/api/brackets/brackets.js'
import certificates from './routes/api/certificates/certificates.js'
import contributions from './routes/api/contributions/contributions.js'
import documents from './routes/api/documents/documents.js'
import dossiers from './routes/api/dossiers/dossiers.js'
import jobs from './routes/api/jobs/jobs.js'
import media from './routes/api/media/media.js'
import meetings from './routes/api/meetings/meetings.js'
import minutes from './routes/api/minutes/minutes.js'
import news from './routes/api/news/news.js'
import notifications from './routes/api/notifications/notifications.js'
import organizations from './routes/api/organizations/organizations.js'
import positions from './routes/api/positions/positions.js'
import procedures from './routes/api/procedures/procedures.js'
import revisions from './routes/api/revisions/revisions.js'
import rounds from './routes/api/rounds/rounds.js'
import syndication from './routes/api/syndication/syndication.js'
import health from './routes/health.js'

export interface BuildAppOptions {
  config: Config
  handle: DbHandle
  /** Folder of the built web app (index.html); served when it exists. */
  webRoot?: string | null
  /** Pino logger options; false silences (tests). */
  logger?: boolean | object
}

/** Where the built SPA lives, relative to this module whether bundled (dist/server) or not. */
export function defaultWebRoot(): string | null {
  const here = path.dirname(fileURLToPath(import.meta.url))
  for (const candidate of [path.resolve(here, '../web'), path.resolve(here, '../dist/web')]) {
    if (fs.existsSync(path.join(candidate, 'index.html'))) return candidate
  }
  return null
}

/** index.html, re-read when a rebuild replaces it (its asset names change with each build). */
function spaIndex(file: string): () => string {
  let mtime = 0
  let html = ''
  return () => {
    const stat = fs.statSync(file, { throwIfNoEntry: false })
    if (stat && stat.mtimeMs !== mtime) {
      html = fs.readFileSync(file, 'utf8')
      mtime = stat.mtimeMs
    }
    return html
  }
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config, handle } = options
  const app = Fastify({
    logger: options.logger ?? { level: config.LOG_LEVEL },
    bodyLimit: config.BODY_LIMIT,
    trustProxy: config.TRUST_PROXY,
    genReqId: () => newId(),
    requestIdHeader: false,
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>()
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  app.addHook('onSend', async (req, reply) => {
    reply.header('x-request-id', req.id)
  })

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine and the API reference inject style elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        // Only behind TLS: on a plain-HTTP intranet host it would break every asset.
        upgradeInsecureRequests: config.secureCookies ? [] : null,
      },
    },
  })
  await app.register(cookie)
  await app.register(rateLimit, { global: false })
  registerRequestContext(app, config, handle)
  registerErrorHandler(app, config.BODY_LIMIT)

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Concord API',
        version: '0.1.0',
        description: 'Draft, negotiate, agree, adopt and publish multilateral documents. See docs/api.md.',
      },
      components: {
        securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'concord_session' } },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  })
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true })
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger())

  const deps = { handle, config }
  await app.register(health, deps)
  await app.register(auth, deps)
  await app.register(organizations, deps)
  await app.register(dossiers, deps)
  await app.register(documents, deps)
  await app.register(rounds, deps)
  await app.register(contributions, deps)
  await app.register(revisions, deps)
  await app.register(notifications, deps)
  await app.register(positions, deps)
  await app.register(certificates, deps)
  await app.register(brackets, deps)
  await app.register(jobs, deps)
  await app.register(meetings, deps)
  await app.register(minutes, deps)
  await app.register(adoptions, deps)
  await app.register(procedures, deps)
  await app.register(syndication, deps)
  // The public portal (server-rendered, no session); before the web app's static files and fallback.
  await app.register(portal, deps)
  await app.register(news, deps)
  await app.register(media, deps)

  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot
  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      index: false,
      cacheControl: false,
      // Vite names built assets by content hash: they never change, so browsers may keep them.
      setHeaders: (res, file) => {
        res.setHeader(
          'cache-control',
          file.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
        )
      },
    })
  }
  const indexHtml = webRoot ? spaIndex(path.join(webRoot, 'index.html')) : null
  const sendIndex = (reply: FastifyReply) =>
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml!())
  if (indexHtml) app.get('/', { schema: { hide: true } }, (_req, reply) => sendIndex(reply))
  // Client-side routes of the SPA get index.html; unknown API paths get the JSON 404.
  app.setNotFoundHandler((req, reply) => {
    if (
      indexHtml &&
      req.method === 'GET' &&
      !req.url.startsWith('/api/') &&
      !path.extname(req.url.split('?')[0]!)
    ) {
      return sendIndex(reply)
    }
    return sendRouteNotFound(req, reply)
  })
  return app
}
