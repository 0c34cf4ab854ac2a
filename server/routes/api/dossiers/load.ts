/** Loading a dossier for a route: need-to-know first (a dossier the user may not see is "not found"). */
import type { CurrentUser, Queryable } from '../../../context.js'
import { notFound } from '../../../errors.js'
import { can } from '../../../policies/index.js'
import { findDossier, loadDossierSubject } from '../../../repositories/dossiers.js'

export const DOSSIER_ACTIONS = ['read', 'update', 'move_stage', 'add_document', 'read_audit'] as const

/** Loads a dossier the user may read; a dossier outside the user's need-to-know is "not found". */
export async function readableDossier(db: Queryable, id: string, user: CurrentUser) {
  const dossier = await findDossier(db, id)
  const subject = await loadDossierSubject(db, dossier)
  if (!can(user, 'read', subject)) throw notFound('dossier_not_found')
  return { dossier, subject }
}
