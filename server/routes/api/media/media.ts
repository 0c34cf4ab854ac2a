/**
 * Images of the newsroom: upload (the raw body, at most 10 MiB; JPEG, PNG or WebP decided from
 * the content, anything else 415 `media_type_refused`), kept with renditions 320, 800 and
 * 1600 px wide; read by the organization's secretariat, and by anyone once a published item
 * shows the image (the portal serves public images under its own paths too).
 */
import type { Readable } from 'node:stream'
import { MEDIA_LIMIT, type MEDIA_RENDITIONS, mediaUploadQuery } from '@core/api/news.js'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { mediaUploader } from '../../../commands/media.js'
import { inTransaction } from '../../../context.js'
import { AppError, forbidden, notFound } from '../../../errors.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { displayFilename, processImage } from '../../../media/images.js'
import { authorize, can } from '../../../policies/index.js'
import { presentMedia } from '../../../presenters/news.js'
import {
  findMedia,
  isPublicMedia,
  mediaNotFound,
  mediaSubject,
  renditionsOf,
} from '../../../repositories/news.js'
import { findOrganization, organizationSubject } from '../../../repositories/organizations.js'
import type { RouteDeps } from '../../deps.js'

const idParams = z.object({ id: z.string().max(64) }).strict()
const renditionParams = z
  .object({
    id: z.string().max(64),
    rendition: z.enum(['w320', 'w800', 'w1600', 'original'] as const satisfies readonly (
      | keyof typeof MEDIA_RENDITIONS
      | 'original'
    )[]),
  })
  .strict()

const tooLarge = () => new AppError(413, 'payload_too_large', { limit: MEDIA_LIMIT })

/** Reads a raw body up to the limit; a larger one is 413 before more than the limit is read. */
function readLimited(stream: Readable, declared: number): Promise<Buffer> {
  if (declared > MEDIA_LIMIT) return Promise.reject(tooLarge())
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > MEDIA_LIMIT) {
        stream.removeListener('data', onData)
        stream.resume()
        reject(tooLarge())
        return
      }
      chunks.push(chunk)
    }
    stream.on('data', onData)
    stream.once('end', () => resolve(Buffer.concat(chunks)))
    stream.once('error', reject)
  })
}

const media: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  const db = handle.db

  // Uploads arrive as the raw body whatever the Content-Type says (the content decides), in a
  // context of their own so that JSON stays the rule everywhere else.
  const upload: FastifyPluginAsyncZod = async (raw) => {
    raw.removeAllContentTypeParsers()
    raw.addContentTypeParser('*', (req: FastifyRequest, payload: Readable) =>
      readLimited(payload, Number(req.headers['content-length'] ?? 0)),
    )
    raw.addHook('preHandler', requireUser)
    raw.post(
      '/api/media',
      {
        schema: {
          tags: ['news'],
          summary:
            'Upload an image (raw body; JPEG, PNG or WebP; at most 10 MiB); renditions 320, 800, 1600 px',
          querystring: mediaUploadQuery,
        },
      },
      async (req, reply) => {
        const user = currentUser(req)
        const orgId = req.query.organizationId ?? user.secretariatOrgId
        if (!orgId) throw forbidden()
        const org = await findOrganization(db, orgId)
        const subject = await organizationSubject(db, org)
        if (!can(user, 'read', subject)) throw notFound('organization_not_found')
        authorize(user, 'write_news', subject)
        const bytes = req.body
        if (!Buffer.isBuffer(bytes) || bytes.length === 0) throw new AppError(415, 'media_type_refused')
        const image = await processImage(bytes)
        const filename = displayFilename(req.query.filename, image.mediaType)
        const row = await inTransaction(handle, user, req.id, (ctx) =>
          mediaUploader({ ctx, organizationId: org.id, filename, bytes, image }),
        )
        const info = await findMedia(db, row.id)
        return reply
          .status(201)
          .send({ data: presentMedia(info, await renditionsOf(db, [row.id])), policies: {} })
      },
    )
  }
  await app.register(upload)

  app.get(
    '/api/media/:id',
    {
      preHandler: requireUser,
      schema: { tags: ['news'], summary: 'An image of the newsroom with its renditions', params: idParams },
    },
    async (req) => {
      const user = currentUser(req)
      const info = await findMedia(db, req.params.id)
      if (!can(user, 'read', mediaSubject(info))) throw mediaNotFound()
      return { data: presentMedia(info, await renditionsOf(db, [info.id])), policies: {} }
    },
  )

  app.get(
    '/api/media/:id/:rendition',
    {
      schema: {
        tags: ['news'],
        summary:
          'The image (`original`, or a rendition w320, w800, w1600): for its newsroom, or anyone once a published item shows it',
        params: renditionParams,
      },
    },
    async (req, reply) => {
      const info = await findMedia(db, req.params.id)
      const newsroom = !!req.user && can(req.user, 'read', mediaSubject(info))
      const visible = newsroom || (await isPublicMedia(db, info.id))
      if (!visible) throw mediaNotFound()
      const { rendition } = req.params
      const row =
        rendition === 'original'
          ? await db
              .selectFrom('media')
              .select(['content', 'media_type'])
              .where('id', '=', info.id)
              .executeTakeFirst()
          : await db
              .selectFrom('media_renditions')
              .select(['content', 'media_type'])
              .where('media_id', '=', info.id)
              .where('name', '=', rendition)
              .executeTakeFirst()
      if (!row) throw mediaNotFound()
      const bytes = Buffer.isBuffer(row.content) ? row.content : Buffer.from(row.content as Uint8Array)
      // An image's bytes never change under its id: cache it, privately while it is the newsroom's.
      return reply
        .type(row.media_type)
        .header('cache-control', newsroom ? 'private, max-age=3600' : 'public, max-age=86400')
        .header('x-content-type-options', 'nosniff')
        .send(bytes)
    },
  )
}

export default media
