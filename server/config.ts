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
  /** Public base URL, used in links and to decide whether cookies are `Secure`. */
  PUBLIC_URL: z.string().url().default('http://localhost:3000'),
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
})

export type Config = z.infer<typeof configSchema> & { sqlitePath: string; secureCookies: boolean }

/** Documentation of each variable, for `--help` and README (kept next to the schema). */
export const CONFIG_DOCS: Record<keyof z.infer<typeof configSchema>, string> = {
  PORT: 'TCP port of the HTTP server (default 3000)',
  HOST: 'address to bind (default 127.0.0.1)',
  CONCORD_DATA_DIR: 'folder for the SQLite database and files (default ./data)',
  DATABASE_URL: 'PostgreSQL URL; when set, PostgreSQL is used instead of SQLite',
  REDIS_URL: 'Redis URL, for several app nodes',
  PUBLIC_URL: 'public base URL; https makes cookies Secure (default http://localhost:3000)',
  SESSION_TTL_HOURS: 'session lifetime since last use, hours (default 12)',
  BODY_LIMIT: 'largest request body, bytes (default 5 MiB)',
  LOGIN_RATE_LIMIT: 'sign-in attempts per address per minute (default 10)',
  CONCORD_DEMO_PASSWORD: 'password of the demo accounts (default demo)',
  LOG_LEVEL: 'fatal|error|warn|info|debug|trace|silent (default info)',
  TRUST_PROXY: 'trust X-Forwarded-* headers (default false)',
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
  return {
    ...c,
    sqlitePath: path.resolve(c.CONCORD_DATA_DIR, 'concord.sqlite'),
    secureCookies: c.PUBLIC_URL.startsWith('https://'),
  }
}
