/**
 * The organization's procedure templates (порядок прохождения), for its secretariat: each
 * template as its stages in order, with the moves allowed from each and the conditions of
 * each move in words. The administrator edits them — renames stages per language, adds and
 * removes stages, moves and conditions — and adds a template as a copy of another; the
 * server's reasons are shown when a change is refused.
 */
import type { ProcedureTemplateDTO } from '@core/api/procedures.js'
import {
  GUARDS,
  type GuardCode,
  type ProcedureDefinition,
  type ProcedureStage,
  STAGE_KINDS,
  type StageKind,
} from '@core/domain/procedure.js'
import { type LocalizedText, pickText } from '@core/i18n/languages.js'
import {
  Badge,
  Button,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core'
import { useState } from 'react'
import { useCreateProcedure, useProcedures, useSaveProcedure } from '../api/procedures.js'
import { useMe } from '../api/queries.js'
import { Crumbs } from '../components/Crumbs.js'
import { ErrorAlert } from '../components/ErrorAlert.js'
import { PageLoader } from '../components/PageLoader.js'
import '../components/procedure/procedure.css'
import { useLanguage, useT } from '../i18n/language.js'
import { formatDate } from '../lib/format.js'
import { useDocumentTitle } from '../lib/useDocumentTitle.js'

const clone = (d: ProcedureDefinition): ProcedureDefinition => JSON.parse(JSON.stringify(d))

export function ProcedureSettingsPage() {
  const tr = useT()
  const me = useMe().data?.data
  const orgId = me?.secretariatOf?.id ?? ''
  const procedures = useProcedures(orgId)
  useDocumentTitle(tr('ui.product'), tr('ui.procedures.title'))

  if (me && !me.secretariatOf) return <Text>{tr('ui.procedures.secretariatOnly')}</Text>
  if (procedures.isError) return <ErrorAlert error={procedures.error} />
  if (!me || !procedures.data) return <PageLoader />
  const manage = !!procedures.data.policies.manage_procedures
  const list = procedures.data.data

  return (
    <Stack gap="xl">
      <Crumbs items={[{ label: tr('ui.nav.dossiers'), to: '/' }, { label: tr('ui.procedures.title') }]} />
      <header>
        <Text className="page-kicker">{tr('ui.procedures.kicker')}</Text>
        <Title order={1} mt={6}>
          {tr('ui.procedures.title')}
        </Title>
        <Text mt="xs" maw="48rem">
          {tr(manage ? 'ui.procedures.intro' : 'ui.procedures.introReadOnly')}
        </Text>
      </header>
      {list.map((p) => (
        <TemplateCard key={p.code} template={p} manage={manage} organizationId={orgId} />
      ))}
      {manage && <NewTemplate organizationId={orgId} templates={list} />}
    </Stack>
  )
}

function TemplateCard({
  template,
  manage,
  organizationId,
}: {
  template: ProcedureTemplateDTO
  manage: boolean
  organizationId: string
}) {
  const tr = useT()
  const { lang } = useLanguage()
  const [draft, setDraft] = useState<{ name: LocalizedText; definition: ProcedureDefinition } | null>(null)
  const save = useSaveProcedure(organizationId)
  const headingId = `procedure-${template.code}`
  const inUse = Object.values(template.dossiersPerStage).reduce((a, b) => a + b, 0)

  return (
    <section
      aria-labelledby={headingId}
      className="panel timeline-panel"
      data-testid="procedure-template"
      data-code={template.code}
    >
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Title order={2} id={headingId} size="h3">
            {pickText(template.name, lang)}
          </Title>
          <Group gap="xs" mt={4} wrap="wrap">
            <span className="procedure-stage__code">{template.code}</span>
            {template.isDefault && (
              <Badge color="navy" variant="filled" radius="sm">
                {tr('ui.procedures.default')}
              </Badge>
            )}
            <Text size="sm" c="dimmed">
              {tr('ui.procedures.inUse', { count: inUse })}
              {template.updatedAt && template.updatedBy
                ? ` · ${tr('ui.procedures.updated', {
                    date: formatDate(template.updatedAt, lang),
                    who: template.updatedBy.displayName,
                  })}`
                : ''}
            </Text>
          </Group>
        </div>
        {manage && !draft && (
          <Button
            variant="default"
            onClick={() => {
              save.reset()
              setDraft({ name: { ...template.name }, definition: clone(template.definition) })
            }}
          >
            {tr('ui.procedures.edit')}
            <span className="visually-hidden">: {pickText(template.name, lang)}</span>
          </Button>
        )}
      </Group>

      {draft ? (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            save.mutate(
              { code: template.code, version: template.version, ...draft },
              { onSuccess: () => setDraft(null) },
            )
          }}
          data-testid="procedure-editor"
        >
          <Stack gap="md" mt="md">
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              {(['ru', 'en', 'tg'] as const).map((l) => (
                <TextInput
                  key={l}
                  label={tr('ui.procedures.templateName', { lang: tr(`lang.${l}`) })}
                  value={draft.name[l] ?? ''}
                  onChange={(event) => {
                    const value = event.currentTarget.value
                    setDraft((d) => d && { ...d, name: { ...d.name, [l]: value } })
                  }}
                  required={l !== 'tg'}
                />
              ))}
            </SimpleGrid>
            <StageEditor
              definition={draft.definition}
              onChange={(definition) => setDraft((d) => d && { ...d, definition })}
            />
            {save.error ? <ErrorAlert error={save.error} title={tr('ui.procedures.refused')} /> : null}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setDraft(null)} disabled={save.isPending}>
                {tr('ui.action.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {tr('ui.procedures.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      ) : (
        <TemplateView template={template} />
      )}
      {save.isSuccess && !draft && (
        <Text size="sm" mt="sm" role="status">
          {tr('ui.procedures.saved')}
        </Text>
      )}
    </section>
  )
}

