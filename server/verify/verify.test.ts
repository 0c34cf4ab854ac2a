import { canonicalHash, canonicalJson } from '@core/text/canonical.js'
import { CONTENT_FORMAT, type DocumentContent, plain } from '@core/text/model.js'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { versionTextDocx, versionTextParts } from '../exports/docx/version-text.js'
import { docxParagraphs, visibleParagraphs } from './docx-text.js'
import { canonicalHashOf, identify } from './verify.js'

/** A content with what the writer must render: recitals, numbered paragraphs with points, an article with a heading, brackets, a footnote, Tajik. */
function content(): DocumentContent {
  return {
    format: CONTENT_FORMAT,
    languages: ['ru', 'en', 'tg'],
    title: { ru: 'Совместное заявление', en: 'Joint statement', tg: 'Изҳороти муштарак' },
    preamble: [
      {
        eid: 'preamble__recital_1',
        kind: 'recital',
        text: {
          ru: plain('Признавая важность сотрудничества,'),
          en: plain('Recognizing the importance of cooperation,'),
        },
      },
    ],
    body: [
      {
        eid: 'para_1',
        kind: 'para',
        num: '1',
        text: {
          ru: [
            { type: 'text', text: 'Государства ' },
            { type: 'text', text: 'будут', strong: true },
            { type: 'text', text: ' содействовать ' },
            {
              type: 'bracket',
              id: 'b1',
              alternatives: [
                { text: 'укреплению доверия', backers: ['RUS', 'BLR'] },
                { text: 'развитию диалога', backers: ['KAZ'] },
              ],
            },
            { type: 'text', text: ' в информационном пространстве.' },
            { type: 'fnref', id: 'fn1' },
          ],
          en: plain('States will promote trust.'),
          tg: plain('Давлатҳо ҳамкориро дар соҳаи амнияти иттилоотӣ тақвият медиҳанд; ғ ӣ қ ӯ ҳ ҷ.'),
        },
        children: [
          {
            eid: 'para_1__point_a',
            kind: 'point',
            num: 'а)',
            text: { ru: plain('обмен опытом;'), en: plain('exchange;') },
          },
        ],
      },
      {
        eid: 'art_2',
        kind: 'art',
        num: '2',
        heading: { ru: 'Заключительные положения', en: 'Final provisions' },
        text: {
          ru: [
            { type: 'text', text: 'Настоящее заявление ' },
            {
              type: 'bracket',
              id: 'b2',
              alternatives: [{ text: 'вступает в силу', backers: [] }],
              resolved: { text: 'применяется', agreedBy: ['ARM'] },
            },
            { type: 'text', text: ' с даты подписания & <не ранее> "2020".' },
          ],
        },
      },
    ],
    conclusions: [],
    footnotes: [{ id: 'fn1', text: { ru: 'Сноска к первой части.', en: 'Footnote.' } }],
  }
}

const META = {
  title: 'Совместное заявление о сотрудничестве',
  label: 'Согласованный текст',
  reference: 'ИС-2020/17',
  frozenAt: '2020-08-21T12:40:00.000Z',
}

function docx(c = content(), lang: 'ru' | 'en' | 'tg' = 'ru') {
  return versionTextDocx(c, { ...META, contentHash: canonicalHash(c) }, lang)
}

/** Well-formedness as far as a writer of ours can break it: tags balanced, entities known, CDATA closed. */
function xmlProblems(xml: string): string[] {
  const problems: string[] = []
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '').replace(/<!\[CDATA\[[\s\S]*?\]\]>/g, '')
  if (body.includes('<![CDATA[') || body.includes('<?xml')) problems.push('bad CDATA or declaration')
  for (const e of body.match(/&[^;\s]*;?/g) ?? [])
    if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(e)) problems.push(`entity ${e}`)
  const stack: string[] = []
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<|>/g)) {
    if (m[0] === '<' || m[0] === '>') {
      problems.push(`stray ${m[0]} at ${m.index}`)
      continue
    }
    if (m[4]) continue
    if (m[1]) {
      const open = stack.pop()
      if (open !== m[2]) problems.push(`</${m[2]}> closes <${open}>`)
    } else stack.push(m[2]!)
  }
  if (stack.length) problems.push(`unclosed ${stack.join(', ')}`)
  return problems
}

/** Unzips, lets `edit` change the parts (as text), zips again. */
function rezip(bytes: Uint8Array, edit: (parts: Record<string, string>) => void): Uint8Array {
  const parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([k, v]) => [k, strFromU8(v)]))
  edit(parts)
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])))
}

