import { describe, expect, it } from 'vitest'
import { hasMessage } from '../i18n/index.js'
import {
  formatDay,
  formatMoment,
  jobKindLabel,
  NOTIFICATION_KINDS,
  type NotificationParams,
  notificationKindLabel,
  notificationMessage,
} from './notifications.js'

const FULL: NotificationParams = {
  document: { ru: 'Совместное заявление', en: 'Joint statement' },
  closesAt: '2020-08-14T15:00:00Z',
  deadline: '2020-08-20T15:00:00Z',
  startsAt: '2020-08-21T07:00:00Z',
  timezone: 'Europe/Minsk',
  party: 'RUS',
  meeting: { ru: 'Заседание экспертной группы', en: 'Expert group meeting' },
  reference: 'ИГ-МИБ/2020',
  dossier: { ru: 'Пакет по МИБ', en: 'IIS package' },
  from: 'expert_group',
  to: 'domestic_approval',
  stageName: { ru: 'Внутригосударственное согласование', en: 'Domestic approval' },
  dueDate: '2020-09-30',
  status: 'approved_with_reservations',
  body: { ru: 'Совет министров иностранных дел', en: 'Council of Foreign Ministers' },
  decision: 'recommended',
}

describe('notification texts', () => {
  it('exist for every kind in Russian and English, with a label, and leave no placeholder unfilled', () => {
    for (const kind of NOTIFICATION_KINDS) {
      for (const lang of ['ru', 'en'] as const) {
        expect(hasMessage(lang, `notification.${kind}`), `${lang} ${kind}`).toBe(true)
        expect(hasMessage(lang, `notification.kind.${kind}`), `${lang} ${kind}`).toBe(true)
        const text = notificationMessage(kind, FULL, lang)
        expect(text, `${lang} ${kind}`).not.toMatch(/[{}]|notification\./)
        // A producer that leaves a parameter out gets a dash, never a raw placeholder.
        expect(notificationMessage(kind, {}, lang), `${lang} ${kind}`).not.toMatch(/[{}]/)
      }
    }
  })

  it('write dates out in the zone they were stated in, and codes as words', () => {
    expect(notificationMessage('meeting_invited', FULL, 'ru')).toBe(
      'Приглашение на заседание «Заседание экспертной группы» — 21 августа 2020 г., 10:00 (Минск, Europe/Minsk).',
    )
    expect(notificationMessage('stage_moved', FULL, 'en')).toBe(
      'The dossier ИГ-МИБ/2020 “IIS package” has moved to the stage “Domestic approval”.',
    )
    expect(notificationMessage('stage_moved', { ...FULL, stageName: undefined }, 'ru')).toContain(
      '«Внутригосударственное согласование»',
    )
    expect(notificationMessage('approval_recorded', FULL, 'ru')).toContain('согласовано с оговорками')
    expect(notificationMessage('adopted', FULL, 'en')).toBe(
      'Council of Foreign Ministers: the dossier ИГ-МИБ/2020 “IIS package” — recommended for adoption.',
    )
    expect(notificationMessage('approval_due', FULL, 'en')).toContain('due on 30 September 2020')
    expect(formatDay('2020-09-30', 'ru')).toBe('30 сентября 2020 г.')
    expect(formatMoment('2020-08-21T07:00:00Z', 'UTC', 'en')).toBe('21 August 2020, 07:00 (UTC)')
    expect(formatMoment('2020-08-21T07:00:00Z', 'Not/AZone', 'en')).toBe('21 August 2020, 07:00 (UTC)')
  })

  it('name kinds and jobs in words, and unknown ones by their code', () => {
    expect(notificationKindLabel('round_closing', 'en')).toBe('A round of comments closes within a day')
    expect(jobKindLabel('mail.deliver', 'ru')).toBe('Доставка почты')
    expect(jobKindLabel('some.new.kind', 'ru')).toBe('some.new.kind')
  })
})
