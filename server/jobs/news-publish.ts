/**
 * The scheduled publication of a news item: the `news.publish` job, keyed per item, runs at
 * the time the press officer chose and publishes the item if it is still in review and no
 * embargo holds it (server/commands/news.ts).
 */
import { NEWS_PUBLISH_JOB, newsScheduledPublisher } from '../commands/news.js'
import type { JobHandler } from './queue.js'

export { NEWS_PUBLISH_JOB }

export const newsPublish: JobHandler = (ctx, payload) => newsScheduledPublisher(ctx, payload)
