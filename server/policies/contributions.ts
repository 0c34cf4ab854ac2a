/**
 * Who may do what in a comment round. Experts draft; the head of delegation submits (or
 * the party lets its experts submit); an observer's delegate speaks for the observer.
 * Drafts stay within the party; submitted contributions are seen by every party taking
 * part; dispositions reach the parties when the secretariat publishes them.
 */
import type { CurrentUser } from '../context.js'
import { allow, can, hasRole, isEditorOf, isSecretariatOf, type RoundSubject, takesPart } from './policy.js'

const orgOf = (round: RoundSubject) => round.document.dossier.organizationId

/** A delegate of a party taking part in the dossier. */
const delegateOf = (user: CurrentUser, round: RoundSubject) =>
  takesPart(user, round.document.dossier) &&
  hasRole(user, 'head_of_delegation', 'expert', 'observer_delegate')

/** Whoever may speak for the party: its head, an observer's delegate, or its experts when allowed. */
export const maySubmitFor = (user: CurrentUser, round: RoundSubject) =>
  delegateOf(user, round) &&
  (hasRole(user, 'head_of_delegation', 'observer_delegate') ||
    (hasRole(user, 'expert') && !!user.partyId && round.expertsMaySubmit.has(user.partyId)))

allow('document', 'open_round', (user, doc) => isEditorOf(user, doc.dossier.organizationId))

allow('round', 'read', (user, r) => can(user, 'read', r.document))
allow('round', 'update', (user, r) => isEditorOf(user, orgOf(r)))
allow('round', 'contribute', (user, r) => delegateOf(user, r))
allow('round', 'submit', (user, r) => maySubmitFor(user, r))
allow('round', 'dispose', (user, r) => isEditorOf(user, orgOf(r)))
allow('round', 'publish_dispositions', (user, r) => isEditorOf(user, orgOf(r)))
allow('round', 'create_revision', (user, r) => isEditorOf(user, orgOf(r)))
/** Dispositions are the secretariat's until published. */
allow(
  'round',
  'read_dispositions',
  (user, r) => isSecretariatOf(user, orgOf(r)) || (r.dispositionsPublished && can(user, 'read', r.document)),
)

const ownParty = (user: CurrentUser, partyId: string) => user.partyId === partyId

/** A party's drafts stay within the party, the secretariat included. */
allow(
  'contribution',
  'read',
  (user, c) => can(user, 'read', c.round.document) && (ownParty(user, c.partyId) || c.status !== 'draft'),
)
allow(
  'contribution',
  'update',
  (user, c) => ownParty(user, c.partyId) && c.status === 'draft' && delegateOf(user, c.round),
)
allow(
  'contribution',
  'submit',
  (user, c) => ownParty(user, c.partyId) && c.status === 'draft' && maySubmitFor(user, c.round),
)
allow(
  'contribution',
  'withdraw',
  (user, c) =>
    ownParty(user, c.partyId) && c.status === 'submitted' && !c.disposed && maySubmitFor(user, c.round),
)
/** Another party taking part may join a submitted proposal, through its head of delegation, while the round is open. */
allow(
  'contribution',
  'cosponsor',
  (user, c) =>
    !ownParty(user, c.partyId) &&
    c.status === 'submitted' &&
    c.round.open &&
    !c.disposed &&
    hasRole(user, 'head_of_delegation') &&
    takesPart(user, c.round.document.dossier),
)
allow('contribution', 'dispose', (user, c) => isEditorOf(user, orgOf(c.round)) && c.status !== 'draft')
