import { describe, expect, it } from 'vitest'
import { COUNTRY_FORMS, cityForms, countryForms, declineName } from '../i18n/case-forms.js'
import {
  draftPressItem,
  draftPressItems,
  joinList,
  type PressDraftFacts,
  type PressDraftParty,
  participantsSentence,
  partyName,
  pressDate,
} from './press-draft.js'

const party = (code: string, status: 'member' | 'observer' = 'member'): PressDraftParty => ({
  code,
  name: { ru: code, en: code },
  status,
})

/** The seed story: nine parties (Moldova an observer), three documents, Minsk by videoconference. */
function seedFacts(overrides: Partial<PressDraftFacts> = {}): PressDraftFacts {
  return {
    secretariatName: {
      ru: 'Исполнительный комитет СНГ',
      en: 'CIS Executive Committee',
      tg: 'Кумитаи иҷроияи ИДМ',
    },
    shortName: { ru: 'СНГ', en: 'CIS', tg: 'ИДМ' },
    body: {
      name: {
        ru: 'Экспертная группа по доработке проекта Совместного заявления',
        en: 'Expert Group on Finalizing the Draft Joint Statement',
        tg: 'Гурӯҳи коршиносон оид ба такмили лоиҳаи Изҳороти муштарак',
      },
    },
    meeting: {
      startsAt: '2020-08-21T10:00:00+03:00',
      timezone: 'Europe/Minsk',
      place: {
        ru: 'Исполнительный комитет СНГ, Минск',
        en: 'CIS Executive Committee, Minsk',
        tg: 'Кумитаи иҷроияи ИДМ, Минск',
      },
      format: 'videoconference',
    },
    // Deliberately not in alphabetical order: the draft sorts them.
    parties: ['UZB', 'RUS', 'ARM', 'TKM', 'KAZ', 'BLR', 'TJK', 'KGZ']
      .map((c) => party(c))
      .concat([party('MDA', 'observer')]),
    secretariatPresent: true,
    documents: [
      {
        title: {
          ru: 'Совместное заявление глав государств – участников СНГ о сотрудничестве в области обеспечения международной информационной безопасности',
          en: 'Joint Statement of the Heads of State of the CIS Member States on Cooperation in Ensuring International Information Security',
          tg: 'Изҳороти муштараки сарони давлатҳои иштирокчии ИДМ оид ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ',
        },
        outcome: 'agreed_ad_referendum',
        adReferendum: ['TJK'],
      },
      {
        title: {
          ru: 'Решение Совета министров иностранных дел СНГ о проекте Совместного заявления',
          en: 'Decision of the CIS Council of Foreign Ministers on the draft Joint Statement',
          tg: 'Қарори Шӯрои вазирони корҳои хориҷии ИДМ дар бораи лоиҳаи Изҳороти муштарак',
        },
        outcome: 'agreed',
        adReferendum: [],
      },
    ],
    nextSteps: {
      domesticApproval: true,
      councils: [
        {
          ru: 'Совет министров иностранных дел СНГ',
          en: 'CIS Council of Foreign Ministers',
          tg: 'Шӯрои вазирони корҳои хориҷии ИДМ',
        },
        {
          ru: 'Совет глав государств СНГ',
          en: 'CIS Council of Heads of State',
          tg: 'Шӯрои сарони давлатҳои ИДМ',
        },
      ],
    },
    draftedAt: '2020-08-22T09:02:00Z',
    ...overrides,
  }
}

