/** Roles a user holds within their party or within the secretariat. */
export const ROLES = [
  'secretariat_admin',
  'secretariat_editor',
  'head_of_delegation',
  'expert',
  'observer_delegate',
  'press_officer',
] as const
export type Role = (typeof ROLES)[number]

/** Roles that only members of the secretariat may hold. */
export const SECRETARIAT_ROLES: readonly Role[] = ['secretariat_admin', 'secretariat_editor', 'press_officer']
/** Roles that only delegates of a party may hold. */
export const PARTY_ROLES: readonly Role[] = ['head_of_delegation', 'expert', 'observer_delegate']

export const MEMBERSHIP_STATUSES = ['member', 'observer'] as const
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number]

export const BODY_KINDS = ['expert_group', 'council', 'committee', 'plenary'] as const
export type BodyKind = (typeof BODY_KINDS)[number]

export const DOCUMENT_KINDS = [
  'joint_statement',
  'decision',
  'agreement',
  'protocol',
  'resolution',
  'other',
] as const
export type DocumentKind = (typeof DOCUMENT_KINDS)[number]

export const VERSION_STATUSES = ['draft', 'published'] as const
export type VersionStatus = (typeof VERSION_STATUSES)[number]