/** A template in words: the stages in order, the moves from each and the conditions of each move. */
function TemplateView({ template }: { template: ProcedureTemplateDTO }) {
  const tr = useT()
  const { lang } = useLanguage()
  const def = template.definition
  const name = (code: string) => {
    const s = def.stages.find((x) => x.code === code)
    return s ? pickText(s.name, lang) : code
  }
  return (
    <ol
      className="procedure-stages"
      aria-label={tr('ui.procedures.stagesOf', { name: pickText(template.name, lang) })}
    >
      {def.stages.map((s, i) => {
        const targets = def.transitions[s.code] ?? []
        const count = template.dossiersPerStage[s.code] ?? 0
        return (
          <li key={s.code} className="procedure-stage" data-stage={s.code}>
            <Group gap="xs" wrap="wrap" align="baseline">
              <Text fw={700}>
                {i + 1}. {pickText(s.name, lang)}
              </Text>
              <span className="procedure-stage__code">{s.code}</span>
              {s.kind && (
                <Text size="sm" c="dimmed">
                  {tr(`procedure.kind.${s.kind}`)}
                  {s.body ? ` · ${tr('ui.procedures.body', { body: s.body })}` : ''}
                </Text>
              )}
              {count > 0 && (
                <Text size="sm" c="dimmed">
                  {tr('ui.procedures.dossiersHere', { count })}
                </Text>
              )}
            </Group>
            {targets.length === 0 ? (
              <Text size="sm" c="dimmed">
                {tr('ui.procedures.final')}
              </Text>
            ) : (
              <ul className="procedure-moves">
                {targets.map((to) => {
                  const guards = (def.guards[`${s.code}>${to}`] ?? []) as GuardCode[]
                  return (
                    <li key={to}>
                      {tr('ui.procedures.moveTo', { stage: name(to) })}
                      {guards.length > 0 &&
                        ` — ${tr('ui.procedures.when', {
                          conditions: guards.map((g) => tr(`procedure.guardName.${g}`)).join('; '),
                        })}`}
                    </li>
                  )
                })}
              </ul>
            )}
          </li>
        )
      })}
    </ol>
  )
}