describe('case forms', () => {
  it('has the genitive of every CIS country, and English and Tajik names', () => {
    expect(countryForms('ARM')?.ru.gen).toBe('Армении')
    expect(countryForms('blr')?.ru.gen).toBe('Беларуси')
    expect(countryForms('MDA')?.ru.gen).toBe('Молдовы')
    expect(countryForms('RUS')?.ru.gen).toBe('России')
    expect(countryForms('KGZ')?.ru.prep).toBe('Кыргызстане')
    expect(countryForms('TJK')?.tg).toBe('Тоҷикистон')
    expect(countryForms('UZB')?.tg).toBe('Ӯзбекистон')
    expect(countryForms('KAZ')?.en).toBe('Kazakhstan')
    for (const [code, forms] of Object.entries(COUNTRY_FORMS)) {
      expect(code).toMatch(/^[A-Z]{3}$/)
      for (const v of [forms.ru.nom, forms.ru.gen, forms.ru.dat, forms.ru.prep, forms.en, forms.tg])
        expect(v.trim(), code).toBe(v)
    }
    expect(countryForms('XYZ')).toBeUndefined()
  })

  it('declines the head of a name and keeps the rest', () => {
    expect(declineName('Совет министров иностранных дел СНГ', 'gen')).toBe(
      'Совета министров иностранных дел СНГ',
    )
    expect(declineName('Экспертная группа по доработке', 'gen')).toBe('Экспертной группы по доработке')
    expect(declineName('Исполнительный комитет СНГ', 'prep')).toBe('Исполнительном комитете СНГ')
    expect(declineName('Совместное заявление глав государств', 'gen')).toBe(
      'Совместного заявления глав государств',
    )
    expect(declineName('решение Совета', 'gen')).toBe('решения Совета')
    // A whole word only: "Советский" is not "Совет".
    expect(declineName('Советский фонд', 'gen')).toBeUndefined()
    expect(declineName('Консультативный форум', 'gen')).toBeUndefined()
  })

  it('knows the cities in every language', () => {
    expect(cityForms('Минск')?.ru.prep).toBe('Минске')
    expect(cityForms('minsk')?.tg).toBe('Минск')
    expect(cityForms('Маскав')?.ru.prep).toBe('Москве')
    expect(cityForms('Атлантида')).toBeUndefined()
  })
})

describe('lists and dates', () => {
  it('joins with the conjunction of each language', () => {
    expect(joinList(['А', 'Б', 'В'], 'ru')).toBe('А, Б и В')
    expect(joinList(['A', 'B'], 'en')).toBe('A and B')
    expect(joinList(['А', 'Б', 'В'], 'tg')).toBe('А, Б ва В')
    expect(joinList(['A'], 'en')).toBe('A')
  })

  it('writes the date in each language, with the year only when asked', () => {
    expect(pressDate('2020-08-21T10:00:00+03:00', 'Europe/Minsk', 'ru', false)).toBe('21 августа')
    expect(pressDate('2020-08-21T10:00:00+03:00', 'Europe/Minsk', 'ru', true)).toBe('21 августа 2020 года')
    expect(pressDate('2020-08-21T10:00:00+03:00', 'Europe/Minsk', 'en', true)).toBe('21 August 2020')
    expect(pressDate('2020-08-21T10:00:00+03:00', 'Europe/Minsk', 'tg', true)).toBe('21 августи соли 2020')
    // The wall clock of the zone decides the day.
    expect(pressDate('2020-08-21T22:30:00Z', 'Europe/Minsk', 'ru', false)).toBe('22 августа')
  })

  it('names a party in the case asked, and has no genitive for a party it does not know', () => {
    expect(partyName(party('TJK'), 'ru', 'gen')).toBe('Таджикистана')
    expect(partyName({ code: 'NOV', name: { ru: 'Новария', en: 'Novaria' } }, 'ru', 'gen')).toBeUndefined()
    expect(partyName({ code: 'NOV', name: { ru: 'Новария', en: 'Novaria' } }, 'ru', 'nom')).toBe('Новария')
    expect(partyName({ code: 'NOV', name: { ru: 'Новария', en: 'Novaria' } }, 'tg', 'nom')).toBe('Новария')
  })
})

