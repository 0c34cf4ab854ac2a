/**
 * Supporting documents (a note verbale, a decree...) attached to a party's domestic approval.
 * The bytes are kept in the database with their SHA-256, so every node has them. The type is
 * detected from the content (never taken from the client); the client's file name is cleaned
 * and only ever offered as the download name, never used as a path.
 */
import { createHash } from 'node:crypto'
import type { ATTACHMENT_TYPES } from '@core/api/procedures.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { AttachmentRow, DossierRow } from '../db/types.js'
import { AppError } from '../errors.js'
import { newId } from '../ids.js'

export type AttachmentType = (typeof ATTACHMENT_TYPES)[number]

const EXTENSION: Record<AttachmentType, string> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'image/png': 'png',
  'image/jpeg': 'jpg',
}

const startsWith = (bytes: Uint8Array, signature: number[], at = 0) =>
  bytes.length >= at + signature.length && signature.every((b, i) => bytes[at + i] === b)

/** The names of the entries of a ZIP archive, read from its central directory (empty if not one). */
export function zipEntryNames(bytes: Uint8Array): string[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  // The end-of-central-directory record is within the last 22 + 65535 bytes.
  const floor = Math.max(0, bytes.length - 22 - 0xffff)
  let eocd = -1
  for (let i = bytes.length - 22; i >= floor; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i
      break
    }
  }
  if (eocd < 0) return []
  const count = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  const names: string[] = []
  const decoder = new TextDecoder()
  for (let n = 0; n < count && n < 10_000; n++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) break
    const nameLength = view.getUint16(at + 28, true)
    const extraLength = view.getUint16(at + 30, true)
    const commentLength = view.getUint16(at + 32, true)
    if (at + 46 + nameLength > bytes.length) break
    names.push(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)))
    at += 46 + nameLength + extraLength + commentLength
  }
  return names
}

/**
 * The media type of a file from its first bytes (and, for the ZIP-based office formats, its
 * entries): PDF, DOCX, ODT, PNG or JPEG; null for anything else.
 */
export function detectAttachmentType(bytes: Uint8Array): AttachmentType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf' // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // ODF puts an uncompressed `mimetype` entry first (ODF 1.2, part 3, 3.3).
    const odt = new TextEncoder().encode('mimetypeapplication/vnd.oasis.opendocument.text')
    if (startsWith(bytes, [...odt], 30)) return 'application/vnd.oasis.opendocument.text'
    const names = zipEntryNames(bytes)
    if (names.includes('word/document.xml') && names.includes('[Content_Types].xml'))
      return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
  }
  return null
}

/**
 * A file name safe to offer as a download name: the last path segment only, no control, bidirectional or
 * reserved characters, no leading dots, at most 150 characters, with the extension of the
 * detected type. "../../etc/passwd" becomes "passwd.pdf".
 */
export function sanitizeFilename(raw: string | undefined, type: AttachmentType): string {
  const ext = EXTENSION[type]
  const last = (raw ?? '').normalize('NFC').split(/[/\\]/).pop() ?? ''
  let name = last
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/g, '')
    // Bidirectional controls can disguise an extension ("fdp.exe" shown as "exe.pdf").
    .replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  const dot = name.lastIndexOf('.')
  const base = (dot > 0 ? name.slice(0, dot) : name).trim().slice(0, 150)
  name = base || 'document'
  return `${name}.${ext}`
}

export const attachmentTypeRefused = () =>
  new AppError(415, 'attachment_type_refused', { types: 'PDF, DOCX, ODT, PNG, JPEG' })

export interface ApprovalAttachmentUploaderProps {
  ctx: CommandContext
  dossier: DossierRow
  /** The domestic approval item it supports. */
  approval: { id: string; party_id: string }
  /** As the client named it; cleaned before it is kept. */
  filename: string | undefined
  bytes: Buffer
}

/** Keeps a supporting document of a party's domestic approval (415 for a type not accepted). */
export async function approvalAttachmentUploader({
  ctx,
  dossier,
  approval,
  filename,
  bytes,
}: ApprovalAttachmentUploaderProps): Promise<AttachmentRow> {
  const type = detectAttachmentType(bytes)
  if (!type) throw attachmentTypeRefused()
  const row: AttachmentRow = {
    id: newId(),
    organization_id: dossier.organization_id,
    dossier_id: dossier.id,
    owner_type: 'domestic_approval',
    owner_id: approval.id,
    party_id: approval.party_id,
    filename: sanitizeFilename(filename, type),
    media_type: type,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    content: bytes,
    uploaded_by: ctx.actor?.id ?? null,
    created_at: ctx.clock(),
  }
  await ctx.trx.insertInto('attachments').values(row).execute()
  await appendAudit(ctx, {
    action: 'attachment.upload',
    subjectType: 'attachment',
    subjectId: row.id,
    organizationId: dossier.organization_id,
    dossierId: dossier.id,
    change: {
      owner: { type: row.owner_type, id: row.owner_id },
      partyId: row.party_id,
      filename: row.filename,
      mediaType: row.media_type,
      size: row.size,
      sha256: row.sha256,
    },
  })
  return row
}
