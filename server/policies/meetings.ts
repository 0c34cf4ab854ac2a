/**
 * Who may do what with a meeting of a body. Need-to-know: the organization's secretariat,
 * and users whose party (or who themselves) is among the participants. The secretariat's
 * editors and administrators convene and run meetings; a participant answers only their
 * own invitation. (A cancelled meeting refuses changes in its commands: 409 meeting_cancelled.)
 */
import type { CurrentUser } from '../context.js'
import { allow, isEditorOf, isSecretariatOf, type MeetingSubject } from './policy.js'

const takesPartIn = (user: CurrentUser, m: MeetingSubject) =>
  m.userIds.has(user.id) || (!!user.partyId && m.partyIds.has(user.partyId))
const runs = (user: CurrentUser, m: MeetingSubject) => isEditorOf(user, m.organizationId)

allow('meeting', 'read', (user, m) => isSecretariatOf(user, m.organizationId) || takesPartIn(user, m))
allow('meeting', 'update', runs)
allow('meeting', 'cancel', runs)
allow('meeting', 'send_invitations', runs)
allow('meeting', 'manage_participants', runs)
allow('meeting', 'record_attendance', runs)
allow('meeting', 'manage_agenda', runs)
allow('meeting', 'record_outcome', runs)
/** Only someone invited in person answers, and only for themselves. */
allow('meeting', 'respond', (user, m) => m.userIds.has(user.id))
/** Convening a meeting of one of the organization's bodies. */
allow('organization', 'convene_meeting', (user, org) => isEditorOf(user, org.id))
