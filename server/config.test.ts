import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from './config.js'

describe('configuration of mail and links', () => {
  it('defaults PUBLIC_URL to the port, the outbox to the data folder and the sender to no-reply', () => {
    const c = loadConfig({ PORT: '4100', CONCORD_DATA_DIR: '/srv/concord' })
    expect(c.PUBLIC_URL).toBe('http://localhost:4100')
    expect(c.MAIL_OUTBOX_DIR).toBe(path.resolve('/srv/concord/outbox'))
    expect(c.MAIL_FROM).toBe('Concord <no-reply@concord.local>')
    expect(c.SMTP_URL).toBeUndefined()
    expect(c.secureCookies).toBe(false)
  })

  it('takes an SMTP server and a public https address, without a trailing slash', () => {
    const c = loadConfig({
      SMTP_URL: 'smtps://user:secret@mail.example.org:465',
      PUBLIC_URL: 'https://concord.example.org/',
      MAIL_OUTBOX_DIR: '/tmp/out',
    })
    expect(c.SMTP_URL).toBe('smtps://user:secret@mail.example.org:465')
    expect(c.PUBLIC_URL).toBe('https://concord.example.org')
    expect(c.secureCookies).toBe(true)
    expect(c.MAIL_OUTBOX_DIR).toBe(path.resolve('/tmp/out'))
  })

  it('refuses a mail server that is not smtp:// or smtps://', () => {
    expect(() => loadConfig({ SMTP_URL: 'http://mail.example.org' })).toThrow(ConfigError)
    expect(() => loadConfig({ SMTP_URL: 'not a url' })).toThrow(/SMTP_URL/)
  })
})
