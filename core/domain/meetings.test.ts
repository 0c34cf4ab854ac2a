import { describe, expect, it } from 'vitest'
import {
  computeQuorum,
  conferenceProvider,
  functionOf,
  isHttpsUrl,
  isTimeZone,
  type QuorumParticipant,
  type QuorumParty,
  quorumBasisOf,
  quorumRequired,
} from './meetings.js'

const CIS_MEMBERS = ['ARM', 'BLR', 'KAZ', 'KGZ', 'RUS', 'TJK', 'TKM', 'UZB']
const PARTIES: QuorumParty[] = [
  ...CIS_MEMBERS.map((code) => ({ id: `p-${code}`, code, status: 'member' as const })),
  { id: 'p-MDA', code: 'MDA', status: 'observer' },
]
const at = (code: string | null, attendance: QuorumParticipant['attendance'], invitation = 'accepted') =>
  ({
    partyId: code ? `p-${code}` : null,
    invitation,
    attendance,
  }) as QuorumParticipant

describe('quorum', () => {
  it('is reached when all eight members of the CIS attend, by videoconference or in the room', () => {
    const participants = CIS_MEMBERS.map((c, i) => at(c, i % 2 ? 'remote' : 'present'))
    const q = computeQuorum({ rule: { kind: 'consensus' }, parties: PARTIES, participants })
    expect(q).toMatchObject({ members: 8, required: 5, reached: true, recorded: true })
    expect(q.present).toEqual(CIS_MEMBERS)
    expect(q.missing).toEqual([])
  })

  it('defaults to a majority of the members when the rule has no quorum', () => {
    expect(quorumRequired(quorumBasisOf({ kind: 'consensus' }), 8)).toBe(5)
    expect(quorumRequired(quorumBasisOf(null), 9)).toBe(5)
    expect(quorumRequired(quorumBasisOf({ kind: 'consensus', quorum: 'nonsense' }), 4)).toBe(3)
  })

  it('reads a fraction, a count or "all" from the body rule', () => {
    expect(quorumRequired(quorumBasisOf({ kind: 'consensus', quorum: { num: 2, den: 3 } }), 8)).toBe(6)
    expect(quorumRequired(quorumBasisOf({ kind: 'consensus', quorum: { count: 3 } }), 8)).toBe(3)
    expect(quorumRequired(quorumBasisOf({ kind: 'consensus', quorum: { count: 30 } }), 8)).toBe(8)
    expect(quorumRequired(quorumBasisOf({ kind: 'consensus', quorum: 'all' }), 8)).toBe(8)
    // A fraction above one is not a quorum rule: the default applies.
    expect(quorumBasisOf({ quorum: { num: 3, den: 2 } })).toEqual({ kind: 'majority' })
  })

  it('never counts observers, nor the secretariat staff', () => {
    const participants = [
      at('ARM', 'present'),
      at('BLR', 'present'),
      at('KAZ', 'present'),
      at('MDA', 'present'),
      at(null, 'present'),
    ]
    const q = computeQuorum({ rule: { kind: 'consensus' }, parties: PARTIES, participants })
    expect(q.present).toEqual(['ARM', 'BLR', 'KAZ'])
    expect(q.reached).toBe(false)
    expect(q.missing).toEqual(['KGZ', 'RUS', 'TJK', 'TKM', 'UZB'])
  })

  it('counts a party once however many of its people attend, and needs one present person', () => {
    const participants = [
      at('ARM', 'present'),
      at('ARM', 'remote'),
      at('ARM', 'absent'),
      at('BLR', 'absent'),
      at('BLR', null),
    ]
    const q = computeQuorum({
      rule: { quorum: { count: 2 } },
      parties: PARTIES,
      participants,
    })
    expect(q.present).toEqual(['ARM'])
    expect(q.reached).toBe(false)
  })

  it('reaches a quorum exactly at the threshold and not one below', () => {
    const five = CIS_MEMBERS.slice(0, 5).map((c) => at(c, 'remote'))
    expect(computeQuorum({ rule: {}, parties: PARTIES, participants: five }).reached).toBe(true)
    expect(computeQuorum({ rule: {}, parties: PARTIES, participants: five.slice(1) }).reached).toBe(false)
  })

  it('tells before attendance is recorded which members accepted the invitation', () => {
    const participants = [
      at('ARM', null, 'accepted'),
      at('RUS', null, 'declined'),
      at('MDA', null, 'accepted'),
    ]
    const q = computeQuorum({ rule: {}, parties: PARTIES, participants })
    expect(q.recorded).toBe(false)
    expect(q.expected).toEqual(['ARM'])
    expect(q.reached).toBe(false)
  })

  it('has no quorum in an organization without members', () => {
    const q = computeQuorum({ rule: {}, parties: [PARTIES[8]!], participants: [at('MDA', 'present')] })
    expect(q).toMatchObject({ members: 0, required: 0, reached: false })
  })
})

describe('conference links', () => {
  it('accepts only absolute https links without credentials', () => {
    expect(isHttpsUrl('https://meet.jit.si/cis-eg-2020')).toBe(true)
    expect(isHttpsUrl('http://meet.jit.si/cis')).toBe(false)
    expect(isHttpsUrl('javascript:alert(1)')).toBe(false)
    expect(isHttpsUrl('https://user:pw@zoom.us/j/1')).toBe(false)
    expect(isHttpsUrl('meet.jit.si/x')).toBe(false)
  })

  it('detects the provider and embeds only Jitsi', () => {
    expect(conferenceProvider('https://meet.jit.si/cis')).toEqual({ provider: 'jitsi', embeddable: true })
    expect(conferenceProvider('https://jitsi.e-cis.info/eg')).toEqual({ provider: 'jitsi', embeddable: true })
    expect(conferenceProvider('https://us02web.zoom.us/j/123')).toEqual({
      provider: 'zoom',
      embeddable: false,
    })
    expect(conferenceProvider('https://cis.webex.com/meet/eg')).toEqual({
      provider: 'webex',
      embeddable: false,
    })
    expect(conferenceProvider('https://teams.microsoft.com/l/meetup-join/x')).toEqual({
      provider: 'teams',
      embeddable: false,
    })
    expect(conferenceProvider('https://notzoom.us.example.org/j')).toEqual({
      provider: 'other',
      embeddable: false,
    })
  })
})

describe('time zones and functions', () => {
  it('knows IANA zones and refuses made-up ones', () => {
    expect(isTimeZone('Europe/Minsk')).toBe(true)
    expect(isTimeZone('Asia/Dushanbe')).toBe(true)
    expect(isTimeZone('Mars/Olympus_Mons')).toBe(false)
    expect(isTimeZone('')).toBe(false)
  })

  it('gives the function from roles; an observer party sends observer delegates', () => {
    expect(functionOf(['head_of_delegation'], 'member')).toBe('plenipotentiary')
    expect(functionOf(['expert'], 'member')).toBe('expert')
    expect(functionOf(['head_of_delegation'], 'observer')).toBe('observer_delegate')
    expect(functionOf(['secretariat_editor'], null)).toBe('secretariat')
  })
})
