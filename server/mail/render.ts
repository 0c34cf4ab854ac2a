/**
 * Mails rendered from notices, in the recipient's language: a subject, a plain-text body
 * and a simple, accessible HTML body (language declared, real link text, no layout tables,
 * no images), each with a link straight to the item, why the mail was sent and how to
 * change it. The daily digest gathers several notices into one mail.
 */
import {
  formatDay,
  type NotificationKind,
  type NotificationParams,
  notificationKindLabel,
  notificationMessage,
} from '@core/api/notifications.js'
import { t } from '@core/i18n/index.js'
import { type LocalizedText, pickText } from '@core/i18n/languages.js'
import type { MailSettings } from './settings.js'

export type MailLang = 'ru' | 'en'

export interface RenderedMail {
  subject: string
  text: string
  html: string
}

export interface MailRecipient {
  displayName: string
  locale: MailLang
}

export interface NoticeForMail {
  kind: NotificationKind
  params: NotificationParams
  /** Path inside Concord, starting with '/'. */
  link: string
  attachment?: { filename: string; contentType: string } | undefined
}

const escapeHtml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')

/** An absolute link to a path of the workspace; never leaves PUBLIC_URL. */
export function absoluteLink(settings: MailSettings, link: string): string {
  const path = link.startsWith('/') ? link : `/${link}`
  return `${settings.publicUrl}${path}`
}

function settingsLink(settings: MailSettings): string {
  return absoluteLink(settings, '/settings/notifications')
}

/** What the mail is about, for the subject: the document, the meeting or the dossier. */
function about(params: NotificationParams, lang: MailLang): string {
  const pick = (v: LocalizedText | undefined) => (v ? pickText(v, lang) : '')
  const doc = pick(params.document)
  if (doc) return `«${doc}»`
  const meeting = pick(params.meeting)
  if (meeting) return `«${meeting}»`
  if (params.reference) return params.reference
  return pick(params.dossier)
}

/** Subject lines stay on one line and within what mail clients show. */
function oneLine(s: string, max = 180): string {
  const flat = s.replace(/\s+/g, ' ').trim()
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat
}

function htmlPage(lang: MailLang, subject: string, body: string): string {
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width">',
    `<title>${escapeHtml(subject)}</title></head>`,
    '<body style="margin:0;padding:24px;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#0b0c0c;background:#ffffff">',
    '<div style="max-width:40em">',
    body,
    '</div></body></html>',
  ].join('\n')
}

function footerHtml(lines: string[]): string {
  return `<hr style="border:0;border-top:1px solid #b1b4b6;margin:24px 0 12px">\n${lines
    .map((l) => `<p style="font-size:14px;color:#383f43;margin:0 0 8px">${l}</p>`)
    .join('\n')}`
}

/** How an attachment is announced: a calendar invitation or cancellation, or any file. */
function attachmentKey(contentType: string): string {
  if (!/^text\/calendar/i.test(contentType)) return 'mail.attached'
  return /method=CANCEL/i.test(contentType) ? 'mail.attachedCancellation' : 'mail.attachedInvitation'
}

/** One notice as a mail to one recipient. */
export function renderNoticeMail(
  notice: NoticeForMail,
  recipient: MailRecipient,
  settings: MailSettings,
): RenderedMail {
  const lang = recipient.locale
  const label = notificationKindLabel(notice.kind, lang)
  const what = about(notice.params, lang)
  const subject = oneLine(
    what ? t(lang, 'mail.subjectAbout', { label, about: what }) : t(lang, 'mail.subject', { label }),
  )
  const message = notificationMessage(notice.kind, notice.params, lang)
  const link = absoluteLink(settings, notice.link)
  const greeting = t(lang, 'mail.greeting', { name: recipient.displayName })
  const open = t(lang, 'mail.open')
  const attached = notice.attachment
    ? t(lang, attachmentKey(notice.attachment.contentType), { filename: notice.attachment.filename })
    : null
  const why = t(lang, 'mail.why', { label })
  const change = t(lang, 'mail.change', { url: settingsLink(settings) })
  const automatic = t(lang, 'mail.automatic')

  const text = [
    greeting,
    '',
    message,
    '',
    `${open}: ${link}`,
    ...(attached ? ['', attached] : []),
    '',
    '-- ',
    why,
    change,
    automatic,
    '',
  ].join('\n')

  const html = htmlPage(
    lang,
    subject,
    [
      `<p>${escapeHtml(greeting)}</p>`,
      `<p>${escapeHtml(message)}</p>`,
      `<p><a href="${escapeHtml(link)}" style="color:#1d70b8;font-weight:bold">${escapeHtml(open)}</a></p>`,
      ...(attached ? [`<p>${escapeHtml(attached)}</p>`] : []),
      footerHtml([
        escapeHtml(why),
        `${escapeHtml(change.replace(settingsLink(settings), '').trim())} <a href="${escapeHtml(settingsLink(settings))}" style="color:#1d70b8">${escapeHtml(settingsLink(settings))}</a>`,
        escapeHtml(automatic),
      ]),
    ].join('\n'),
  )
  return { subject, text, html }
}

export interface DigestItem {
  kind: string
  params: NotificationParams
  link: string
  createdAt: string
}

/** The daily digest: every gathered notice with its link, in one mail. */
export function renderDigestMail(
  items: DigestItem[],
  recipient: MailRecipient,
  date: string,
  settings: MailSettings,
): RenderedMail {
  const lang = recipient.locale
  const n = items.length
  const subject = oneLine(t(lang, 'mail.digest.subject', { date: formatDay(date, lang), n }))
  const greeting = t(lang, 'mail.greeting', { name: recipient.displayName })
  const heading = t(lang, 'mail.digest.heading', { n })
  const open = t(lang, 'mail.open')
  const why = t(lang, 'mail.digest.why')
  const change = t(lang, 'mail.change', { url: settingsLink(settings) })
  const automatic = t(lang, 'mail.automatic')
  const lines = items.map((item) => ({
    message: notificationMessage(item.kind, item.params, lang),
    link: absoluteLink(settings, item.link),
    label: notificationKindLabel(item.kind, lang),
  }))

  const text = [
    greeting,
    '',
    heading,
    '',
    ...lines.flatMap((l, i) => [`${i + 1}. ${l.message}`, `   ${open}: ${l.link}`, '']),
    '-- ',
    why,
    change,
    automatic,
    '',
  ].join('\n')

  const html = htmlPage(
    lang,
    subject,
    [
      `<p>${escapeHtml(greeting)}</p>`,
      `<h1 style="font-size:20px;margin:16px 0">${escapeHtml(heading)}</h1>`,
      '<ol style="padding-left:1.25em">',
      ...lines.map(
        (l) =>
          `<li style="margin-bottom:12px"><strong>${escapeHtml(l.label)}.</strong> ${escapeHtml(l.message)}<br><a href="${escapeHtml(l.link)}" style="color:#1d70b8">${escapeHtml(open)}</a></li>`,
      ),
      '</ol>',
      footerHtml([
        escapeHtml(why),
        `${escapeHtml(change.replace(settingsLink(settings), '').trim())} <a href="${escapeHtml(settingsLink(settings))}" style="color:#1d70b8">${escapeHtml(settingsLink(settings))}</a>`,
        escapeHtml(automatic),
      ]),
    ].join('\n'),
  )
  return { subject, text, html }
}
