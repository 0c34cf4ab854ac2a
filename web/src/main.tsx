/** Entry point of the web workspace: providers (theme, queries, language, router) and the app. */
import '@mantine/core/styles.css'
import './styles/app.css'
import './styles/text.css'
import './styles/redline.css'
import './styles/document.css'
import './styles/table.css'
import './styles/compare.css'
import './styles/notifications.css'
import './styles/consensus.css'
import './styles/matrix.css'
import './styles/consensus-panel.css'
import { MantineProvider } from '@mantine/core'
import { QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { BrowserRouter } from 'react-router'
import { App } from './App.js'
import { isUnauthorized } from './api/client.js'
import { meKey, shouldRetry } from './api/queries.js'
import { LanguageProvider } from './i18n/language.js'
import { theme } from './theme.js'

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({
    // A session that expires while reading: re-check the user, which leads to sign-in.
    onError: (error, query) => {
      if (isUnauthorized(error) && query.queryKey[0] !== meKey[0]) {
        void queryClient.invalidateQueries({ queryKey: meKey })
      }
    },
  }),
  defaultOptions: {
    queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
  },
})

const root = document.getElementById('root')
if (!root) throw new Error('#root is missing from index.html')

createRoot(root).render(
  <StrictMode>
    <MantineProvider theme={theme} forceColorScheme="light">
      <QueryClientProvider client={queryClient}>
        <LanguageProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </LanguageProvider>
      </QueryClientProvider>
    </MantineProvider>
  </StrictMode>,
)
