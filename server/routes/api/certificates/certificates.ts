/**
 * The certificate of agreement of a frozen version (PDF), the Word text of a version (DOCX)
 * with its canonical content embedded, and the verification of a copy of a text against the
 * agreed versions (POST /api/verify). See docs/certificate.md.
 */

import { t } from '@core/i18n/index.js'
import { LANGUAGES, type Lang, pickText } from '@core/i18n/languages.js'
import type { DocumentContent } from '@core/text/model.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { CurrentUser, Queryable } from '../../../context.js'
import { AppError } from '../../../errors.js'
import { versionTextDocx } from '../../../exports/docx/version-text.js'
import { agreementCertificatePdf } from '../../../exports/pdf/certificate.js'
import { DOCX_TYPE, PDF_TYPE, sendDownload } from '../../../http/download.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { can } from '../../../policies/index.js'
import {
  type LoadedDocument,
  loadDocument,
  versionContent,
  versionSubject,
} from '../../../repositories/documents.js'
import { type AgreedVersion, canonicalHashOf, findAgreed } from '../../../verify/index.js'
import type { RouteDeps } from '../../deps.js'
import { readableVersion as readableVersionOf } from '../documents/load.js'
import { certificateInputFor } from './certificate-input.js'

const versionParams = z.object({ id: z.string().max(64), versionId: z.string().max(64) }).strict()
const langQuery = z.object({ lang: z.enum(LANGUAGES).optional() }).strict()

export const versionNotFrozen = () => new AppError(409, 'version_not_frozen')
export const verifyUnreadable = (details?: Record<string, unknown>) =>
  new AppError(422, 'verify_unreadable', {}, details)

/** Content types POST /api/verify accepts, each read as raw bytes. */
export const VERIFY_CONTENT_TYPES = ['application/json', 'application/octet-stream', DOCX_TYPE] as const

async function readableVersion(db: Queryable, documentId: string, versionId: string, user: CurrentUser) {
  const { summary, ...loaded } = await readableVersionOf(db, documentId, versionId, user)
  return { loaded, summary }
}

/** A file name without what file systems refuse, and not too long. */
function fileName(parts: string[], ext: string): string {
  const base = parts
    .filter(Boolean)
    .join(' - ')
    .replace(/[\p{Cc}<>:"/\\|?*]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return `${base.length > 120 ? `${base.slice(0, 119)}…` : base || 'concord'}.${ext}`
}

/** The agreed versions with this hash that the user may read. */
async function readableMatches(db: Queryable, user: CurrentUser, hash: string): Promise<AgreedVersion[]> {
  const found = await findAgreed(db, hash)
  const documents = new Map<string, LoadedDocument | null>()
  const out: AgreedVersion[] = []
  for (const match of found) {
    let loaded = documents.get(match.documentId)
    if (loaded === undefined) {
      loaded = await loadDocument(db, match.documentId).catch(() => null)
      documents.set(match.documentId, loaded)
    }
    if (!loaded) continue
    if (can(user, 'read', versionSubject({ id: match.versionId, status: match.status }, loaded.subject)))
      out.push(match)
  }
  return out
}

const certificates: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle, config }) => {
  app.addHook('preHandler', requireUser)
  const db = handle.db

  app.get(
    '/api/documents/:id/versions/:versionId/certificate.pdf',
    {
      schema: {
        tags: ['versions'],
        summary: 'The certificate of agreement of a frozen version (PDF)',
        params: versionParams,
        querystring: langQuery,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { loaded, summary } = await readableVersion(db, req.params.id, req.params.versionId, user)
      if (!summary.frozen_at) throw versionNotFrozen()
      const lang: Lang = req.query.lang ?? req.lang
      const input = await certificateInputFor(db, loaded, summary, {
        verifyUrl: `${config.PUBLIC_URL.replace(/\/+$/, '')}/verify`,
        now: new Date().toISOString(),
      })
      const bytes = await agreementCertificatePdf(input, lang)
      const name = fileName(
        [
          t(lang, 'certificate.fileName'),
          loaded.dossier.reference,
          pickText(JSON.parse(summary.label), lang),
        ],
        'pdf',
      )
      return sendDownload(reply, bytes, PDF_TYPE, name)
    },
  )

  app.get(
    '/api/documents/:id/versions/:versionId/text.docx',
    {
      schema: {
        tags: ['versions'],
        summary: "The version's text as DOCX, with its canonical content embedded (verifiable)",
        params: versionParams,
        querystring: langQuery,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { loaded, summary } = await readableVersion(db, req.params.id, req.params.versionId, user)
      const content = JSON.parse(await versionContent(db, summary.id)) as DocumentContent
      const lang: Lang =
        req.query.lang ??
        (content.languages.includes(loaded.document.working_language as Lang)
          ? (loaded.document.working_language as Lang)
          : (content.languages[0] ?? 'ru'))
      const title = pickText(JSON.parse(loaded.document.title), lang)
      const label = pickText(JSON.parse(summary.label), lang)
      const bytes = versionTextDocx(
        content,
        {
          title,
          label,
          contentHash: summary.content_hash,
          frozenAt: summary.frozen_at,
          reference: loaded.dossier.reference,
        },
        lang,
      )
      return sendDownload(reply, bytes, DOCX_TYPE, fileName([title, label], 'docx'))
    },
  )

  // The verification takes the file itself as the body: only these content types, read as
  // bytes, in a context of their own so that the JSON parser of every other route stays as
  // it is. Anything else is 415.
  await app.register(async (raw) => {
    raw.removeAllContentTypeParsers()
    raw.addContentTypeParser(
      [...VERIFY_CONTENT_TYPES],
      { parseAs: 'buffer', bodyLimit: config.BODY_LIMIT },
      (_req, body, done) => done(null, body),
    )
    raw.post(
      '/api/verify',
      {
        schema: {
          tags: ['versions'],
          summary:
            'Verify a copy of a text (canonical JSON or the DOCX export): its SHA-256 and the agreed versions it matches',
        },
      },
      async (req) => {
        const user = currentUser(req)
        const body = req.body
        if (!Buffer.isBuffer(body) || body.length === 0) throw verifyUnreadable()
        const result = canonicalHashOf(new Uint8Array(body.buffer, body.byteOffset, body.byteLength))
        if (result.kind === 'unknown' || result.hash === null)
          throw verifyUnreadable({ kind: result.kind, problems: result.problems.map((p) => p.code) })
        const matches = await readableMatches(db, user, result.hash)
        return {
          data: {
            kind: result.kind,
            hash: result.hash,
            ok: result.ok,
            agreed: result.ok && matches.length > 0,
            problems: result.problems.map((p) => ({
              code: p.code,
              message: t(req.lang, `verify.problem.${p.code}`, p.params),
              ...(p.params ? { params: p.params } : {}),
              ...(p.details ? { details: p.details } : {}),
            })),
            matches: matches.map((m) => ({
              documentId: m.documentId,
              versionId: m.versionId,
              title: m.title,
              label: m.label,
              reference: m.reference,
              frozenAt: m.frozenAt,
            })),
          },
          policies: {},
        }
      },
    )
  })
}

export default certificates
