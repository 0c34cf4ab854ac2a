/** Sets the browser tab title (WCAG 2.4.2: each page has a title that says what it is). */
import { useEffect } from 'react'

export function useDocumentTitle(product: string, ...parts: (string | null | undefined)[]): void {
  const title = [...parts.filter((part): part is string => !!part), product].join(' — ')
  useEffect(() => {
    document.title = title
  }, [title])
}
