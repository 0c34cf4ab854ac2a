/**
 * The language versions side by side — Russian | Tajik | English — each with its state, its
 * title, lead and body editable in place and saved on its own; a missing language is added as
 * a copy of the version at hand, to be translated. The shared fields (rubric, photo, dateline,
 * embargo) are copied when a version is added and edited in each version's own editor.
 */
import { NEWS_LANGUAGES, type NewsItemDTO, type NewsLang } from '@core/api/news.js'
import { Anchor, Button, Stack, Text, Textarea } from '@mantine/core'
import { useEffect, useState } from 'react'
import { Link } from 'react-router'
import { newsPath, useNewsItem, useNewsWrite } from '../../api/news.js'
import { useT } from '../../i18n/language.js'
import { ErrorAlert } from '../ErrorAlert.js'
import { BodyEditor } from './BodyEditor.js'
import { NewsStatusBadge } from './badges.js'

export function TranslationsPanel({ item }: { item: NewsItemDTO }) {
  const tr = useT()
  const add = useNewsWrite((language: NewsLang) => ({
    path: newsPath(item.id, '/translations'),
    method: 'POST',
    body: { language },
  }))
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {tr('press.ui.translations.explain')}
      </Text>
      {add.error ? <ErrorAlert error={add.error} /> : null}
      <div className="press-columns">
        {NEWS_LANGUAGES.map((lang) => {
          const version = item.translations.find((x) => x.language === lang)
          return (
            <section
              key={lang}
              className="panel press-column"
              aria-labelledby={`col-${lang}`}
              data-testid={`translation-${lang}`}
            >
              <div className="press-column__head">
                <h3 id={`col-${lang}`} style={{ margin: 0, fontSize: '1.0625rem' }}>
                  {tr(`press.language.${lang}`)}
                </h3>
                {version && <NewsStatusBadge status={version.status} />}
              </div>
              {version ? (
                <TranslationColumn id={version.id} current={version.id === item.id} />
              ) : (
                <Stack gap="xs">
                  <Text size="sm">{tr('press.ui.translations.missing')}</Text>
                  <Button
                    variant="default"
                    onClick={() => add.mutate(lang)}
                    loading={add.isPending && add.variables === lang}
                    disabled={item.status === 'archived'}
                  >
                    {tr('press.ui.translations.add', { language: tr(`press.language.${lang}`) })}
                  </Button>
                </Stack>
              )}
            </section>
          )
        })}
      </div>
    </Stack>
  )
}

function TranslationColumn({ id, current }: { id: string; current: boolean }) {
  const tr = useT()
  const query = useNewsItem(id)
  const item = query.data?.data
  const mayEdit = !!query.data?.policies.update
  const [title, setTitle] = useState('')
  const [lead, setLead] = useState('')
  const [body, setBody] = useState('')
  useEffect(() => {
    if (!item) return
    setTitle(item.title)
    setLead(item.lead)
    setBody(item.body)
  }, [item])
  const save = useNewsWrite(() => ({
    path: newsPath(id),
    method: 'PATCH',
    body: { version: item?.version, title, lead, body },
  }))
  if (!item) return query.error ? <ErrorAlert error={query.error} /> : <Text size="sm">…</Text>
  const dirty = title !== item.title || lead !== item.lead || body !== item.body
  const lang = item.language
  return (
    <Stack gap="sm">
      <Textarea
        label={tr('press.ui.field.title')}
        value={title}
        onChange={(e) => setTitle(e.currentTarget.value)}
        autosize
        minRows={2}
        lang={lang}
        disabled={!mayEdit}
      />
      <Textarea
        label={tr('press.ui.field.lead')}
        value={lead}
        onChange={(e) => setLead(e.currentTarget.value)}
        autosize
        minRows={3}
        lang={lang}
        disabled={!mayEdit}
      />
      <BodyEditor
        label={tr('press.ui.field.body')}
        value={body}
        onChange={setBody}
        lang={lang}
        compact
        disabled={!mayEdit}
      />
      {save.error ? <ErrorAlert error={save.error} /> : null}
      {mayEdit && (
        <Button onClick={() => save.mutate()} disabled={!dirty} loading={save.isPending}>
          {tr('press.ui.translations.save', { language: tr(`press.language.${lang}`) })}
        </Button>
      )}
      {!current && (
        <Anchor component={Link} to={`/press/items/${id}`} size="sm">
          {tr('press.ui.translations.open', { language: tr(`press.language.${lang}`) })}
        </Anchor>
      )}
    </Stack>
  )
}
