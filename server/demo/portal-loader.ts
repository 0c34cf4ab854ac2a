/**
 * Loads the national news agency's part of the seed story (server/demo/portal.ts) through
 * the commands: НИАТ «Ховар» as a second organization with its newsroom, its rubric
 * «Политика» and a few items of its own; its subscription to the CIS portal's Atom feed, the
 * feed's entries stored as a fetch would store them (the feed as this Concord writes it,
 * parsed by the same parser); and the republication of the press service's item of
 * 22 August 2020 with the agency's dateline and the attribution line. Runs after the press
 * loader (the CIS item must be published); the 2020 dates go through ctx.clock.
 */
import { newsItemCreator, newsStatusChanger } from '../commands/news.js'
import { organizationCreator } from '../commands/organizations.js'
import { rubricCreator } from '../commands/rubrics.js'
import { entryRepublisher, feedFetchRecorder, subscriptionCreator } from '../commands/syndication.js'
import { userCreator } from '../commands/users.js'
import type { CommandContext } from '../context.js'
import { parseFeed } from '../jobs/feed-fetch.js'
import { mailSettings } from '../mail/settings.js'
import { feedXml } from '../portal/feed-source.js'
import { orgBySlug, rubricsOf } from '../portal/repository.js'
import { actorByEmail, at } from './actors.js'
import { CIS_SUBSCRIPTION, KHOVAR, KHOVAR_NEWS, KHOVAR_RUBRIC, REPUBLICATION } from './portal.js'
import { MEETING_NEWS } from './press.js'

export interface PortalDemoProps {
  ctx: CommandContext
  /** The demo accounts' password: the agency's press officer signs in as press@khovar.demo. */
  password: string
}

export async function loadPortal({ ctx, password }: PortalDemoProps): Promise<void> {
  const setup = { ...ctx, clock: () => new Date('2020-07-01T09:00:00+05:00').toISOString() }
  const khovar = await organizationCreator({
    ctx: setup,
    slug: KHOVAR.slug,
    name: KHOVAR.name,
    shortName: KHOVAR.shortName,
    secretariatName: KHOVAR.secretariatName,
  })
  await userCreator({
    ctx: setup,
    email: KHOVAR.press.email,
    displayName: KHOVAR.press.displayName,
    password,
    locale: 'ru',
    roles: ['press_officer'],
    partyId: null,
    secretariatOrgId: khovar.id,
  })
  const press = await actorByEmail(ctx, KHOVAR.press.email)
  const when = (iso: string) => at(ctx, press, iso)
  const rubric = await rubricCreator({
    ctx: when('2020-07-01T09:05:00+05:00'),
    organization: khovar,
    input: { slug: KHOVAR_RUBRIC.slug, name: KHOVAR_RUBRIC.name },
  })

  // The agency's own news of the rubric, oldest first.
  for (const n of [...KHOVAR_NEWS].reverse()) {
    const moment = when(n.publishedAt)
    const draft = await newsItemCreator({
      ctx: moment,
      organization: khovar,
      input: {
        language: 'ru',
        title: n.title,
        lead: n.lead,
        body: n.body,
        rubricId: rubric.id,
        datelineCity: n.datelineCity,
        datelineDate: n.publishedAt.slice(0, 10),
        timezone: KHOVAR.timezone,
      },
    })
    const review = await newsStatusChanger({
      ctx: moment,
      item: draft,
      version: draft.version,
      to: 'in_review',
    })
    await newsStatusChanger({ ctx: moment, item: review, version: review.version, to: 'published' })
  }

  // The subscription to the CIS portal's feed, and its entries as a fetch stores them.
  const publicUrl = mailSettings().publicUrl
  const fetchedAt = when(CIS_SUBSCRIPTION.fetchedAt)
  const subscription = await subscriptionCreator({
    ctx: fetchedAt,
    organization: khovar,
    input: {
      url: `${publicUrl}${CIS_SUBSCRIPTION.path}`,
      title: CIS_SUBSCRIPTION.title,
      sourceName: CIS_SUBSCRIPTION.sourceName,
      rubricId: rubric.id,
    },
  })
  const cis = await orgBySlug(ctx.trx, 'cis')
  if (!cis) throw new Error('the CIS organization of the demo is missing')
  const xml = await feedXml(
    ctx.trx,
    publicUrl,
    cis,
    'ru',
    await rubricsOf(ctx.trx, cis.id),
    undefined,
    'atom',
  )
  const parsed = await parseFeed(xml)
  await feedFetchRecorder({
    ctx: fetchedAt,
    subscription,
    outcome: { kind: 'fetched', ...parsed, etag: null, lastModified: null },
  })

  // The republication of the item of 22 August 2020.
  const entry = await ctx.trx
    .selectFrom('feed_entries')
    .selectAll()
    .where('subscription_id', '=', subscription.id)
    .where('title', '=', MEETING_NEWS.texts.ru.title)
    .executeTakeFirst()
  if (!entry) throw new Error("the CIS item of 22 August 2020 is not in the CIS portal's feed")
  await entryRepublisher({
    ctx: when(REPUBLICATION.at),
    organization: khovar,
    subscription,
    entry,
    input: {
      rubricId: rubric.id,
      datelineCity: REPUBLICATION.datelineCity,
      title: REPUBLICATION.title,
      lead: REPUBLICATION.lead,
      language: 'ru',
      timezone: KHOVAR.timezone,
    },
  })
}
