/**
 * Configuration: one typed, validated module. Every variable has a default that serves
 * the embedded setup (SQLite in ./data, no Redis, mail to an outbox folder), is
 * documented here and in README, and is checked at boot. `concord serve --help` lists them.
 */
import path from 'node:path'
import { z } from 'zod'

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')

export const configSchema = z.object({
  /** TCP port of the HTTP server. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address to bind; 127.0.0.1 by default, 0.0.0.0 behind a load balancer. */
  HOST: z.string().default('127.0.0.1'),
  /** Folder for the SQLite database and uploaded files. */
  CONCORD_DATA_DIR: z.string().default('./data'),
  /** PostgreSQL connection string; when set, PostgreSQL is used instead of SQLite. */
  DATABASE_URL: z.string().url().optional(),
  /** Redis URL, for several app nodes (live documents fan-out; a later issue). */
  REDIS_URL: z.string().url().optional(),
  /**
   * Public base URL, used in links (e-mails, certificates) and to decide whether cookies are
   * `Secure`. Default: http://localhost:<PORT>.
   */
  PUBLIC_URL: z.string().url().optional(),
  /** Session lifetime in hours since last use. */
  SESSION_TTL_HOURS: z.coerce.number().int().positive().default(12),
  /** Largest request body accepted, in bytes. */
  BODY_LIMIT: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  /** Sign-in attempts allowed per client address per minute. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().positive().default(10),
  /** Password of the demo accounts created by `concord demo` / `npm start`. */
  CONCORD_DEMO_PASSWORD: z.string().min(1).default('demo'),
  /** Log level: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Trust X-Forwarded-* headers (behind a reverse proxy). */
  TRUST_PROXY: boolish.default(false),
  /**
   * SMTP server that delivers the mails, e.g. smtp://user:pass@mail.example.org:587 or
   * smtps://…:465. Unset (the default): mails are written as .eml files to MAIL_OUTBOX_DIR.
   */
  SMTP_URL: z
    .string()
    .url()
    .refine((v) => /^smtps?:\/\//.test(v), { message: 'expected smtp:// or smtps://' })
    .optional(),
  /** The From of every mail. */
  MAIL_FROM: z.string().min(3).max(320).default('Concord <no-reply@concord.local>'),
  /** Folder for the .eml files when SMTP_URL is unset. Default: <CONCORD_DATA_DIR>/outbox. */
  MAIL_OUTBOX_DIR: z.string().optional(),
})

export type Config = Omit<z.infer<typeof configSchema>, 'PUBLIC_URL' | 'MAIL_OUTBOX_DIR'> & {
  /** Always set: the default is derived from PORT. */
  PUBLIC_URL: string
  /** Always set: the default is derived from CONCORD_DATA_DIR. */
  MAIL_OUTBOX_DIR: string
  sqlitePath: string
  secureCookies: boolean
}

/** Documentation of each variable, for `--help` and README (kept next to the schema). */
export const CONFIG_DOCS: Record<keyof z.infer<typeof configSchema>, string> = {
  PORT: 'TCP port of the HTTP server (default 3000)',
  HOST: 'address to bind (default 127.0.0.1)',
  CONCORD_DATA_DIR: 'folder for the SQLite database and files (default ./data)',
  DATABASE_URL: 'PostgreSQL URL; when set, PostgreSQL is used instead of SQLite',
  REDIS_URL: 'Redis URL, for several app nodes',
  PUBLIC_URL:
    'public base URL for links in mails; https makes cookies Secure (default http://localhost:<PORT>)',
  SESSION_TTL_HOURS: 'session lifetime since last use, hours (default 12)',
  BODY_LIMIT: 'largest request body, bytes (default 5 MiB)',
  LOGIN_RATE_LIMIT: 'sign-in attempts per address per minute (default 10)',
  CONCORD_DEMO_PASSWORD: 'password of the demo accounts (default demo)',
  LOG_LEVEL: 'fatal|error|warn|info|debug|trace|silent (default info)',
  TRUST_PROXY: 'trust X-Forwarded-* headers (default false)',
  SMTP_URL: 'smtp:// or smtps:// server for mails; unset: .eml files in MAIL_OUTBOX_DIR',
  MAIL_FROM: 'sender of the mails (default "Concord <no-reply@concord.local>")',
  MAIL_OUTBOX_DIR: 'folder of the .eml files when SMTP_URL is unset (default <CONCORD_DATA_DIR>/outbox)',
}

export class ConfigError extends Error {}

/** Reads and validates configuration from an environment (process.env by default). */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const picked: Record<string, string> = {}
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key]
    if (value !== undefined && value !== '') picked[key] = value
  }
  const parsed = configSchema.safeParse(picked)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`)
  }
  const c = parsed.data
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/+$/, '')
  return {
    ...c,
    PUBLIC_URL: publicUrl,
    MAIL_OUTBOX_DIR: path.resolve(c.MAIL_OUTBOX_DIR ?? path.join(c.CONCORD_DATA_DIR, 'outbox')),
    sqlitePath: path.resolve(c.CONCORD_DATA_DIR, 'concord.sqlite'),
    secureCookies: publicUrl.startsWith('https://'),
  }
}
