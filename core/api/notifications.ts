/**
 * Notifications as a contract shared by the server and the web app: every kind (grouped
 * for the settings page), the mail modes a user chooses per kind, the preference request
 * and response, the jobs and mail outbox as the administrator sees them, and the text of
 * a notice in a language — one function, so the inbox and the e-mail say the same thing.
 */
import { z } from 'zod'
import { hasMessage, t } from '../i18n/index.js'
import { type Lang, type LocalizedText, pickText } from '../i18n/languages.js'
import type { NotificationDTO } from './contributions.js'

export type NotificationKind = NotificationDTO['kind']
export type NotificationParams = NotificationDTO['params']

/** Every kind of notice, in the order of the settings page, grouped by what it is about. */
export const NOTIFICATION_GROUPS = [
  {
    group: 'negotiation',
    kinds: ['round_opened', 'round_closing', 'dispositions_published'],
  },
  {
    group: 'consensus',
    kinds: ['silence_started', 'silence_broken', 'silence_completed'],
  },
  {
    group: 'meetings',
    kinds: ['meeting_invited', 'meeting_updated', 'meeting_cancelled', 'minutes_approved'],
  },
  {
    group: 'procedure',
    kinds: ['stage_moved', 'approval_due', 'approval_overdue', 'approval_recorded', 'adopted'],
  },
] as const satisfies readonly { group: string; kinds: readonly NotificationKind[] }[]

export type NotificationGroup = (typeof NOTIFICATION_GROUPS)[number]['group']

export const NOTIFICATION_KINDS = NOTIFICATION_GROUPS.flatMap((g) => g.kinds) as NotificationKind[]

// Compile-time check: a kind added to NotificationDTO must be placed in a group above.
type Unlisted = Exclude<NotificationKind, (typeof NOTIFICATION_GROUPS)[number]['kinds'][number]>
const everyKindListed: Unlisted extends never ? true : never = true
void everyKindListed

/** How a kind of notice reaches the mailbox; the in-app inbox always shows everything. */
export const MAIL_MODES = ['immediate', 'digest', 'off'] as const
export type MailMode = (typeof MAIL_MODES)[number]
/** Every kind is mailed at once unless the user chose otherwise. */
export const DEFAULT_MAIL_MODE: MailMode = 'immediate'

/** Hour (UTC) at which the daily digest goes out. */
export const DIGEST_HOUR_UTC = 8

export const notificationKindSchema = z.enum(NOTIFICATION_KINDS as [NotificationKind, ...NotificationKind[]])

/** PUT /api/me/notification-preferences: the kinds to change; kinds not named stay as they are. */
export const updateNotificationPreferencesRequest = z
  .object({
    modes: z
      .partialRecord(notificationKindSchema, z.enum(MAIL_MODES))
      .refine((m) => Object.keys(m).length > 0, { message: 'at least one kind' }),
  })
  .strict()
export type UpdateNotificationPreferencesRequest = z.infer<typeof updateNotificationPreferencesRequest>

export interface NotificationPreferenceDTO {
  kind: NotificationKind
  group: NotificationGroup
  mode: MailMode
  /** The kind in the request's language ("Открыт сбор замечаний"). */
  label: string
}

export interface NotificationPreferencesDTO {
  /** Where the mails go; null when the account has no e-mail address. */
  email: string | null
  /** The language of the mails (the account's interface language). */
  language: 'ru' | 'en'
  preferences: NotificationPreferenceDTO[]
}

export const JOB_STATUSES = ['pending', 'running', 'done', 'failed', 'cancelled'] as const
export type JobStatus = (typeof JOB_STATUSES)[number]

export interface JobDTO {
  id: string
  kind: string
  runAt: string
  status: JobStatus
  attempts: number
  lastError: string | null
  createdAt: string
  doneAt: string | null
}

export const MAIL_STATUSES = ['pending', 'sent', 'failed'] as const
export type MailStatus = (typeof MAIL_STATUSES)[number]

