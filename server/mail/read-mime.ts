/**
 * A small reader of the MIME messages nodemailer writes (headers, RFC 2047 words, multipart,
 * base64 and quoted-printable), so that tests can check what a recipient actually gets —
 * the subject in their language, the link, the attachment — from the raw bytes received
 * by a real SMTP server or written to the outbox folder.
 */

export interface ReadAttachment {
  filename: string
  contentType: string
  content: string
}

export interface ReadMail {
  headers: Record<string, string>
  subject: string
  from: string
  to: string
  text: string
  html: string
  attachments: ReadAttachment[]
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset: string, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQp(text.replace(/_/g, ' ')),
    )
}

function decodeQp(text: string): string {
  const bytes: number[] = []
  const s = text.replace(/=\r?\n/g, '')
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(Number.parseInt(s.slice(i + 1, i + 3), 16))
      i += 2
    } else bytes.push(...Buffer.from(c, 'utf8'))
  }
  return Buffer.from(bytes).toString('utf8')
}

function splitHead(raw: string): { headers: Record<string, string>; body: string } {
  const at = raw.search(/\r?\n\r?\n/)
  const head = at < 0 ? raw : raw.slice(0, at)
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '')
  const headers: Record<string, string> = {}
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':')
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
  }
  return { headers, body }
}

function param(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined
  const m = new RegExp(`${name}\\*?=(?:"([^"]*)"|([^;\\s]+))`, 'i').exec(header)
  const v = m?.[1] ?? m?.[2]
  if (v === undefined) return undefined
  return /^utf-8''/i.test(v) ? decodeURIComponent(v.replace(/^utf-8''/i, '')) : decodeWords(v)
}

function decodeBody(body: string, encoding: string | undefined): string {
  const enc = (encoding ?? '7bit').toLowerCase()
  if (enc === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8')
  if (enc === 'quoted-printable') return decodeQp(body)
  return body
}

function walk(raw: string, mail: ReadMail): void {
  const { headers, body } = splitHead(raw)
  const type = headers['content-type'] ?? 'text/plain'
  const boundary = param(type, 'boundary')
  if (/^multipart\//i.test(type) && boundary) {
    const parts = body.split(`--${boundary}`)
    for (const part of parts.slice(1)) {
      if (part.startsWith('--')) break
      walk(part.replace(/^\r?\n/, ''), mail)
    }
    return
  }
  const content = decodeBody(body, headers['content-transfer-encoding'])
  const disposition = headers['content-disposition']
  const filename = param(disposition, 'filename') ?? param(type, 'name')
  if (filename || /^attachment/i.test(disposition ?? '')) {
    mail.attachments.push({ filename: filename ?? '', contentType: type, content })
  } else if (/^text\/html/i.test(type)) mail.html += content
  else if (/^text\/plain/i.test(type)) mail.text += content
}

/** Reads a raw message. */
export function readMime(raw: string | Buffer): ReadMail {
  const text = typeof raw === 'string' ? raw : raw.toString('utf8')
  const { headers } = splitHead(text)
  const mail: ReadMail = {
    headers,
    subject: decodeWords(headers.subject ?? ''),
    from: decodeWords(headers.from ?? ''),
    to: decodeWords(headers.to ?? ''),
    text: '',
    html: '',
    attachments: [],
  }
  walk(text, mail)
  return mail
}
