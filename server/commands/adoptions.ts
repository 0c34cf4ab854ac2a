/**
 * Commands on the decisions of councils (adoption): recording a decision on a dossier with
 * the texts adopted, the signatories and the special opinions; recording the date of
 * signature later; adding a special opinion. The record's SHA-256 covers all of it and is
 * recomputed, in the same transaction, by every change.
 */

import type { CreateAdoptionRequest } from '@core/api/minutes.js'
import { adoptionHash } from '@core/domain/minutes.js'
import { t } from '@core/i18n/index.js'
import { type Lang, type LocalizedText, pickText } from '@core/i18n/languages.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { AdoptionRow, DossierRow } from '../db/types.js'
import { AppError, assertVersion } from '../errors.js'
import { isId, newId } from '../ids.js'
import {
  participatingMembers,
  recordInputOf,
  type StoredText,
  specialOpinionsOf,
} from '../repositories/adoptions.js'
import { consensusOf } from '../repositories/consensus.js'
import { participantsOf } from '../repositories/dossiers.js'
import { parseLocalized, positionsOnVersion } from '../repositories/minutes.js'
import { notifier, recipientsOf } from './notifications.js'
import { updateVersioned } from './optimistic.js'

export const adoptionBodyInvalid = () => new AppError(422, 'adoption_body_invalid')
export const adoptionMeetingInvalid = () => new AppError(422, 'adoption_meeting_invalid')
export const signedBeforeDecision = () => new AppError(422, 'signed_before_decision')
export const partyNotParticipating = (codes: string[]) =>
  new AppError(422, 'party_not_participating', { codes: codes.join(', ') }, { codes })
export const specialOpinionExists = () => new AppError(409, 'special_opinion_exists')
export const textsNotFrozen = (documents: { id: string; title: string }[]) =>
  new AppError(
    409,
    'texts_not_frozen',
    { documents: documents.map((d) => `«${d.title}»`).join(', ') },
    { documents: documents.map((d) => d.id) },
  )

/** The languages the prefilled special opinions are written in. */
const OPINION_LANGUAGES: readonly Lang[] = ['ru', 'en']

interface AdoptedText extends StoredText {
  title: LocalizedText
  label: LocalizedText
}

/**
 * The texts a decision adopts: for each document of the dossier, its latest circulated
 * version, which must be frozen as agreed; 409 `texts_not_frozen` names those that are not.
 */
async function adoptedTexts(ctx: CommandContext, dossier: DossierRow): Promise<AdoptedText[]> {
  const documents = await ctx.trx
    .selectFrom('documents')
    .select(['id', 'title'])
    .where('dossier_id', '=', dossier.id)
    .orderBy('position')
    .orderBy('id')
    .execute()
  const texts: AdoptedText[] = []
  const notFrozen: { id: string; title: string }[] = []
  for (const d of documents) {
    const latest = await ctx.trx
      .selectFrom('versions')
      .select(['id', 'label', 'content_hash', 'frozen_at'])
      .where('document_id', '=', d.id)
      .where('status', '=', 'published')
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst()
    const title = parseLocalized(d.title)
    if (!latest?.frozen_at) {
      notFrozen.push({ id: d.id, title: pickText(title, ctx.actor?.locale ?? 'ru') })
      continue
    }
    texts.push({
      documentId: d.id,
      versionId: latest.id,
      contentHash: latest.content_hash,
      title,
      label: parseLocalized(latest.label),
    })
  }
  if (notFrozen.length || texts.length === 0) throw textsNotFrozen(notFrozen)
  return texts
}

/**
 * Special opinions prefilled from the reservations recorded on the frozen texts: one per
 * member, naming the text (and the provision) each reservation was made on. A reservation
 * does not block; it is attached to the adopted text as a special opinion.
 */
async function prefilledOpinions(
  ctx: CommandContext,
  dossier: DossierRow,
  texts: AdoptedText[],
  members: Set<string>,
): Promise<Map<string, LocalizedText>> {
  const lines = new Map<string, Record<string, string[]>>()
  for (const text of texts) {
    const positions = await positionsOnVersion(ctx.trx, dossier, text.versionId)
    for (const r of positions.reservations) {
      if (!members.has(r.party)) continue
      const perLang = lines.get(r.party) ?? {}
      for (const lang of OPINION_LANGUAGES) {
        const params = {
          title: pickText(text.title, lang),
          label: pickText(text.label, lang),
          provision: r.provision ?? '',
          text: r.text ?? t(lang, 'adoption.opinion.noText'),
        }
        const line = t(
          lang,
          r.provision === null ? 'adoption.opinion.prefill' : 'adoption.opinion.prefillOn',
          params,
        )
        perLang[lang] = [...(perLang[lang] ?? []), line]
      }
      lines.set(r.party, perLang)
    }
  }
  const out = new Map<string, LocalizedText>()
  for (const [party, perLang] of lines) {
    const text: LocalizedText = {}
    for (const lang of OPINION_LANGUAGES) if (perLang[lang]?.length) text[lang] = perLang[lang]!.join('\n')
    out.set(party, text)
  }
  return out
}