describe('versionTextDocx', () => {
  it('holds the text, the canonical JSON in a custom XML part and the hash in the custom properties', () => {
    const c = content()
    const hash = canonicalHash(c)
    const parts = Object.fromEntries(Object.entries(unzipSync(docx(c))).map(([k, v]) => [k, strFromU8(v)]))
    expect(Object.keys(parts)).toEqual(
      expect.arrayContaining([
        '[Content_Types].xml',
        'word/document.xml',
        'word/footnotes.xml',
        'customXml/item1.xml',
        'customXml/itemProps1.xml',
        'customXml/_rels/item1.xml.rels',
        'docProps/custom.xml',
      ]),
    )
    for (const [name, xml] of Object.entries(parts)) expect(xmlProblems(xml), name).toEqual([])
    expect(parts['[Content_Types].xml']).toContain('PartName="/customXml/itemProps1.xml"')
    expect(parts['[Content_Types].xml']).toContain('PartName="/docProps/custom.xml"')
    expect(parts['word/_rels/document.xml.rels']).toContain(
      'relationships/customXml" Target="../customXml/item1.xml"',
    )
    expect(parts['_rels/.rels']).toContain('relationships/custom-properties" Target="docProps/custom.xml"')
    expect(parts['docProps/custom.xml']).toContain(`<vt:lpwstr>${hash}</vt:lpwstr>`)
    expect(parts['customXml/item1.xml']).toContain(`sha256="${hash}"`)
    // The canonical JSON itself, in a CDATA section.
    expect(parts['customXml/item1.xml']).toContain(
      `<concord:content><![CDATA[${canonicalJson(c)}]]></concord:content>`,
    )

    const text = visibleParagraphs(parts['word/document.xml']!).join('\n')
    expect(text).toContain('Совместное заявление о сотрудничестве')
    expect(text).toContain('Редакция: Согласованный текст')
    expect(text).toContain(
      'Текст согласован на уровне экспертов 21 августа 2020 г., 15:40 (Europe/Minsk, UTC+03:00)',
    )
    expect(text).toContain(hash.slice(0, 8))
    expect(text).toContain('Признавая важность сотрудничества,')
    expect(text).toContain(
      '1. Государства будут содействовать [укреплению доверия / развитию диалога]^ в информационном пространстве.^',
    )
    expect(text).toContain('а) обмен опытом;')
    expect(text).toContain('Статья 2. Заключительные положения')
    expect(text).toContain('Настоящее заявление применяется с даты подписания & <не ранее> "2020".')
    const notes = visibleParagraphs(parts['word/footnotes.xml']!)
    expect(notes[0]).toContain('вариант 1 — RUS, BLR; вариант 2 — KAZ')
    expect(notes[1]).toContain('Сноска к первой части.')
    expect(parts['word/document.xml']).toContain(
      '<w:b/><w:bCs/></w:rPr><w:t xml:space="preserve">будут</w:t>',
    )
  })

  it('writes the text in the language asked for', () => {
    const tg = Object.fromEntries(
      Object.entries(unzipSync(docx(content(), 'tg'))).map(([k, v]) => [k, strFromU8(v)]),
    )
    expect(tg['word/document.xml']).toContain('ғ ӣ қ ӯ ҳ ҷ')
    expect(tg['word/document.xml']).toContain('Моддаи 2')
    const en = visibleParagraphs(strFromU8(unzipSync(docx(content(), 'en'))['word/document.xml']!)).join('\n')
    expect(en).toContain('Version: Согласованный текст')
    expect(en).toContain('Article 2. Final provisions')
    expect(en).toContain('1. States will promote trust.')
  })

  it('refuses a declared hash that is not the content’s', () => {
    expect(() => versionTextDocx(content(), { ...META, contentHash: 'f'.repeat(64) }, 'ru')).toThrow(
      /differs/,
    )
  })
})

