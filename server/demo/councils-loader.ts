/**
 * Loads the rest of the seed story through the same commands the API uses: the expert
 * group's meeting of 21 August 2020 (convened, invitations sent and answered, attendance,
 * positions on the two draft decisions, outcomes, the minutes drafted and approved), the
 * dossier's domestic approval in every member state (Tajikistan's with its note verbale,
 * confirming its ad referendum agreement), and the councils: the CFM recommends, the CHS
 * adopts and the package is signed. Every notice goes to the inbox and the mail outbox.
 */

import { adoptionRecorder } from '../commands/adoptions.js'
import { approvalAttachmentUploader } from '../commands/attachments.js'
import { approvalRecorder, approvalsDueDateSetter, dossierStageMover } from '../commands/dossiers.js'
import { outcomeRecorder } from '../commands/meeting-agenda.js'
import { invitationAnswerer, participantUpdater } from '../commands/meeting-participants.js'
import { invitationSender, meetingConvener, meetingUpdater } from '../commands/meetings.js'
import { minutesApprover, minutesDrafter } from '../commands/minutes.js'
import { positionRecorder, versionFreezer } from '../commands/positions.js'
import type { CommandContext, CurrentUser } from '../context.js'
import type { BodyRow, DossierRow, MeetingRow, OrganizationRow } from '../db/types.js'
import { defaultFontDir, loadPdfKit } from '../exports/pdf/fonts.js'
import { versionsOfDocuments } from '../repositories/documents.js'
import { actorByEmail, at, later } from './actors.js'
import {
  CFM_MEETING,
  CHS_MEETING,
  COUNCIL_DECISIONS,
  DEMO_TIMEZONE,
  type DemoMeeting,
  DOMESTIC_APPROVAL,
  EXPERT_MEETING,
  EXPERT_OUTCOMES,
  MINUTES_APPROVED_AT,
  MINUTES_DRAFTED_AT,
} from './councils.js'

const MEMBERS = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK', 'TKM', 'UZB']
const PARTIES = [...MEMBERS, 'MDA']

const headOf = (code: string) =>
  code === 'MDA' ? 'observer.mda@cis.demo' : `head.${code.toLowerCase()}@cis.demo`

async function bodyByCode(ctx: CommandContext, org: OrganizationRow, code: string): Promise<BodyRow> {
  return ctx.trx
    .selectFrom('bodies')
    .selectAll()
    .where('organization_id', '=', org.id)
    .where('code', '=', code)
    .executeTakeFirstOrThrow()
}

