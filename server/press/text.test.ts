import { describe, expect, it } from 'vitest'
import { plainText, sanitizeBody, slugify } from './text.js'

describe('news text', () => {
  it('removes scripts, event handlers and javascript: links, keeps the text', () => {
    const html =
      '<p onclick="steal()">Встреча <strong>экспертов</strong><script>alert(1)</script></p><a href="javascript:alert(1)">x</a><img src=x onerror=alert(1)><iframe src="https://evil"></iframe>'
    const safe = sanitizeBody(html)
    expect(safe).toBe('<p>Встреча <strong>экспертов</strong></p><a rel="noopener">x</a>')
    expect(plainText(safe)).toBe('Встреча экспертов x')
  })

  it('makes Latin slugs from Russian and Tajik titles', () => {
    expect(slugify('Эксперты СНГ согласовали проект Совместного заявления')).toBe(
      'eksperty-sng-soglasovali-proekt-sovmestnogo-zayavleniya',
    )
    expect(slugify('Коршиносони ИДМ лоиҳаро мувофиқа карданд')).toBe(
      'korshinosoni-idm-loiharo-muvofiqa-kardand',
    )
    expect(slugify('!!!')).toBe('item')
    expect(slugify('a '.repeat(100)).length).toBeLessThanOrEqual(80)
  })
})
