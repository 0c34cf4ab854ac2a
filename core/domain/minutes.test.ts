import { describe, expect, it } from 'vitest'
import { canonicalHash } from '../text/canonical.js'
import {
  type AdoptionRecordInput,
  adoptionHash,
  adoptionRecord,
  draftAllMinutes,
  draftMinutes,
  type MinutesFacts,
  minutesContent,
  minutesHash,
  paragraphsToText,
  textToParagraphs,
} from './minutes.js'

const HASH = 'a'.repeat(64)

/** The expert group's meeting of 21 August 2020 in Minsk, by videoconference. */
function facts(overrides: Partial<MinutesFacts> = {}): MinutesFacts {
  return {
    organization: {
      name: { ru: 'Содружество Независимых Государств', en: 'Commonwealth of Independent States' },
      secretariatName: { ru: 'Исполнительный комитет СНГ', en: 'CIS Executive Committee' },
    },
    body: { name: { ru: 'Экспертная группа по МИБ', en: 'Expert Group on IIS' } },
    meeting: {
      title: {
        ru: 'Заседание экспертной группы по международной информационной безопасности',
        en: 'Meeting of the expert group on international information security',
      },
      startsAt: '2020-08-21T07:00:00.000Z',
      endsAt: '2020-08-21T10:30:00.000Z',
      timezone: 'Europe/Minsk',
      place: { ru: 'Исполнительный комитет СНГ, Минск', en: 'CIS Executive Committee, Minsk' },
      format: 'videoconference',
    },
    parties: [
      { code: 'ARM', name: { ru: 'Армения', en: 'Armenia' }, status: 'member' },
      { code: 'BLR', name: { ru: 'Беларусь', en: 'Belarus' }, status: 'member' },
      { code: 'KAZ', name: { ru: 'Казахстан', en: 'Kazakhstan' }, status: 'member' },
      { code: 'RUS', name: { ru: 'Россия', en: 'Russia' }, status: 'member' },
      { code: 'TJK', name: { ru: 'Таджикистан', en: 'Tajikistan' }, status: 'member' },
      { code: 'MDA', name: { ru: 'Молдова', en: 'Moldova' }, status: 'observer' },
    ],
    participants: [
      {
        name: 'А. Саркисян',
        party: 'ARM',
        function: 'plenipotentiary',
        invitation: 'accepted',
        attendance: 'remote',
      },
      {
        name: 'И. Петров',
        party: 'RUS',
        function: 'plenipotentiary',
        invitation: 'accepted',
        attendance: 'present',
      },
      {
        name: 'О. Смирнова',
        party: 'RUS',
        function: 'expert',
        invitation: 'accepted',
        attendance: 'present',
      },
      {
        name: 'Ф. Рахимов',
        party: 'TJK',
        function: 'plenipotentiary',
        invitation: 'accepted',
        attendance: 'remote',
      },
      {
        name: 'Н. Ким',
        party: 'KAZ',
        function: 'plenipotentiary',
        invitation: 'declined',
        attendance: 'absent',
      },
      {
        name: 'В. Чебан',
        party: 'MDA',
        function: 'observer_delegate',
        invitation: 'accepted',
        attendance: 'remote',
      },
      {
        name: 'С. Иванов',
        party: null,
        function: 'secretariat',
        invitation: 'accepted',
        attendance: 'present',
      },
    ],
    agenda: [
      {
        position: 2,
        title: { ru: 'О проекте решения СМИД', en: 'On the draft decision of the CFM' },
        outcome: 'returned',
        note: null,
        document: {
          title: { ru: 'Проект решения СМИД', en: 'Draft decision of the CFM' },
          reference: 'ИГ-МИБ/2020',
        },
        version: null,
        positions: null,
      },
      {
        position: 1,
        title: { ru: 'О проекте Совместного заявления', en: 'On the draft Joint Statement' },
        outcome: 'agreed_with_reservations',
        note: 'Текст передаётся на внутригосударственное согласование.',
        document: {
          title: { ru: 'Совместное заявление', en: 'Joint Statement' },
          reference: 'ИГ-МИБ/2020',
        },
        version: { label: { ru: 'Ред. 2', en: 'Rev. 2' }, contentHash: HASH },
        positions: {
          agreed: ['RUS', 'ARM'],
          adReferendum: ['TJK'],
          reservations: [
            { party: 'ARM', provision: null, text: 'Армения оставляет за собой право толкования.' },
            { party: 'RUS', provision: '4', text: 'К пункту 4.' },
          ],
          objections: [],
          nonParticipating: [],
          noResponse: ['BLR', 'KAZ'],
          observers: [{ party: 'MDA', position: 'agree', text: 'Поддерживаем.' }],
        },
      },
    ],
    ...overrides,
  }
}

const all = (text: { sections: { heading: string; paragraphs: string[] }[] }) =>
  text.sections.flatMap((s) => [s.heading, ...s.paragraphs]).join('\n')

