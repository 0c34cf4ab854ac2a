/**
 * Factories that build what a test needs through the real commands, parents first:
 * `buildDossier()` creates the organization, its parties and bodies when not given.
 */
import type { Role } from '@core/domain/roles.js'
import type { LocalizedText } from '@core/i18n/languages.js'
import { CONTENT_FORMAT, type DocumentContent, plain } from '@core/text/model.js'
import { documentCreator, versionDrafter, versionPublisher } from '@server/commands/documents.js'
import { dossierOpener } from '@server/commands/dossiers.js'
import { meetingConvener } from '@server/commands/meetings.js'
import {
  bodyCreator,
  membershipAdder,
  organizationCreator,
  partyRegistrar,
} from '@server/commands/organizations.js'
import { userCreator } from '@server/commands/users.js'
import { type CommandContext, type CurrentUser, inTransaction } from '@server/context.js'
import type { DbHandle } from '@server/db/index.js'
import type {
  DocumentRow,
  DossierRow,
  MeetingRow,
  OrganizationRow,
  PartyRow,
  UserRow,
  VersionRow,
} from '@server/db/types.js'

export const PASSWORD = 'correct horse battery staple'
let seq = 0
const next = () => ++seq

function system<T>(handle: DbHandle, fn: (ctx: CommandContext) => Promise<T>): Promise<T> {
  return inTransaction(handle, null, 'test', fn)
}

export interface World {
  org: OrganizationRow
  parties: Record<string, PartyRow>
}

/** An organization with members (default ARM, TJK, RUS) and observers (default MDA), and an expert group. */
export async function buildOrganization(
  handle: DbHandle,
  opts: { members?: string[]; observers?: string[]; slug?: string } = {},
): Promise<World> {
  return system(handle, async (ctx) => {
    const n = next()
    const org = await organizationCreator({
      ctx,
      slug: opts.slug ?? `org-${n}`,
      name: { ru: `Организация ${n}`, en: `Organization ${n}` },
      shortName: { ru: `О${n}`, en: `O${n}` },
      secretariatName: { ru: `Секретариат ${n}`, en: `Secretariat ${n}` },
    })
    const parties: Record<string, PartyRow> = {}
    for (const [codes, status] of [
      [opts.members ?? ['ARM', 'TJK', 'RUS'], 'member'],
      [opts.observers ?? ['MDA'], 'observer'],
    ] as const) {
      for (const code of codes) {
        const party = await partyRegistrar(ctx, {
          code,
          name: { ru: code, en: code },
          fullName: { ru: code, en: code },
        })
        await membershipAdder(ctx, org, party, status, '2000-01-01')
        parties[code] = party
      }
    }
    await bodyCreator(ctx, org, {
      code: 'EG',
      kind: 'expert_group',
      name: { ru: 'ЭГ', en: 'EG' },
      decisionRule: { kind: 'consensus' },
    })
    return { org, parties }
  })
}

/** A user of the secretariat (when no party) or of a party, with one role. */
export async function buildUser(
  handle: DbHandle,
  world: World,
  role: Role,
  party?: string,
  locale: 'ru' | 'en' = 'en',
): Promise<UserRow> {
  return system(handle, (ctx) =>
    userCreator({
      ctx,
      email: `${role}.${party ?? 'sec'}.${next()}@test.example`,
      displayName: `${role} ${party ?? 'secretariat'}`,
      password: PASSWORD,
      locale,
      roles: [role],
      partyId: party ? world.parties[party]!.id : null,
      secretariatOrgId: party ? null : world.org.id,
    }),
  )
}