/** Members that declared non-participation in every text adopted: they do not sign by default. */
async function standingAside(
  ctx: CommandContext,
  dossier: DossierRow,
  texts: AdoptedText[],
): Promise<Set<string>> {
  let aside: Set<string> | undefined
  for (const text of texts) {
    const { outcome } = await consensusOf(ctx.trx, dossier, text.versionId)
    const here = new Set<string>(outcome.nonParticipating)
    aside = aside ? new Set<string>([...aside].filter((c) => here.has(c))) : here
  }
  return aside ?? new Set<string>()
}

async function updateAdoptionRow(
  ctx: CommandContext,
  row: AdoptionRow,
  set: Partial<AdoptionRow>,
): Promise<AdoptionRow> {
  const version = await updateVersioned(ctx.trx, 'adoptions', row.id, row.version, set)
  return { ...row, ...set, version }
}

/** Recomputes the record's hash from what is stored now (after a change in this transaction). */
async function rehash(ctx: CommandContext, row: AdoptionRow, dossier: DossierRow): Promise<string> {
  return adoptionHash(await recordInputOf(ctx.trx, row, dossier))
}

export interface AdoptionRecorderProps {
  ctx: CommandContext
  dossier: DossierRow
  input: CreateAdoptionRequest
}

/**
 * Records a decision of a council on a dossier: the body (of the dossier's organization),
 * optionally the meeting (of that body), the decision and its date, the date of signature
 * if known, the signatories (default: every participating member but those that stood aside
 * from every text; never observers), the texts adopted (each document's latest circulated
 * version, frozen) and the special opinions prefilled from the reservations on those texts.
 * Notifies the parties taking part and the secretariat (`adopted`).
 */
export async function adoptionRecorder({ ctx, dossier, input }: AdoptionRecorderProps): Promise<AdoptionRow> {
  const { trx } = ctx
  const body = isId(input.bodyId)
    ? await trx
        .selectFrom('bodies')
        .select(['id', 'code', 'name'])
        .where('id', '=', input.bodyId)
        .where('organization_id', '=', dossier.organization_id)
        .executeTakeFirst()
    : undefined
  if (!body) throw adoptionBodyInvalid()
  if (input.meetingId) {
    const meeting = isId(input.meetingId)
      ? await trx
          .selectFrom('meetings')
          .select(['id'])
          .where('id', '=', input.meetingId)
          .where('organization_id', '=', dossier.organization_id)
          .where('body_id', '=', body.id)
          .executeTakeFirst()
      : undefined
    if (!meeting) throw adoptionMeetingInvalid()
  }
  const signedOn = input.signedOn ?? null
  if (signedOn && signedOn < input.decidedOn) throw signedBeforeDecision()

  const members = await participatingMembers(trx, dossier.id)
  const memberCodes = new Set(members.map((m) => m.code))
  let signatories: string[]
  if (input.signatories) {
    const unknown = [...new Set(input.signatories)].filter((c) => !memberCodes.has(c))
    if (unknown.length) throw partyNotParticipating(unknown)
    signatories = [...new Set(input.signatories)].sort()
  }
  const texts = await adoptedTexts(ctx, dossier)
  if (!input.signatories) {
    const aside = await standingAside(ctx, dossier, texts)
    signatories = [...memberCodes].filter((c) => !aside.has(c)).sort()
  }
  const opinions = await prefilledOpinions(ctx, dossier, texts, memberCodes)

  const now = ctx.clock()
  const stored: StoredText[] = texts.map((x) => ({
    documentId: x.documentId,
    versionId: x.versionId,
    contentHash: x.contentHash,
  }))
  const row: AdoptionRow = {
    id: newId(),
    dossier_id: dossier.id,
    body_id: body.id,
    meeting_id: input.meetingId ?? null,
    decision: input.decision,
    decided_on: input.decidedOn,
    signed_on: signedOn,
    signatories: JSON.stringify(signatories!),
    texts: JSON.stringify(stored),
    content_hash: '',
    recorded_by: ctx.actor?.id ?? null,
    created_at: now,
    version: 1,
  }
  await trx.insertInto('adoptions').values(row).execute()
  const partyIds = new Map(members.map((m) => [m.code, m.party_id]))
  for (const [party, text] of opinions) {
    await trx
      .insertInto('special_opinions')
      .values({
        id: newId(),
        adoption_id: row.id,
        party_id: partyIds.get(party)!,
        text: JSON.stringify(text),
        created_by: ctx.actor?.id ?? null,
        created_at: now,
      })
      .execute()
  }
  row.content_hash = await rehash(ctx, row, dossier)
  await trx
    .updateTable('adoptions')
    .set({ content_hash: row.content_hash })
    .where('id', '=', row.id)
    .execute()

  await appendAudit(ctx, {
    action: 'adoption.record',
    subjectType: 'adoption',
    subjectId: row.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: {
      bodyId: body.id,
      decision: row.decision,
      decidedOn: row.decided_on,
      signedOn,
      meetingId: row.meeting_id,
      signatories: signatories!,
      texts: stored,
      specialOpinions: [...opinions.keys()].sort(),
      contentHash: row.content_hash,
    },
  })

  const participants = await participantsOf(trx, [dossier.id])
  const users = new Set(
    await recipientsOf(
      trx,
      participants.map((p) => p.party_id),
      dossier.organization_id,
    ),
  )
  if (ctx.actor) users.delete(ctx.actor.id)
  await notifier(ctx, [...users], {
    kind: 'adopted',
    params: {
      body: parseLocalized(body.name),
      decision: row.decision,
      reference: dossier.reference,
      dossier: parseLocalized(dossier.title),
    },
    link: `/dossiers/${dossier.id}`,
    dedupeKey: `adopted:${row.id}`,
  })
  return row
}

