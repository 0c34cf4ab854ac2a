/**
 * Who may do what in the press service's newsroom. The organization's secretariat reads the
 * newsroom (drafts included: the pen-holders check the facts); its press officers and
 * administrators write, move items between states and upload images. Delegates of parties do
 * not see the newsroom at all (need-to-know: 404); the public reads published items on the
 * portal. The state-dependent rules below feed the `policies` of responses, so the screens
 * offer only the moves the state allows; a route authorizes `write` and the command refuses a
 * move the state does not allow with 409.
 */
import type { CurrentUser } from '../context.js'
import { allow, hasRole, isSecretariatOf, type NewsItemSubject } from './policy.js'

/** A press officer or administrator of the organization's secretariat. */
export const writesNews = (user: CurrentUser, organizationId: string) =>
  isSecretariatOf(user, organizationId) && hasRole(user, 'press_officer', 'secretariat_admin')

const writesItem = (user: CurrentUser, n: NewsItemSubject) => writesNews(user, n.organizationId)

allow('organization', 'read_news', (user, org) => isSecretariatOf(user, org.id))
allow('organization', 'write_news', (user, org) => writesNews(user, org.id))

allow('news_item', 'read', (user, n) => isSecretariatOf(user, n.organizationId))
/** Any write (the command then checks the state). */
allow('news_item', 'write', writesItem)
allow('news_item', 'update', (user, n) => writesItem(user, n) && n.status !== 'archived')
allow('news_item', 'translate', (user, n) => writesItem(user, n) && n.status !== 'archived')
allow('news_item', 'submit', (user, n) => writesItem(user, n) && n.status === 'draft')
allow('news_item', 'return', (user, n) => writesItem(user, n) && n.status === 'in_review')
allow('news_item', 'publish', (user, n) => writesItem(user, n) && n.status === 'in_review')
allow('news_item', 'archive', (user, n) => writesItem(user, n) && n.status === 'published')

allow('media', 'read', (user, m) => isSecretariatOf(user, m.organizationId))

/** Drafting a news item from a meeting's outcome. */
allow('meeting', 'draft_news', (user, m) => writesNews(user, m.organizationId))