describe('drafting the minutes from the record', () => {
  it('writes a CIS protocol in Russian: title, place and date, format, present, agenda, decisions', () => {
    const ru = draftMinutes(facts(), 'ru')
    expect(ru.title).toBe('ПРОТОКОЛ заседания экспертной группы по международной информационной безопасности')
    expect(ru.sections.map((s) => s.key)).toEqual([
      'opening',
      'present',
      'attendance',
      'agenda',
      'item_1',
      'item_2',
      'closing',
    ])
    const text = all(ru)
    expect(text).toContain('21 августа 2020 г., Исполнительный комитет СНГ, Минск')
    // 07:00 UTC is 10:00 in Minsk.
    expect(text).toContain('в формате видеоконференции с 10:00 до 13:30')
    expect(ru.sections[1]!.heading).toBe('Присутствовали:')
    expect(ru.sections[3]!.heading).toBe('Повестка дня:')
    expect(text).toContain('Решили'.toUpperCase())
  })

  it('lists who took part per party with their function, observers marked, the secretariat last', () => {
    const present = draftMinutes(facts(), 'ru').sections[1]!.paragraphs
    expect(present).toEqual([
      'Армения (ARM): А. Саркисян — полномочный представитель (по видеосвязи).',
      'Россия (RUS): И. Петров — полномочный представитель; О. Смирнова — эксперт.',
      'Таджикистан (TJK): Ф. Рахимов — полномочный представитель (по видеосвязи).',
      'Молдова (MDA), государство-наблюдатель: В. Чебан — представитель государства-наблюдателя (по видеосвязи).',
      'Исполнительный комитет СНГ: С. Иванов — представитель секретариата.',
    ])
  })

  it('counts the member States represented and names the missing ones; observers never count', () => {
    const attendance = draftMinutes(facts(), 'en').sections[2]!.paragraphs
    expect(attendance[0]).toBe(
      '3 of 5 member States were represented: Armenia (ARM), Russia (RUS), Tajikistan (TJK).',
    )
    expect(attendance[1]).toBe('Not represented: Belarus (BLR), Kazakhstan (KAZ).')
    expect(attendance[2]).toBe('Observer States: Moldova (MDA).')
  })

  it('orders the agenda by position and records, for each item, the version with its hash, the positions and the decision', () => {
    const ru = draftMinutes(facts(), 'ru')
    expect(ru.sections[3]!.paragraphs).toEqual([
      '1. О проекте Совместного заявления',
      '2. О проекте решения СМИД',
    ])
    const item = ru.sections[4]!
    expect(item.heading).toBe('1. О проекте Совместного заявления')
    expect(item.paragraphs).toEqual([
      `Рассмотрен проект «Совместное заявление» в редакции «Ред. 2» (SHA-256: ${HASH}).`,
      'Согласовали: Армения (ARM), Россия (RUS).',
      'Согласовали ad referendum (с последующим подтверждением по итогам внутригосударственного согласования): Таджикистан (TJK).',
      'Армения (ARM) — согласие с особым мнением: «Армения оставляет за собой право толкования.»',
      'Россия (RUS) — особое мнение к положению 4: «К пункту 4.»',
      'Позиция не заявлена: Беларусь (BLR), Казахстан (KAZ).',
      'Молдова (MDA), государство-наблюдатель — согласие: «Поддерживаем.»',
      'Текст передаётся на внутригосударственное согласование.',
      'РЕШИЛИ: согласовать проект «Совместное заявление» в редакции «Ред. 2»; особые мнения прилагаются к тексту.',
    ])
    expect(ru.sections[5]!.paragraphs).toEqual([
      'Рассмотрен проект «Проект решения СМИД».',
      'РЕШИЛИ: направить проект «Проект решения СМИД» на доработку.',
    ])
  })

  it('writes the same minutes in English', () => {
    const en = draftMinutes(facts(), 'en')
    expect(en.title).toBe('MINUTES of the meeting of the expert group on international information security')
    const text = all(en)
    expect(text).toContain('21 August 2020, CIS Executive Committee, Minsk')
    expect(text).toContain('was held by videoconference from 10:00 to 13:30 (time zone Europe/Minsk)')
    expect(en.sections[1]!.heading).toBe('Present:')
    expect(en.sections[3]!.heading).toBe('Agenda:')
    expect(text).toContain(
      'DECIDED: to agree the draft “Joint Statement”, version “Rev. 2”; the special opinions are attached',
    )
    expect(text).toContain('DECIDED: to return the draft “Draft decision of the CFM” for further work.')
    expect(text).toContain('Moldova (MDA), observer State — agreement: “Поддерживаем.”')
    expect(text).toContain('Minutes prepared by the CIS Executive Committee.')
  })

  it('falls back to the body when the meeting title does not begin with the word for a meeting', () => {
    const f = facts()
    f.meeting.title = { ru: 'Экспертная группа, 3-е заседание', en: 'Expert group, 3rd session' }
    expect(draftMinutes(f, 'ru').title).toBe('ПРОТОКОЛ заседания органа «Экспертная группа по МИБ»')
    expect(draftMinutes(f, 'en').title).toBe('MINUTES of the meeting of the Expert Group on IIS')
  })

  it('lists those invited when attendance was not recorded, and says so', () => {
    const f = facts({
      participants: facts().participants.map((p) => ({ ...p, attendance: null })),
    })
    const present = draftMinutes(f, 'ru').sections[1]!.paragraphs
    expect(present.some((p) => p.includes('Н. Ким'))).toBe(false) // declined
    expect(present.some((p) => p.includes('И. Петров — полномочный представитель'))).toBe(true)
    expect(present.at(-1)).toContain('Явка на заседании не отмечалась')
  })

  it('says when no decision is recorded on an item and when there is no agenda', () => {
    const f = facts({
      agenda: [
        {
          position: 1,
          title: { ru: 'Разное', en: 'Other business' },
          outcome: null,
          note: null,
          document: null,
          version: null,
          positions: null,
        },
      ],
    })
    expect(draftMinutes(f, 'en').sections[4]!.paragraphs).toEqual(['No decision on this item is recorded.'])
    expect(draftMinutes(facts({ agenda: [] }), 'ru').sections[3]!.paragraphs).toEqual([
      'Повестка дня не записана.',
    ])
  })

  it('drafts ru and en, and hashes the stored content canonically', () => {
    const texts = draftAllMinutes(facts())
    expect(Object.keys(texts)).toEqual(['ru', 'en'])
    const content = minutesContent('m-1', { en: texts.en!, ru: texts.ru! })
    expect(Object.keys(content.texts)).toEqual(['ru', 'en'])
    expect(minutesHash(content)).toBe(canonicalHash(content))
    expect(minutesHash(content)).toMatch(/^[0-9a-f]{64}$/)
    const changed = minutesContent('m-1', { ...texts, ru: { ...texts.ru!, title: 'Другое' } })
    expect(minutesHash(changed)).not.toBe(minutesHash(content))
  })

  it('is deterministic: the same facts give the same minutes', () => {
    expect(draftAllMinutes(facts())).toEqual(draftAllMinutes(facts()))
  })
})