/** A small content tree: two recitals, three paragraphs (one with points), in ru and en. */
export function sampleContent(paragraphs = 3): DocumentContent {
  return {
    format: CONTENT_FORMAT,
    languages: ['ru', 'en'],
    title: { ru: 'Совместное заявление', en: 'Joint statement' },
    preamble: [
      {
        eid: 'preamble__recital_1',
        kind: 'recital',
        text: {
          ru: plain('Признавая важность сотрудничества,'),
          en: plain('Recognizing the importance of cooperation,'),
        },
      },
      {
        eid: 'preamble__recital_2',
        kind: 'recital',
        text: { ru: plain('Выражая озабоченность,'), en: plain('Expressing concern,') },
      },
    ],
    body: Array.from({ length: paragraphs }, (_, i) => ({
      eid: `para_${i + 1}`,
      kind: 'para' as const,
      num: String(i + 1),
      text: { ru: plain(`Пункт ${i + 1} на русском языке.`), en: plain(`Paragraph ${i + 1} in English.`) },
      ...(i === 1
        ? {
            children: [
              {
                eid: `para_${i + 1}__point_a`,
                kind: 'point' as const,
                num: 'a)',
                text: { ru: plain('подпункт а'), en: plain('point a') },
              },
            ],
          }
        : {}),
    })),
    conclusions: [],
  }
}

export interface DossierWorld extends World {
  dossier: DossierRow
  document: DocumentRow
  published: VersionRow
}

/** A dossier (all parties take part unless `participants`), one document, one circulated version. */
export async function buildDossier(
  handle: DbHandle,
  opts: { world?: World; participants?: string[]; title?: LocalizedText } = {},
): Promise<DossierWorld> {
  const world = opts.world ?? (await buildOrganization(handle))
  return system(handle, async (ctx) => {
    const dossier = await dossierOpener({
      ctx,
      organization: world.org,
      input: {
        organizationId: world.org.id,
        reference: `REF-${next()}`,
        title: opts.title ?? { ru: 'Пакет', en: 'Dossier' },
        ...(opts.participants ? { participants: opts.participants } : {}),
      },
    })
    const document = await documentCreator({
      ctx,
      dossier,
      input: { kind: 'joint_statement', title: { ru: 'Заявление', en: 'Statement' }, workingLanguage: 'ru' },
    })
    const draft = await versionDrafter({
      ctx,
      dossier,
      document,
      label: { ru: 'Проект', en: 'Draft' },
      content: sampleContent(),
    })
    const published = await versionPublisher({ ctx, dossier, version: draft, expectedVersion: 1 })
    return { ...world, dossier, document, published: { ...draft, ...published } }
  })
}

/**
 * A meeting of the organization's expert group (meetings area): 21 August 2020, 10:00–13:00 in
 * Minsk, by videoconference, with the dossier's document on the agenda and the given
 * delegations (party codes whose users exist) invited. Convened by `actor` (a secretariat user) or the system.
 */
export async function buildMeeting(
  handle: DbHandle,
  w: DossierWorld,
  opts: { delegations?: string[]; actor?: UserRow } = {},
): Promise<MeetingRow> {
  const body = await handle.db
    .selectFrom('bodies')
    .selectAll()
    .where('organization_id', '=', w.org.id)
    .orderBy('code')
    .executeTakeFirstOrThrow()
  const actor: CurrentUser | null = opts.actor
    ? {
        id: opts.actor.id,
        email: opts.actor.email,
        displayName: opts.actor.display_name,
        locale: opts.actor.locale,
        partyId: opts.actor.party_id,
        secretariatOrgId: opts.actor.secretariat_org_id,
        roles: JSON.parse(opts.actor.roles),
        version: opts.actor.version,
      }
    : null
  return inTransaction(handle, actor, 'test', (ctx) =>
    meetingConvener({
      ctx,
      organization: w.org,
      body,
      input: {
        organizationId: w.org.id,
        bodyId: body.id,
        title: { ru: 'Заседание экспертной группы', en: 'Meeting of the expert group' },
        startsAt: '2020-08-21T10:00:00+03:00',
        endsAt: '2020-08-21T13:00:00+03:00',
        timezone: 'Europe/Minsk',
        place: { ru: 'Исполнительный комитет СНГ, Минск', en: 'CIS Executive Committee, Minsk' },
        format: 'videoconference',
        conferenceUrl: 'https://meet.jit.si/eg-2020-08-21',
        agenda: [{ documentId: w.document.id }],
        ...(opts.delegations ? { delegations: opts.delegations } : {}),
      },
    }),
  )
}
