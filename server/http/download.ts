/** Sending a generated file as a download with a safe, readable file name. */
import type { FastifyReply } from 'fastify'

export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
export const PDF_TYPE = 'application/pdf'

/**
 * `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name (RFC 6266 /
 * RFC 5987), so Cyrillic names survive in every browser.
 */
export function sendDownload(reply: FastifyReply, bytes: Uint8Array, type: string, name: string) {
  const ascii =
    name
      .normalize('NFKD')
      .replace(/[^\x20-\x7e]/g, '')
      .replace(/["\\/]/g, '-')
      .trim() || 'concord'
  const utf8 = encodeURIComponent(name.replace(/[/\\]/g, '-'))
  return reply
    .type(type)
    .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${utf8}`)
    .header('cache-control', 'private, no-cache')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))
}
