/**
 * Decisions of councils on a dossier (adoption): recorded by the secretariat with the texts
 * adopted, the signatories and the special opinions; the date of signature recorded later;
 * special opinions added by a member's head of delegation or the secretariat; the depositary
 * copy as PDF. Everyone who may read the dossier reads its decisions.
 */
import {
  ADOPTION_ACTIONS,
  createAdoptionRequest,
  createSpecialOpinionRequest,
  minutesExportQuery,
  updateAdoptionRequest,
} from '@core/api/minutes.js'
import { t } from '@core/i18n/index.js'
import { type Lang, pickText } from '@core/i18n/languages.js'
import type { DocumentContent } from '@core/text/model.js'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { adoptionRecorder, adoptionUpdater, specialOpinionAdder } from '../../../commands/adoptions.js'
import { type CurrentUser, inTransaction, type Queryable } from '../../../context.js'
import type { AdoptionRow } from '../../../db/types.js'
import { forbidden } from '../../../errors.js'
import { type DepositaryInput, depositaryPdf } from '../../../exports/depositary/pdf.js'
import { PDF_TYPE, sendDownload } from '../../../http/download.js'
import { currentUser, requireUser } from '../../../http/request-context.js'
import { versionFrom } from '../../../http/versioning.js'
import { authorize, can, policiesFor } from '../../../policies/index.js'
import { presentAdoption } from '../../../presenters/minutes.js'
import {
  adoptionNotFound,
  adoptionRelations,
  adoptionSubject,
  adoptionsOfDossier,
  findAdoption,
  participatingMembers,
  type StoredText,
} from '../../../repositories/adoptions.js'
import { findDossier, loadDossierSubject } from '../../../repositories/dossiers.js'
import { parseLocalized } from '../../../repositories/minutes.js'
import type { RouteDeps } from '../../deps.js'
import { readableDossier } from '../dossiers/load.js'

const idParams = z.object({ id: z.string().max(64) }).strict()

/** An adoption the user may read (need-to-know through its dossier: 404 otherwise). */
async function readableAdoption(db: Queryable, id: string, user: CurrentUser) {
  const row = await findAdoption(db, id)
  const dossier = await findDossier(db, row.dossier_id)
  const [dossierSubj, members] = await Promise.all([
    loadDossierSubject(db, dossier),
    participatingMembers(db, dossier.id),
  ])
  const subject = adoptionSubject(row.id, dossierSubj, members)
  if (!can(user, 'read', subject)) throw adoptionNotFound()
  return { row, dossier, subject, members }
}

