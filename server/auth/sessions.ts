/**
 * Sessions stored in the database. The cookie holds a random token; the table holds only
 * its SHA-256, so a leaked database does not yield live sessions. Logout deletes the row,
 * which invalidates the session on every node at once.
 */
import { createHash, randomBytes } from 'node:crypto'
import type { Role } from '@core/domain/roles.js'
import type { CurrentUser, Queryable } from '../context.js'
import { nowIso } from '../ids.js'

export const SESSION_COOKIE = 'concord_session'
/** Sliding expiry is refreshed at most this often, so that reads stay reads. */
const TOUCH_INTERVAL_MS = 5 * 60 * 1000

export function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export interface NewSession {
  token: string
  csrfToken: string
  expiresAt: string
}

/** Creates a session row for the user; returns the token for the cookie. */
export async function createSession(
  db: Queryable,
  userId: string,
  ttlHours: number,
  meta: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url')
  const csrfToken = randomBytes(24).toString('base64url')
  const now = nowIso()
  const expiresAt = new Date(Date.now() + ttlHours * 3600_000).toISOString()
  await db
    .insertInto('sessions')
    .values({
      id: tokenId(token),
      user_id: userId,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: expiresAt,
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute()
  return { token, csrfToken, expiresAt }
}

export interface SessionUser {
  sessionId: string
  csrfToken: string
  user: CurrentUser
}

/** The user of a session token, or null if the token is unknown, expired or the user disabled. */
export async function findSessionUser(
  db: Queryable,
  token: string,
  ttlHours: number,
): Promise<SessionUser | null> {
  const id = tokenId(token)
  const row = await db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.csrf_token',
      'sessions.expires_at',
      'sessions.last_seen_at',
      'users.id',
      'users.email',
      'users.display_name',
      'users.locale',
      'users.party_id',
      'users.secretariat_org_id',
      'users.roles',
      'users.disabled',
      'users.version',
    ])
    .where('sessions.id', '=', id)
    .executeTakeFirst()
  if (!row || row.disabled) return null
  const now = Date.now()
  if (Date.parse(row.expires_at) <= now) {
    await db.deleteFrom('sessions').where('id', '=', id).execute()
    return null
  }
  if (now - Date.parse(row.last_seen_at) > TOUCH_INTERVAL_MS) {
    await db
      .updateTable('sessions')
      .set({
        last_seen_at: new Date(now).toISOString(),
        expires_at: new Date(now + ttlHours * 3600_000).toISOString(),
      })
      .where('id', '=', id)
      .execute()
  }
  return {
    sessionId: id,
    csrfToken: row.csrf_token,
    user: {
      id: row.id,
      email: row.email,
      displayName: row.display_name,
      locale: row.locale,
      partyId: row.party_id,
      secretariatOrgId: row.secretariat_org_id,
      roles: JSON.parse(row.roles) as Role[],
      version: row.version,
    },
  }
}

export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', sessionId).execute()
}
