/**
 * Just enough of multipart/form-data (RFC 7578) for the verification form: the parts of a
 * body already read into memory (within the body limit), each with its field name, file
 * name and bytes. No streaming, no temporary files: the file is hashed and forgotten.
 */

export interface FormPart {
  name: string
  filename: string | null
  contentType: string | null
  data: Buffer
}

/** The boundary of a multipart/form-data content type, or null. */
export function boundaryOf(contentType: string | undefined): string | null {
  if (!contentType || !/^multipart\/form-data\b/i.test(contentType)) return null
  const m = /;\s*boundary=(?:"([^"]{1,70})"|([^\s;]{1,70}))/i.exec(contentType)
  return m ? (m[1] ?? m[2] ?? null) : null
}

function headerParam(header: string, name: string): string | null {
  const re = new RegExp(`;\\s*${name}="((?:[^"\\\\]|\\\\.)*)"|;\\s*${name}=([^;\\s]+)`, 'i')
  const m = re.exec(header)
  if (!m) return null
  return (m[1] ?? m[2] ?? '').replace(/\\(.)/g, '$1')
}

/** The parts of a body; throws on a body that is not multipart with this boundary. */
export function parseMultipart(body: Buffer, boundary: string): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`)
  const parts: FormPart[] = []
  let pos = body.indexOf(delimiter)
  if (pos < 0) throw new Error('multipart: no boundary')
  for (;;) {
    pos += delimiter.length
    // "--" after a delimiter closes the body.
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break
    if (body[pos] === 0x0d && body[pos + 1] === 0x0a) pos += 2
    const headerEnd = body.indexOf('\r\n\r\n', pos)
    if (headerEnd < 0) throw new Error('multipart: unterminated headers')
    const headers = body.subarray(pos, headerEnd).toString('utf8').split('\r\n')
    const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4)
    if (next < 0) throw new Error('multipart: unterminated part')
    const disposition = headers.find((h) => /^content-disposition:/i.test(h)) ?? ''
    const type = headers.find((h) => /^content-type:/i.test(h))
    parts.push({
      name: headerParam(disposition, 'name') ?? '',
      filename: headerParam(disposition, 'filename'),
      contentType: type ? type.slice(type.indexOf(':') + 1).trim() : null,
      data: body.subarray(headerEnd + 4, next),
    })
    pos = next + 2
  }
  return parts
}