async function reloadDossier(ctx: CommandContext, id: string): Promise<DossierRow> {
  return ctx.trx.selectFrom('dossiers').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

/** The latest circulated version of each document of the dossier, in the dossier's order. */
async function latestTexts(ctx: CommandContext, dossier: DossierRow) {
  const documents = await ctx.trx
    .selectFrom('documents')
    .selectAll()
    .where('dossier_id', '=', dossier.id)
    .orderBy('position')
    .execute()
  const versions = await versionsOfDocuments(
    ctx.trx,
    documents.map((d) => d.id),
  )
  return documents.map((document) => ({
    document,
    version: versions
      .filter((v) => v.document_id === document.id && v.status === 'published')
      .sort((a, b) => b.seq - a.seq)[0]!,
  }))
}

/**
 * Convenes a meeting with every delegation and the secretariat, the dossier's texts on the
 * agenda; sends the invitations; the heads of delegation accept; everyone connects by
 * videoconference (the secretariat in the room).
 */
async function holdMeeting(
  ctx: CommandContext,
  editor: CurrentUser,
  org: OrganizationRow,
  dossier: DossierRow,
  m: DemoMeeting,
): Promise<MeetingRow> {
  const body = await bodyByCode(ctx, org, m.body)
  const texts = await latestTexts(ctx, dossier)
  const convened = at(ctx, editor, m.convenedAt)
  const meeting = await meetingConvener({
    ctx: convened,
    organization: org,
    body,
    input: {
      organizationId: org.id,
      bodyId: body.id,
      title: m.title,
      startsAt: m.startsAt,
      endsAt: m.endsAt,
      timezone: DEMO_TIMEZONE,
      place: m.place,
      format: m.format,
      conferenceUrl: m.conferenceUrl,
      agenda: texts.map((t) => ({
        dossierId: dossier.id,
        documentId: t.document.id,
        versionId: t.version.id,
      })),
      delegations: PARTIES,
      inviteSecretariat: true,
    },
  })
  await invitationSender({ ctx: convened, meeting })
  const participants = await ctx.trx
    .selectFrom('meeting_participants')
    .selectAll()
    .where('meeting_id', '=', meeting.id)
    .execute()
  // Everyone invited answers within days: the delegations, their experts and the secretariat.
  for (const [i, participant] of participants.entries()) {
    if (!participant.user_id) continue
    const person = await ctx.trx
      .selectFrom('users')
      .select('email')
      .where('id', '=', participant.user_id)
      .executeTakeFirstOrThrow()
    const actor = await actorByEmail(ctx, person.email)
    await invitationAnswerer({
      ctx: at(ctx, actor, later(m.convenedAt, 60 * 24 + i * 37)),
      meeting,
      participant,
      answer: 'accepted',
    })
  }
  for (const p of await ctx.trx
    .selectFrom('meeting_participants')
    .selectAll()
    .where('meeting_id', '=', meeting.id)
    .execute()) {
    await participantUpdater({
      ctx: at(ctx, editor, later(m.startsAt, 5)),
      meeting,
      participant: p,
      input: { version: p.version, attendance: p.party_id ? 'remote' : 'present' },
    })
  }
  return meeting
}

/** Records the outcome of each agenda item and marks the meeting held. */
async function recordOutcomes(
  ctx: CommandContext,
  editor: CurrentUser,
  meeting: MeetingRow,
  outcomes: { outcome: 'agreed' | 'agreed_ad_referendum'; note: { ru?: string; en?: string } }[],
  when: string,
): Promise<MeetingRow> {
  const items = await ctx.trx
    .selectFrom('agenda_items')
    .selectAll()
    .where('meeting_id', '=', meeting.id)
    .orderBy('position')
    .execute()
  for (const [i, item] of items.entries()) {
    const o = outcomes[i] ?? outcomes[outcomes.length - 1]!
    await outcomeRecorder({
      ctx: at(ctx, editor, later(when, i)),
      meeting,
      item,
      input: { version: item.version, outcome: o.outcome, note: o.note.ru ?? null },
    })
  }
  const fresh = await ctx.trx
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', meeting.id)
    .executeTakeFirstOrThrow()
  return meetingUpdater({
    ctx: at(ctx, editor, meeting.ends_at),
    meeting: fresh,
    input: { version: fresh.version, status: 'held' },
  })
}

/** A one-page note verbale in PDF (Cyrillic, DejaVu), as a ministry would send it. */
async function noteVerbalePdf(lines: string[]): Promise<Buffer> {
  const PDFDocument = await loadPdfKit()
  const doc = new PDFDocument({
    size: 'A4',
    margin: 72,
    info: { Title: 'Note verbale', CreationDate: new Date(0) },
  })
  doc.registerFont('serif', `${defaultFontDir()}/DejaVuSerifCondensed.ttf`)
  doc.font('serif').fontSize(12)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve) => doc.on('end', () => resolve()))
  for (const line of lines) doc.text(line, { align: 'justify' }).moveDown(0.5)
  doc.end()
  await done
  return Buffer.concat(chunks)
}

export interface CouncilsProps {
  ctx: CommandContext
  organization: OrganizationRow
  dossier: DossierRow
}