describe('the sentence naming the participants', () => {
  const seed = seedFacts().parties

  it('lists the members in the genitive, alphabetically, then the observer marked as such (ru)', () => {
    expect(participantsSentence(seed, 'ru')).toBe(
      'В заседании приняли участие полномочные представители и эксперты Армении, Беларуси, Казахстана, Кыргызстана, России, Таджикистана, Туркменистана и Узбекистана, а также Молдовы (в качестве наблюдателя).',
    )
  })

  it('says the same in English and Tajik', () => {
    expect(participantsSentence(seed, 'en')).toBe(
      'The meeting was attended by plenipotentiary representatives and experts of Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan, Turkmenistan and Uzbekistan, as well as Moldova (as an observer).',
    )
    const tg = participantsSentence(seed, 'tg')
    expect(tg).toContain('коршиносони Арманистон, Беларус,')
    expect(tg).toContain('ва Ӯзбекистон, инчунин Молдова (ҳамчун нозир)')
    expect(tg).toContain('Тоҷикистон')
  })

  it('marks several observers in the plural', () => {
    const s = participantsSentence([party('ARM'), party('MDA', 'observer'), party('UKR', 'observer')], 'ru')
    expect(s).toContain('Армении, а также Молдовы и Украины (в качестве наблюдателей).')
  })

  it('falls back to the nominative after a colon when a party has no case forms', () => {
    const s = participantsSentence(
      [party('ARM'), { code: 'NOV', name: { ru: 'Новария' }, status: 'member' }, party('MDA', 'observer')],
      'ru',
    )
    expect(s).toBe(
      'В заседании приняли участие полномочные представители и эксперты следующих государств: Армения и Новария. В качестве наблюдателя: Молдова.',
    )
    expect(s).not.toContain('Армении')
  })
})

