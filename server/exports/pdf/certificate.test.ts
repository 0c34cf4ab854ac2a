import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { agreementCertificatePdf, type CertificateInput } from './certificate.js'
import { extractPdfText } from './extract-text.js'

const HASH = '3f2a9c017b6e4d58a1c0ffee12345678deadbeef0badc0de9876543210abcdef'
const TAJIK = 'Ҷумҳурии Тоҷикистон ғайриқонунӣ будани ҳама гуна дахолатро қайд мекунад; ӯ розӣ аст.'

function name(ru: string, en: string, tg?: string) {
  return tg ? { ru, en, tg } : { ru, en }
}

function fixtureCertificate(overrides: Partial<CertificateInput> = {}): CertificateInput {
  return {
    organization: {
      name: name('Содружество Независимых Государств', 'Commonwealth of Independent States'),
      secretariatName: name('Исполнительный комитет СНГ', 'CIS Executive Committee'),
    },
    document: {
      title: name(
        'Совместное заявление глав государств – участников Содружества Независимых Государств о сотрудничестве в области обеспечения международной информационной безопасности',
        'Joint Statement of the Heads of State of the Member States of the Commonwealth of Independent States on Cooperation in Ensuring International Information Security',
      ),
      reference: 'ИС-2020/17',
    },
    version: {
      label: name('Согласованный текст от 21.08.2020', 'Agreed text of 21.08.2020'),
      contentHash: HASH,
      frozenAt: '2020-08-21T12:40:00.000Z',
    },
    body: {
      name: name(
        'Экспертная группа по доработке проекта Совместного заявления о сотрудничестве в области обеспечения международной информационной безопасности',
        'Expert Group on Finalizing the Draft Joint Statement on Cooperation in Ensuring International Information Security',
      ),
    },
    rule: { kind: 'consensus_interested_party' },
    parties: [
      { code: 'RUS', name: name('Россия', 'Russia'), status: 'member', position: 'agree' },
      {
        code: 'ARM',
        name: name('Армения', 'Armenia'),
        status: 'member',
        position: 'reservation',
        text: 'Армения оставляет за собой право толкования пункта 4.',
      },
      { code: 'BLR', name: name('Беларусь', 'Belarus'), status: 'member', position: 'agree' },
      { code: 'KAZ', name: name('Казахстан', 'Kazakhstan'), status: 'member', position: 'agree' },
      {
        code: 'KGZ',
        name: name('Кыргызстан', 'Kyrgyzstan'),
        status: 'member',
        position: 'non_participation',
      },
      {
        code: 'MDA',
        name: name('Молдова', 'Moldova'),
        status: 'observer',
        position: 'objection',
        text: 'Возражаем против пункта 3',
      },
      {
        code: 'TJK',
        name: name('Таджикистан', 'Tajikistan', 'Тоҷикистон'),
        status: 'member',
        position: 'agree_ad_referendum',
      },
      { code: 'TKM', name: name('Туркменистан', 'Turkmenistan'), status: 'member', position: 'agree' },
      { code: 'UZB', name: name('Узбекистан', 'Uzbekistan'), status: 'member', position: 'agree' },
    ],
    signatories: ['ARM', 'BLR', 'KAZ', 'RUS', 'TJK', 'TKM', 'UZB'],
    nonParticipating: ['KGZ'],
    adReferendum: ['TJK'],
    reservations: [
      { party: 'ARM', provision: null, text: 'Армения оставляет за собой право толкования пункта 4.' },
      { party: 'TJK', provision: '5', text: TAJIK },
    ],
    verifyUrl: 'https://concord.example.org/verify',
    generatedAt: '2020-08-22T07:05:00.000Z',
    ...overrides,
  }
}

const flat = (s: string) => s.replace(/\s+/g, '')
/** The text contains the phrase, whatever the line breaks. */
const has = (text: string, phrase: string) => expect(flat(text)).toContain(flat(phrase))

