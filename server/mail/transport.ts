/**
 * Sends one outbox row through nodemailer: to the SMTP server of SMTP_URL, or — the default,
 * so that the demo needs no mail server — as an RFC 822 .eml file in the outbox folder,
 * named `<created_at>-<id>.eml` from our own values only (never from user input). Writing
 * the same row again writes the same file, so a retried delivery leaves no duplicate.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises'
import path from 'node:path'
import type { Transporter } from 'nodemailer'

type Nodemailer = typeof import('nodemailer')
let nodemailerModule: Promise<Nodemailer> | undefined
/** nodemailer is loaded with the first mail, not at start-up. */
function loadNodemailer(): Promise<Nodemailer> {
  nodemailerModule ??= import('nodemailer').then(
    (m) => (m as unknown as { default?: Nodemailer }).default ?? (m as unknown as Nodemailer),
  )
  return nodemailerModule
}

import type { MailOutboxRow } from '../db/types.js'
import { isId } from '../ids.js'
import { type MailSettings, onMailSettingsChange } from './settings.js'

let smtp: { url: string; transporter: Transporter } | null = null
onMailSettingsChange(() => {
  smtp?.transporter.close()
  smtp = null
})

function smtpTransport(nodemailer: Nodemailer, url: string): Transporter {
  if (smtp?.url !== url) {
    smtp?.transporter.close()
    smtp = {
      url,
      // Short timeouts: a worker must not hang for minutes on an unreachable server.
      transporter: nodemailer.createTransport(url, {
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      } as object),
    }
  }
  return smtp.transporter
}

/** The domain of the From address, for Message-IDs. */
function fromDomain(from: string): string {
  const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from)
  return match?.[1] ?? 'concord.local'
}

/** The file an outbox row is written to: `20200821T101500123Z-<uuid>.eml`. */
export function emlFileName(row: Pick<MailOutboxRow, 'id' | 'created_at'>): string {
  if (!isId(row.id)) throw new Error('mail id is not a UUID')
  const stamp = new Date(row.created_at).toISOString().replace(/[-:.]/g, '')
  return `${stamp}-${row.id}.eml`
}

export interface Sent {
  messageId: string
  /** Where the mail went: the SMTP server's answer, or the .eml file. */
  destination: string
}

/**
 * A connection-level failure (server unreachable, authentication refused): the next mails
 * would fail the same way, so the delivery stops and tries again later.
 */
export function isConnectionFailure(err: unknown): boolean {
  const code = (err as { code?: string } | null)?.code ?? ''
  return ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'EAUTH', 'ECONNREFUSED', 'ETLS'].includes(code)
}

/** Sends one mail; throws when the server refuses it or cannot be reached. */
export async function sendOutboxMail(row: MailOutboxRow, settings: MailSettings): Promise<Sent> {
  const attachment = row.attachment
    ? (JSON.parse(row.attachment) as { filename: string; contentType: string; content: string })
    : null
  const message = {
    from: settings.from,
    to: row.to_address,
    subject: row.subject,
    text: row.text,
    ...(row.html ? { html: row.html } : {}),
    // Stable per row: a mail delivered twice after a crash carries the same Message-ID.
    messageId: `<${row.id}@${fromDomain(settings.from)}>`,
    date: new Date(row.created_at),
    headers: { 'Content-Language': row.language, 'Auto-Submitted': 'auto-generated' },
    ...(attachment
      ? {
          attachments: [
            {
              filename: attachment.filename,
              content: attachment.content,
              contentType: attachment.contentType,
            },
          ],
        }
      : {}),
  }
  const nodemailer = await loadNodemailer()
  if (settings.smtpUrl) {
    const info = await smtpTransport(nodemailer, settings.smtpUrl).sendMail(message)
    return { messageId: info.messageId, destination: String(info.response ?? '') }
  }
  const file = emlFileName(row)
  const info = await nodemailer
    .createTransport({ streamTransport: true, buffer: true, newline: 'windows' })
    .sendMail(message)
  await mkdir(settings.outboxDir, { recursive: true })
  const target = path.join(settings.outboxDir, file)
  const partial = `${target}.partial`
  await writeFile(partial, info.message as Buffer)
  await rename(partial, target)
  return { messageId: info.messageId, destination: target }
}
