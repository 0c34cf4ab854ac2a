import { describe, expect, it } from 'vitest'
import { boundaryOf, parseMultipart } from './multipart.js'

describe('multipart/form-data', () => {
  it('finds the boundary, quoted or not', () => {
    expect(boundaryOf('multipart/form-data; boundary=----abc123')).toBe('----abc123')
    expect(boundaryOf('multipart/form-data; charset=utf-8; boundary="a b"')).toBe('a b')
    expect(boundaryOf('application/json')).toBeNull()
    expect(boundaryOf(undefined)).toBeNull()
  })

  it('reads fields and files, binary bytes kept exactly', () => {
    const binary = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x0d, 0x0a, 0x2d, 0x2d, 0x00, 0xff])
    const body = Buffer.concat([
      Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="hash"\r\n\r\nabc\r\n'),
      Buffer.from(
        '--XyZ\r\nContent-Disposition: form-data; name="file"; filename="текст \\"1\\".docx"\r\nContent-Type: application/octet-stream\r\n\r\n',
      ),
      binary,
      Buffer.from('\r\n--XyZ--\r\n'),
    ])
    const parts = parseMultipart(body, 'XyZ')
    expect(parts).toHaveLength(2)
    expect(parts[0]).toMatchObject({ name: 'hash', filename: null })
    expect(parts[0]!.data.toString()).toBe('abc')
    expect(parts[1]).toMatchObject({
      name: 'file',
      filename: 'текст "1".docx',
      contentType: 'application/octet-stream',
    })
    expect(Buffer.compare(parts[1]!.data, binary)).toBe(0)
  })

  it('refuses a body without the boundary or cut short', () => {
    expect(() => parseMultipart(Buffer.from('nothing'), 'XyZ')).toThrow()
    expect(() =>
      parseMultipart(Buffer.from('--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\nabc'), 'XyZ'),
    ).toThrow()
  })
})
