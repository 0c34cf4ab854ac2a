/**
 * Images uploaded to a newsroom: the original and its renditions are kept in the database (so
 * every node serves them) with the SHA-256 of the original. The type was decided from the
 * content by server/media/images.ts before the transaction (decoding is slow; a transaction
 * should not wait for it).
 */
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { MediaRow } from '../db/types.js'
import { newId } from '../ids.js'
import type { ProcessedImage } from '../media/images.js'

export interface MediaUploaderProps {
  ctx: CommandContext
  organizationId: string
  /** Shown only; never used as a path. */
  filename: string
  bytes: Buffer
  image: ProcessedImage
}

/** Stores an image with its renditions. */
export async function mediaUploader({ ctx, organizationId, filename, bytes, image }: MediaUploaderProps) {
  const row: MediaRow = {
    id: newId(),
    organization_id: organizationId,
    filename,
    media_type: image.mediaType,
    width: image.width,
    height: image.height,
    size: bytes.length,
    sha256: image.sha256,
    content: bytes,
    created_by: ctx.actor?.id ?? null,
    created_at: ctx.clock(),
  }
  await ctx.trx.insertInto('media').values(row).execute()
  for (const r of image.renditions) {
    await ctx.trx
      .insertInto('media_renditions')
      .values({
        media_id: row.id,
        name: r.name,
        media_type: r.mediaType,
        width: r.width,
        height: r.height,
        size: r.size,
        content: r.content,
      })
      .execute()
  }
  await appendAudit(ctx, {
    action: 'media.upload',
    subjectType: 'media',
    subjectId: row.id,
    organizationId,
    change: {
      filename,
      mediaType: row.media_type,
      width: row.width,
      height: row.height,
      size: row.size,
      sha256: row.sha256,
      renditions: image.renditions.map((r) => ({ name: r.name, width: r.width, height: r.height })),
    },
  })
  return row
}
