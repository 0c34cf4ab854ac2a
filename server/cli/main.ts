/**
 * `concord`: serve, start (the demo), migrate, demo, user add, user passwd.
 * `serve` never loads the demo; `start` loads it on an empty database (npm start).
 */

import { ROLES, type Role } from '@core/domain/roles.js'
import { t } from '@core/i18n/index.js'
import { Command, Option } from 'commander'
import { buildApp } from '../app.js'
import { passwordSetter, userCreator } from '../commands/users.js'
import { CONFIG_DOCS, type Config, ConfigError, loadConfig } from '../config.js'
import { inTransaction } from '../context.js'
import { type DbHandle, migrate, openDb } from '../db/index.js'
import { type DemoAccount, isEmpty, loadDemo, wipe } from '../demo/loader.js'
import { AppError } from '../errors.js'
import { JOB_HANDLERS } from '../jobs/handlers.js'
import { startMailSweep } from '../jobs/mail-deliver.js'
import { startJobWorker } from '../jobs/queue.js'
import { configureMail } from '../mail/settings.js'
import { registerVerifyCommand } from './verify.js'

function configWith(overrides: { port?: string; host?: string; logLevel?: string }): Config {
  const env = { ...process.env }
  if (overrides.logLevel !== undefined) env.LOG_LEVEL = overrides.logLevel
  if (overrides.port !== undefined) env.PORT = overrides.port
  if (overrides.host !== undefined) env.HOST = overrides.host
  return loadConfig(env)
}

function open(config: Config): DbHandle {
  // Mails written from here on (the demo's too) link to PUBLIC_URL and go where configured.
  configureMail(config)
  return openDb({ databaseUrl: config.DATABASE_URL, sqlitePath: config.sqlitePath })
}

function printAccounts(accounts: DemoAccount[], password: string, url: string): void {
  const lines = [
    '',
    `Concord demo: the CIS expert group on international information security (Minsk, 21 August 2020)`,
    `Open ${url} and sign in with any of these accounts (password: ${password}):`,
    ...accounts.map(
      (a) =>
        `  ${a.email.padEnd(24)} ${a.role.padEnd(20)} ${a.party ?? a.organization ?? 'CIS Executive Committee'}`,
    ),
    '',
    `The public portal (no sign-in): ${url}/portal/cis/ru/ (Tajik: /portal/cis/tg/, English: /portal/cis/en/);`,
    `the news agency's portal, with the republished item: ${url}/portal/khovar/ru/`,
    '',
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}

async function serve(config: Config, handle: DbHandle, onListening?: (url: string) => void): Promise<void> {
  const app = await buildApp({ config, handle })
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down')
    await app.close()
    await handle.close()
    process.exit(0)
  }
  process.once('SIGINT', () => void shutdown('SIGINT'))
  process.once('SIGTERM', () => void shutdown('SIGTERM'))
  const stopSweep = startMailSweep(handle, app.log)
  const stopJobs = startJobWorker(handle, JOB_HANDLERS, app.log)
  app.addHook('onClose', async () => {
    stopSweep()
    stopJobs()
  })
  await app.listen({ port: config.PORT, host: config.HOST })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : config.PORT
  const local = config.HOST === '0.0.0.0' || config.HOST === '127.0.0.1' || config.HOST === '::'
  const url = `http://${local ? 'localhost' : config.HOST}:${port}`
  onListening?.(url)
  process.stdout.write(`Concord listening on ${url}\n`)
}

const configHelp = `\nConfiguration (environment variables):\n${Object.entries(CONFIG_DOCS)
  .map(([k, v]) => `  ${k.padEnd(22)} ${v}`)
  .join('\n')}\n`

