/** Every durable job kind and the command that runs it. */
import { SILENCE_JOB, silenceCompleter } from '../commands/silence.js'
import type { JobHandler } from './queue.js'

export const JOB_HANDLERS: Record<string, JobHandler> = {
  [SILENCE_JOB]: (ctx, payload) => silenceCompleter(ctx, payload),
}
