/**
 * Sign-in with e-mail and password. A wrong password shows the server's message (in the
 * UI language) in an alert; success stores the user and the CSRF token and goes on to
 * the page the user was heading for.
 */
import type { MeDTO, MeResponse } from '@core/api/types.js'
import { Button, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { type FormEvent, useState } from 'react'
import { Navigate, useLocation, useNavigate } from 'react-router'
import { api, setCsrfToken } from '../api/client.js'
import { meKey } from '../api/queries.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { Shell } from '../components/Shell.js'
import { markLanguageReconciled, useLanguage, usePersistLanguage, useT } from '../i18n/language.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

interface LoginResponse {
  data: MeDTO
  policies?: Record<string, boolean>
  csrfToken: string
}

function safeTarget(from: unknown): string {
  return typeof from === 'string' &&
    from.startsWith('/') &&
    !from.startsWith('//') &&
    !from.startsWith('/login')
    ? from
    : '/'
}

export function LoginPage() {
  const tr = useT()
  const { lang, setLang, chosenByUser } = useLanguage()
  const persistLanguage = usePersistLanguage()
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  const location = useLocation()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const [missing, setMissing] = useState<{ email: boolean; password: boolean }>({
    email: false,
    password: false,
  })
  useDocumentTitle(tr('ui.product'), tr('ui.login.title'))

  const signIn = useMutation({
    mutationFn: (body: { email: string; password: string }) =>
      api<LoginResponse>('/api/auth/login', { method: 'POST', body }),
    onSuccess: (response) => {
      setCsrfToken(response.csrfToken)
      const me = response.data
      queryClient.setQueryData<MeResponse>(meKey, {
        data: me,
        policies: response.policies ?? {},
        csrfToken: response.csrfToken,
      })
      // A language picked by hand on this device is kept and saved on the account;
      // otherwise the account's language is adopted.
      markLanguageReconciled(me.id)
      if (me.locale !== lang) {
        if (chosenByUser) void persistLanguage(lang, me).catch(() => undefined)
        else setLang(me.locale)
      }
      navigate(safeTarget((location.state as { from?: unknown } | null)?.from), { replace: true })
    },
  })

  if (queryClient.getQueryData<MeResponse>(meKey)?.data) return <Navigate to="/" replace />

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const check = { email: !email.trim(), password: !password }
    setMissing(check)
    if (check.email || check.password) return
    signIn.mutate({ email: email.trim(), password })
  }

  return (
    <Shell>
      <Paper className="panel" maw={440} mx="auto" mt="xl" p="xl" shadow="xs">
        <form onSubmit={submit} noValidate aria-labelledby="login-title">
          <Stack gap="md">
            <div>
              <Title order={1} id="login-title" size="h2">
                {tr('ui.login.title')}
              </Title>
              <Text c="dimmed" mt={6}>
                {tr('ui.login.intro')}
              </Text>
            </div>
            {signIn.isError && <ErrorAlert error={signIn.error} title={tr('ui.login.failed')} />}
            <TextInput
              label={tr('ui.login.email')}
              type="email"
              name="email"
              autoComplete="username"
              required
              withAsterisk={false}
              value={email}
              error={missing.email ? tr('ui.login.emailRequired') : undefined}
              onChange={(event) => setEmail(event.currentTarget.value)}
            />
            <PasswordInput
              label={tr('ui.login.password')}
              name="password"
              autoComplete="current-password"
              required
              withAsterisk={false}
              value={password}
              error={missing.password ? tr('ui.login.passwordRequired') : undefined}
              onChange={(event) => setPassword(event.currentTarget.value)}
              visibilityToggleButtonProps={{
                'aria-label': tr('ui.login.showPassword'),
              }}
            />
            <Button type="submit" size="md" loading={signIn.isPending}>
              {tr('ui.login.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Shell>
  )
}