export interface AdoptionUpdaterProps {
  ctx: CommandContext
  adoption: AdoptionRow
  dossier: DossierRow
  /** The date of signature (or null to clear it), with the version the client read. */
  input: { version: number; signedOn: string | null }
}

/** Records (or corrects) the date of signature, which is never before the decision. */
export async function adoptionUpdater({
  ctx,
  adoption,
  dossier,
  input,
}: AdoptionUpdaterProps): Promise<AdoptionRow> {
  assertVersion(adoption.version, input.version)
  if (input.signedOn && input.signedOn < adoption.decided_on) throw signedBeforeDecision()
  const changed = { ...adoption, signed_on: input.signedOn }
  const hash = await rehash(ctx, changed, dossier)
  const row = await updateAdoptionRow(ctx, adoption, { signed_on: input.signedOn, content_hash: hash })
  await appendAudit(ctx, {
    action: 'adoption.update',
    subjectType: 'adoption',
    subjectId: adoption.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { signedOn: { from: adoption.signed_on, to: input.signedOn }, contentHash: hash },
  })
  return row
}

export interface SpecialOpinionAdderProps {
  ctx: CommandContext
  adoption: AdoptionRow
  dossier: DossierRow
  /** Party code: a participating member of the dossier. */
  party: string
  text: LocalizedText
  /** The version of the record the client read, when it sends one. */
  version?: number | undefined
}

/** Adds a member's special opinion to the record (one per member); the record's hash follows. */
export async function specialOpinionAdder({
  ctx,
  adoption,
  dossier,
  party,
  text,
  version,
}: SpecialOpinionAdderProps): Promise<AdoptionRow> {
  if (version !== undefined) assertVersion(adoption.version, version)
  const member = (await participatingMembers(ctx.trx, dossier.id)).find((m) => m.code === party)
  if (!member) throw partyNotParticipating([party])
  const existing = await specialOpinionsOf(ctx.trx, [adoption.id])
  if (existing.some((o) => o.party_id === member.party_id)) throw specialOpinionExists()
  const now = ctx.clock()
  // A concurrent request for the same party loses on the unique key, not with a 500.
  const inserted = await ctx.trx
    .insertInto('special_opinions')
    .values({
      id: newId(),
      adoption_id: adoption.id,
      party_id: member.party_id,
      text: JSON.stringify(text),
      created_by: ctx.actor?.id ?? null,
      created_at: now,
    })
    .onConflict((oc) => oc.columns(['adoption_id', 'party_id']).doNothing())
    .executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) !== 1) throw specialOpinionExists()
  const hash = await rehash(ctx, adoption, dossier)
  const row = await updateAdoptionRow(ctx, adoption, { content_hash: hash })
  await appendAudit(ctx, {
    action: 'adoption.special_opinion',
    subjectType: 'adoption',
    subjectId: adoption.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: { party, text, contentHash: hash },
  })
  return row
}
