/**
 * Loading a document or a version that the user may read; one that is outside the user's
 * need-to-know is reported as not found. Shared by every route under /api/documents.
 */
import type { CurrentUser, Queryable } from '../../../context.js'
import { notFound } from '../../../errors.js'
import { can } from '../../../policies/index.js'
import { findVersionSummary, loadDocument, versionSubject } from '../../../repositories/documents.js'

export async function readableDocument(db: Queryable, documentId: string, user: CurrentUser) {
  const loaded = await loadDocument(db, documentId)
  if (!can(user, 'read', loaded.subject)) throw notFound('document_not_found')
  return loaded
}

export async function readableVersion(
  db: Queryable,
  documentId: string,
  versionId: string,
  user: CurrentUser,
) {
  const loaded = await readableDocument(db, documentId, user)
  const summary = await findVersionSummary(db, loaded.document.id, versionId)
  const subject = versionSubject(summary, loaded.subject)
  if (!can(user, 'read', subject)) throw notFound('version_not_found')
  return { ...loaded, summary, versionSubject: subject }
}