export interface MailDTO {
  id: string
  to: string
  language: string
  /** A notification kind, or 'digest'. */
  kind: string
  subject: string
  status: MailStatus
  attempts: number
  error: string | null
  messageId: string | null
  createdAt: string
  sentAt: string | null
  /** The attachment's file name, if any (e.g. invitation.ics). */
  attachment: string | null
}

const LOCALES: Record<Lang, string> = { ru: 'ru-RU', en: 'en-GB', tg: 'tg-TJ' }

function validZone(timeZone: string | undefined): string {
  if (!timeZone) return 'UTC'
  try {
    new Intl.DateTimeFormat('en', { timeZone })
    return timeZone
  } catch {
    return 'UTC'
  }
}

/** "21 августа 2020 г." / "21 August 2020" (a date without a time). */
export function formatDay(iso: string, lang: Lang): string {
  const date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00Z` : iso)
  if (Number.isNaN(date.getTime())) return iso
  return new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(date)
}

/** "21 августа 2020 г., 10:00 (Минск, Europe/Minsk)": a moment in the zone it was stated in. */
export function formatMoment(iso: string, timeZone: string | undefined, lang: Lang): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const zone = validZone(timeZone)
  const day = new Intl.DateTimeFormat(LOCALES[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: zone,
  }).format(date)
  const time = new Intl.DateTimeFormat(LOCALES[lang], {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: zone,
  }).format(date)
  const city = hasMessage('ru', `timezone.${zone}`)
    ? t(lang, `timezone.${zone}`)
    : (zone.split('/').pop() ?? zone).replace(/_/g, ' ')
  return `${day}, ${time} (${zone === 'UTC' ? 'UTC' : `${city}, ${zone}`})`
}

/** A parameter that may be a localized text (object or JSON text) or a plain string. */
function localized(value: unknown, lang: Lang): string {
  if (value && typeof value === 'object') return pickText(value as LocalizedText, lang)
  if (typeof value !== 'string') return value === undefined || value === null ? '' : String(value)
  if (value.startsWith('{')) {
    try {
      return pickText(JSON.parse(value) as LocalizedText, lang) || value
    } catch {
      return value
    }
  }
  return value
}

/** A translated word for a code when the catalog has one, else the code itself. */
function word(lang: Lang, key: string, code: string): string {
  return hasMessage('en', key) ? t(lang, key) : code
}

/** The parameters of a notice as they read in a language: texts picked, dates written out. */
export function notificationParams(params: NotificationParams, lang: Lang): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [key, value] of Object.entries(params ?? {})) out[key] = localized(value, lang)
  const zone = params.timezone
  if (params.closesAt) out.closesAt = formatMoment(params.closesAt, zone, lang)
  if (params.deadline) out.deadline = formatMoment(params.deadline, zone, lang)
  if (params.startsAt) out.startsAt = formatMoment(params.startsAt, zone, lang)
  if (params.dueDate) out.dueDate = formatDay(params.dueDate, lang)
  if (params.from) out.from = word(lang, `stage.${params.from}`, params.from)
  if (params.to) out.to = word(lang, `stage.${params.to}`, params.to)
  const stageName = params.stageName ? localized(params.stageName, lang) : out.to
  if (stageName) out.stageName = stageName
  if (params.status) out.status = word(lang, `notification.status.${params.status}`, params.status)
  if (params.decision) out.decision = word(lang, `notification.decision.${params.decision}`, params.decision)
  return out
}

/** The text of a notice in a language ("Открыт сбор замечаний и предложений к проекту «…» — до …"). */
export function notificationMessage(kind: string, params: NotificationParams, lang: Lang): string {
  // What a producer left out reads as a dash rather than as a raw {placeholder}.
  return t(lang, `notification.${kind}`, notificationParams(params ?? {}, lang)).replace(/\{\w+\}/g, '—')
}

/** The kind in words, for the settings page and the mail footer. */
export function notificationKindLabel(kind: string, lang: Lang): string {
  return word(lang, `notification.kind.${kind}`, kind)
}

/** A job kind in words for the jobs page ("Доставка почты"); unknown kinds as their code. */
export function jobKindLabel(kind: string, lang: Lang): string {
  return word(lang, `job.kind.${kind}`, kind)
}
