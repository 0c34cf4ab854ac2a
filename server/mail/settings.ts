/**
 * Where mails go and what their links point to. Read from the configuration once at start
 * (`configureMail`, called by the CLI before anything is notified); until then, and in
 * tests that do not configure it, from the environment's configuration.
 */
import os from 'node:os'
import path from 'node:path'
import { type Config, loadConfig } from '../config.js'

export interface MailSettings {
  /** Base of every link in a mail, without a trailing slash. */
  publicUrl: string
  /** The From header. */
  from: string
  /** SMTP server; when absent, mails are written as .eml files to `outboxDir`. */
  smtpUrl: string | undefined
  /** Folder of the .eml files (outbox-folder mode). */
  outboxDir: string
}

let current: MailSettings | null = null
const listeners = new Set<() => void>()

/** Sets the mail settings from the configuration (and drops a transport built for older ones). */
export function configureMail(
  config: Pick<Config, 'PUBLIC_URL' | 'MAIL_FROM' | 'SMTP_URL' | 'MAIL_OUTBOX_DIR'>,
): MailSettings {
  current = {
    publicUrl: config.PUBLIC_URL.replace(/\/+$/, ''),
    from: config.MAIL_FROM,
    smtpUrl: config.SMTP_URL,
    outboxDir: config.MAIL_OUTBOX_DIR,
  }
  for (const listener of listeners) listener()
  return current
}

/** The current settings. */
export function mailSettings(): MailSettings {
  if (current) return current
  const config = loadConfig()
  // Under the test runner, tests that never chose a folder do not write into the checkout.
  if (process.env.VITEST && !process.env.MAIL_OUTBOX_DIR)
    config.MAIL_OUTBOX_DIR = path.join(os.tmpdir(), `concord-test-outbox-${process.pid}`)
  return configureMail(config)
}

/** Called whenever the settings change (the transport cache listens). */
export function onMailSettingsChange(listener: () => void): void {
  listeners.add(listener)
}
