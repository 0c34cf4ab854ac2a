/** Who may do what with a dossier: need-to-know, the secretariat holds the pen. */
import { allow, hasRole, isEditorOf, isSecretariatOf, takesPart } from './policy.js'

/** The organization's secretariat, and the parties taking part in the dossier. */
allow('dossier', 'read', (user, d) => isSecretariatOf(user, d.organizationId) || takesPart(user, d))
allow('dossier', 'update', (user, d) => isEditorOf(user, d.organizationId))
allow('dossier', 'move_stage', (user, d) => isEditorOf(user, d.organizationId))
allow('dossier', 'add_document', (user, d) => isEditorOf(user, d.organizationId))
/** The trail is read by the secretariat's administrators and officers, not by the press service. */
allow(
  'dossier',
  'read_audit',
  (user, d) =>
    isSecretariatOf(user, d.organizationId) && hasRole(user, 'secretariat_admin', 'secretariat_editor'),
)
