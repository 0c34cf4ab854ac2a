import { describe, expect, it } from 'vitest'
import { escapeHtml, escapeXml, html, join, SafeHtml, safeHref, trusted } from './html.js'

describe('the html template tag', () => {
  it('escapes every interpolated string, in text and in attributes', () => {
    const title = `<img src=x onerror="alert('x')"> & «кавычки»`
    const out = html`<a title="${title}" href="${'/a?b=1&c=2'}">${title}</a>`.value
    expect(out).toBe(
      '<a title="&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; «кавычки»" href="/a?b=1&amp;c=2">&lt;img src=x onerror=&quot;alert(&#39;x&#39;)&quot;&gt; &amp; «кавычки»</a>',
    )
  })

  it('keeps nested templates and trusted markup as they are, renders lists, skips nullish and booleans', () => {
    const items = ['a<b', 'c'].map((x) => html`<li>${x}</li>`)
    expect(html`<ul>${items}</ul>`.value).toBe('<ul><li>a&lt;b</li><li>c</li></ul>')
    expect(html`${trusted('<p>ok</p>')}`.value).toBe('<p>ok</p>')
    expect(html`[${null}${undefined}${false}${true}${0}]`.value).toBe('[0]')
    expect(html`${[['x', html`<i>y</i>`]]}`.value).toBe('x<i>y</i>')
    expect(html`x` instanceof SafeHtml).toBe(true)
  })

  it('joins parts with an escaped separator', () => {
    expect(join(['a', html`<b>b</b>`], ' & ').value).toBe('a &amp; <b>b</b>')
  })

  it('escapes only when needed', () => {
    expect(escapeHtml('plain text')).toBe('plain text')
    expect(escapeHtml(`"'<>&`)).toBe('&quot;&#39;&lt;&gt;&amp;')
  })

  it('lets only http(s) and site-relative URLs into an href', () => {
    expect(safeHref('https://cis.int/news/1')).toBe('https://cis.int/news/1')
    expect(safeHref('http://example.org')).toBe('http://example.org/')
    expect(safeHref('/portal/cis/ru/')).toBe('/portal/cis/ru/')
    for (const bad of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'data:text/html,x',
      '//evil.example',
      'vbscript:x',
      '',
      null,
      undefined,
    ])
      expect(safeHref(bad), String(bad)).toBeNull()
  })

  it('escapes XML and drops the control characters XML 1.0 forbids', () => {
    expect(escapeXml('a\u0001b\u000bc <d> & "e"\n\tf')).toBe('abc &lt;d&gt; &amp; &quot;e&quot;\n\tf')
  })
})
