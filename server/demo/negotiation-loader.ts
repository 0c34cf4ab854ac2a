/**
 * Replays the demo's comment round through the real commands, at the story's dates: the
 * round opens, delegations draft and submit, Belarus co-sponsors, Uzbekistan withdraws a
 * comment, the secretariat disposes of everything at the meeting of 21 August 2020,
 * publishes the dispositions, and produces, translates and circulates Rev.1.
 */

import type { PositionKind } from '@core/domain/consensus.js'
import type { DocumentContent, Provision } from '@core/text/model.js'
import { plain } from '@core/text/model.js'
import {
  contributionDrafter,
  contributionSubmitter,
  contributionWithdrawer,
  cosponsorSetter,
} from '../commands/contributions.js'
import { dispositionRecorder } from '../commands/dispositions.js'
import { versionEditor, versionPublisher } from '../commands/documents.js'
import { positionRecorder, versionFreezer } from '../commands/positions.js'
import { revisionCreator } from '../commands/revisions.js'
import { dispositionsPublisher, roundOpener } from '../commands/rounds.js'
import type { CommandContext } from '../context.js'
import type { DocumentRow, DossierRow, VersionRow } from '../db/types.js'
import { participantsOf } from '../repositories/dossiers.js'
import { actorByEmail, at, later } from './actors.js'
import { DEMO_CONTRIBUTIONS, DEMO_ROUND, REV1_TRANSLATIONS } from './negotiation.js'

export interface NegotiationProps {
  ctx: CommandContext
  dossier: DossierRow
  document: DocumentRow
  /** The circulated draft the round is on. */
  draft: VersionRow
}