describe('canonicalHashOf', () => {
  it('identifies files by their first bytes', () => {
    expect(identify(strToU8('  {"a":1}')).kind).toBe('json')
    expect(identify(docx()).kind).toBe('docx')
    expect(identify(strToU8('%PDF-1.7')).kind).toBe('unknown')
  })

  it('verifies the DOCX it wrote: the hash of the embedded content, exactly', () => {
    const c = content()
    const result = canonicalHashOf(docx(c))
    expect(result).toEqual({ kind: 'docx', hash: canonicalHash(c), ok: true, problems: [] })
    for (const lang of ['en', 'tg'] as const) expect(canonicalHashOf(docx(c, lang)).ok).toBe(true)
  })

  it('carries any text: "]]>", characters XML forbids, very long provisions', () => {
    const c = content()
    c.preamble[0]!.text!.ru = plain(
      `Текст ]]> с \uFFFE, \uD800 и \u0007 символами ${'длинный '.repeat(20_000)}`,
    )
    const result = canonicalHashOf(docx(c))
    expect(result).toMatchObject({ hash: canonicalHash(c), ok: true })
  })

  it('fails a DOCX whose words were edited, even though the embedded JSON is intact', () => {
    const c = content()
    const edited = rezip(docx(c), (p) => {
      p['word/document.xml'] = p['word/document.xml']!.replace('обмен опытом;', 'обмен данными;')
    })
    const result = canonicalHashOf(edited)
    expect(result.hash).toBe(canonicalHash(c))
    expect(result.ok).toBe(false)
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'text_mismatch',
        details: expect.objectContaining({ expected: 'а) обмен опытом;', found: 'а) обмен данными;' }),
      }),
    ])
  })

  it('fails a DOCX whose footnote (the backers of a bracket) was edited', () => {
    const edited = rezip(docx(), (p) => {
      p['word/footnotes.xml'] = p['word/footnotes.xml']!.replace('KAZ', 'UZB')
    })
    expect(canonicalHashOf(edited).problems[0]?.code).toBe('text_mismatch')
  })

  it('gives another hash for a DOCX whose embedded JSON was edited', () => {
    const c = content()
    const edited = rezip(docx(c), (p) => {
      p['customXml/item1.xml'] = p['customXml/item1.xml']!.replace('обмен опытом;', 'обмен данными;')
    })
    const result = canonicalHashOf(edited)
    expect(result.hash).not.toBe(canonicalHash(c))
    expect(result.ok).toBe(false)
    expect(result.problems.map((p) => p.code)).toEqual(['declared_hash_mismatch', 'text_mismatch'])
  })

  it('accepts what Word does when it saves: split runs, rsids, proofing marks, bookmarks', () => {
    const c = content()
    const resaved = rezip(docx(c), (p) => {
      p['word/document.xml'] = p['word/document.xml']!.replaceAll('<w:r>', '<w:r w:rsidR="00A1B2C3">')
        .replace(
          'обмен опытом;',
          'обмен </w:t></w:r><w:proofErr w:type="spellStart"/><w:bookmarkStart w:id="0" w:name="_GoBack"/><w:r><w:t>опытом;',
        )
        .replaceAll(
          '<w:p>',
          '<w:p w14:paraId="1A2B3C4D" xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml">',
        )
    })
    expect(canonicalHashOf(resaved)).toMatchObject({ hash: canonicalHash(c), ok: true })
  })

  it('names what is missing from a DOCX', () => {
    const noProps = rezip(docx(), (p) => {
      delete p['docProps/custom.xml']
    })
    expect(canonicalHashOf(noProps).problems.map((p) => p.code)).toEqual(['metadata_missing'])
    const noContent = rezip(docx(), (p) => {
      delete p['customXml/item1.xml']
    })
    expect(canonicalHashOf(noContent)).toMatchObject({
      hash: null,
      problems: [{ code: 'no_embedded_content' }],
    })
    const broken = docx().slice(0, 200)
    expect(canonicalHashOf(broken)).toMatchObject({
      kind: 'docx',
      hash: null,
      problems: [{ code: 'docx_unreadable' }],
    })
  })

  it('verifies a JSON file: canonical or not, the content decides', () => {
    const c = content()
    expect(canonicalHashOf(strToU8(canonicalJson(c)))).toEqual({
      kind: 'json',
      hash: canonicalHash(c),
      ok: true,
      problems: [],
    })
    // Pretty-printed, with a BOM and decomposed letters: the same content, the same hash.
    const pretty = `\uFEFF${JSON.stringify(c, null, 2).replace('й', 'и\u0306')}`
    expect(canonicalHashOf(strToU8(pretty))).toMatchObject({ hash: canonicalHash(c), ok: true })
    const changed = { ...c, title: { ...c.title, ru: 'Другое заявление' } }
    expect(canonicalHashOf(strToU8(JSON.stringify(changed))).hash).not.toBe(canonicalHash(c))
  })

  it('says why a JSON file is not a text', () => {
    expect(canonicalHashOf(strToU8('{"format": oops}'))).toMatchObject({
      hash: null,
      problems: [{ code: 'invalid_json' }],
    })
    const notContent = canonicalHashOf(strToU8('{"a":1}'))
    expect(notContent.ok).toBe(false)
    expect(notContent.hash).toBe(canonicalHash({ a: 1 }))
    expect(notContent.problems[0]?.code).toBe('invalid_content')
    expect(canonicalHashOf(strToU8('{"a":1.5}')).problems.map((p) => p.code)).toEqual([
      'invalid_content',
      'not_integer',
    ])
    expect(canonicalHashOf(new Uint8Array([0x7b, 0xff, 0xfe]))).toMatchObject({
      problems: [{ code: 'invalid_json' }],
    })
  })

  it('is unknown for anything else', () => {
    expect(canonicalHashOf(strToU8('hello'))).toEqual({
      kind: 'unknown',
      hash: null,
      ok: false,
      problems: [],
    })
  })
})

describe('docxParagraphs', () => {
  it('reads text, tabs and breaks, but not deleted text, field codes or tab stops', () => {
    const xml =
      '<w:p><w:pPr><w:tabs><w:tab w:val="right" w:pos="9000"/></w:tabs></w:pPr><w:r><w:t>a&amp;b</w:t><w:tab/><w:t xml:space="preserve"> c</w:t><w:br/><w:delText>gone</w:delText><w:instrText> PAGE </w:instrText></w:r></w:p><w:p/><w:p><w:r><w:t>&#1046;&#x416;</w:t></w:r></w:p>'
    expect(docxParagraphs(xml)).toEqual(['a&b\t c\n', '', 'ЖЖ'])
  })

  it('regenerates the same parts for the same input', () => {
    const c = content()
    const meta = { ...META, contentHash: canonicalHash(c) }
    expect(versionTextParts(c, meta, 'ru')).toEqual(versionTextParts(structuredClone(c), meta, 'ru'))
  })
})
