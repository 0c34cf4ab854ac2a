/** The page frame: skip link, banner, and the main landmark the skip link targets. */
import type { MeDTO } from '@core/api/types.js'
import { Container } from '@mantine/core'
import type { ReactNode } from 'react'
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
