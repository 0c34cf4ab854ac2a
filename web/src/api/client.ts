/**
 * The HTTP client of the workspace: same-origin fetch with the session cookie, the UI
 * language in Accept-Language, and the CSRF token on every write. Failures become
 * ApiRequestError carrying the server's stable code and its already translated message.
 */
import type { ApiError } from '@core/api/types.js'
import type { UiLang } from '@core/i18n/languages.js'

/** A failed request: `status` 0 means the server could not be reached. */
export class ApiRequestError extends Error {
  readonly status: number
  readonly code: string
  readonly details: Record<string, unknown> | undefined

  constructor(status: number, code: string, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'ApiRequestError'
    this.status = status
    this.code = code
    this.details = details
  }
}

let csrfToken: string | null = null
let requestLanguage: UiLang = 'ru'

/** Remembers the token returned by sign-in and GET /api/me; null after sign-out. */
export function setCsrfToken(token: string | null): void {
  csrfToken = token
}

/** The language the server should answer in (errors, negotiated texts). */
export function setRequestLanguage(lang: UiLang): void {
  requestLanguage = lang
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'
  body?: unknown
  /** A file sent as it is (e.g. to /api/verify), with its content type, instead of JSON. */
  raw?: { body: Blob | ArrayBuffer; contentType: string }
  signal?: AbortSignal
}

/** Calls the API and returns the parsed JSON body, or throws ApiRequestError. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET'
  const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': requestLanguage }
  if (options.raw) headers['Content-Type'] = options.raw.contentType
  else if (options.body !== undefined) headers['Content-Type'] = 'application/json'
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken

  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.raw ? options.raw.body : options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error
    throw new ApiRequestError(0, 'network_error', '')
  }

  if (response.status === 204) return undefined as T
  const payload: unknown = await response.json().catch(() => null)
  if (!response.ok) {
    const failure = (payload as ApiError | null)?.error
    throw new ApiRequestError(
      response.status,
      failure?.code ?? 'http_error',
      failure?.message ?? '',
      failure?.details,
    )
  }
  return payload as T
}

/** True for a 401: the session is missing or has expired. */
export function isUnauthorized(error: unknown): boolean {
  return error instanceof ApiRequestError && error.status === 401
}
