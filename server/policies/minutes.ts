/**
 * Who may do what with the minutes of a meeting: whoever may read the meeting reads its
 * minutes; the secretariat's editors and administrators draft, edit and approve them.
 * (Routes authorize drafting and editing as if nothing were drafted or approved yet, so that
 * the pen-holder is told 409 `minutes_exist` / `minutes_approved`, not 403.)
 */
import { allow, can, isEditorOf } from './policy.js'

allow('minutes', 'read', (user, m) => can(user, 'read', m.meeting))
allow(
  'minutes',
  'draft',
  (user, m) => !m.exists && m.meeting.status !== 'cancelled' && isEditorOf(user, m.meeting.organizationId),
)
allow(
  'minutes',
  'redraft',
  (user, m) => m.exists && !m.approved && isEditorOf(user, m.meeting.organizationId),
)
allow('minutes', 'update', (user, m) => m.exists && !m.approved && isEditorOf(user, m.meeting.organizationId))
allow(
  'minutes',
  'approve',
  (user, m) => m.exists && !m.approved && isEditorOf(user, m.meeting.organizationId),
)
