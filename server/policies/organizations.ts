/** Who may do what with an organization. */
import { allow, isEditorOf, isSecretariatOf } from './policy.js'

/** Secretariat staff of the organization, and delegates of its members and observers. */
allow(
  'organization',
  'read',
  (user, org) => isSecretariatOf(user, org.id) || (!!user.partyId && org.partyIds.has(user.partyId)),
)
/** Opening a dossier is the pen-holder's act. */
allow('organization', 'create_dossier', (user, org) => isEditorOf(user, org.id))
