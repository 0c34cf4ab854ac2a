/**
 * The UI language: chosen on this device (localStorage) or from the account (`me.locale`),
 * reflected in `<html lang>` and in Accept-Language, and persisted to the account with
 * `PATCH /api/me` when the user switches it while signed in.
 */
import type { MeDTO, MeResponse } from '@core/api/types.js'
import { t } from '@core/i18n/index.js'
import { negotiateUiLang, UI_LANGUAGES, type UiLang } from '@core/i18n/languages.js'
import { useQueryClient } from '@tanstack/react-query'
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react'
import { ApiRequestError, api, setRequestLanguage } from '../api/client.js'
import { fetchMe, meKey } from '../api/queries.js'

const STORAGE_KEY = 'concord.uiLang'

function storedLanguage(): UiLang | null {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY)
    return (UI_LANGUAGES as readonly string[]).includes(value ?? '') ? (value as UiLang) : null
  } catch {
    return null
  }
}

function initialLanguage(): UiLang {
  return storedLanguage() ?? negotiateUiLang(navigator.languages?.join(',') || navigator.language)
}

interface LanguageContextValue {
  lang: UiLang
  /** Switches the UI language on this device only. */
  setLang: (lang: UiLang) => void
  /** True once the user has picked a language by hand on this device. */
  chosenByUser: boolean
}

const LanguageContext = createContext<LanguageContextValue | null>(null)

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<UiLang>(initialLanguage)
  const [chosenByUser, setChosenByUser] = useState(() => storedLanguage() !== null)
  setRequestLanguage(lang)

  useEffect(() => {
    document.documentElement.lang = lang
    setRequestLanguage(lang)
  }, [lang])

  const setLang = useCallback((next: UiLang) => {
    setLangState(next)
    setChosenByUser(true)
    try {
      window.localStorage.setItem(STORAGE_KEY, next)
    } catch {
      // Private mode or storage disabled: the choice lasts for this page only.
    }
  }, [])

  const value = useMemo(() => ({ lang, setLang, chosenByUser }), [lang, setLang, chosenByUser])
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>
}

export function useLanguage(): LanguageContextValue {
  const value = useContext(LanguageContext)
  if (!value) throw new Error('useLanguage outside LanguageProvider')
  return value
}

/** The translate function bound to the current UI language. */
export function useT(): (key: string, params?: Record<string, string | number>) => string {
  const { lang } = useLanguage()
  return useCallback((key: string, params?: Record<string, string | number>) => t(lang, key, params), [lang])
}

/**
 * Saves the UI language on the account. A stale `version` (changed elsewhere) is
 * refreshed once and retried; the switch itself never waits for the server.
 */
export function usePersistLanguage(): (lang: UiLang, me: MeDTO) => Promise<void> {
  const queryClient = useQueryClient()
  return useCallback(
    async (lang: UiLang, me: MeDTO) => {
      const send = (version: number) =>
        api<MeResponse>('/api/me', { method: 'PATCH', body: { version, locale: lang } })
      let response: MeResponse
      try {
        response = await send(me.version)
      } catch (error) {
        if (!(error instanceof ApiRequestError) || error.code !== 'version_changed') throw error
        const fresh = await fetchMe()
        response = await send(fresh.data.version)
      }
      queryClient.setQueryData<MeResponse>(meKey, (old) =>
        old ? { ...old, data: response.data } : { ...response, csrfToken: response.csrfToken ?? '' },
      )
    },
    [queryClient],
  )
}

/** Users whose account language has been reconciled with this page's (once per page load). */
const reconciled = new Set<string>()

/** Records that the account language of this user is already in step with the UI. */
export function markLanguageReconciled(userId: string): void {
  reconciled.add(userId)
}

/** Forgets reconciliation, so that the next sign-in reconciles again. */
export function resetLanguageReconciliation(): void {
  reconciled.clear()
}

/**
 * On the first load of a session, the account's language wins over this device's
 * (sign-in reconciles the other way round, see LoginPage).
 */
export function useAdoptAccountLanguage(me: MeDTO | undefined): void {
  const { lang, setLang } = useLanguage()
  useEffect(() => {
    if (!me || reconciled.has(me.id)) return
    reconciled.add(me.id)
    if (me.locale !== lang) setLang(me.locale)
  }, [me, lang, setLang])
}
