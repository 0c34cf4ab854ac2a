/**
 * Who does what, and when, as the demo replays the story through the commands: a demo
 * account as the acting user, and a command context at one of the story's moments.
 */
import type { Role } from '../../core/domain/roles.js'
import type { CommandContext, CurrentUser } from '../context.js'

/** The demo account with this e-mail, as the acting user of a command. */
export async function actorByEmail(ctx: CommandContext, email: string): Promise<CurrentUser> {
  const u = await ctx.trx.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow()
  return {
    id: u.id,
    email: u.email,
    displayName: u.display_name,
    locale: u.locale,
    partyId: u.party_id,
    secretariatOrgId: u.secretariat_org_id,
    roles: JSON.parse(u.roles) as Role[],
    version: u.version,
  }
}

/** The context of a command by `actor` at the story's moment `iso`. */
export const at = (ctx: CommandContext, actor: CurrentUser, iso: string): CommandContext => ({
  ...ctx,
  actor,
  clock: () => new Date(iso).toISOString(),
})

/** `minutes` after the moment `iso`, as an ISO string. */
export const later = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString()
