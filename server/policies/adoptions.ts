/**
 * Who may do what with the decisions of councils on a dossier: everyone who may read the
 * dossier reads them; only the secretariat's editors and administrators record them and the
 * date of signature; a special opinion is added by the secretariat or by the head of
 * delegation of a participating member (for their own State — the route checks the party).
 */
import { allow, can, hasRole, isEditorOf } from './policy.js'

allow('dossier', 'record_adoption', (user, d) => isEditorOf(user, d.organizationId))
allow('adoption', 'read', (user, a) => can(user, 'read', a.dossier))
allow('adoption', 'update', (user, a) => isEditorOf(user, a.dossier.organizationId))
allow(
  'adoption',
  'add_special_opinion',
  (user, a) =>
    isEditorOf(user, a.dossier.organizationId) ||
    (hasRole(user, 'head_of_delegation') && !!user.partyId && a.memberIds.has(user.partyId)),
)