describe('the draft of a news item from a meeting', () => {
  it('writes the Russian draft of the seed story', () => {
    const d = draftPressItem(seedFacts(), 'ru')
    expect(d.title).toBe(
      'В Минске согласован проект Совместного заявления глав государств – участников СНГ о сотрудничестве в области обеспечения международной информационной безопасности',
    )
    expect(d.lead).toBe(
      '21 августа в Исполнительном комитете СНГ в Минске в режиме видеоконференции состоялось заседание Экспертной группы по доработке проекта Совместного заявления.',
    )
    expect(d.body).toContain(
      'эксперты Армении, Беларуси, Казахстана, Кыргызстана, России, Таджикистана, Туркменистана и Узбекистана, а также Молдовы (в качестве наблюдателя).',
    )
    expect(d.body).toContain('В работе заседания участвовали сотрудники Исполнительного комитета СНГ.')
    expect(d.body).toContain(
      'доработали и согласовали проект Совместного заявления глав государств – участников СНГ о сотрудничестве в области обеспечения международной информационной безопасности и проект Решения Совета министров иностранных дел СНГ о проекте Совместного заявления.',
    )
    expect(d.body).toContain('Делегация Таджикистана согласовала проект Совместного заявления')
    expect(d.body).toContain(
      'После внутригосударственного согласования документы будут внесены в установленном порядке на рассмотрение Совета министров иностранных дел СНГ и Совета глав государств СНГ.',
    )
    expect(d.body.startsWith('<p>')).toBe(true)
    expect(d.datelineCity).toBe('МИНСК')
    expect(d.datelineDate).toBe('2020-08-22')
    expect(d.tags).toEqual(['СНГ', 'Минск'])
  })

  it('writes the English draft', () => {
    const d = draftPressItem(seedFacts(), 'en')
    expect(d.title).toBe(
      'Draft Joint Statement of the Heads of State of the CIS Member States on Cooperation in Ensuring International Information Security agreed in Minsk',
    )
    expect(d.lead).toBe(
      'On 21 August, a meeting of the Expert Group on Finalizing the Draft Joint Statement was held at the CIS Executive Committee in Minsk by videoconference.',
    )
    expect(d.body).toContain('Staff of the CIS Executive Committee also took part.')
    expect(d.body).toContain('The delegation of Tajikistan agreed the draft Joint Statement')
    expect(d.body).toContain(
      'submitted in the established manner to the CIS Council of Foreign Ministers and the CIS Council of Heads of State.',
    )
    expect(d.datelineCity).toBe('MINSK')
  })

  it('writes the Tajik draft, with the format "тавассути видеоконференсия"', () => {
    const d = draftPressItem(seedFacts(), 'tg')
    expect(d.title).toBe(
      'Дар Минск лоиҳаи Изҳороти муштараки сарони давлатҳои иштирокчии ИДМ оид ба ҳамкорӣ дар соҳаи таъмини амнияти байналмилалии иттилоотӣ мувофиқа карда шуд',
    )
    expect(d.lead).toBe(
      '21 август дар Кумитаи иҷроияи ИДМ дар шаҳри Минск тавассути видеоконференсия ҷаласаи Гурӯҳи коршиносон оид ба такмили лоиҳаи Изҳороти муштарак баргузор гардид.',
    )
    expect(d.body).toContain('ҳуҷҷатҳои зеринро такмил ва мувофиқа карданд: лоиҳаи Изҳороти муштараки')
    expect(d.body).toContain('аз ҷониби ҳайати Тоҷикистон ad referendum')
    expect(d.body).toContain('ба баррасии Шӯрои вазирони корҳои хориҷии ИДМ ва Шӯрои сарони давлатҳои ИДМ')
    expect(d.tags).toEqual(['ИДМ', 'Минск'])
  })

  it('drafts three linked languages at once', () => {
    const all = draftPressItems(seedFacts())
    expect(Object.keys(all).sort()).toEqual(['en', 'ru', 'tg'])
    expect(all.tg.language).toBe('tg')
  })

  it('gives the year when the meeting was in another year than the draft', () => {
    const d = draftPressItem(seedFacts({ draftedAt: '2021-01-10T10:00:00Z' }), 'ru')
    expect(d.lead.startsWith('21 августа 2020 года в Исполнительном комитете СНГ')).toBe(true)
  })

  it('reports a meeting without agreement, and the postponed and returned texts', () => {
    const facts = seedFacts()
    facts.documents[0]!.outcome = 'postponed'
    facts.documents[1]!.outcome = 'returned'
    const d = draftPressItem(facts, 'ru')
    expect(d.title).toBe(
      'В Минске состоялось заседание Экспертной группы по доработке проекта Совместного заявления',
    )
    expect(d.body).toContain('Рассмотрение проекта Совместного заявления глав государств')
    expect(d.body).toContain(
      'Проект Решения Совета министров иностранных дел СНГ о проекте Совместного заявления возвращён на доработку.',
    )
    expect(d.body).not.toContain('После внутригосударственного согласования')
    expect(draftPressItem(facts, 'en').body).toContain('Consideration of the draft Joint Statement')
  })

  it('needs no case where names are unknown: the body, the document, the place and the councils', () => {
    const d = draftPressItem(
      seedFacts({
        body: { name: { ru: 'Консультативный форум', en: 'Consultative Forum' } },
        meeting: {
          startsAt: '2020-08-21T10:00:00+03:00',
          timezone: 'Europe/Minsk',
          place: { ru: 'Атлантида' },
          format: 'in_person',
        },
        documents: [{ title: { ru: 'Меморандум о намерениях' }, outcome: 'agreed', adReferendum: [] }],
        nextSteps: { domesticApproval: false, councils: [{ ru: 'Высший форум' }] },
        secretariatPresent: false,
      }),
      'ru',
    )
    expect(d.title).toBe('Согласован проект документа «Меморандум о намерениях»')
    expect(d.lead).toBe('21 августа в очном формате состоялось заседание органа «Консультативный форум».')
    expect(d.body).toContain('согласовали проект документа «Меморандум о намерениях».')
    expect(d.body).toContain('на рассмотрение следующих органов: «Высший форум».')
    expect(d.datelineCity).toBeNull()
    expect(d.body).not.toContain('сотрудники')
  })

  it('escapes what it writes into the HTML body', () => {
    const facts = seedFacts()
    facts.documents[0]!.title = { ru: 'Решение о <script>', en: 'Decision on <b>' }
    const d = draftPressItem(facts, 'ru')
    expect(d.body).toContain('&lt;script&gt;')
    expect(d.body).not.toContain('<script>')
  })
})
