/** Commands on users and their sessions. */
import { PARTY_ROLES, type Role, SECRETARIAT_ROLES } from '@core/domain/roles.js'
import { appendAudit } from '../audit/log.js'
import { hashPassword } from '../auth/passwords.js'
import { createSession, deleteSession, type NewSession } from '../auth/sessions.js'
import type { CommandContext, CurrentUser } from '../context.js'
import type { UserRow } from '../db/types.js'
import { AppError, assertVersion } from '../errors.js'
import { newId } from '../ids.js'
import { updateVersioned } from './optimistic.js'

export interface UserCreatorProps {
  ctx: CommandContext
  email: string
  displayName: string
  password: string
  locale: 'ru' | 'en'
  roles: Role[]
  /** Exactly one of partyId and secretariatOrgId. */
  partyId: string | null
  secretariatOrgId: string | null
}

/**
 * Creates a user. A user belongs to one party or to one secretariat, and holds only the
 * roles that fit: secretariat roles for staff, party roles for delegates.
 */
export async function userCreator(props: UserCreatorProps): Promise<UserRow> {
  const { ctx } = props
  if (!!props.partyId === !!props.secretariatOrgId)
    throw new AppError(422, 'validation_failed', { fields: 'party' })
  const allowed = props.partyId ? PARTY_ROLES : SECRETARIAT_ROLES
  const wrong = props.roles.filter((r) => !allowed.includes(r))
  if (wrong.length || props.roles.length === 0)
    throw new AppError(422, 'validation_failed', { fields: 'roles' })
  const now = ctx.clock()
  const row: UserRow = {
    id: newId(),
    email: props.email.trim().toLowerCase(),
    display_name: props.displayName,
    password_hash: await hashPassword(props.password),
    locale: props.locale,
    party_id: props.partyId,
    secretariat_org_id: props.secretariatOrgId,
    roles: JSON.stringify(props.roles),
    disabled: 0,
    calendar_token: null,
    version: 1,
    created_at: now,
    updated_at: now,
  }
  await ctx.trx.insertInto('users').values(row).execute()
  await appendAudit(ctx, {
    action: 'user.create',
    subjectType: 'user',
    subjectId: row.id,
    organizationId: props.secretariatOrgId,
    change: {
      email: row.email,
      roles: props.roles,
      partyId: props.partyId,
      secretariatOrgId: props.secretariatOrgId,
    },
  })
  return row
}

/** Sets a user's password and signs them out everywhere. */
export async function passwordSetter(ctx: CommandContext, user: UserRow, password: string): Promise<void> {
  await updateVersioned(ctx.trx, 'users', user.id, user.version, {
    password_hash: await hashPassword(password),
    updated_at: ctx.clock(),
  })
  await ctx.trx.deleteFrom('sessions').where('user_id', '=', user.id).execute()
  await appendAudit(ctx, { action: 'user.password', subjectType: 'user', subjectId: user.id, change: {} })
}

/** Stores the user's interface language. */
export async function localeSetter(
  ctx: CommandContext,
  user: CurrentUser,
  expected: number,
  locale: 'ru' | 'en',
) {
  assertVersion(user.version, expected)
  const version = await updateVersioned(ctx.trx, 'users', user.id, user.version, {
    locale,
    updated_at: ctx.clock(),
  })
  await appendAudit(ctx, {
    action: 'user.locale',
    subjectType: 'user',
    subjectId: user.id,
    change: { locale },
  })
  return { ...user, locale, version }
}

/** Signs a user in: a new session, and its audit entry. */
export async function sessionStarter(
  ctx: CommandContext,
  user: UserRow,
  ttlHours: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const session = await createSession(ctx.trx, user.id, ttlHours, meta)
  await appendAudit(
    { ...ctx, actor: { id: user.id, partyId: user.party_id } as CurrentUser },
    { action: 'auth.login', subjectType: 'user', subjectId: user.id, change: { ip: meta.ip } },
  )
  return session
}

/** Signs out: the session row is deleted, so the cookie is dead on every node. */
export async function sessionEnder(ctx: CommandContext, sessionId: string): Promise<void> {
  await deleteSession(ctx.trx, sessionId)
  if (ctx.actor) {
    await appendAudit(ctx, {
      action: 'auth.logout',
      subjectType: 'user',
      subjectId: ctx.actor.id,
      change: {},
    })
  }
}
