/**
 * Table types for Kysely. Timestamps are ISO 8601 UTC strings and JSON columns are
 * text in both SQLite and PostgreSQL, so the same queries and the same rows come back
 * from both databases.
 */
import type { Insertable, Selectable } from 'kysely'

export interface OrganizationTable {
  id: string
  slug: string
  name: string
  short_name: string
  secretariat_name: string
  procedure: string
  version: number
  created_at: string
  updated_at: string
}

export interface PartyTable {
  id: string
  code: string
  name: string
  full_name: string
  created_at: string
}

export interface MembershipTable {
  id: string
  organization_id: string
  party_id: string
  status: 'member' | 'observer'
  since: string | null
  until: string | null
  experts_may_submit: number
}

export interface BodyTable {
  id: string
  organization_id: string
  code: string
  kind: string
  name: string
  decision_rule: string
  created_at: string
}

export interface UserTable {
  id: string
  email: string
  display_name: string
  password_hash: string
  locale: 'ru' | 'en'
  party_id: string | null
  secretariat_org_id: string | null
  roles: string
  disabled: number
  /** The secret in the user's personal calendar feed URL. */
  calendar_token: string | null
  version: number
  created_at: string
  updated_at: string
}

export interface SessionTable {
  id: string
  user_id: string
  csrf_token: string
  created_at: string
  last_seen_at: string
  expires_at: string
  ip: string | null
  user_agent: string | null
}

export interface DossierTable {
  id: string
  organization_id: string
  reference: string
  title: string
  stage: string
  procedure: string
  lead_body_id: string | null
  version: number
  created_at: string
  updated_at: string
}

export interface DossierParticipantTable {
  dossier_id: string
  party_id: string
  status: 'member' | 'observer'
}

export interface DocumentTable {
  id: string
  dossier_id: string
  kind: string
  title: string
  working_language: string
  position: number
  version: number
  created_at: string
  updated_at: string
}

export interface VersionTable {
  id: string
  document_id: string
  seq: number
  label: string
  status: 'draft' | 'published'
  content: string
  content_hash: string
  languages: string
  provision_count: number
  created_by: string | null
  created_at: string
  published_at: string | null
  version: number
  based_on_version_id: string | null
  frozen_at: string | null
  frozen_by: string | null
}

export interface ProvisionTable {
  version_id: string
  eid: string
  ordinal: number
  section: string
  kind: string
  num: string | null
  parent_eid: string | null
  depth: number
  heading: string | null
  text: string
}

export interface AuditEntryTable {
  seq: number
  at: string
  actor_user_id: string | null
  actor_party_id: string | null
  organization_id: string | null
  dossier_id: string | null
  action: string
  subject_type: string
  subject_id: string
  digest: string
  change: string
  request_id: string | null
  prev_hash: string
  entry_hash: string
}

export interface CommentRoundTable {
  id: string
  dossier_id: string
  document_id: string
  version_id: string
  opens_at: string
  closes_at: string
  timezone: string
  dispositions_published_at: string | null
  changes: number
  created_by: string | null
  created_at: string
  updated_at: string
  version: number
}

export interface ContributionTable {
  id: string
  round_id: string
  dossier_id: string
  document_id: string
  version_id: string
  party_id: string
  is_observer: number
  provision_eid: string | null
  kind: string
  type: string
  language: string
  comment: string | null
  proposed_text: string | null
  span_start: number | null
  span_end: number | null
  after_eid: string | null
  justification: string | null
  status: 'draft' | 'submitted' | 'withdrawn'
  drafted_by: string | null
  submitted_by: string | null
  submitted_at: string | null
  created_at: string
  updated_at: string
  version: number
}

export interface CosponsorTable {
  contribution_id: string
  party_id: string
  created_at: string
}

export interface DispositionTable {
  contribution_id: string
  round_id: string
  decision: string
  reasoning: string
  adopted_text: string | null
  merged_into: string | null
  decided_by: string | null
  decided_at: string
  version: number
}

export interface ProvisionSourceTable {
  version_id: string
  eid: string
  contribution_id: string
}

