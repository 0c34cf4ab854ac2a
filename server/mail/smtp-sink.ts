/**
 * A real SMTP server for tests (smtp-server, a dev dependency; never imported by the
 * application): listens on a free local port and keeps every message it accepts, read
 * with readMime. Recipients matching `refuse` are refused with 550, like a mailbox that
 * does not exist.
 */
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { type ReadMail, readMime } from './read-mime.js'

export interface Received extends ReadMail {
  envelopeTo: string[]
  raw: string
}

export interface SmtpSink {
  url: string
  received: Received[]
  /** Awaited before the next message is accepted (once), e.g. the database used meanwhile. */
  beforeAccept: null | (() => Promise<void>)
  /** Resolves when at least `n` messages have arrived (or rejects after `timeoutMs`). */
  waitFor(n: number, timeoutMs?: number): Promise<Received[]>
  close(): Promise<void>
}

export async function startSmtpSink(options: { refuse?: RegExp } = {}): Promise<SmtpSink> {
  const received: Received[] = []
  let sink: SmtpSink | null = null
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (options.refuse?.test(address.address)) {
        const err = new Error('mailbox unavailable') as Error & { responseCode: number }
        err.responseCode = 550
        callback(err)
        return
      }
      callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (c: Buffer) => chunks.push(c))
      stream.on('end', async () => {
        const wait = sink?.beforeAccept
        if (sink) sink.beforeAccept = null
        if (wait) await wait()
        const raw = Buffer.concat(chunks).toString('utf8')
        received.push({
          ...readMime(raw),
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          raw,
        })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.server.address() as AddressInfo).port
  const result: SmtpSink = {
    url: `smtp://127.0.0.1:${port}`,
    received,
    beforeAccept: null,
    async waitFor(n, timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} mails, received ${received.length}`)
        await new Promise((r) => setTimeout(r, 20))
      }
      return received
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
  sink = result
  return result
}
