/**
 * Loads the press service's part of the seed story through the newsroom's commands: the
 * rubrics; the news item of 22 August 2020 on the expert group's meeting (Russian, Tajik and
 * English, linked as translations), written, illustrated with the videoconference screen (an
 * SVG drawn here, turned into a JPEG by sharp — nothing is downloaded), submitted and
 * published at 12:02 Minsk time; and the other items of 2020. The 2020 dates go through
 * ctx.clock.
 */
import { mediaUploader } from '../commands/media.js'
import { newsItemCreator, newsItemUpdater, newsStatusChanger } from '../commands/news.js'
import { rubricCreator } from '../commands/rubrics.js'
import type { CommandContext, CurrentUser } from '../context.js'
import type { NewsItemRow, OrganizationRow, RubricRow } from '../db/types.js'
import { processImage } from '../media/images.js'
import { actorByEmail, at, later } from './actors.js'
import { DEMO_PARTIES } from './content.js'
import { DEMO_RUBRICS, type DemoLang, MEETING_NEWS, OTHER_NEWS, videoconferenceSvg } from './press.js'

export interface PressProps {
  ctx: CommandContext
  organization: OrganizationRow
}

const LANGS: DemoLang[] = ['ru', 'tg', 'en']

/** In review, then published, at the times given. */
async function publish(
  ctx: CommandContext,
  actor: CurrentUser,
  item: NewsItemRow,
  submittedAt: string,
  publishedAt: string,
) {
  const inReview = await newsStatusChanger({
    ctx: at(ctx, actor, submittedAt),
    item,
    version: item.version,
    to: 'in_review',
  })
  return newsStatusChanger({
    ctx: at(ctx, actor, publishedAt),
    item: inReview,
    version: inReview.version,
    to: 'published',
  })
}

/** The rubrics, the news item of 22 August 2020 and the other items of the newsroom. */
export async function loadPress({ ctx, organization }: PressProps): Promise<void> {
  const press = await actorByEmail(ctx, 'press@cis.demo')
  const setup = at(ctx, press, '2020-07-01T09:00:00+03:00')
  const rubrics = new Map<string, RubricRow>()
  for (const r of DEMO_RUBRICS) {
    rubrics.set(
      r.slug,
      await rubricCreator({ ctx: setup, organization, input: { slug: r.slug, name: r.name } }),
    )
  }

  // --- The news item of 22 August 2020 -------------------------------------------------
  // Written in Russian, Tajik and English; it is not linked to the meeting, so that the demo's
  // press officer can still try "Подготовить новость" on the meeting's page.
  const svg = videoconferenceSvg(
    DEMO_PARTIES.map((p) => ({ code: p.code, name: p.name, observer: p.status === 'observer' })),
  )
  const sharp = (await import('sharp')).default
  const jpeg = await sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer()
  const photo = await mediaUploader({
    ctx: at(ctx, press, later(MEETING_NEWS.draftedAt, 20)),
    organizationId: organization.id,
    filename: 'vks-ekspertnaya-gruppa-2020-08-21.jpg',
    bytes: jpeg,
    image: await processImage(jpeg),
  })

  const agreed = await ctx.trx
    .selectFrom('documents')
    .innerJoin('dossiers', 'dossiers.id', 'documents.dossier_id')
    .select('documents.id')
    .where('dossiers.organization_id', '=', organization.id)
    .orderBy('dossiers.created_at')
    .orderBy('documents.position')
    .executeTakeFirst()
  let groupId: string | undefined
  for (const [i, lang] of LANGS.entries()) {
    const text = MEETING_NEWS.texts[lang]
    const item = await newsItemCreator({
      ctx: at(ctx, press, later(MEETING_NEWS.draftedAt, i * 20)),
      organization,
      ...(groupId ? { groupId } : {}),
      input: {
        language: lang,
        title: text.title,
        lead: text.lead,
        body: text.body,
        rubricId: rubrics.get(MEETING_NEWS.rubric)!.id,
        tags: text.tags,
        datelineCity: text.datelineCity,
        datelineDate: MEETING_NEWS.datelineDate,
        timezone: MEETING_NEWS.timezone,
        // Published once the Joint Statement is agreed (it was, at the meeting).
        embargoDocumentId: agreed?.id ?? null,
      },
    })
    groupId = item.group_id
    const edited = await newsItemUpdater({
      ctx: at(ctx, press, later(MEETING_NEWS.editedAt, i * 7)),
      item,
      version: item.version,
      input: {
        photoMediaId: photo.id,
        photoCaption: text.photoCaption ?? null,
        photoAlt: text.photoAlt ?? null,
        photoCredit: text.photoCredit ?? null,
      },
    })
    await publish(ctx, press, edited, later(MEETING_NEWS.submittedAt, i), MEETING_NEWS.publishedAt)
  }

  // --- The other items of 2020 ------------------------------------------------------------
  const documents = await ctx.trx
    .selectFrom('documents')
    .innerJoin('dossiers', 'dossiers.id', 'documents.dossier_id')
    .select(['documents.id'])
    .where('dossiers.organization_id', '=', organization.id)
    .orderBy('dossiers.created_at')
    .orderBy('documents.position')
    .execute()
  for (const news of OTHER_NEWS) {
    let groupId: string | undefined
    for (const [i, lang] of LANGS.entries()) {
      const text = news.texts[lang]
      if (!text) continue
      const written = at(ctx, press, later(news.at, -60 + i * 5))
      const item = await newsItemCreator({
        ctx: written,
        organization,
        ...(groupId ? { groupId } : {}),
        input: {
          language: lang,
          title: text.title,
          lead: text.lead,
          body: text.body,
          rubricId: rubrics.get(news.rubric)!.id,
          tags: text.tags,
          datelineCity: text.datelineCity,
          datelineDate: news.datelineDate,
          timezone: MEETING_NEWS.timezone,
          embargoDocumentId:
            news.embargoDocument === undefined ? null : (documents[news.embargoDocument]?.id ?? null),
        },
      })
      groupId = item.group_id
      if (news.status === 'published') await publish(ctx, press, item, later(news.at, -10), news.at)
    }
  }
}