const adoptions: FastifyPluginAsyncZod<RouteDeps> = async (app, { handle }) => {
  app.addHook('preHandler', requireUser)
  const db = handle.db

  async function present(row: AdoptionRow, reference: string, user: CurrentUser) {
    const { subject } = await readableAdoption(db, row.id, user)
    const rel = await adoptionRelations(db, [row])
    return {
      data: presentAdoption(row, reference, rel),
      policies: policiesFor(user, subject, ADOPTION_ACTIONS),
    }
  }

  app.get(
    '/api/dossiers/:id/adoptions',
    {
      schema: {
        tags: ['adoptions'],
        summary: 'Decisions of councils on the dossier, oldest first',
        params: idParams,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { dossier, subject } = await readableDossier(db, req.params.id, user)
      const [rows, members] = await Promise.all([
        adoptionsOfDossier(db, dossier.id),
        participatingMembers(db, dossier.id),
      ])
      const rel = await adoptionRelations(db, rows)
      return {
        data: rows.map((r) => ({
          ...presentAdoption(r, dossier.reference, rel),
          policies: policiesFor(user, adoptionSubject(r.id, subject, members), ADOPTION_ACTIONS),
        })),
        policies: { record: can(user, 'record_adoption', subject) },
      }
    },
  )

  app.post(
    '/api/dossiers/:id/adoptions',
    {
      schema: {
        tags: ['adoptions'],
        summary: 'Record a decision of a council on the dossier (secretariat)',
        params: idParams,
        body: createAdoptionRequest,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { dossier, subject } = await readableDossier(db, req.params.id, user)
      authorize(user, 'record_adoption', subject)
      const row = await inTransaction(handle, user, req.id, (ctx) =>
        adoptionRecorder({ ctx, dossier, input: req.body }),
      )
      return reply.status(201).send(await present(row, dossier.reference, user))
    },
  )

  app.get(
    '/api/adoptions/:id',
    { schema: { tags: ['adoptions'], summary: 'A decision of a council', params: idParams } },
    async (req) => {
      const user = currentUser(req)
      const { row, dossier } = await readableAdoption(db, req.params.id, user)
      return present(row, dossier.reference, user)
    },
  )

  app.patch(
    '/api/adoptions/:id',
    {
      schema: {
        tags: ['adoptions'],
        summary: 'Record the date of signature (secretariat)',
        params: idParams,
        body: updateAdoptionRequest,
      },
    },
    async (req) => {
      const user = currentUser(req)
      const { row, dossier, subject } = await readableAdoption(db, req.params.id, user)
      authorize(user, 'update', subject)
      const version = versionFrom(req)
      const next = await inTransaction(handle, user, req.id, (ctx) =>
        adoptionUpdater({ ctx, adoption: row, dossier, input: { version, signedOn: req.body.signedOn } }),
      )
      return present(next, dossier.reference, user)
    },
  )

  app.post(
    '/api/adoptions/:id/special-opinions',
    {
      schema: {
        tags: ['adoptions'],
        summary: "Add a member's special opinion (its head of delegation, or the secretariat)",
        params: idParams,
        body: createSpecialOpinionRequest,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { row, dossier, subject, members } = await readableAdoption(db, req.params.id, user)
      authorize(user, 'add_special_opinion', subject)
      // A head of delegation speaks for their own State only.
      if (!can(user, 'update', subject)) {
        const own = members.find((m) => m.party_id === user.partyId)
        if (!own || own.code !== req.body.party) throw forbidden()
      }
      const next = await inTransaction(handle, user, req.id, (ctx) =>
        specialOpinionAdder({
          ctx,
          adoption: row,
          dossier,
          party: req.body.party,
          text: req.body.text,
          version: req.body.version ?? (req.headers['if-match'] ? versionFrom(req) : undefined),
        }),
      )
      return reply.status(201).send(await present(next, dossier.reference, user))
    },
  )

  app.get(
    '/api/adoptions/:id/depositary.pdf',
    {
      schema: {
        tags: ['adoptions'],
        summary: 'The depositary copy (certified copy) of the decision and the texts adopted, as PDF',
        params: idParams,
        querystring: minutesExportQuery,
      },
    },
    async (req, reply) => {
      const user = currentUser(req)
      const { row, dossier } = await readableAdoption(db, req.params.id, user)
      const lang: Lang = req.query.lang ?? req.lang
      const rel = await adoptionRelations(db, [row])
      const dto = presentAdoption(row, dossier.reference, rel)
      const stored = JSON.parse(row.texts) as StoredText[]
      const [org, contents] = await Promise.all([
        db
          .selectFrom('organizations')
          .select(['name', 'secretariat_name'])
          .where('id', '=', dossier.organization_id)
          .executeTakeFirstOrThrow(),
        stored.length
          ? db
              .selectFrom('versions')
              .select(['id', 'content'])
              .where(
                'id',
                'in',
                stored.map((x) => x.versionId),
              )
              .execute()
          : [],
      ])
      const contentOf = new Map(contents.map((c) => [c.id, JSON.parse(c.content) as DocumentContent]))
      const input: DepositaryInput = {
        organization: {
          name: parseLocalized(org.name),
          secretariatName: parseLocalized(org.secretariat_name),
        },
        dossier: { reference: dossier.reference, title: parseLocalized(dossier.title) },
        body: { name: dto.body.name },
        decision: dto.decision,
        decidedOn: dto.decidedOn,
        signedOn: dto.signedOn,
        meeting: dto.meeting,
        signatories: dto.signatories,
        specialOpinions: dto.specialOpinions.map((o) => ({ party: o.party, text: o.text })),
        recordHash: row.content_hash,
        texts: dto.texts.map((x) => ({
          title: x.title,
          label: x.label,
          contentHash: x.contentHash,
          frozenAt: x.frozenAt,
          content: contentOf.get(x.versionId)!,
        })),
        generatedAt: new Date().toISOString(),
      }
      const bytes = await depositaryPdf(input, lang)
      const name = [
        t(lang, 'depositary.fileName'),
        dossier.reference,
        pickText(dto.body.name, lang),
        row.decided_on,
      ]
        .join(' - ')
        .replace(/[\p{Cc}<>:"/\\|?*]+/gu, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 120)
      return sendDownload(reply, bytes, PDF_TYPE, `${name}.pdf`)
    },
  )
}

export default adoptions
