/**
 * The item's photo: upload an image (JPEG, PNG or WebP, up to 10 MB; the server checks the
 * content and makes its renditions), see it, describe it for those who cannot (required),
 * give its caption and credit ("ФОТО: пресс-служба Исполкома СНГ"), or remove it.
 */
import { Button, FileButton, Group, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useState } from 'react'
import { uploadMedia } from '../../api/news.js'
import { useT } from '../../i18n/language.js'
import { ErrorAlert } from '../ErrorAlert.js'

export interface PhotoValue {
  mediaId: string | null
  alt: string
  caption: string
  credit: string
}

interface PhotoFieldProps {
  value: PhotoValue
  onChange: (value: PhotoValue) => void
  disabled?: boolean
  /** The alternative text is missing while a photo is set. */
  altMissing?: boolean
}

export function PhotoField({ value, onChange, disabled = false, altMissing = false }: PhotoFieldProps) {
  const tr = useT()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)

  async function upload(file: File | null) {
    if (!file) return
    setBusy(true)
    setError(null)
    try {
      const media = await uploadMedia(file)
      onChange({ ...value, mediaId: media.data.id })
    } catch (e) {
      setError(e)
    } finally {
      setBusy(false)
    }
  }

  return (
    <Stack gap="sm">
      {value.mediaId ? (
        <Group align="flex-start" gap="md" wrap="wrap">
          <img
            src={`/api/media/${value.mediaId}/w320`}
            alt={value.alt || tr('press.ui.photo.noAlt')}
            className="press-photo-thumb"
            data-testid="photo-thumb"
          />
          {!disabled && (
            <Button
              variant="subtle"
              color="red.9"
              onClick={() => onChange({ mediaId: null, alt: '', caption: '', credit: '' })}
            >
              {tr('press.ui.photo.remove')}
            </Button>
          )}
        </Group>
      ) : (
        <Text size="sm" c="dimmed">
          {tr('press.ui.photo.none')}
        </Text>
      )}
      {!disabled && (
        <div>
          <FileButton onChange={(file) => void upload(file)} accept="image/jpeg,image/png,image/webp">
            {(props) => (
              <Button
                {...props}
                variant="default"
                loading={busy}
                data-testid="photo-upload"
                aria-describedby="photo-hint"
              >
                {value.mediaId ? tr('press.ui.photo.replace') : tr('press.ui.photo.upload')}
              </Button>
            )}
          </FileButton>
          <Text id="photo-hint" size="xs" c="dimmed" mt={4}>
            {tr('press.ui.photo.hint')}
          </Text>
        </div>
      )}
      {busy && (
        <Text size="sm" role="status">
          {tr('press.ui.photo.uploading')}
        </Text>
      )}
      {error ? <ErrorAlert error={error} /> : null}
      {value.mediaId && (
        <>
          <Textarea
            label={tr('press.ui.photo.alt')}
            description={tr('press.ui.photo.altHint')}
            required
            withAsterisk
            autosize
            minRows={2}
            value={value.alt}
            onChange={(e) => onChange({ ...value, alt: e.currentTarget.value })}
            error={altMissing ? tr('press.ui.photo.altMissing') : undefined}
            disabled={disabled}
          />
          <TextInput
            label={tr('press.ui.photo.caption')}
            value={value.caption}
            onChange={(e) => onChange({ ...value, caption: e.currentTarget.value })}
            disabled={disabled}
          />
          <TextInput
            label={tr('press.ui.photo.credit')}
            description={tr('press.ui.photo.creditHint')}
            value={value.credit}
            onChange={(e) => onChange({ ...value, credit: e.currentTarget.value })}
            disabled={disabled}
          />
        </>
      )}
    </Stack>
  )
}
