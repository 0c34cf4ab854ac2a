/**
 * The text model of a document version, close to Akoma Ntoso's: a preamble of recitals,
 * a body of paragraphs or of articles with paragraphs and points, and conclusions.
 * Every provision has a stable `eid` that survives revisions, and a displayed number
 * that may change. The text of each provision is kept per language as inline runs.
 */
import { z } from 'zod'
import { LANGUAGES, type Lang } from '../i18n/languages.js'

/** Format of the content document; part of what is hashed. */
export const CONTENT_FORMAT = 'concord-text/1'

export const langSchema = z.enum(LANGUAGES)

const nfcString = z.string().transform((s) => s.normalize('NFC'))

/** Plain text with simple emphasis. */
export const textRunSchema = z
  .object({
    type: z.literal('text'),
    text: nfcString.pipe(z.string().min(1)),
    em: z.literal(true).optional(),
    strong: z.literal(true).optional(),
  })
  .strict()

/** One alternative wording inside square brackets, backed by named parties (ISO alpha-3). */
export const alternativeSchema = z
  .object({
    text: nfcString,
    backers: z.array(z.string().regex(/^[A-Z]{3}$/)),
  })
  .strict()

/** The square-bracket text of negotiations: two or more alternatives, or one to keep or drop. */
export const bracketRunSchema = z
  .object({
    type: z.literal('bracket'),
    id: z.string().regex(/^[a-z0-9_-]{1,64}$/),
    alternatives: z.array(alternativeSchema).min(1),
    resolved: z
      .object({ text: nfcString, agreedBy: z.array(z.string().regex(/^[A-Z]{3}$/)) })
      .strict()
      .optional(),
  })
  .strict()

export const footnoteRefRunSchema = z
  .object({ type: z.literal('fnref'), id: z.string().regex(/^[a-z0-9_-]{1,64}$/) })
  .strict()

export const runSchema = z.discriminatedUnion('type', [textRunSchema, bracketRunSchema, footnoteRefRunSchema])
export type TextRun = z.infer<typeof textRunSchema>
export type BracketRun = z.infer<typeof bracketRunSchema>
export type FootnoteRefRun = z.infer<typeof footnoteRefRunSchema>
export type Run = z.infer<typeof runSchema>

export const PROVISION_KINDS = ['recital', 'para', 'art', 'point', 'subpara', 'clause'] as const
export type ProvisionKind = (typeof PROVISION_KINDS)[number]

/**
 * Provision eid: Akoma Ntoso style, segments `kind_label` joined by `__`, e.g.
 * `preamble__recital_2`, `para_4`, `art_2__para_1__point_b`, `conclusions__para_1`.
 * Section prefixes `preamble__` and `conclusions__` stand alone, as in Akoma Ntoso.
 */
export const EID_PATTERN =
  /^(?:(?:preamble|conclusions)__)?[a-z]+_[a-z0-9]+(?:-[a-z0-9]+)*(?:__[a-z]+_[a-z0-9]+(?:-[a-z0-9]+)*)*$/

const localizedRuns = z.partialRecord(langSchema, z.array(runSchema))
const localizedString = z.partialRecord(langSchema, nfcString)

export interface Provision {
  eid: string
  kind: ProvisionKind
  /** Displayed number ("3", "2.1", "b)"); may change between versions. */
  num?: string | undefined
  heading?: Partial<Record<Lang, string>> | undefined
  text?: Partial<Record<Lang, Run[]>> | undefined
  children?: Provision[] | undefined
}

export const provisionSchema: z.ZodType<Provision> = z.lazy(() =>
  z
    .object({
      eid: z.string().regex(EID_PATTERN),
      kind: z.enum(PROVISION_KINDS),
      num: z.string().max(32).optional(),
      heading: localizedString.optional(),
      text: localizedRuns.optional(),
      children: z.array(provisionSchema).optional(),
    })
    .strict(),
) as z.ZodType<Provision>

export const footnoteSchema = z.object({ id: z.string(), text: localizedString }).strict()

export const contentSchema = z
  .object({
    format: z.literal(CONTENT_FORMAT),
    languages: z.array(langSchema).min(1),
    title: localizedString,
    preamble: z.array(provisionSchema),
    body: z.array(provisionSchema),
    conclusions: z.array(provisionSchema),
    footnotes: z.array(footnoteSchema).optional(),
  })
  .strict()
  .superRefine((content, ctx) => {
    const seen = new Set<string>()
    for (const { provision, path } of walkWithPath(content)) {
      if (seen.has(provision.eid)) {
        ctx.addIssue({ code: 'custom', message: `duplicate eid ${provision.eid}`, path: [...path, 'eid'] })
      }
      seen.add(provision.eid)
    }
  })

export type DocumentContent = z.infer<typeof contentSchema>
export type Section = 'preamble' | 'body' | 'conclusions'
export const SECTIONS: readonly Section[] = ['preamble', 'body', 'conclusions']

function* walkWithPath(
  content: Pick<DocumentContent, Section>,
): Generator<{ provision: Provision; path: (string | number)[] }> {
  for (const section of SECTIONS) {
    const stack: { provision: Provision; path: (string | number)[] }[] = []
    content[section].forEach((p, i) => {
      stack.push({ provision: p, path: [section, i] })
    })
    stack.reverse()
    while (stack.length) {
      const item = stack.pop()!
      yield item
      const children = item.provision.children ?? []
      for (let i = children.length - 1; i >= 0; i--) {
        stack.push({ provision: children[i]!, path: [...item.path, 'children', i] })
      }
    }
  }
}

/** A provision flattened for listing and indexing, in document order. */
export interface FlatProvision {
  eid: string
  kind: ProvisionKind
  section: Section
  num: string | null
  parentEid: string | null
  depth: number
  ordinal: number
  heading: Partial<Record<Lang, string>> | null
  text: Partial<Record<Lang, Run[]>>
}

/** Flattens the provision tree in document order. */
export function flattenProvisions(content: Pick<DocumentContent, Section>): FlatProvision[] {
  const out: FlatProvision[] = []
  const visit = (section: Section, list: Provision[], parentEid: string | null, depth: number) => {
    for (const p of list) {
      out.push({
        eid: p.eid,
        kind: p.kind,
        section,
        num: p.num ?? null,
        parentEid,
        depth,
        ordinal: out.length,
        heading: p.heading ?? null,
        text: p.text ?? {},
      })
      if (p.children) visit(section, p.children, p.eid, depth + 1)
    }
  }
  for (const section of SECTIONS) visit(section, content[section], null, 0)
  return out
}

/** The plain text of runs: brackets show their alternatives as `[a / b]`, or the resolved text. */
export function runsToPlainText(runs: readonly Run[] | undefined): string {
  if (!runs) return ''
  return runs
    .map((run) => {
      if (run.type === 'text') return run.text
      if (run.type === 'bracket') {
        if (run.resolved) return run.resolved.text
        return `[${run.alternatives.map((a) => a.text).join(' / ')}]`
      }
      return ''
    })
    .join('')
}

/** Languages in which every provision with text has a translation. */
export function completeLanguages(content: DocumentContent): Lang[] {
  const flat = flattenProvisions(content)
  return content.languages.filter((lang) =>
    flat.every((p) => Object.keys(p.text).length === 0 || !!p.text[lang]),
  )
}

/** Shorthand for building content in code (demo, factories, tests). */
export function plain(text: string): Run[] {
  return [{ type: 'text', text: text.normalize('NFC') }]
}
