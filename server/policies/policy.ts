/**
 * Declarative policies (after Outline's cancan-style policies): `allow(type, action, rule)`
 * registers who may do what to a kind of subject; `can()` answers; `authorize()` throws
 * 403 `permission_required`. One file per resource registers its rules.
 */
import type { Role } from '@core/domain/roles.js'
import type { CurrentUser } from '../context.js'
import { forbidden } from '../errors.js'

/** Subjects policies reason about, loaded with what the rules need. */
export interface OrganizationSubject {
  type: 'organization'
  id: string
  /** Parties with a membership (member or observer) in the organization. */
  partyIds: ReadonlySet<string>
}
export interface DossierSubject {
  type: 'dossier'
  id: string
  organizationId: string
  /** Parties taking part in the dossier (members and observers). */
  participantIds: ReadonlySet<string>
  /** Users designated by their party to state its positions (loaded where positions are stated). */
  positionDelegates?: ReadonlySet<string>
}
export interface DocumentSubject {
  type: 'document'
  id: string
  dossier: DossierSubject
}
export interface VersionSubject {
  type: 'version'
  id: string
  status: 'draft' | 'published'
  /** Frozen as agreed: it takes no positions, brackets or silence any more. */
  frozen?: boolean
  document: DocumentSubject
}
export interface RoundSubject {
  type: 'round'
  id: string
  document: DocumentSubject
  /** Parties whose experts may submit without their head of delegation. */
  expertsMaySubmit: ReadonlySet<string>
  dispositionsPublished: boolean
  /** Accepting contributions now (between its opening and closing). */
  open: boolean
}
export interface ContributionSubject {
  type: 'contribution'
  id: string
  partyId: string
  status: 'draft' | 'submitted' | 'withdrawn'
  disposed: boolean
  round: RoundSubject
}
/** A meeting of a body (server/policies/meetings.ts). */
export interface MeetingSubject {
  type: 'meeting'
  id: string
  organizationId: string
  status: 'scheduled' | 'held' | 'cancelled'
  /** Parties with at least one participant in the meeting. */
  partyIds: ReadonlySet<string>
  /** Users invited in person. */
  userIds: ReadonlySet<string>
}
/** The minutes of a meeting (server/policies/minutes.ts); read as the meeting is. */
export interface MinutesSubject {
  type: 'minutes'
  /** The meeting's id (a meeting has at most one set of minutes). */
  id: string
  meeting: MeetingSubject
  /** Minutes exist for the meeting. */
  exists: boolean
  /** Approved minutes are immutable. */
  approved: boolean
}
/** A decision of a council on a dossier (server/policies/adoptions.ts); read as the dossier is. */
export interface AdoptionSubject {
  type: 'adoption'
  id: string
  dossier: DossierSubject
  /** Participating members of the dossier (they sign; their heads add special opinions). */
  memberIds: ReadonlySet<string>
}
/** A news item of the press service (server/policies/news.ts). */
export interface NewsItemSubject {
  type: 'news_item'
  id: string
  organizationId: string
  status: 'draft' | 'in_review' | 'published' | 'archived'
}
/** An uploaded image of a newsroom (server/policies/news.ts). */
export interface MediaSubject {
  type: 'media'
  id: string
  organizationId: string
}
export type Subject =
  | NewsItemSubject
  | MediaSubject
  | MinutesSubject
  | AdoptionSubject
  | MeetingSubject
  | OrganizationSubject
  | DossierSubject
  | DocumentSubject
  | VersionSubject
  | RoundSubject
  | ContributionSubject
type SubjectOf<T extends Subject['type']> = Extract<Subject, { type: T }>

type Rule<S> = (user: CurrentUser, subject: S) => boolean
const rules = new Map<string, Rule<any>>()

/** Registers the rule for an action on a kind of subject. */
export function allow<T extends Subject['type']>(type: T, action: string, rule: Rule<SubjectOf<T>>): void {
  rules.set(`${type}:${action}`, rule)
}

/** Whether the user may do the action; unknown actions are denied. */
export function can(user: CurrentUser | null, action: string, subject: Subject): boolean {
  if (!user) return false
  const rule = rules.get(`${subject.type}:${action}`)
  return rule ? rule(user, subject) : false
}

/** Throws 403 unless the user may do the action. */
export function authorize(user: CurrentUser | null, action: string, subject: Subject): void {
  if (!can(user, action, subject)) throw forbidden()
}

/** The user's abilities on a subject, for the `policies` member of responses. */
export function policiesFor(user: CurrentUser | null, subject: Subject, actions: readonly string[]) {
  const out: Record<string, boolean> = {}
  for (const action of actions) out[action] = can(user, action, subject)
  return out
}

/** Actions registered for a kind of subject (for the policy matrix test). */
export function registeredActions(type: Subject['type']): string[] {
  return [...rules.keys()].filter((k) => k.startsWith(`${type}:`)).map((k) => k.slice(type.length + 1))
}

// Building blocks
export const hasRole = (user: CurrentUser, ...roles: Role[]) => user.roles.some((r) => roles.includes(r))
export const isSecretariatOf = (user: CurrentUser, organizationId: string) =>
  user.secretariatOrgId === organizationId
export const isEditorOf = (user: CurrentUser, organizationId: string) =>
  isSecretariatOf(user, organizationId) && hasRole(user, 'secretariat_editor', 'secretariat_admin')
export const takesPart = (user: CurrentUser, dossier: DossierSubject) =>
  !!user.partyId && dossier.participantIds.has(user.partyId)
