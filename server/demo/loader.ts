/**
 * Loads the seed story into an empty database: the CIS with its Executive Committee as
 * secretariat, its nine parties (Moldova an observer), three bodies, one dossier with the
 * three documents circulated as drafts, and one demo user per role and per party.
 * Everything is written through commands, so the demo has its audit trail too.
 */

import type { Role } from '@core/domain/roles.js'
import { sql } from 'kysely'
import { documentCreator, versionDrafter, versionPublisher } from '../commands/documents.js'
import { dossierOpener, dossierStageMover } from '../commands/dossiers.js'
import {
  bodyCreator,
  membershipAdder,
  organizationCreator,
  partyRegistrar,
} from '../commands/organizations.js'
import { userCreator } from '../commands/users.js'
import { inTransaction } from '../context.js'
import type { DbHandle } from '../db/index.js'
import { DEMO_BODIES, DEMO_DOCUMENTS, DEMO_DOSSIER, DEMO_ORGANIZATION, DEMO_PARTIES } from './content.js'
import { loadCouncils } from './councils-loader.js'
import { loadNegotiation } from './negotiation-loader.js'
import { KHOVAR } from './portal.js'
import { loadPortal } from './portal-loader.js'
import { loadPress } from './press-loader.js'

export interface DemoAccount {
  email: string
  role: Role
  /** Party code, or null for the secretariat. */
  party: string | null
  displayName: string
  /** The organization, when not the CIS Executive Committee (the news agency's newsroom). */
  organization?: string
}

/** Fictional delegates of the demo (initial and a common surname of each country). */
const DELEGATE_NAMES: Record<string, string> = {
  ARM: 'А. Саргсян',
  BLR: 'И. Ковалёв',
  KAZ: 'Д. Ахметов',
  KGZ: 'Н. Асанов',
  MDA: 'В. Чебан',
  RUS: 'С. Орлов',
  TJK: 'Ф. Рахимов',
  TKM: 'М. Атаев',
  UZB: 'Ш. Юсупов',
}

/** The demo accounts, in the order README lists them. */
export function demoAccounts(): DemoAccount[] {
  const accounts: DemoAccount[] = [
    {
      email: 'admin@cis.demo',
      role: 'secretariat_admin',
      party: null,
      displayName: 'Е. Миронова',
    },
    {
      email: 'editor@cis.demo',
      role: 'secretariat_editor',
      party: null,
      displayName: 'О. Лебедев',
    },
    {
      email: 'press@cis.demo',
      role: 'press_officer',
      party: null,
      displayName: 'А. Ким',
    },
  ]
  for (const p of DEMO_PARTIES) {
    const code = p.code.toLowerCase()
    if (p.status === 'member') {
      accounts.push({
        email: `head.${code}@cis.demo`,
        role: 'head_of_delegation',
        party: p.code,
        displayName: DELEGATE_NAMES[p.code] ?? p.code,
      })
    } else {
      accounts.push({
        email: `observer.${code}@cis.demo`,
        role: 'observer_delegate',
        party: p.code,
        displayName: DELEGATE_NAMES[p.code] ?? p.code,
      })
    }
  }
  accounts.push({ email: 'expert.tjk@cis.demo', role: 'expert', party: 'TJK', displayName: 'З. Назарова' })
  accounts.push({ email: 'expert.kaz@cis.demo', role: 'expert', party: 'KAZ', displayName: 'А. Жумабаев' })
  return accounts
}

/** True when the database holds no organization yet. */
export async function isEmpty(handle: DbHandle): Promise<boolean> {
  const row = await handle.db.selectFrom('organizations').select('id').limit(1).executeTakeFirst()
  return !row
}

/** Deletes every row (children first); the schema stays. Used by `concord demo --reset`. */
export async function wipe(handle: DbHandle): Promise<void> {
  const tables = [
    'portal_search_terms',
    'portal_search_items',
    'feed_entries',
    'feed_subscriptions',
    'news_items',
    'media_renditions',
    'media',
    'rubrics',
    'mail_outbox',
    'notification_preferences',
    'special_opinions',
    'adoptions',
    'attachments',
    'minutes',
    'agenda_items',
    'meeting_participants',
    'meetings',
    'stage_moves',
    'procedure_templates',
    'position_delegates',
    'domestic_approvals',
    'bracket_events',
    'jobs',
    'silence_procedures',
    'position_events',
    'notifications',
    'provision_sources',
    'dispositions',
    'contribution_cosponsors',
    'contributions',
    'comment_rounds',
    'audit_entries',
    'provisions',
    'versions',
    'documents',
    'dossier_participants',
    'dossiers',
    'sessions',
    'users',
    'bodies',
    'memberships',
    'parties',
    'organizations',
  ] as const
  await handle.db.transaction().execute(async (trx) => {
    for (const table of tables) await sql`delete from ${sql.table(table)}`.execute(trx)
  })
}

