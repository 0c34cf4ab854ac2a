/** The bracket state of a version: its content with the backing and resolutions recorded since. */
import { type BracketEvent, withBracketEvents } from '@core/text/brackets.js'
import type { DocumentContent } from '@core/text/model.js'
import type { Queryable } from '../context.js'

export async function bracketEventsOf(db: Queryable, versionId: string): Promise<BracketEvent[]> {
  const rows = await db
    .selectFrom('bracket_events')
    .leftJoin('parties', 'parties.id', 'bracket_events.party_id')
    .select([
      'bracket_events.kind',
      'bracket_events.bracket_id',
      'parties.code',
      'bracket_events.alternative',
      'bracket_events.text',
      'bracket_events.agreed_by',
    ])
    .where('bracket_events.version_id', '=', versionId)
    .orderBy('bracket_events.id')
    .execute()
  return rows.map((r): BracketEvent => {
    if (r.kind === 'resolve')
      return {
        kind: 'resolve',
        bracketId: r.bracket_id,
        text: r.text ?? '',
        agreedBy: JSON.parse(r.agreed_by ?? '[]'),
      }
    if (r.kind === 'unback') return { kind: 'unback', bracketId: r.bracket_id, party: r.code ?? '' }
    return { kind: 'back', bracketId: r.bracket_id, party: r.code ?? '', alternative: r.alternative ?? 0 }
  })
}

/** The version's content as it stands now: brackets with their current backers and resolutions. */
export async function contentWithBrackets(
  db: Queryable,
  versionId: string,
  content: string,
): Promise<DocumentContent> {
  return withBracketEvents(JSON.parse(content) as DocumentContent, await bracketEventsOf(db, versionId))
}
