/** Who may do what with a document and its versions. */
import { allow, can, hasRole, isEditorOf, isSecretariatOf, takesPart } from './policy.js'

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

/**
 * Positions, freezing, silence and brackets need a circulated version not yet frozen. (Routes
 * authorize as if unfrozen, so that whoever could act is told 409 version_frozen, not 403.)
 */
/** The head of delegation (or an observer's delegate) states the party's position on a circulated version. */
allow(
  'version',
  'state_position',
  (user, v) =>
    v.status === 'published' &&
    !v.frozen &&
    takesPart(user, v.document.dossier) &&
    (hasRole(user, 'head_of_delegation', 'observer_delegate') ||
      !!v.document.dossier.positionDelegates?.has(user.id)),
)
/** The pen-holder freezes the agreed text. */
allow(
  'version',
  'freeze',
  (user, v) => v.status === 'published' && !v.frozen && isEditorOf(user, v.document.dossier.organizationId),
)
/** The pen-holder starts a silence procedure on a circulated version. */
allow(
  'version',
  'start_silence',
  (user, v) => v.status === 'published' && !v.frozen && isEditorOf(user, v.document.dossier.organizationId),
)
/** Delegations back alternatives of brackets on a circulated version. */
allow(
  'version',
  'back_bracket',
  (user, v) =>
    v.status === 'published' &&
    !v.frozen &&
    takesPart(user, v.document.dossier) &&
    hasRole(user, 'head_of_delegation'),
)
/** The pen-holder resolves brackets. */
allow(
  'version',
  'resolve_bracket',
  (user, v) => v.status === 'published' && !v.frozen && isEditorOf(user, v.document.dossier.organizationId),
)
