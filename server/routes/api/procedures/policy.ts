/**
 * Who may change an organization's procedures: its secretariat's administrator only (the
 * editors move dossiers along them; everyone in the organization reads them).
 */
import { allow, hasRole, isSecretariatOf } from '../../../policies/policy.js'

allow(
  'organization',
  'manage_procedures',
  (user, org) => isSecretariatOf(user, org.id) && hasRole(user, 'secretariat_admin'),
)
