/**
 * "Verify a file": anyone signed in uploads a file (the agreed text as DOCX, or its JSON);
 * its bytes go to POST /api/verify as they are, and the answer says whether it is exactly
 * an agreed text — which one, agreed when — or that it matches none, with the computed
 * SHA-256 and the problems found.
 */
import { hasMessage, t } from '@core/i18n/index.js'
import { type LocalizedText, pickText } from '@core/i18n/languages.js'
import { Alert, Anchor, Button, FileInput, Group, Stack, Text, Title } from '@mantine/core'
import { useMutation } from '@tanstack/react-query'
import { useState } from 'react'
import { Link } from 'react-router'
import { type VerifyProblem, type VerifyResult, verifyFile } from '../api/consensus.js'
import { Crumbs } from '../components/Crumbs.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

const ACCEPT =
  '.json,.docx,application/json,application/vnd.openxmlformats-officedocument.wordprocessingml.document'

const localized = (value: LocalizedText | string | null | undefined, lang: 'ru' | 'en') =>
  typeof value === 'string' ? value : pickText(value ?? null, lang)

/** A problem in the UI language: its message with its params, else its code. */
function problemText(problem: VerifyProblem, lang: 'ru' | 'en'): string {
  if (problem.message) return problem.message
  const key = `verify.problem.${problem.code}`
  return hasMessage(lang, key) ? t(lang, key, problem.params) : problem.code
}

export function VerifyPage() {
  const tr = useT()
  const [file, setFile] = useState<File | null>(null)
  const [missing, setMissing] = useState(false)
  const verify = useMutation({ mutationFn: verifyFile })
  useDocumentTitle(tr('ui.product'), tr('ui.verify.title'))

  return (
    <Stack gap="lg" maw="52rem">
      <Crumbs items={[{ label: tr('ui.nav.dossiers'), to: '/' }, { label: tr('ui.verify.title') }]} />
      <header>
        <Title order={1}>{tr('ui.verify.title')}</Title>
        <Text mt="xs">{tr('ui.verify.intro')}</Text>
      </header>
      <form
        className="panel verify-form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          setMissing(!file)
          if (file) verify.mutate(file)
        }}
      >
        <Stack gap="md" p="lg">
          <FileInput
            label={tr('ui.verify.file')}
            description={tr('ui.verify.fileHint')}
            placeholder={tr('ui.verify.choose')}
            accept={ACCEPT}
            value={file}
            onChange={(f) => {
              setFile(f)
              verify.reset()
            }}
            clearable
            clearButtonProps={{ 'aria-label': tr('ui.verify.clear') }}
            required
            error={missing ? tr('ui.verify.required') : null}
            data-testid="verify-file"
          />
          <Group>
            <Button type="submit" loading={verify.isPending}>
              {tr('ui.verify.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {verify.error ? <ErrorAlert error={verify.error} /> : null}
      {verify.data && <VerifyAnswer result={verify.data} fileName={file?.name ?? ''} />}
    </Stack>
  )
}

function VerifyAnswer({ result, fileName }: { result: VerifyResult; fileName: string }) {
  const tr = useT()
  const { lang } = useLanguage()
  const match = (result.agreed ?? result.ok) && result.ok && result.matches.length > 0
  return (
    <section
      className="verify-result"
      data-ok={match}
      aria-labelledby="verify-result-heading"
      aria-live="polite"
      data-testid="verify-result"
    >
      <h2 id="verify-result-heading" className="verify-result__heading">
        <span aria-hidden="true" className="verify-result__symbol">
          {match ? '✓' : '✕'}
        </span>
        {match ? tr('ui.verify.match') : tr('ui.verify.noMatch')}
      </h2>
      {match && (
        <ul className="plain-list verify-result__matches">
          {result.matches.map((m) => (
            <li key={m.versionId}>
              <Anchor
                component={Link}
                to={`/documents/${m.documentId}/versions/${m.versionId}/consensus`}
                fw={700}
              >
                {localized(m.title, lang)}
              </Anchor>
              <Text size="sm">
                {tr('ui.verify.matchLine', {
                  reference: m.reference,
                  label: localized(m.label, lang),
                  date: formatDate(m.frozenAt, lang),
                })}
              </Text>
            </li>
          ))}
        </ul>
      )}
      <dl className="verify-result__facts">
        <dt>{tr('ui.verify.fileName')}</dt>
        <dd>{fileName}</dd>
        <dt>{tr('ui.verify.kind')}</dt>
        <dd>
          {hasMessage(lang, `verify.kind.${result.kind}`) ? tr(`verify.kind.${result.kind}`) : result.kind}
        </dd>
        <dt>{tr('ui.verify.hash')}</dt>
        <dd>
          <code className="frozen__hash" data-testid="verify-hash">
            {result.hash ?? '—'}
          </code>
        </dd>
      </dl>
      {result.problems.length > 0 && (
        <Alert color="red" title={tr('ui.verify.problems')} mt="sm">
          <ul className="plain-list">
            {result.problems.map((p) => (
              <li key={`${p.code}-${JSON.stringify(p.params ?? {})}`}>{problemText(p, lang)}</li>
            ))}
          </ul>
        </Alert>
      )}
    </section>
  )
}
