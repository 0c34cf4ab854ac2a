import ICAL from 'ical.js'
import { describe, expect, it } from 'vitest'
import type { MeetingRow } from '../db/types.js'
import type { MeetingParticipantFact } from '../repositories/meetings.js'
import { type IcsMeeting, meetingsCalendar, offsetMinutes, vtimezone } from './ics.js'

const meeting: MeetingRow = {
  id: '01900000-0000-7000-8000-000000000001',
  organization_id: 'org',
  body_id: 'body',
  title: JSON.stringify({ ru: 'Заседание экспертной группы', en: 'Meeting of the expert group' }),
  // 10:00–13:00 in Minsk (UTC+3).
  starts_at: '2020-08-21T07:00:00.000Z',
  ends_at: '2020-08-21T10:00:00.000Z',
  timezone: 'Europe/Minsk',
  place: JSON.stringify({ ru: 'Исполнительный комитет СНГ, Минск', en: 'CIS Executive Committee, Minsk' }),
  format: 'videoconference',
  conference_url: 'https://meet.jit.si/cis-eg-2020-08-21',
  status: 'scheduled',
  uid: '01900000-0000-7000-8000-000000000001@concord',
  sequence: 2,
  created_by: null,
  created_at: '2020-08-01T09:00:00.000Z',
  updated_at: '2020-08-10T09:00:00.000Z',
  version: 3,
}
const participant = (over: Partial<MeetingParticipantFact>): MeetingParticipantFact => ({
  id: 'p',
  meeting_id: meeting.id,
  user_id: null,
  party_id: null,
  name: 'X',
  email: null,
  function: 'expert',
  invitation: 'invited',
  responded_at: null,
  attendance: null,
  version: 1,
  party: null,
  ...over,
})
const item: IcsMeeting = {
  meeting,
  body: { name: JSON.stringify({ ru: 'Экспертная группа', en: 'Expert group' }) },
  participants: [
    participant({
      name: 'Азиз Рахимов',
      email: 'head.tjk@example.org',
      function: 'plenipotentiary',
      invitation: 'accepted',
      party: { id: 't', code: 'TJK', name: { ru: 'Таджикистан' }, status: 'member' },
    }),
    participant({
      name: 'Ion Popescu',
      email: 'obs.mda@example.org',
      function: 'observer_delegate',
      party: { id: 'm', code: 'MDA', name: { ru: 'Молдова' }, status: 'observer' },
    }),
    participant({ name: 'No Mail', email: null }),
  ],
  organizer: { name: 'Исполнительный комитет СНГ', email: 'secretariat@cis.example' },
}

function parse(text: string) {
  const root = new ICAL.Component(ICAL.parse(text))
  for (const tz of root.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz)
  return root
}