export interface NotificationTable {
  id: string
  user_id: string
  kind: string
  params: string
  link: string
  dedupe_key: string | null
  read_at: string | null
  created_at: string
  /** How the notice reaches the mailbox, from the preference when written; null: no e-mail address. */
  mail_mode: 'immediate' | 'digest' | 'off' | null
  /** When a digest-mode notice went out in a daily digest. */
  digested_at: string | null
}

export interface PositionEventTable {
  id: string
  dossier_id: string
  document_id: string
  version_id: string
  party_id: string
  is_observer: number
  provision_eid: string | null
  kind: string
  text: string | null
  stated_by: string | null
  at: string
}

export interface SilenceProcedureTable {
  id: string
  dossier_id: string
  document_id: string
  version_id: string
  deadline: string
  timezone: string
  started_by: string | null
  started_at: string
  broken_at: string | null
  broken_by: string | null
  completed_at: string | null
  job_id: string | null
}

export interface JobTable {
  id: string
  kind: string
  run_at: string
  payload: string
  status: 'pending' | 'running' | 'done' | 'failed' | 'cancelled'
  attempts: number
  locked_by: string | null
  locked_until: string | null
  last_error: string | null
  created_at: string
  done_at: string | null
  /** Unique when set: a job scheduled under a key exists once. */
  key: string | null
}

export interface BracketEventTable {
  id: string
  version_id: string
  bracket_id: string
  kind: 'back' | 'unback' | 'resolve'
  party_id: string | null
  alternative: number | null
  text: string | null
  agreed_by: string | null
  by_user: string | null
  at: string
}

export interface DomesticApprovalTable {
  id: string
  dossier_id: string
  party_id: string
  status: string
  due_date: string | null
  note: string | null
  updated_by: string | null
  updated_at: string
  version: number
  /** What the approval did to the party's ad referendum agreement. */
  ad_referendum: 'confirmed' | 'withdrawn' | null
}

export interface PositionDelegateTable {
  organization_id: string
  party_id: string
  user_id: string
  designated_by: string | null
  created_at: string
}

export interface ProcedureTemplateTable {
  id: string
  organization_id: string
  code: string
  /** LocalizedText as JSON. */
  name: string
  /** ProcedureDefinition as JSON (core/domain/procedure.ts). */
  definition: string
  updated_by: string | null
  created_at: string
  updated_at: string
  version: number
}

export interface StageMoveTable {
  id: string
  dossier_id: string
  from_stage: string | null
  to_stage: string
  moved_by: string | null
  at: string
  note: string | null
}

export interface MeetingTable {
  id: string
  organization_id: string
  body_id: string
  /** LocalizedText as JSON. */
  title: string
  starts_at: string
  ends_at: string
  /** IANA zone the meeting is held in, e.g. Europe/Minsk. */
  timezone: string
  /** LocalizedText as JSON, e.g. "CIS Executive Committee, Minsk". */
  place: string
  format: 'in_person' | 'videoconference' | 'hybrid'
  conference_url: string | null
  status: 'scheduled' | 'held' | 'cancelled'
  /** iCalendar UID; SEQUENCE grows with each update sent. */
  uid: string
  sequence: number
  created_by: string | null
  created_at: string
  updated_at: string
  version: number
}

export interface MeetingParticipantTable {
  id: string
  meeting_id: string
  user_id: string | null
  /** Null for the secretariat's staff. */
  party_id: string | null
  name: string
  email: string | null
  function: 'plenipotentiary' | 'expert' | 'observer_delegate' | 'secretariat'
  invitation: 'invited' | 'accepted' | 'declined' | 'tentative'
  responded_at: string | null
  attendance: 'present' | 'remote' | 'absent' | null
  version: number
}

export interface AgendaItemTable {
  id: string
  meeting_id: string
  position: number
  /** LocalizedText as JSON. */
  title: string
  dossier_id: string | null
  document_id: string | null
  version_id: string | null
  outcome: 'agreed' | 'agreed_ad_referendum' | 'agreed_with_reservations' | 'returned' | 'postponed' | null
  outcome_note: string | null
  outcome_by: string | null
  outcome_at: string | null
  version: number
}