function StageEditor({
  definition,
  onChange,
}: {
  definition: ProcedureDefinition
  onChange: (d: ProcedureDefinition) => void
}) {
  const tr = useT()
  const { lang } = useLanguage()
  const [code, setCode] = useState('')
  const [ru, setRu] = useState('')
  const [en, setEn] = useState('')
  const update = (fn: (d: ProcedureDefinition) => void) => {
    const next = clone(definition)
    fn(next)
    onChange(next)
  }
  const setStage = (i: number, patch: Partial<ProcedureStage>) =>
    update((d) => {
      const s = { ...d.stages[i]!, ...patch } as ProcedureStage & Record<string, unknown>
      for (const key of ['kind', 'body'] as const) if (!s[key]) delete s[key]
      d.stages[i] = s
    })
  const removeStage = (index: number) =>
    update((d) => {
      const code = d.stages[index]!.code
      d.stages = d.stages.filter((_, j) => j !== index)
      // A code typed twice: the moves and conditions stay with the stage that keeps it.
      if (d.stages.some((s) => s.code === code)) return
      delete d.transitions[code]
      for (const from of Object.keys(d.transitions))
        d.transitions[from] = d.transitions[from]!.filter((t) => t !== code)
      for (const key of Object.keys(d.guards)) if (key.split('>').includes(code)) delete d.guards[key]
    })
  const stageLabel = (s: ProcedureStage) => `${pickText(s.name, lang) || s.code} (${s.code})`

  return (
    <Stack gap="sm">
      <ol className="procedure-stages" aria-label={tr('ui.procedures.stages')}>
        {definition.stages.map((s, i) => {
          const targets = definition.transitions[s.code] ?? []
          const label = pickText(s.name, lang) || s.code
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: a code may be duplicated while editing (the server then explains)
            <li key={`${s.code}-${i}`} className="procedure-stage" data-stage={s.code}>
              <fieldset className="procedure-fieldset" style={{ border: 'none', margin: 0, padding: 0 }}>
                <legend>
                  <Text fw={700}>
                    {i + 1}. {label} <span className="procedure-stage__code">{s.code}</span>
                  </Text>
                </legend>
                <Stack gap="xs" mt="xs">
                  <SimpleGrid cols={{ base: 1, sm: 3 }}>
                    {(['ru', 'en', 'tg'] as const).map((l) => (
                      <TextInput
                        key={l}
                        label={tr('ui.procedures.stageName', { lang: tr(`lang.${l}`) })}
                        value={s.name[l] ?? ''}
                        onChange={(event) => {
                          const value = event.currentTarget.value
                          const name = { ...s.name, [l]: value }
                          if (l === 'tg' && !value) delete name.tg
                          setStage(i, { name: name as ProcedureStage['name'] })
                        }}
                        required={l !== 'tg'}
                        data-testid={`stage-name-${s.code}-${l}`}
                      />
                    ))}
                  </SimpleGrid>
                  <SimpleGrid cols={{ base: 1, sm: 2 }}>
                    <Select
                      label={tr('ui.procedures.kind')}
                      data={[
                        { value: '', label: tr('ui.procedures.noKind') },
                        ...STAGE_KINDS.map((k) => ({ value: k, label: tr(`procedure.kind.${k}`) })),
                      ]}
                      value={s.kind ?? ''}
                      allowDeselect={false}
                      onChange={(value) =>
                        setStage(i, { kind: (value || undefined) as StageKind | undefined })
                      }
                      comboboxProps={{ withinPortal: false }}
                    />
                    <TextInput
                      label={tr('ui.procedures.bodyCode')}
                      description={tr('ui.procedures.bodyHint')}
                      value={s.body ?? ''}
                      onChange={(event) => {
                        const value = event.currentTarget.value.trim()
                        setStage(i, value ? { body: value } : { body: undefined })
                      }}
                    />
                  </SimpleGrid>
                  <MultiSelect
                    label={tr('ui.procedures.movesFrom', { stage: label })}
                    data={definition.stages
                      // A code typed twice is refused by the server; the list offers it once.
                      .filter(
                        (x, j, all) => x.code !== s.code && all.findIndex((y) => y.code === x.code) === j,
                      )
                      .map((x) => ({ value: x.code, label: stageLabel(x) }))}
                    value={targets}
                    onChange={(value) =>
                      update((d) => {
                        d.transitions[s.code] = value
                        for (const key of Object.keys(d.guards)) {
                          const [from, to] = key.split('>')
                          if (from === s.code && to && !value.includes(to)) delete d.guards[key]
                        }
                      })
                    }
                    comboboxProps={{ withinPortal: false }}
                    data-testid={`moves-${s.code}`}
                  />
                  {targets.map((to) => {
                    const key = `${s.code}>${to}`
                    const target = definition.stages.find((x) => x.code === to)
                    return (
                      <MultiSelect
                        key={key}
                        label={tr('ui.procedures.conditions', {
                          from: label,
                          to: target ? pickText(target.name, lang) : to,
                        })}
                        data={GUARDS.map((g) => ({ value: g, label: tr(`procedure.guardName.${g}`) }))}
                        value={definition.guards[key] ?? []}
                        onChange={(value) =>
                          update((d) => {
                            if (value.length) d.guards[key] = value
                            else delete d.guards[key]
                          })
                        }
                        comboboxProps={{ withinPortal: false }}
                        ml="lg"
                      />
                    )
                  })}
                  <Group justify="flex-end">
                    <Button
                      variant="default"
                      c="#8a1c1c"
                      size="xs"
                      onClick={() => removeStage(i)}
                      disabled={definition.stages.length === 1}
                    >
                      {tr('ui.procedures.removeStage')}
                      <span className="visually-hidden">: {label}</span>
                    </Button>
                  </Group>
                </Stack>
              </fieldset>
            </li>
          )
        })}
      </ol>
      <fieldset className="panel timeline-panel" style={{ margin: 0 }} data-testid="new-stage">
        <legend>
          <Text fw={700}>{tr('ui.procedures.addStage')}</Text>
        </legend>
        <Group align="flex-end" gap="sm" wrap="wrap">
          <TextInput
            label={tr('ui.procedures.stageCode')}
            description={tr('ui.procedures.stageCodeHint')}
            value={code}
            onChange={(event) => setCode(event.currentTarget.value)}
          />
          <TextInput
            label={tr('ui.procedures.stageName', { lang: tr('lang.ru') })}
            value={ru}
            onChange={(event) => setRu(event.currentTarget.value)}
          />
          <TextInput
            label={tr('ui.procedures.stageName', { lang: tr('lang.en') })}
            value={en}
            onChange={(event) => setEn(event.currentTarget.value)}
          />
          <Button
            variant="default"
            disabled={!code.trim() || !ru.trim() || !en.trim()}
            onClick={() => {
              update((d) => {
                d.stages.push({ code: code.trim(), name: { ru: ru.trim(), en: en.trim() } })
                d.transitions[code.trim()] ??= []
              })
              setCode('')
              setRu('')
              setEn('')
            }}
          >
            {tr('ui.procedures.add')}
          </Button>
        </Group>
      </fieldset>
    </Stack>
  )
}

