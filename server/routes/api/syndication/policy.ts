/**
 * Who may use syndication: the organization's secretariat reads its subscriptions and their
 * entries; its press officers and administrators subscribe, fetch, unsubscribe and republish.
 * Delegates of parties do not see a newsroom (404 for a subscription, 403 for the lists).
 */
import { allow, hasRole, isSecretariatOf } from '../../../policies/policy.js'

allow('organization', 'read_syndication', (user, org) => isSecretariatOf(user, org.id))
allow(
  'organization',
  'manage_syndication',
  (user, org) => isSecretariatOf(user, org.id) && hasRole(user, 'press_officer', 'secretariat_admin'),
)
