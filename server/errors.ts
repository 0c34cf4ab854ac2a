/**
 * One error module with stable codes. Factories carry the HTTP status, the stable
 * snake_case code (listed in docs/api.md) and the parameters of the translated message;
 * the global handler renders `{ error: { code, message, details } }` in the user's language
 * and hides the cause of any 5xx.
 */
import { type FailureNames, failureMessage, type GuardFailure } from '@core/domain/procedure.js'

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    /** Values for the message placeholders. */
    readonly params: Record<string, string | number> = {},
    /** Machine-readable details returned to the client. */
    readonly details?: Record<string, unknown>,
    /** Sentences appended to the message, each translated with its own parameters. */
    readonly parts?: { key: string; params: Record<string, string | number> }[],
  ) {
    super(code)
  }
}

export type NotFoundCode =
  | 'organization_not_found'
  | 'dossier_not_found'
  | 'document_not_found'
  | 'version_not_found'
  | 'body_not_found'
  | 'user_not_found'
  | 'route_not_found'
  | 'round_not_found'
  | 'contribution_not_found'
  | 'notification_not_found'

export const notFound = (code: NotFoundCode) => new AppError(404, code)
export const unauthenticated = () => new AppError(401, 'authentication_required')
export const invalidCredentials = () => new AppError(401, 'invalid_credentials')
export const forbidden = (code: 'permission_required' | 'csrf_token_invalid' = 'permission_required') =>
  new AppError(403, code)
/** A stale `version`: the client must reload; `current` is returned in details. */
export const versionChanged = (current: number) =>
  new AppError(409, 'version_changed', { current }, { current })
export const conflict = (code: 'version_immutable' | 'reference_taken', details?: Record<string, unknown>) =>
  new AppError(409, code, {}, details)
export const validationFailed = (fields: { path: string; message: string }[]) =>
  new AppError(
    422,
    'validation_failed',
    { fields: fields.map((f) => f.path || '(body)').join(', ') },
    { fields },
  )
export const partyNotFound = (codes: string[]) =>
  new AppError(422, 'party_not_found', { codes: codes.join(', ') }, { codes })

/** Throws `version_changed` unless the client's version is the current one. */
export function assertVersion(current: number, sent: number): void {
  if (current !== sent) throw versionChanged(current)
}

/** The procedure does not allow this move; `allowed` lists the stages it does allow from here. */
export const stageTransitionRefused = (from: string, to: string, allowed: string[]) =>
  new AppError(
    409,
    'stage_transition_refused',
    { from: `i18n:stage.${from}`, to: `i18n:stage.${to}` },
    { from, to, allowed },
  )

/** A contribution on a provision the version does not have. */
export const provisionNotFound = (eid: string, versionLabel: string) =>
  new AppError(404, 'provision_not_found', { eid, version: versionLabel }, { eid })
/** The round's version is no longer the current one; `current` names the one to address. */
export const versionSuperseded = (label: string, current: { id: string; label: string }) =>
  new AppError(409, 'version_superseded', { version: label, current: current.label }, { current })
/** Outside the round's dates; the message gives them in the round's time zone. */
export const roundNotOpen = (state: 'closed' | 'scheduled', at: string, shown: string) =>
  state === 'closed'
    ? new AppError(409, 'round_closed', { closesAt: shown }, { closesAt: at })
    : new AppError(409, 'round_not_yet_open', { opensAt: shown }, { opensAt: at })
export const contributionConflict = (
  code:
    | 'contribution_withdrawn'
    | 'contribution_disposed'
    | 'contribution_not_draft'
    | 'contribution_not_submitted'
    | 'cosponsor_own_party'
    | 'round_dates_invalid',
) => new AppError(409, code)
export const textTooLong = (field: string, limit: number) =>
  new AppError(413, 'text_too_long', { limit }, { field, limit })

/**
 * A move of the procedure whose guards fail; each failure becomes a sentence of the message,
 * naming the parties, documents or bodies that hold it up (`names`, in the actor's language).
 */
export const stageGuardFailed = (failures: GuardFailure[], names: FailureNames) =>
  new AppError(
    409,
    'stage_guard_failed',
    {},
    { failures },
    failures.map((f) => failureMessage(f, names)),
  )