/** Loads the round, its contributions and dispositions, and Rev.1 (circulated). */
export async function loadNegotiation({ ctx, dossier, document, draft }: NegotiationProps): Promise<void> {
  const editor = await actorByEmail(ctx, 'editor@cis.demo')
  const participants = await participantsOf(ctx.trx, [dossier.id])
  let round = await roundOpener({
    ctx: at(ctx, editor, DEMO_ROUND.opensAt),
    dossier,
    document,
    participants,
    input: {
      versionId: draft.id,
      opensAt: DEMO_ROUND.opensAt,
      closesAt: DEMO_ROUND.closesAt,
      timezone: DEMO_ROUND.timezone,
    },
  })
  const ids = new Map<string, string>()
  for (const c of DEMO_CONTRIBUTIONS) {
    const code = c.party.toLowerCase()
    const email =
      c.by === 'expert'
        ? `expert.${code}@cis.demo`
        : c.by === 'observer'
          ? `observer.${code}@cis.demo`
          : `head.${code}@cis.demo`
    const author = await actorByEmail(ctx, email)
    let row = await contributionDrafter({
      ctx: at(ctx, author, c.at),
      user: author,
      dossier,
      document,
      round,
      maySubmit: c.by !== 'expert',
      input: {
        kind: c.kind,
        type: c.type,
        provisionEid: c.provisionEid ?? null,
        afterEid: c.afterEid ?? null,
        comment: c.comment ?? null,
        proposedText: c.proposedText ?? null,
        justification: c.justification ?? null,
        submit: c.by !== 'expert',
      },
    })
    if (c.by === 'expert') {
      const head = await actorByEmail(ctx, `head.${code}@cis.demo`)
      row = await contributionSubmitter({
        ctx: at(ctx, head, later(c.at, 90)),
        dossier,
        round,
        contribution: row,
        version: row.version,
      })
    }
    for (const partyCode of c.cosponsors ?? []) {
      const head = await actorByEmail(ctx, `head.${partyCode.toLowerCase()}@cis.demo`)
      await cosponsorSetter({
        ctx: at(ctx, head, later(c.at, 24 * 60)),
        dossier,
        round,
        contribution: row,
        partyId: head.partyId!,
        join: true,
        disposed: false,
      })
    }
    if (c.withdrawn) {
      await contributionWithdrawer({
        ctx: at(ctx, author, later(c.at, 60)),
        dossier,
        round,
        contribution: row,
        version: row.version,
        disposed: false,
      })
    }
    ids.set(c.key, row.id)
  }

  // The expert group's meeting, by videoconference: every contribution disposed of.
  let minute = 0
  for (const c of DEMO_CONTRIBUTIONS) {
    if (!c.disposition) continue
    const contribution = await ctx.trx
      .selectFrom('contributions')
      .selectAll()
      .where('id', '=', ids.get(c.key)!)
      .executeTakeFirstOrThrow()
    await dispositionRecorder({
      ctx: at(ctx, editor, later(DEMO_ROUND.meetingAt, 7 * ++minute)),
      dossier,
      round,
      contribution,
      input: {
        decision: c.disposition.decision,
        reasoning: c.disposition.reasoning,
        adoptedText: c.disposition.adoptedText ?? null,
        mergedInto: c.disposition.mergedInto ? ids.get(c.disposition.mergedInto)! : null,
      },
    })
  }
  round = await dispositionsPublisher(
    at(ctx, editor, later(DEMO_ROUND.meetingAt, 300)),
    dossier,
    document,
    round,
    participants,
  )

  // Rev.1: the accepted wording applied, then translated before it is circulated.
  const revisedCtx = at(ctx, editor, DEMO_ROUND.revisedAt)
  const { version: rev1 } = await revisionCreator({
    ctx: revisedCtx,
    dossier,
    document,
    round,
    from: draft,
    label: { ru: 'Ред. 1', en: 'Rev.1', tg: 'Таҳрири 1' },
  })
  const content = JSON.parse(rev1.content) as DocumentContent
  const translate = (list: Provision[]) => {
    for (let i = 0; i < list.length; i++) {
      const p = list[i]!
      const key =
        p.eid in REV1_TRANSLATIONS
          ? p.eid
          : list[i - 1]?.eid === 'para_9' && !p.text?.en
            ? 'insert-after-para_9'
            : null
      const tr = key ? REV1_TRANSLATIONS[key] : undefined
      if (tr) p.text = { ...p.text, en: plain(tr.en), tg: plain(tr.tg) }
    }
  }
  translate(content.body)
  const edited = await versionEditor({
    ctx: revisedCtx,
    dossier,
    version: rev1,
    input: { version: rev1.version, content },
  })
  const circulated = await versionPublisher({
    ctx: at(ctx, editor, DEMO_ROUND.circulatedAt),
    dossier,
    version: edited,
    expectedVersion: edited.version,
  })

  // The delegations state their positions on Rev.1 at the end of the meeting; Tajikistan
  // agrees ad referendum (to be confirmed by its domestic approval); Moldova, an observer,
  // states its support, recorded and never counted. The secretariat then freezes the text.
  const rev1Summary = { ...edited, ...circulated }
  for (const [code, kind, text] of DEMO_POSITIONS) {
    const head = await actorByEmail(
      ctx,
      code === 'MDA' ? 'observer.mda@cis.demo' : `head.${code.toLowerCase()}@cis.demo`,
    )
    await positionRecorder({
      ctx: at(ctx, head, DEMO_ROUND.positionsAt),
      user: head,
      dossier,
      version: rev1Summary,
      input: { kind, text },
    })
  }
  await versionFreezer(at(ctx, editor, DEMO_ROUND.frozenAt), dossier, rev1Summary)
}

const DEMO_POSITIONS: [string, PositionKind, string | null][] = [
  ['ARM', 'agree', null],
  ['BLR', 'agree', null],
  ['KAZ', 'agree', null],
  ['KGZ', 'agree', null],
  ['RUS', 'agree', null],
  ['TJK', 'agree_ad_referendum', 'Согласовано ad referendum до завершения внутригосударственных процедур.'],
  ['TKM', 'agree', null],
  ['UZB', 'agree', null],
  ['MDA', 'agree', 'Республика Молдова как наблюдатель поддерживает согласованный текст.'],
]
