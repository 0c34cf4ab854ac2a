/**
 * The banner: product name, main navigation, and who is signed in — their party by name
 * and ISO code (or their secretariat) and their roles — with the language switch.
 */
import type { MeDTO } from '@core/api/types.js'
import { pickText } from '@core/i18n/languages.js'
import { Button, Container } from '@mantine/core'
import { Link, NavLink } from 'react-router'
import { useLanguage, useT } from '../i18n/language.js'
import { partyLabel } from '../lib/format.js'
import { LanguageSwitch } from './LanguageSwitch.js'
import { NotificationBell } from './NotificationBell.js'

interface AppHeaderProps {
  me?: MeDTO | undefined
  onSignOut?: (() => void) | undefined
  signingOut?: boolean
}

export function AppHeader({ me, onSignOut, signingOut = false }: AppHeaderProps) {
  const tr = useT()
  const { lang } = useLanguage()
  const affiliation = me?.party
    ? partyLabel(me.party, lang)
    : me?.secretariatOf
      ? pickText(me.secretariatOf.name, lang)
      : ''
  const roles = me?.roles.map((role) => tr(`role.${role}`)).join(', ') ?? ''

  return (
    <header className="app-header">
      <Container size="lg" className="app-header__inner">
        <div className="app-header__brand">
          <Link to="/" className="app-header__product">
            {tr('ui.product')}
          </Link>
          {me && (
            <nav aria-label={tr('ui.nav.main')} className="app-header__nav">
              <NavLink to="/" end>
                {tr('ui.nav.dossiers')}
              </NavLink>
              {me.party && <NavLink to="/contributions">{tr('ui.nav.contributions')}</NavLink>}
              {me.party && <NavLink to="/positions">{tr('ui.nav.positions')}</NavLink>}
              <NavLink to="/calendar">{tr('meetings.calendar')}</NavLink>
              <NavLink to="/verify">{tr('ui.nav.verify')}</NavLink>
              {me.secretariatOf &&
                (me.roles.includes('press_officer') || me.roles.includes('secretariat_admin')) && (
                  <NavLink to="/press">{tr('press.nav')}</NavLink>
                )}
              {me.secretariatOf && me.roles.includes('secretariat_admin') && (
                <NavLink to="/settings/procedures">{tr('ui.nav.procedures')}</NavLink>
              )}
              {me.secretariatOf && me.roles.includes('secretariat_admin') && (
                <NavLink to="/admin/jobs">{tr('ui.nav.jobs')}</NavLink>
              )}
            </nav>
          )}
        </div>
        <div className="app-header__tools">
          {me && (
            <div className="app-header__identity" data-testid="identity">
              <div className="app-header__party">{affiliation}</div>
              <div className="app-header__role">
                {roles}
                {me.displayName ? ` · ${me.displayName}` : ''}
              </div>
              <Link to="/settings/notifications" className="app-header__settings">
                {tr('ui.notifySettings.link')}
              </Link>
            </div>
          )}
          {me && <NotificationBell />}
          <LanguageSwitch me={me} />
          {me && onSignOut && (
            <Button size="xs" variant="white" color="navy" onClick={onSignOut} loading={signingOut}>
              {tr('ui.auth.signOut')}
            </Button>
          )}
        </div>
      </Container>
    </header>
  )
}