export interface MinutesTable {
  id: string
  meeting_id: string
  status: 'draft' | 'approved'
  /** The minutes per language, as JSON. */
  content: string
  content_hash: string
  drafted_at: string
  updated_by: string | null
  updated_at: string
  approved_by: string | null
  approved_at: string | null
  version: number
}

export interface AttachmentTable {
  id: string
  organization_id: string
  dossier_id: string | null
  /** What it supports, e.g. 'domestic_approval'. */
  owner_type: string
  owner_id: string
  party_id: string | null
  /** Shown and offered on download only; never used as a path. */
  filename: string
  /** Detected from the content, not taken from the client. */
  media_type: string
  size: number
  sha256: string
  content: Buffer
  uploaded_by: string | null
  created_at: string
}

export interface AdoptionTable {
  id: string
  dossier_id: string
  body_id: string
  meeting_id: string | null
  decision: 'recommended' | 'adopted'
  decided_on: string
  signed_on: string | null
  /** Party codes, as JSON. */
  signatories: string
  /** [{documentId, versionId, contentHash}] as JSON. */
  texts: string
  content_hash: string
  recorded_by: string | null
  created_at: string
  version: number
}

export interface SpecialOpinionTable {
  id: string
  adoption_id: string
  party_id: string
  /** LocalizedText as JSON. */
  text: string
  created_by: string | null
  created_at: string
}

export interface NotificationPreferenceTable {
  user_id: string
  kind: string
  mode: 'immediate' | 'digest' | 'off'
}

export interface MailOutboxTable {
  id: string
  user_id: string | null
  to_address: string
  language: string
  kind: string
  subject: string
  text: string
  html: string | null
  /** An attachment (e.g. an .ics invitation) as JSON {filename, contentType, content}. */
  attachment: string | null
  status: 'pending' | 'sent' | 'failed'
  message_id: string | null
  error: string | null
  dedupe_key: string | null
  created_at: string
  sent_at: string | null
  /** Delivery attempts so far; failed after the last one. */
  attempts: number
  /** When a refused mail is tried again (null: as soon as possible). */
  next_attempt_at: string | null
}

export interface RubricTable {
  id: string
  organization_id: string
  slug: string
  /** LocalizedText as JSON (ru, en, tg). */
  name: string
  position: number
  created_at: string
}

export interface MediaTable {
  id: string
  organization_id: string
  /** Shown only; never used as a path. */
  filename: string
  /** Detected from the content. */
  media_type: string
  width: number
  height: number
  size: number
  sha256: string
  content: Buffer
  created_by: string | null
  created_at: string
}

export interface MediaRenditionTable {
  media_id: string
  /** e.g. 'thumb', 'medium', 'large'. */
  name: string
  media_type: string
  width: number
  height: number
  size: number
  content: Buffer
}

export interface NewsItemTable {
  id: string
  organization_id: string
  /** The language versions of one item share a group. */
  group_id: string
  language: 'ru' | 'en' | 'tg'
  slug: string
  status: 'draft' | 'in_review' | 'published' | 'archived'
  title: string
  lead: string
  /** Sanitized HTML. */
  body: string
  rubric_id: string | null
  /** string[] as JSON. */
  tags: string
  photo_media_id: string | null
  photo_caption: string | null
  photo_alt: string | null
  photo_credit: string | null
  /** Attribution, e.g. "пресс-служба Исполкома СНГ", and the original's URL. */
  source_name: string | null
  source_url: string | null
  dateline_city: string | null
  /** ISO date. */
  dateline_date: string | null
  timezone: string
  scheduled_at: string | null
  published_at: string | null
  /** Cannot be published before this document is agreed (frozen) or adopted. */
  embargo_document_id: string | null
  /** The meeting whose outcome it was drafted from. */
  meeting_id: string | null
  /** The feed entry it republishes, for syndicated items. */
  syndicated_entry_id: string | null
  created_by: string | null
  updated_by: string | null
  created_at: string
  updated_at: string
  version: number
}