function NewTemplate({
  organizationId,
  templates,
}: {
  organizationId: string
  templates: ProcedureTemplateDTO[]
}) {
  const tr = useT()
  const { lang } = useLanguage()
  const [code, setCode] = useState('')
  const [ru, setRu] = useState('')
  const [en, setEn] = useState('')
  const [copyOf, setCopyOf] = useState(templates[0]?.code ?? 'cis')
  const create = useCreateProcedure(organizationId)
  return (
    <section aria-labelledby="new-procedure-heading" className="panel timeline-panel">
      <Title order={2} id="new-procedure-heading" size="h3" mb="sm">
        {tr('ui.procedures.new')}
      </Title>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          create.mutate(
            { code: code.trim(), name: { ru: ru.trim(), en: en.trim() }, copyOf },
            {
              onSuccess: () => {
                setCode('')
                setRu('')
                setEn('')
              },
            },
          )
        }}
      >
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={tr('ui.procedures.copyOf')}
              data={templates.map((t) => ({ value: t.code, label: pickText(t.name, lang) }))}
              value={copyOf}
              allowDeselect={false}
              onChange={(value) => value && setCopyOf(value)}
              comboboxProps={{ withinPortal: false }}
            />
            <TextInput
              label={tr('ui.procedures.code')}
              description={tr('ui.procedures.stageCodeHint')}
              value={code}
              onChange={(event) => setCode(event.currentTarget.value)}
              required
            />
            <TextInput
              label={tr('ui.procedures.templateName', { lang: tr('lang.ru') })}
              value={ru}
              onChange={(event) => setRu(event.currentTarget.value)}
              required
            />
            <TextInput
              label={tr('ui.procedures.templateName', { lang: tr('lang.en') })}
              value={en}
              onChange={(event) => setEn(event.currentTarget.value)}
              required
            />
          </SimpleGrid>
          {create.error ? <ErrorAlert error={create.error} /> : null}
          {create.isSuccess && (
            <Text size="sm" role="status">
              {tr('ui.procedures.created')}
            </Text>
          )}
          <Group justify="flex-end">
            <Button
              type="submit"
              disabled={!code.trim() || !ru.trim() || !en.trim()}
              loading={create.isPending}
            >
              {tr('ui.procedures.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </section>
  )
}
