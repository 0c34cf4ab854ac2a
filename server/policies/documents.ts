/** Who may do what with a document and its versions. */
import { allow, can, isEditorOf, isSecretariatOf } from './policy.js'

allow('document', 'read', (user, doc) => can(user, 'read', doc.dossier))
allow('document', 'update', (user, doc) => isEditorOf(user, doc.dossier.organizationId))
allow('document', 'create_version', (user, doc) => isEditorOf(user, doc.dossier.organizationId))

/** Delegates see circulated versions only; working drafts stay with the secretariat. */
allow(
  'version',
  'read',
  (user, v) =>
    can(user, 'read', v.document) &&
    (v.status === 'published' || isSecretariatOf(user, v.document.dossier.organizationId)),
)
/** A circulated version is immutable. */
allow(
  'version',
  'update',
  (user, v) => v.status === 'draft' && isEditorOf(user, v.document.dossier.organizationId),
)
allow(
  'version',
  'publish',
  (user, v) => v.status === 'draft' && isEditorOf(user, v.document.dossier.organizationId),
)
