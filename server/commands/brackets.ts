/** Square brackets: put on a working draft; backed and resolved on a circulated version. */

import type { Lang } from '@core/i18n/languages.js'
import { bracketsOf, insertBracket } from '@core/text/brackets.js'
import type { DocumentContent } from '@core/text/model.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { DossierRow } from '../db/types.js'
import { AppError, conflict, validationFailed } from '../errors.js'
import { newId } from '../ids.js'
import { contentWithBrackets } from '../repositories/brackets.js'
import type { VersionSummaryRow } from '../repositories/documents.js'
import { versionEditor } from './documents.js'
import { versionFrozen } from './positions.js'

export const bracketNotFound = () => new AppError(404, 'bracket_not_found')
export const bracketResolved = () => new AppError(409, 'bracket_resolved')

export interface BracketInserterProps {
  ctx: CommandContext
  dossier: DossierRow
  version: VersionSummaryRow
  content: string
  input: {
    eid: string
    language: Lang
    start: number
    end: number
    alternatives: { text: string; backers: string[] }[]
  }
}

/** The secretariat puts a span of a working draft in brackets with two or more alternatives. */
export async function bracketInserter({ ctx, dossier, version, content, input }: BracketInserterProps) {
  if (version.status !== 'draft') throw conflict('version_immutable')
  const base = JSON.parse(content) as DocumentContent
  const id = `b${bracketsOf(base).length + 1}-${newId().slice(-6)}`
  let next: DocumentContent
  try {
    next = insertBracket(
      base,
      { eid: input.eid, lang: input.language, start: input.start, end: input.end },
      { id, alternatives: input.alternatives },
    )
  } catch {
    throw validationFailed([
      { path: 'body.start', message: 'the span must lie in the plain text of the provision' },
    ])
  }
  await versionEditor({ ctx, dossier, version, input: { version: version.version, content: next } })
  return id
}

interface OnBracket {
  ctx: CommandContext
  dossier: DossierRow
  version: VersionSummaryRow
  content: string
  bracketId: string
}

async function currentBracket(p: OnBracket) {
  if (p.version.frozen_at) throw versionFrozen()
  const state = await contentWithBrackets(p.ctx.trx, p.version.id, p.content)
  const found = bracketsOf(state).find((b) => b.run.id === p.bracketId)
  if (!found) throw bracketNotFound()
  if (found.run.resolved) throw bracketResolved()
  return found.run
}

/** A party backs one alternative (moving its backing from any other). */
export async function bracketBacker(p: OnBracket & { partyId: string; alternative: number }) {
  const run = await currentBracket(p)
  if (p.alternative < 0 || p.alternative >= run.alternatives.length) {
    throw validationFailed([{ path: 'body.alternative', message: `0 to ${run.alternatives.length - 1}` }])
  }
  await p.ctx.trx
    .insertInto('bracket_events')
    .values({
      id: newId(),
      version_id: p.version.id,
      bracket_id: p.bracketId,
      kind: 'back',
      party_id: p.partyId,
      alternative: p.alternative,
      text: null,
      agreed_by: null,
      by_user: p.ctx.actor?.id ?? null,
      at: p.ctx.clock(),
    })
    .execute()
  await appendAudit(p.ctx, {
    action: 'bracket.back',
    subjectType: 'version',
    subjectId: p.version.id,
    organizationId: p.dossier.organization_id,
    dossierId: p.dossier.id,
    change: { bracketId: p.bracketId, alternative: p.alternative },
  })
}

/**
 * The secretariat resolves a bracket with one alternative or new wording, recording who
 * agreed (by default, the parties backing the chosen alternative).
 */
export async function bracketResolver(
  p: OnBracket & {
    alternative?: number | undefined
    text?: string | undefined
    agreedBy?: string[] | undefined
  },
) {
  const run = await currentBracket(p)
  const chosen = p.alternative === undefined ? undefined : run.alternatives[p.alternative]
  if (p.alternative !== undefined && !chosen)
    throw validationFailed([{ path: 'body.alternative', message: 'no such alternative' }])
  const text = p.text?.trim() ?? chosen?.text
  if (text === undefined)
    throw validationFailed([{ path: 'body.text', message: 'an alternative or new wording is required' }])
  const agreedBy = p.agreedBy ?? chosen?.backers ?? []
  await p.ctx.trx
    .insertInto('bracket_events')
    .values({
      id: newId(),
      version_id: p.version.id,
      bracket_id: p.bracketId,
      kind: 'resolve',
      party_id: null,
      alternative: p.alternative ?? null,
      text,
      agreed_by: JSON.stringify(agreedBy),
      by_user: p.ctx.actor?.id ?? null,
      at: p.ctx.clock(),
    })
    .execute()
  await appendAudit(p.ctx, {
    action: 'bracket.resolve',
    subjectType: 'version',
    subjectId: p.version.id,
    organizationId: p.dossier.organization_id,
    dossierId: p.dossier.id,
    change: { bracketId: p.bracketId, text, agreedBy },
  })
}
