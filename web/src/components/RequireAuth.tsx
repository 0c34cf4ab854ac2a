/**
 * Guards the signed-in workspace: loads the user (401 → the sign-in page, remembering
 * where the user was going), adopts the account's language, and offers sign-out.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router'
import { api, isUnauthorized, setCsrfToken } from '../api/client.js'
import { useMe } from '../api/queries.js'
import { resetLanguageReconciliation, useAdoptAccountLanguage } from '../i18n/language.js'
import { ErrorAlert } from './ErrorAlert.js'
import { PageLoader } from './PageLoader.js'
import { Shell } from './Shell.js'

export function RequireAuth() {
  const me = useMe()
  const location = useLocation()
  const navigate = useNavigate()
  const queryClient = useQueryClient()
  useAdoptAccountLanguage(me.data?.data)

  const signOut = useMutation({
    mutationFn: () => api<unknown>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null)
      resetLanguageReconciliation()
      queryClient.clear()
      navigate('/login', { replace: true })
    },
  })

  if (me.isPending) {
    return (
      <Shell>
        <PageLoader />
      </Shell>
    )
  }
  if (me.isError) {
    if (isUnauthorized(me.error)) {
      return (
        <Navigate
          to="/login"
          replace
          state={{ from: `${location.pathname}${location.search}${location.hash}` }}
        />
      )
    }
    return (
      <Shell>
        <ErrorAlert error={me.error} />
      </Shell>
    )
  }
  return (
    <Shell me={me.data.data} onSignOut={() => signOut.mutate()} signingOut={signOut.isPending}>
      <Outlet />
    </Shell>
  )
}
