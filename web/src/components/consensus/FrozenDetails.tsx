/**
 * A frozen version: the full SHA-256 every party can check, and the downloads — the
 * certificate of agreement (PDF) and the agreed text (DOCX), in Russian and English.
 */
import type { UiLang } from '@core/i18n/languages.js'
import { Anchor, Button, Group, Stack, Text } from '@mantine/core'
import { Link } from 'react-router'
import { certificateUrl, textDocxUrl } from '../../api/consensus.js'
import { useT } from '../../i18n/language.js'

const LANGS: UiLang[] = ['ru', 'en']

interface FrozenDetailsProps {
  documentId: string
  versionId: string
  contentHash: string
}

export function FrozenDetails({ documentId, versionId, contentHash }: FrozenDetailsProps) {
  const tr = useT()
  return (
    <Stack gap="sm" className="frozen" data-testid="frozen-banner">
      <div>
        <Text fw={700} size="sm">
          {tr('ui.consensus.frozenHash')}
        </Text>
        <code className="frozen__hash" data-testid="frozen-hash">
          {contentHash}
        </code>
        <Text size="sm" mt={4}>
          {tr('ui.consensus.frozenHashHint')}{' '}
          <Anchor component={Link} to="/verify" underline="always">
            {tr('ui.verify.link')}
          </Anchor>
        </Text>
      </div>
      <Group gap="sm" wrap="wrap" className="no-print" aria-label={tr('ui.consensus.downloads')} role="group">
        {LANGS.map((lang) => (
          <Button
            key={`pdf-${lang}`}
            component="a"
            href={certificateUrl(documentId, versionId, lang)}
            download
            variant="default"
            data-testid={`certificate-${lang}`}
          >
            {tr('ui.consensus.certificate', { language: tr(`ui.consensus.inLang.${lang}`) })}
          </Button>
        ))}
        {LANGS.map((lang) => (
          <Button
            key={`docx-${lang}`}
            component="a"
            href={textDocxUrl(documentId, versionId, lang)}
            download
            variant="default"
            data-testid={`text-docx-${lang}`}
          >
            {tr('ui.consensus.textDocx', { language: tr(`ui.consensus.inLang.${lang}`) })}
          </Button>
        ))}
      </Group>
    </Stack>
  )
}