describe('editing paragraphs as text', () => {
  it('splits at empty lines and joins with one', () => {
    expect(textToParagraphs('Первый абзац.\r\n\r\n  Второй\nабзац.  \n\n\n')).toEqual([
      'Первый абзац.',
      'Второй\nабзац.',
    ])
    expect(textToParagraphs(paragraphsToText(['a', 'b c']))).toEqual(['a', 'b c'])
    expect(textToParagraphs('   ')).toEqual([])
  })
})

describe('the hash of an adoption record', () => {
  const record: AdoptionRecordInput = {
    dossier: { id: 'd-1', reference: 'ИГ-МИБ/2020' },
    body: { id: 'b-1', code: 'CHS' },
    decision: 'adopted',
    decidedOn: '2020-10-15',
    signedOn: null,
    meetingId: null,
    texts: [{ documentId: 'doc-1', versionId: 'v-1', contentHash: HASH }],
    signatories: ['TJK', 'ARM', 'RUS'],
    specialOpinions: [
      { party: 'RUS', text: { ru: 'Особое мнение России.' } },
      { party: 'ARM', text: { ru: 'Особое мнение Армении.', en: 'Special opinion of Armenia.' } },
    ],
  }

  it('does not depend on the order of signatories or special opinions', () => {
    const shuffled = {
      ...record,
      signatories: ['RUS', 'TJK', 'ARM'],
      specialOpinions: [...record.specialOpinions].reverse(),
    }
    expect(adoptionHash(shuffled)).toBe(adoptionHash(record))
    expect(adoptionRecord(record).signatories).toEqual(['ARM', 'RUS', 'TJK'])
    expect(adoptionRecord(record).specialOpinions.map((o) => o.party)).toEqual(['ARM', 'RUS'])
  })

  it('changes with the date of signature, a special opinion or a text', () => {
    const base = adoptionHash(record)
    expect(adoptionHash({ ...record, signedOn: '2020-10-16' })).not.toBe(base)
    expect(adoptionHash({ ...record, specialOpinions: record.specialOpinions.slice(1) })).not.toBe(base)
    expect(
      adoptionHash({
        ...record,
        texts: [{ documentId: 'doc-1', versionId: 'v-1', contentHash: 'b'.repeat(64) }],
      }),
    ).not.toBe(base)
    expect(adoptionHash({ ...record, decision: 'recommended' })).not.toBe(base)
    expect(base).toBe(canonicalHash(adoptionRecord(record)))
  })
})
