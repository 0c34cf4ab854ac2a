/**
 * Images of the newsroom: the type is decided by the content (sharp reads the header; the
 * client's Content-Type and file name are not trusted), and every upload is kept with its
 * renditions — 320, 800 and 1600 pixels wide, WebP, never upscaled, turned upright by their
 * EXIF orientation and stripped of metadata (no camera or GPS data leaks to the public).
 */
import { createHash } from 'node:crypto'
import { MEDIA_RENDITIONS, type MediaRenditionName } from '@core/api/news.js'
import type { Metadata } from 'sharp'

type Sharp = typeof import('sharp')
let sharpModule: Promise<Sharp> | undefined
/** sharp (libvips, about 20 MB) is loaded on the first image, not at start-up. */
function loadSharp(): Promise<Sharp> {
  sharpModule ??= import('sharp').then(
    (m) => (m as unknown as { default?: Sharp }).default ?? (m as unknown as Sharp),
  )
  return sharpModule
}

import { AppError } from '../errors.js'

/** Formats accepted, as sharp names them, with their media type. */
const ACCEPTED: Record<string, string> = { jpeg: 'image/jpeg', png: 'image/png', webp: 'image/webp' }
/** A decompression bomb is refused before it is decoded (50 megapixels is a large press photo). */
const MAX_PIXELS = 50_000_000

export interface Rendition {
  name: MediaRenditionName
  mediaType: string
  width: number
  height: number
  size: number
  content: Buffer
}

export interface ProcessedImage {
  mediaType: string
  /** Upright dimensions. */
  width: number
  height: number
  size: number
  sha256: string
  renditions: Rendition[]
}

export const mediaTypeRefused = () => new AppError(415, 'media_type_refused')

/** Checks the bytes are a JPEG, PNG or WebP image (else 415) and makes the renditions. */
export async function processImage(bytes: Buffer): Promise<ProcessedImage> {
  const sharp = await loadSharp()
  let meta: Metadata
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata()
  } catch {
    throw mediaTypeRefused()
  }
  const mediaType = meta.format ? ACCEPTED[meta.format] : undefined
  if (!mediaType || !meta.width || !meta.height) throw mediaTypeRefused()
  // EXIF orientations 5–8 are quarter turns: the upright picture is the other way round.
  const turned = (meta.orientation ?? 1) >= 5
  const width = turned ? meta.height : meta.width
  const height = turned ? meta.width : meta.height
  const renditions: Rendition[] = []
  try {
    for (const [name, target] of Object.entries(MEDIA_RENDITIONS) as [MediaRenditionName, number][]) {
      const { data, info } = await sharp(bytes, { limitInputPixels: MAX_PIXELS })
        .rotate()
        .resize({ width: Math.min(target, width), withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true })
      renditions.push({
        name,
        mediaType: 'image/webp',
        width: info.width,
        height: info.height,
        size: data.length,
        content: data,
      })
    }
  } catch {
    // A header that reads well over a body that does not decode.
    throw mediaTypeRefused()
  }
  return {
    mediaType,
    width,
    height,
    size: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    renditions,
  }
}

/** A file name for display only: no path, no control characters, at most 255 characters. */
export function displayFilename(name: string | undefined, mediaType: string): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? ''
  const visible = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f)
    .join('')
    .trim()
    .slice(0, 255)
  return visible || `image.${mediaType.split('/')[1]}`
}
