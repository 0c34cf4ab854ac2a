/**
 * Shared steps of the browser journeys: a Russian-speaking browser context that records
 * page errors, signing in through the form, reading text, and a small API client (for
 * choosing what the journey works on, never for doing its steps).
 */
import { t } from '@core/i18n/index.js'
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { DEMO_PASSWORD, type RunningServer, startServer } from './harness.js'

export interface JourneyPage {
  context: BrowserContext
  page: Page
  /** Uncaught exceptions and console errors the page reported. */
  errors: string[]
}

export async function newJourneyPage(browser: Browser): Promise<JourneyPage> {
  // Reduced motion: no fading modal is half-transparent while axe measures its contrast.
  const context = await browser.newContext({
    locale: 'ru-RU',
    viewport: { width: 1366, height: 900 },
    reducedMotion: 'reduce',
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`))
  page.on('console', (message) => {
    // An expected 401 (not yet signed in) is logged by the browser as a failed fetch.
    if (message.type() === 'error' && !/status of 401/.test(message.text())) errors.push(message.text())
  })
  return { context, page, errors }
}

/** Signs in through the form and waits for the list of dossiers. */
export async function signInAs(page: Page, baseUrl: string, email: string): Promise<void> {
  await page.goto(`${baseUrl}/login`)
  await page.getByLabel(t('ru', 'ui.login.email')).fill(email)
  await page.getByLabel(t('ru', 'ui.login.password'), { exact: true }).fill(DEMO_PASSWORD)
  await page.getByRole('button', { name: t('ru', 'ui.login.submit') }).click()
  await page.waitForURL((url) => url.pathname === '/')
  await page.getByTestId('identity').waitFor()
}

/** The text of an element, whitespace collapsed. */
export async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').replace(/\s+/g, ' ').trim()
}

/** A signed-in API session (cookie and CSRF token) for looking things up. */
export async function apiSession(baseUrl: string, email: string) {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  if (login.status !== 200) {
    throw new Error(`cannot sign in as ${email}: ${login.status} ${await login.text()}`)
  }
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  return {
    async get<T = any>(path: string): Promise<T> {
      const response = await fetch(`${baseUrl}${path}`, { headers: { cookie, Accept: 'application/json' } })
      if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`)
      return (await response.json()) as T
    },
  }
}

/** True when the demo has an account for this e-mail (sign-in succeeds). */
export async function accountExists(baseUrl: string, email: string): Promise<boolean> {
  const response = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  return response.status === 200
}

/**
 * A server for a journey in which many people sign in from this one address within a minute
 * (more than the default limit of ten sign-ins).
 */
export async function startServerForManyUsers(options: { demoUntil?: string } = {}): Promise<RunningServer> {
  const limit = process.env.LOGIN_RATE_LIMIT
  process.env.LOGIN_RATE_LIMIT = '50'
  try {
    return await startServer(options)
  } finally {
    if (limit === undefined) delete process.env.LOGIN_RATE_LIMIT
    else process.env.LOGIN_RATE_LIMIT = limit
  }
}

export interface ApiClient {
  cookie: string
  /** A call that fails loudly (with the answer's body) unless the status is 2xx; the JSON answer. */
  call<T = any>(method: string, path: string, body?: unknown): Promise<T>
  /** A call whatever its status: the status and the text of the answer. */
  request(method: string, path: string, body?: unknown): Promise<{ status: number; text: string }>
}

/** A signed-in API client with the session's CSRF token, for setting a journey's scene. */
export async function apiClient(baseUrl: string, email: string): Promise<ApiClient> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  if (login.status !== 200)
    throw new Error(`cannot sign in as ${email}: ${login.status} ${await login.text()}`)
  const { csrfToken } = (await login.json()) as { csrfToken: string }
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ')
  const request = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Accept: 'application/json',
        cookie,
        ...(method === 'GET' ? {} : { 'X-CSRF-Token': csrfToken }),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    return { status: response.status, text: await response.text() }
  }
  return {
    cookie,
    request,
    async call(method, path, body) {
      const { status, text } = await request(method, path, body)
      if (status < 200 || status > 299) throw new Error(`${method} ${path}: ${status} ${text}`)
      return text ? JSON.parse(text) : null
    },
  }
}
