/**
 * Meetings as iCalendar (RFC 5545 / iTIP RFC 5546), written with ical-generator:
 * invitations (METHOD:REQUEST), cancellations (METHOD:CANCEL, STATUS:CANCELLED) and the
 * personal feed (METHOD:PUBLISH). UID is the meeting's `uid`, SEQUENCE its `sequence`, so
 * a calendar client replaces the event it already has when an update arrives.
 *
 * Times are written in the meeting's own zone (DTSTART;TZID=Europe/Minsk:20200821T100000)
 * with a VTIMEZONE built from the runtime's time-zone data (Intl), so that clients place
 * the meeting right even across daylight-saving changes.
 */

import { t } from '@core/i18n/index.js'
import type { UiLang } from '@core/i18n/languages.js'
import { pickText } from '@core/i18n/languages.js'
import ical, {
  ICalAttendeeRole,
  ICalAttendeeStatus,
  ICalCalendarMethod,
  ICalEventStatus,
  type ICalTZDateStub,
} from 'ical-generator'
import type { BodyRow, MeetingRow } from '../db/types.js'
import type { AgendaItemFact, MeetingParticipantFact } from '../repositories/meetings.js'

// ---------------------------------------------------------------------------------------
// Time zones from Intl

const formatters = new Map<string, Intl.DateTimeFormat>()
function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
    formatters.set(timeZone, f)
  }
  return f
}

/** The wall-clock time of an instant in a zone. */
export function wallClock(ms: number, timeZone: string) {
  const parts: Record<string, number> = {}
  for (const p of formatterOf(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value)
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour! % 24,
    minute: parts.minute!,
    second: parts.second!,
  }
}

/** The zone's offset from UTC at an instant, in minutes (east positive). */
export function offsetMinutes(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone)
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second)
  return Math.round((asUtc - Math.floor(ms / 1000) * 1000) / 60_000)
}

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0')
const utcOffset = (minutes: number) =>
  `${minutes < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(minutes) / 60))}${pad(Math.abs(minutes) % 60)}`
const localStamp = (ms: number, timeZone: string) => {
  const w = wallClock(ms, timeZone)
  return `${pad(w.year, 4)}${pad(w.month)}${pad(w.day)}T${pad(w.hour)}${pad(w.minute)}${pad(w.second)}`
}

/** Instants in [from, to) where the zone's offset changes, to the minute. */
function transitions(
  timeZone: string,
  from: number,
  to: number,
): { at: number; before: number; after: number }[] {
  const out: { at: number; before: number; after: number }[] = []
  const step = 6 * 3600_000
  let prev = offsetMinutes(from, timeZone)
  for (let ms = from + step; ms < to + step; ms += step) {
    const off = offsetMinutes(ms, timeZone)
    if (off === prev) continue
    let lo = ms - step
    let hi = ms
    while (hi - lo > 60_000) {
      const mid = lo + Math.floor((hi - lo) / 120_000) * 60_000
      if (offsetMinutes(mid, timeZone) === prev) lo = mid
      else hi = mid
    }
    out.push({ at: hi, before: prev, after: off })
    prev = off
  }
  return out
}

/**
 * A VTIMEZONE for the years given: the offset in force at the start of the first year,
 * then each change of offset (DAYLIGHT when the clock goes forward, STANDARD when back).
 */
export function vtimezone(timeZone: string, years: readonly number[]): string {
  const first = Math.min(...years)
  const last = Math.max(...years)
  const from = Date.UTC(first, 0, 1)
  const to = Date.UTC(last + 1, 0, 1)
  const start = offsetMinutes(from, timeZone)
  const lines = ['BEGIN:VTIMEZONE', `TZID:${timeZone}`]
  const component = (kind: 'STANDARD' | 'DAYLIGHT', dtstart: string, fromOff: number, toOff: number) => {
    lines.push(
      `BEGIN:${kind}`,
      `DTSTART:${dtstart}`,
      `TZOFFSETFROM:${utcOffset(fromOff)}`,
      `TZOFFSETTO:${utcOffset(toOff)}`,
      `END:${kind}`,
    )
  }
  const changes = transitions(timeZone, from, to)
  const startIsDaylight = changes.length > 0 && changes[0]!.after < changes[0]!.before
  component(startIsDaylight ? 'DAYLIGHT' : 'STANDARD', localStamp(from, timeZone), start, start)
  for (const c of changes) {
    // DTSTART is the local time of the change reckoned in the offset before it.
    const local = new Date(c.at + c.before * 60_000)
    const stamp = `${pad(local.getUTCFullYear(), 4)}${pad(local.getUTCMonth() + 1)}${pad(local.getUTCDate())}T${pad(local.getUTCHours())}${pad(local.getUTCMinutes())}00`
    component(c.after > c.before ? 'DAYLIGHT' : 'STANDARD', stamp, c.before, c.after)
  }
  lines.push('END:VTIMEZONE')
  return lines.join('\r\n')
}

/**
 * An instant that ical-generator writes as wall-clock time in a zone: it accepts a
 * TZDate-like object (date-fns' TZDate) and reads its local getters after `withTimeZone`.
 */
