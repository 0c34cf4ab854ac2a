/** An address the workspace does not know. */
import { Anchor, Stack, Text, Title } from '@mantine/core'
import { Link } from 'react-router'
import { useT } from '../i18n/language.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

export function NotFoundPage() {
  const tr = useT()
  useDocumentTitle(tr('ui.product'), tr('ui.notFound.title'))
  return (
    <Stack gap="md" maw="40rem">
      <Title order={1}>{tr('ui.notFound.title')}</Title>
      <Text>{tr('ui.notFound.body')}</Text>
      <Anchor component={Link} to="/">
        {tr('ui.notFound.back')}
      </Anchor>
    </Stack>
  )
}
