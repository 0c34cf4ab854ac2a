/** Every durable job kind and the command that runs it. */
import { SILENCE_JOB, silenceCompleter } from '../commands/silence.js'
import { MAIL_DELIVER_JOB, MAIL_DIGEST_JOB } from '../mail/outbox.js'
import {
  APPROVAL_OVERDUE_JOB,
  APPROVAL_REMINDER_JOB,
  approvalOverdueNotice,
  approvalReminder,
} from './approval-reminders.js'
import { digestSender } from './digest.js'
import { FEED_FETCH_JOB, feedFetchJob } from './feed-fetch.js'
import { mailDeliverJob } from './mail-deliver.js'
import { NEWS_PUBLISH_JOB, newsPublish } from './news-publish.js'
import type { JobHandler } from './queue.js'
import { ROUND_CLOSING_JOB, roundClosingReminder } from './round-closing.js'

export const JOB_HANDLERS: Record<string, JobHandler> = {
  [SILENCE_JOB]: (ctx, payload) => silenceCompleter(ctx, payload),
  [APPROVAL_REMINDER_JOB]: approvalReminder,
  [APPROVAL_OVERDUE_JOB]: approvalOverdueNotice,
  [ROUND_CLOSING_JOB]: async (ctx, payload) => void (await roundClosingReminder(ctx, payload)),
  [MAIL_DELIVER_JOB]: mailDeliverJob,
  [MAIL_DIGEST_JOB]: async (ctx, payload, job) => void (await digestSender(ctx, payload, job)),
  [NEWS_PUBLISH_JOB]: newsPublish,
  [FEED_FETCH_JOB]: feedFetchJob,
}
