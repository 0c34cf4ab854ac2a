/**
 * A frozen version: the full SHA-256 every party can check, and the downloads — the
 * certificate of agreement (PDF) and the agreed text (DOCX), in Russian and English.
 */
import type { UiLang } from '@core/i18n/languages.js'
import { Anchor, Group, Stack, Text } from '@mantine/core'
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
          <Anchor component={Link} to="/verify">
            {tr('ui.verify.link')}
          </Anchor>
        </Text>
      </div>
      <Group gap="lg" wrap="wrap" className="no-print">
        {LANGS.map((lang) => (
          <Anchor
            key={`pdf-${lang}`}
            href={certificateUrl(documentId, versionId, lang)}
            download
            data-testid={`certificate-${lang}`}
            fw={600}
          >
            {tr('ui.consensus.certificate', { language: tr(`ui.consensus.inLang.${lang}`) })}
          </Anchor>
        ))}
        {LANGS.map((lang) => (
          <Anchor
            key={`docx-${lang}`}
            href={textDocxUrl(documentId, versionId, lang)}
            download
            data-testid={`text-docx-${lang}`}
            fw={600}
          >
            {tr('ui.consensus.textDocx', { language: tr(`ui.consensus.inLang.${lang}`) })}
          </Anchor>
        ))}
      </Group>
    </Stack>
  )
}