export function program(): Command {
  const cli = new Command('concord').description(
    'Concord: draft, negotiate, agree, adopt and publish documents',
  )
  const portOption = () => new Option('-p, --port <port>', 'port (overrides PORT)')
  const hostOption = () => new Option('--host <host>', 'address to bind (overrides HOST)')

  cli
    .command('serve')
    .description('migrate and serve the API and the web app (never loads the demo)')
    .addOption(portOption())
    .addOption(hostOption())
    .addHelpText('after', configHelp)
    .action(async (opts) => {
      const config = configWith(opts)
      const handle = open(config)
      await migrate(handle)
      await serve(config, handle)
    })

  cli
    .command('start')
    .description('migrate, load the demo on an empty database, serve, and print the demo accounts')
    .addOption(portOption())
    .addOption(hostOption())
    .addHelpText('after', configHelp)
    .action(async (opts) => {
      // The demo keeps the terminal for the accounts: request logs only when asked for.
      const config = configWith({ ...opts, logLevel: process.env.LOG_LEVEL ?? 'warn' })
      const handle = open(config)
      await migrate(handle)
      const fresh = await isEmpty(handle)
      const accounts = fresh ? await loadDemo(handle, config.CONCORD_DEMO_PASSWORD) : null
      await serve(config, handle, (url) => {
        if (accounts) printAccounts(accounts, config.CONCORD_DEMO_PASSWORD, url)
        else
          process.stdout.write(
            `The database is not empty: the demo was not loaded (concord demo --reset reloads it).\n`,
          )
      })
    })

  cli
    .command('migrate')
    .description('apply pending database migrations')
    .action(async () => {
      const handle = open(loadConfig())
      const applied = await migrate(handle)
      process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database is up to date.\n')
      await handle.close()
    })

  cli
    .command('demo')
    .description('load the demo (the seed story) into an empty database')
    .option('--reset', 'delete all data first, then load the demo')
    .action(async (opts: { reset?: boolean }) => {
      const config = loadConfig()
      const handle = open(config)
      await migrate(handle)
      if (opts.reset) await wipe(handle)
      if (!(await isEmpty(handle))) {
        process.stderr.write(
          'The database is not empty. Use --reset to delete all data and reload the demo.\n',
        )
        await handle.close()
        process.exitCode = 2
        return
      }
      const accounts = await loadDemo(handle, config.CONCORD_DEMO_PASSWORD)
      printAccounts(accounts, config.CONCORD_DEMO_PASSWORD, config.PUBLIC_URL)
      await handle.close()
    })

  const user = cli.command('user').description('manage user accounts')
  user
    .command('add')
    .description('create a user belonging to a party or to a secretariat')
    .requiredOption('--email <email>', 'e-mail address (the sign-in name)')
    .requiredOption('--name <name>', 'display name')
    .requiredOption('--password <password>', 'initial password')
    .addOption(new Option('--role <role...>', 'one or more roles').choices([...ROLES]).makeOptionMandatory())
    .option('--party <code>', 'ISO 3166-1 alpha-3 code of the party (delegates)')
    .option('--secretariat <slug>', 'organization slug (secretariat staff)')
    .addOption(new Option('--locale <locale>', 'interface language').choices(['ru', 'en']).default('ru'))
    .action(async (opts) => {
      const handle = open(loadConfig())
      await migrate(handle)
      try {
        const partyId = opts.party
          ? (
              await handle.db
                .selectFrom('parties')
                .select('id')
                .where('code', '=', opts.party)
                .executeTakeFirst()
            )?.id
          : null
        const orgId = opts.secretariat
          ? (
              await handle.db
                .selectFrom('organizations')
                .select('id')
                .where('slug', '=', opts.secretariat)
                .executeTakeFirst()
            )?.id
          : null
        if (opts.party && !partyId) throw new Error(`No party with code ${opts.party}`)
        if (opts.secretariat && !orgId) throw new Error(`No organization with slug ${opts.secretariat}`)
        const row = await inTransaction(handle, null, 'cli', (ctx) =>
          userCreator({
            ctx,
            email: opts.email,
            displayName: opts.name,
            password: opts.password,
            locale: opts.locale,
            roles: opts.role as Role[],
            partyId: partyId ?? null,
            secretariatOrgId: orgId ?? null,
          }),
        )
        process.stdout.write(`Created ${row.email} (${row.id})\n`)
      } finally {
        await handle.close()
      }
    })
  user
    .command('passwd')
    .description("set a user's password (signs them out everywhere)")
    .requiredOption('--email <email>', 'e-mail address')
    .requiredOption('--password <password>', 'new password')
    .action(async (opts) => {
      const handle = open(loadConfig())
      try {
        const row = await handle.db
          .selectFrom('users')
          .selectAll()
          .where('email', '=', opts.email.toLowerCase())
          .executeTakeFirst()
        if (!row) throw new Error(`No user ${opts.email}`)
        await inTransaction(handle, null, 'cli', (ctx) => passwordSetter(ctx, row, opts.password))
        process.stdout.write(`Password changed for ${row.email}\n`)
      } finally {
        await handle.close()
      }
    })
  registerVerifyCommand(cli)
  return cli
}

export async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv)
  } catch (err) {
    const message =
      err instanceof AppError
        ? t('en', `error.${err.code}`, err.params)
        : err instanceof ConfigError || err instanceof Error
          ? err.message
          : String(err)
    process.stderr.write(`concord: ${message}\n`)
    // CONCORD_DEBUG=1 shows where it failed.
    if (process.env.CONCORD_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`)
    process.exit(1)
  }
}