describe('agreementCertificatePdf', () => {
  it('writes a Russian certificate whose text can be read back', async () => {
    const bytes = await agreementCertificatePdf(fixtureCertificate(), 'ru')
    if (process.env.CERT_OUT) writeFileSync(`${process.env.CERT_OUT}/certificate-ru.pdf`, bytes)
    const head = Buffer.from(bytes.subarray(0, 8)).toString('latin1')
    expect(head).toBe('%PDF-1.7')
    const { pages, info } = extractPdfText(bytes)
    const text = pages.join('\n')
    expect(info.Title).toContain('Свидетельство о согласовании текста')
    expect(info.Keywords).toBe(`sha256:${HASH}`)
    has(text, 'СВИДЕТЕЛЬСТВО О СОГЛАСОВАНИИ ТЕКСТА')
    has(text, 'СОДРУЖЕСТВО НЕЗАВИСИМЫХ ГОСУДАРСТВ')
    has(text, 'Исполнительный комитет СНГ')
    // The hash in full, in groups of eight.
    expect(flat(text)).toContain(HASH)
    expect(text).toContain('3f2a9c01  7b6e4d58')
    // Agreed on, in Minsk time (UTC+3).
    has(text, '21 августа 2020 г., 15:40 (Europe/Minsk, UTC+03:00)')
    for (const code of ['ARM', 'BLR', 'KAZ', 'KGZ', 'MDA', 'RUS', 'TJK', 'TKM', 'UZB']) has(text, `(${code})`)
    has(text, 'наблюдатель — не учитывается')
    has(text, 'согласие ad referendum — ожидается подтверждение')
    has(text, 'неучастие (принцип заинтересованности)')
    has(text, 'возражение: «Возражаем против пункта 3»')
    expect(flat(text)).toContain(flat('Армения оставляет за собой право толкования пункта 4.'))
    expect(flat(text)).toContain(flat(TAJIK))
    for (const letter of 'ғӣқӯҳҷ') expect(text).toContain(letter)
    has(text, 'консенсус с учётом принципа заинтересованности')
    has(text, '7 из 7 государств-участников')
    has(text, 'concord verify')
    has(text, 'https://concord.example.org/verify')
    has(text, 'к положению 5')
    has(text, 'Армения (ARM)государство-участниксогласие с особым мнением № 1')
    has(text, 'ожидается подтверждение; особое мнение № 2')
    expect(text).toMatch(/стр\. 1 из \d/)
    // Members first, then the observer.
    expect(text.indexOf('(UZB)')).toBeLessThan(text.indexOf('(MDA)'))
    expect(text.indexOf('(ARM)')).toBeLessThan(text.indexOf('(BLR)'))
  })

  it('writes it in English', async () => {
    const bytes = await agreementCertificatePdf(fixtureCertificate(), 'en')
    if (process.env.CERT_OUT) writeFileSync(`${process.env.CERT_OUT}/certificate-en.pdf`, bytes)
    const text = extractPdfText(bytes).pages.join('\n')
    has(text, 'CERTIFICATE OF AGREEMENT')
    has(text, '21 August 2020, 15:40 (Europe/Minsk, UTC+03:00)')
    has(text, 'observer — not counted')
    has(text, 'ad referendum — pending confirmation')
    expect(flat(text)).toContain(HASH)
    expect(text).toMatch(/page 1 of \d/)
  })

  it('numbers every page when the parties and reservations run long', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      code: `P${String(i).padStart(2, '0')}`.replace(/\d/g, (d) => 'ABCDEFGHIJ'[Number(d)]!),
      name: name(`Государство ${i}`, `State ${i}`),
      status: (i % 10 === 9 ? 'observer' : 'member') as 'member' | 'observer',
      position: 'reservation' as const,
    }))
    const input = fixtureCertificate({
      parties: many,
      signatories: many.filter((p) => p.status === 'member').map((p) => p.code),
      nonParticipating: [],
      adReferendum: [],
      reservations: many.map((p) => ({ party: p.code, provision: null, text: 'Особое мнение. '.repeat(40) })),
    })
    const bytes = await agreementCertificatePdf(input, 'ru')
    const { pages } = extractPdfText(bytes)
    expect(pages.length).toBeGreaterThan(3)
    for (const [i, p] of pages.entries()) expect(p).toContain(`стр. ${i + 1} из ${pages.length}`)
    const text = pages.join('\n')
    for (const p of many) has(text, `(${p.code})`)
    has(text, 'согласие с особым мнением № 60')
  })

  it('says when there is no reservation, and survives bad characters', async () => {
    const bytes = await agreementCertificatePdf(
      fixtureCertificate({
        reservations: [],
        body: null,
        document: { title: { ru: 'Текст \u0001 с эмодзи 🙂' }, reference: 'R<1>&' },
      }),
      'ru',
    )
    const text = extractPdfText(bytes).pages.join('\n')
    has(text, 'Особых мнений не заявлено.')
    expect(text).toContain('Текст  с эмодзи')
    has(text, 'R<1>&')
  })
})
