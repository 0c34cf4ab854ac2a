/** The page frame: skip link, banner, and the main landmark the skip link targets. */
import type { MeDTO } from '@core/api/types.js'
import { Container } from '@mantine/core'
import { type ReactNode, useEffect, useRef } from 'react'
import { useLocation } from 'react-router'
import { useT } from '../i18n/language.js'
import { AppHeader } from './AppHeader.js'

interface ShellProps {
  me?: MeDTO | undefined
  onSignOut?: (() => void) | undefined
  signingOut?: boolean
  children: ReactNode
}

export function Shell({ me, onSignOut, signingOut, children }: ShellProps) {
  const tr = useT()
  useFocusOnNavigation()
  return (
    <>
      <a className="skip-link" href="#main">
        {tr('ui.skipToContent')}
      </a>
      <AppHeader me={me} onSignOut={onSignOut} signingOut={signingOut ?? false} />
      <main id="main" tabIndex={-1} className="app-main">
        <Container size="lg">{children}</Container>
      </main>
    </>
  )
}

/**
 * After a client-side navigation, starts the new page at its top and moves focus to the
 * main landmark, as a full page load would, so screen readers and keyboards start afresh.
 */
function useFocusOnNavigation(): void {
  const { pathname } = useLocation()
  const shown = useRef<string | null>(null)
  useEffect(() => {
    const previous = shown.current
    shown.current = pathname
    if (previous === null || previous === pathname) return
    if (!window.location.hash) window.scrollTo(0, 0)
    document.getElementById('main')?.focus({ preventScroll: true })
  }, [pathname])
}
