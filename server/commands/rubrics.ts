/** Rubrics of an organization's newsroom: the sections news items are published under. */
import type { CreateRubricRequest } from '@core/api/news.js'
import { appendAudit } from '../audit/log.js'
import type { CommandContext } from '../context.js'
import type { OrganizationRow, RubricRow } from '../db/types.js'
import { AppError } from '../errors.js'
import { newId } from '../ids.js'

export interface RubricCreatorProps {
  ctx: CommandContext
  organization: OrganizationRow
  input: CreateRubricRequest
}

/** Adds a rubric to the organization's newsroom; 409 `rubric_slug_taken` for a slug in use. */
export async function rubricCreator({ ctx, organization, input }: RubricCreatorProps): Promise<RubricRow> {
  const taken = await ctx.trx
    .selectFrom('rubrics')
    .select('id')
    .where('organization_id', '=', organization.id)
    .where('slug', '=', input.slug)
    .executeTakeFirst()
  if (taken) throw new AppError(409, 'rubric_slug_taken', { slug: input.slug }, { slug: input.slug })
  let position = input.position
  if (position === undefined) {
    const last = await ctx.trx
      .selectFrom('rubrics')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('organization_id', '=', organization.id)
      .executeTakeFirst()
    position = Number(last?.max ?? -1) + 1
  }
  const row: RubricRow = {
    id: newId(),
    organization_id: organization.id,
    slug: input.slug,
    name: JSON.stringify(input.name),
    position,
    created_at: ctx.clock(),
  }
  await ctx.trx.insertInto('rubrics').values(row).execute()
  await appendAudit(ctx, {
    action: 'rubric.create',
    subjectType: 'rubric',
    subjectId: row.id,
    organizationId: organization.id,
    change: { slug: row.slug, name: input.name, position },
  })
  return row
}