class ZonedInstant extends Date implements ICalTZDateStub {
  timeZone?: string
  readonly internal: Date
  constructor(ms: number, timeZone?: string) {
    super(ms)
    this.internal = new Date(ms)
    if (timeZone) this.timeZone = timeZone
  }
  withTimeZone(timeZone?: string | null): ZonedInstant {
    return new ZonedInstant(this.getTime(), timeZone ?? undefined)
  }
  tzComponents() {
    return this.timeZone ? wallClock(this.getTime(), this.timeZone) : null
  }
  private wall() {
    return wallClock(this.getTime(), this.timeZone!)
  }
  override getFullYear() {
    return this.timeZone ? this.wall().year : super.getFullYear()
  }
  override getMonth() {
    return this.timeZone ? this.wall().month - 1 : super.getMonth()
  }
  override getDate() {
    return this.timeZone ? this.wall().day : super.getDate()
  }
  override getHours() {
    return this.timeZone ? this.wall().hour : super.getHours()
  }
  override getMinutes() {
    return this.timeZone ? this.wall().minute : super.getMinutes()
  }
  override getSeconds() {
    return this.timeZone ? this.wall().second : super.getSeconds()
  }
}

// ---------------------------------------------------------------------------------------
// Calendars

export interface IcsMeeting {
  meeting: MeetingRow
  body: Pick<BodyRow, 'name'>
  participants: MeetingParticipantFact[]
  agenda?: AgendaItemFact[]
  /** Who sends invitations: the secretariat, with the convening officer's address. */
  organizer: { name: string; email: string } | null
}

export interface IcsOptions {
  /** REQUEST for an invitation or update, CANCEL for a cancellation, PUBLISH for a feed. */
  method: 'REQUEST' | 'CANCEL' | 'PUBLISH'
  lang: UiLang
  /** Base URL of this Concord, for the link to the meeting page. */
  publicUrl?: string | undefined
  /** Calendar name (X-WR-CALNAME), for feeds. */
  name?: string
}

const PARTSTAT: Record<MeetingParticipantFact['invitation'], ICalAttendeeStatus> = {
  invited: ICalAttendeeStatus.NEEDSACTION,
  accepted: ICalAttendeeStatus.ACCEPTED,
  declined: ICalAttendeeStatus.DECLINED,
  tentative: ICalAttendeeStatus.TENTATIVE,
}

const parseText = (json: string) => {
  try {
    return JSON.parse(json) as Record<string, string>
  } catch {
    return { ru: json }
  }
}

/** One event per meeting; a cancelled meeting is STATUS:CANCELLED. */
export function meetingsCalendar(items: readonly IcsMeeting[], opts: IcsOptions): string {
  const { lang } = opts
  const years = new Map<string, Set<number>>()
  for (const { meeting } of items) {
    const set = years.get(meeting.timezone) ?? new Set<number>()
    set.add(new Date(meeting.starts_at).getUTCFullYear())
    set.add(new Date(meeting.ends_at).getUTCFullYear())
    years.set(meeting.timezone, set)
  }
  const calendar = ical({
    prodId: { company: 'Concord', product: 'Meetings', language: lang.toUpperCase() },
    method: ICalCalendarMethod[opts.method],
    ...(opts.name ? { name: opts.name } : {}),
  })
  calendar.timezone({
    name: null,
    generator: (tz) =>
      tz === 'UTC' ? null : vtimezone(tz, [...(years.get(tz) ?? [new Date().getUTCFullYear()])]),
  })
  for (const item of items) {
    const { meeting } = item
    const title = pickText(parseText(meeting.title), lang)
    const place = pickText(parseText(meeting.place), lang)
    const bodyName = pickText(parseText(item.body.name), lang)
    const pageUrl = opts.publicUrl ? `${opts.publicUrl.replace(/\/$/, '')}/meetings/${meeting.id}` : null
    const description: string[] = [bodyName, t(lang, `meetings.format.${meeting.format}`)]
    if (meeting.conference_url) description.push(`${t(lang, 'meetings.ics.join')}: ${meeting.conference_url}`)
    if (item.agenda?.length) {
      description.push('', t(lang, 'meetings.agenda'))
      item.agenda.forEach((a, i) => {
        description.push(`${i + 1}. ${pickText(parseText(a.title), lang)}`)
      })
    }
    if (pageUrl) description.push('', `${t(lang, 'meetings.ics.page')}: ${pageUrl}`)
    const cancelled = opts.method === 'CANCEL' || meeting.status === 'cancelled'
    const event = calendar.createEvent({
      id: meeting.uid,
      sequence: meeting.sequence,
      start: new ZonedInstant(Date.parse(meeting.starts_at)),
      end: new ZonedInstant(Date.parse(meeting.ends_at)),
      timezone: meeting.timezone,
      stamp: new Date(meeting.updated_at),
      created: new Date(meeting.created_at),
      lastModified: new Date(meeting.updated_at),
      summary: cancelled ? `${t(lang, 'meetings.ics.cancelledPrefix')} ${title}` : title,
      description: description.join('\n'),
      status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      url: meeting.conference_url ?? pageUrl,
      ...(place ? { location: place } : {}),
      ...(item.organizer ? { organizer: item.organizer } : {}),
    })
    for (const p of item.participants) {
      if (!p.email) continue
      const party = p.party ? ` (${p.party.code})` : ''
      event.createAttendee({
        email: p.email,
        name: `${p.name}${party}`,
        // Observers attend without taking part in the decision.
        role: p.function === 'observer_delegate' ? ICalAttendeeRole.OPT : ICalAttendeeRole.REQ,
        status: PARTSTAT[p.invitation],
        rsvp: p.invitation === 'invited' && !cancelled,
      })
    }
  }
  return calendar.toString()
}