export interface FeedSubscriptionTable {
  id: string
  organization_id: string
  url: string
  title: string
  /** Named in the attribution line, e.g. "пресс-служба Исполкома СНГ". */
  source_name: string
  /** Where republished items go by default. */
  rubric_id: string | null
  etag: string | null
  last_modified: string | null
  last_fetched_at: string | null
  last_error: string | null
  created_by: string | null
  created_at: string
  version: number
}

export interface FeedEntryTable {
  id: string
  subscription_id: string
  guid: string
  title: string
  link: string
  summary: string | null
  content: string | null
  language: string | null
  published_at: string | null
  fetched_at: string
  republished_item_id: string | null
}

export interface Database {
  organizations: OrganizationTable
  parties: PartyTable
  memberships: MembershipTable
  bodies: BodyTable
  users: UserTable
  sessions: SessionTable
  dossiers: DossierTable
  dossier_participants: DossierParticipantTable
  documents: DocumentTable
  versions: VersionTable
  provisions: ProvisionTable
  audit_entries: AuditEntryTable
  comment_rounds: CommentRoundTable
  contributions: ContributionTable
  contribution_cosponsors: CosponsorTable
  dispositions: DispositionTable
  provision_sources: ProvisionSourceTable
  notifications: NotificationTable
  position_events: PositionEventTable
  silence_procedures: SilenceProcedureTable
  jobs: JobTable
  bracket_events: BracketEventTable
  domestic_approvals: DomesticApprovalTable
  position_delegates: PositionDelegateTable
  procedure_templates: ProcedureTemplateTable
  stage_moves: StageMoveTable
  meetings: MeetingTable
  meeting_participants: MeetingParticipantTable
  agenda_items: AgendaItemTable
  minutes: MinutesTable
  attachments: AttachmentTable
  adoptions: AdoptionTable
  special_opinions: SpecialOpinionTable
  notification_preferences: NotificationPreferenceTable
  mail_outbox: MailOutboxTable
  rubrics: RubricTable
  media: MediaTable
  media_renditions: MediaRenditionTable
  news_items: NewsItemTable
  feed_subscriptions: FeedSubscriptionTable
  feed_entries: FeedEntryTable
}

export type OrganizationRow = Selectable<OrganizationTable>
export type PartyRow = Selectable<PartyTable>
export type MembershipRow = Selectable<MembershipTable>
export type BodyRow = Selectable<BodyTable>
export type UserRow = Selectable<UserTable>
export type SessionRow = Selectable<SessionTable>
export type DossierRow = Selectable<DossierTable>
export type DocumentRow = Selectable<DocumentTable>
export type VersionRow = Selectable<VersionTable>
export type ProvisionRow = Selectable<ProvisionTable>
export type AuditEntryRow = Selectable<AuditEntryTable>
export type NewAuditEntry = Insertable<AuditEntryTable>
export type CommentRoundRow = Selectable<CommentRoundTable>
export type ContributionRow = Selectable<ContributionTable>
export type DispositionRow = Selectable<DispositionTable>
export type NotificationRow = Selectable<NotificationTable>
export type PositionEventRow = Selectable<PositionEventTable>
export type SilenceProcedureRow = Selectable<SilenceProcedureTable>
export type JobRow = Selectable<JobTable>
export type ProcedureTemplateRow = Selectable<ProcedureTemplateTable>
export type MeetingRow = Selectable<MeetingTable>
export type MeetingParticipantRow = Selectable<MeetingParticipantTable>
export type AgendaItemRow = Selectable<AgendaItemTable>
export type MinutesRow = Selectable<MinutesTable>
export type AttachmentRow = Selectable<AttachmentTable>
export type AdoptionRow = Selectable<AdoptionTable>
export type MailOutboxRow = Selectable<MailOutboxTable>
export type RubricRow = Selectable<RubricTable>
export type MediaRow = Selectable<MediaTable>
export type NewsItemRow = Selectable<NewsItemTable>
export type FeedSubscriptionRow = Selectable<FeedSubscriptionTable>
export type FeedEntryRow = Selectable<FeedEntryTable>