/**
 * The chapters of the seed story, in order. `negotiation`: the draft circulated, the comment
 * round, Rev.1 agreed and frozen at the expert group (the state the negotiating journeys start
 * from). `all`: the meeting of 21 August 2020, its minutes, domestic approval in every member
 * state, the Council of Foreign Ministers and the Council of Heads of State.
 */
export const DEMO_CHAPTERS = ['negotiation', 'all'] as const
export type DemoChapter = (typeof DEMO_CHAPTERS)[number]

/** The chapter to stop after: CONCORD_DEMO_UNTIL, or the whole story. */
export function demoChapterFromEnv(env: NodeJS.ProcessEnv = process.env): DemoChapter {
  const wanted = env.CONCORD_DEMO_UNTIL
  return DEMO_CHAPTERS.find((c) => c === wanted) ?? 'all'
}

/** Loads the seed story up to the chapter `until`; returns the demo accounts. */
export async function loadDemo(
  handle: DbHandle,
  password: string,
  until: DemoChapter = demoChapterFromEnv(),
): Promise<DemoAccount[]> {
  const accounts = demoAccounts()
  await inTransaction(handle, null, 'demo', async (ctx) => {
    const org = await organizationCreator({ ctx, ...DEMO_ORGANIZATION })
    const parties = new Map<string, string>()
    for (const p of DEMO_PARTIES) {
      const party = await partyRegistrar(ctx, { code: p.code, name: p.name, fullName: p.fullName })
      await membershipAdder(ctx, org, party, p.status, p.memberSince)
      parties.set(p.code, party.id)
    }
    const bodies = []
    for (const b of DEMO_BODIES) bodies.push(await bodyCreator(ctx, org, b))
    for (const a of accounts) {
      await userCreator({
        ctx,
        email: a.email,
        displayName: a.displayName,
        password,
        locale: 'ru',
        roles: [a.role],
        partyId: a.party ? parties.get(a.party)! : null,
        secretariatOrgId: a.party ? null : org.id,
      })
    }
    const editor = await ctx.trx
      .selectFrom('users')
      .selectAll()
      .where('email', '=', 'editor@cis.demo')
      .executeTakeFirstOrThrow()
    const editorActor = {
      id: editor.id,
      email: editor.email,
      displayName: editor.display_name,
      locale: editor.locale,
      partyId: null,
      secretariatOrgId: org.id,
      roles: ['secretariat_editor' as Role],
      version: editor.version,
    }
    // The story's dates (Minsk time): opened and circulated in July 2020, comments in,
    // the expert group meets on 21 August 2020.
    const at = (iso: string) => ({ ...ctx, actor: editorActor, clock: () => new Date(iso).toISOString() })
    const asEditor = at('2020-07-01T10:00:00+03:00')
    let dossier = await dossierOpener({
      ctx: asEditor,
      organization: org,
      input: {
        organizationId: org.id,
        reference: DEMO_DOSSIER.reference,
        title: DEMO_DOSSIER.title,
        leadBodyId: bodies[0]!.id,
      },
    })
    const circulated = at('2020-07-10T12:00:00+03:00')
    const drafts = []
    for (const d of DEMO_DOCUMENTS) {
      const document = await documentCreator({
        ctx: asEditor,
        dossier,
        input: { kind: d.kind, title: d.title, workingLanguage: 'ru' },
      })
      const draft = await versionDrafter({
        ctx: asEditor,
        dossier,
        document,
        label: { ru: 'Проект', en: 'Draft', tg: 'Лоиҳа' },
        content: d.content,
      })
      const published = await versionPublisher({
        ctx: circulated,
        dossier,
        version: draft,
        expectedVersion: draft.version,
      })
      drafts.push({ document, draft: { ...draft, ...published } })
    }
    for (const [to, when] of [
      ['comments', '2020-07-10T12:00:00+03:00'],
      ['expert_group', '2020-08-21T10:00:00+03:00'],
    ] as const) {
      dossier = await dossierStageMover({ ctx: at(when), dossier, to, version: dossier.version })
      // The comment round on the Joint Statement runs while the dossier is at the comments stage.
      if (to === 'comments')
        await loadNegotiation({ ctx, dossier, document: drafts[0]!.document, draft: drafts[0]!.draft })
    }
    if (until === 'all') {
      const current = await ctx.trx
        .selectFrom('dossiers')
        .selectAll()
        .where('id', '=', dossier.id)
        .executeTakeFirstOrThrow()
      await loadCouncils({ ctx, organization: org, dossier: current })
      await loadPress({ ctx, organization: org })
      await loadPortal({ ctx, password })
      accounts.push({
        email: KHOVAR.press.email,
        role: 'press_officer',
        party: null,
        displayName: KHOVAR.press.displayName,
        organization: 'НИАТ «Ховар»',
      })
    }
  })
  return accounts
}