describe('iCalendar invitations', () => {
  it('writes an invitation that the real parser reads back: METHOD, UID, SEQUENCE, zone, attendees', () => {
    const root = parse(
      meetingsCalendar([item], { method: 'REQUEST', lang: 'ru', publicUrl: 'https://concord.example' }),
    )
    expect(root.getFirstPropertyValue('method')).toBe('REQUEST')
    const vevent = root.getFirstSubcomponent('vevent')!
    expect(vevent.getFirstPropertyValue('uid')).toBe(meeting.uid)
    expect(vevent.getFirstPropertyValue('sequence')).toBe(2)
    expect(vevent.getFirstPropertyValue('status')).toBe('CONFIRMED')
    expect(vevent.getFirstPropertyValue('summary')).toBe('Заседание экспертной группы')
    expect(vevent.getFirstPropertyValue('location')).toBe('Исполнительный комитет СНГ, Минск')
    expect(vevent.getFirstPropertyValue('url')).toBe(meeting.conference_url)
    const dtstart = vevent.getFirstProperty('dtstart')!
    expect(dtstart.getParameter('tzid')).toBe('Europe/Minsk')
    expect(String(dtstart.getFirstValue())).toBe('2020-08-21T10:00:00')
    // With the VTIMEZONE the file carries, the wall-clock time is the right instant.
    const event = new ICAL.Event(vevent)
    expect(event.startDate.toJSDate().toISOString()).toBe(meeting.starts_at)
    expect(event.endDate.toJSDate().toISOString()).toBe(meeting.ends_at)
    const attendees = vevent.getAllProperties('attendee')
    // The scheme is case-insensitive (RFC 3986); ical-generator writes MAILTO.
    expect(attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([
      'mailto:head.tjk@example.org',
      'mailto:obs.mda@example.org',
    ])
    expect(attendees[0]!.getParameter('partstat')).toBe('ACCEPTED')
    expect(attendees[0]!.getParameter('cn')).toBe('Азиз Рахимов (TJK)')
    expect(attendees[1]!.getParameter('partstat')).toBe('NEEDS-ACTION')
    expect(attendees[1]!.getParameter('role')).toBe('OPT-PARTICIPANT')
    expect(String(vevent.getFirstPropertyValue('organizer')).toLowerCase()).toBe(
      'mailto:secretariat@cis.example',
    )
    expect(String(vevent.getFirstPropertyValue('description'))).toContain(
      'https://concord.example/meetings/01900000-0000-7000-8000-000000000001',
    )
  })

  it('writes a cancellation as METHOD:CANCEL with STATUS:CANCELLED', () => {
    const cancelled = { ...item, meeting: { ...meeting, status: 'cancelled' as const, sequence: 3 } }
    const root = parse(meetingsCalendar([cancelled], { method: 'CANCEL', lang: 'en' }))
    expect(root.getFirstPropertyValue('method')).toBe('CANCEL')
    const vevent = root.getFirstSubcomponent('vevent')!
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED')
    expect(vevent.getFirstPropertyValue('sequence')).toBe(3)
    expect(vevent.getFirstPropertyValue('summary')).toBe('CANCELLED: Meeting of the expert group')
  })

  it('places a meeting right in a zone with daylight saving, on both sides of the change', () => {
    const winter = {
      ...meeting,
      timezone: 'Europe/Berlin',
      starts_at: '2021-03-26T09:00:00.000Z',
      ends_at: '2021-03-26T10:00:00.000Z',
    }
    const summer = {
      ...meeting,
      uid: 'b@concord',
      timezone: 'Europe/Berlin',
      starts_at: '2021-03-29T08:00:00.000Z',
      ends_at: '2021-03-29T09:00:00.000Z',
    }
    const root = parse(
      meetingsCalendar(
        [
          { ...item, meeting: winter },
          { ...item, meeting: summer },
        ],
        { method: 'PUBLISH', lang: 'en' },
      ),
    )
    const events = root.getAllSubcomponents('vevent')
    expect(events.map((e) => String(e.getFirstPropertyValue('dtstart')))).toEqual([
      '2021-03-26T10:00:00',
      '2021-03-29T10:00:00',
    ])
    expect(events.map((e) => new ICAL.Event(e).startDate.toJSDate().toISOString())).toEqual([
      winter.starts_at,
      summer.starts_at,
    ])
  })

  it('builds a VTIMEZONE with each change of offset in the years asked', () => {
    const tz = vtimezone('Europe/Berlin', [2021])
    expect(tz).toContain(
      'BEGIN:DAYLIGHT\r\nDTSTART:20210328T020000\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200',
    )
    expect(tz).toContain(
      'BEGIN:STANDARD\r\nDTSTART:20211031T030000\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100',
    )
    expect(vtimezone('Europe/Minsk', [2020])).not.toContain('DAYLIGHT')
    expect(offsetMinutes(Date.parse('2020-08-21T07:00:00Z'), 'Europe/Minsk')).toBe(180)
    expect(offsetMinutes(Date.parse('2020-08-21T07:00:00Z'), 'America/St_Johns')).toBe(-150)
  })
})