/** The meeting of 21 August 2020 and its minutes; domestic approval; the CFM and the CHS. */
export async function loadCouncils({ ctx, organization: org, dossier: start }: CouncilsProps): Promise<void> {
  const editor = await actorByEmail(ctx, 'editor@cis.demo')
  let dossier = start

  // The expert group's meeting: Rev.1 of the Joint Statement (already agreed and frozen) and
  // the two draft decisions, agreed at the meeting by every member, Moldova supporting.
  const expert = await holdMeeting(ctx, editor, org, dossier, EXPERT_MEETING)
  const positionsAt = later(EXPERT_MEETING.endsAt, -45)
  for (const { version } of (await latestTexts(ctx, dossier)).slice(1)) {
    for (const code of PARTIES) {
      const head = await actorByEmail(ctx, headOf(code))
      await positionRecorder({
        ctx: at(ctx, head, positionsAt),
        user: head,
        dossier,
        version,
        input: { kind: 'agree', text: null },
      })
    }
    await versionFreezer(at(ctx, editor, later(positionsAt, 15)), dossier, version)
  }
  await recordOutcomes(ctx, editor, expert, EXPERT_OUTCOMES, later(positionsAt, 20))
  const heldExpert = await ctx.trx
    .selectFrom('meetings')
    .selectAll()
    .where('id', '=', expert.id)
    .executeTakeFirstOrThrow()
  const minutes = await minutesDrafter({ ctx: at(ctx, editor, MINUTES_DRAFTED_AT), meeting: heldExpert })
  await minutesApprover({
    ctx: at(ctx, editor, MINUTES_APPROVED_AT),
    minutes,
    meeting: heldExpert,
    version: minutes.version,
  })

  // Domestic approval in each member state, due by 20 November 2020.
  dossier = await dossierStageMover({
    ctx: at(ctx, editor, DOMESTIC_APPROVAL.startsAt),
    dossier,
    to: 'domestic_approval',
    version: dossier.version,
  })
  await approvalsDueDateSetter({
    ctx: at(ctx, editor, later(DOMESTIC_APPROVAL.startsAt, 10)),
    dossier,
    dueDate: DOMESTIC_APPROVAL.dueDate,
  })
  for (const p of DOMESTIC_APPROVAL.parties) {
    const head = await actorByEmail(ctx, headOf(p.code))
    const approval = await ctx.trx
      .selectFrom('domestic_approvals')
      .selectAll()
      .where('dossier_id', '=', dossier.id)
      .where('party_id', '=', head.partyId!)
      .executeTakeFirstOrThrow()
    const started = await approvalRecorder({
      ctx: at(ctx, head, p.startedAt),
      dossier,
      partyId: approval.party_id,
      input: { version: approval.version, status: 'in_progress' },
    })
    if (p.code === DOMESTIC_APPROVAL.noteVerbale.party) {
      await approvalAttachmentUploader({
        ctx: at(ctx, head, later(p.approvedAt, -30)),
        dossier,
        approval,
        filename: DOMESTIC_APPROVAL.noteVerbale.filename,
        bytes: await noteVerbalePdf(DOMESTIC_APPROVAL.noteVerbale.lines),
      })
    }
    await approvalRecorder({
      ctx: at(ctx, head, p.approvedAt),
      dossier,
      partyId: approval.party_id,
      input: { version: started.version, status: 'approved' },
    })
  }

  // The Council of Foreign Ministers recommends the package to the Council of Heads of State.
  dossier = await reloadDossier(ctx, dossier.id)
  dossier = await dossierStageMover({
    ctx: at(ctx, editor, COUNCIL_DECISIONS.cfm.movedAt),
    dossier,
    to: 'cfm',
    version: dossier.version,
  })
  for (const [m, decision, stage] of [
    [CFM_MEETING, COUNCIL_DECISIONS.cfm, 'chs'],
    [CHS_MEETING, COUNCIL_DECISIONS.chs, 'signature'],
  ] as const) {
    const meeting = await holdMeeting(ctx, editor, org, dossier, m)
    await recordOutcomes(
      ctx,
      editor,
      meeting,
      [{ outcome: 'agreed', note: { ru: decision.decision === 'adopted' ? 'Принято.' : 'Рекомендовано.' } }],
      later(m.endsAt, -30),
    )
    const body = await bodyByCode(ctx, org, m.body)
    await adoptionRecorder({
      ctx: at(ctx, editor, later(m.endsAt, -15)),
      dossier,
      input: {
        bodyId: body.id,
        decision: decision.decision,
        decidedOn: decision.decidedOn,
        signedOn: 'signedOn' in decision ? decision.signedOn : null,
        meetingId: meeting.id,
      },
    })
    dossier = await reloadDossier(ctx, dossier.id)
    dossier = await dossierStageMover({
      ctx: at(ctx, editor, stage === 'chs' ? COUNCIL_DECISIONS.chs.movedAt : COUNCIL_DECISIONS.signatureAt),
      dossier,
      to: stage,
      version: dossier.version,
    })
  }
}
