import { createTestApp, type Session, signIn, type TestApp } from '@test/support/app.js'
import { buildOrganization, buildUser, type World } from '@test/support/factories.js'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

let t: TestApp
let w: World
let press: Session
let editor: Session
let delegate: Session

beforeAll(async () => {
  t = await createTestApp()
  w = await buildOrganization(t.handle)
  press = await signIn(t.app, (await buildUser(t.handle, w, 'press_officer')).email)
  editor = await signIn(t.app, (await buildUser(t.handle, w, 'secretariat_editor')).email)
  delegate = await signIn(t.app, (await buildUser(t.handle, w, 'head_of_delegation', 'TJK')).email)
})
afterAll(() => t.close())

function upload(
  bytes: Buffer,
  contentType = 'application/octet-stream',
  as = press,
  query = '?filename=photo',
) {
  return t.app.inject({
    method: 'POST',
    url: `/api/media${query}`,
    headers: { cookie: as.cookie, 'x-csrf-token': as.csrf, 'content-type': contentType },
    payload: bytes,
  })
}
const image = (width: number, height: number, format: 'jpeg' | 'png' | 'webp' | 'gif') =>
  sharp({ create: { width, height, channels: 3, background: '#2a6f97' } })
    .toFormat(format)
    .toBuffer()

describe('POST /api/media', () => {
  it('keeps a JPEG with renditions 320, 800 and 1600 px wide in WebP', async () => {
    const jpeg = await image(2400, 1350, 'jpeg')
    const res = await upload(jpeg, 'image/jpeg', press, '?filename=..%2F..%2Fetc%2Fvideoconference.jpg')
    expect(res.statusCode, res.body).toBe(201)
    const data = res.json().data
    expect(data).toMatchObject({
      mediaType: 'image/jpeg',
      width: 2400,
      height: 1350,
      size: jpeg.length,
      filename: 'videoconference.jpg',
      organizationId: w.org.id,
    })
    expect(data.sha256).toMatch(/^[0-9a-f]{64}$/)
    expect(
      data.renditions.map((r: { name: string; width: number; height: number }) => [
        r.name,
        r.width,
        r.height,
      ]),
    ).toEqual([
      ['w320', 320, 180],
      ['w800', 800, 450],
      ['w1600', 1600, 900],
    ])
    for (const r of data.renditions) expect(r.mediaType).toBe('image/webp')
    // The stored renditions are the sizes announced.
    const got = await press.get(`/api/media/${data.id}/w800`)
    expect(got.statusCode).toBe(200)
    expect(got.headers['content-type']).toBe('image/webp')
    const meta = await sharp(got.rawPayload).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 800, 450])
    const original = await press.get(`/api/media/${data.id}/original`)
    expect(original.headers['content-type']).toBe('image/jpeg')
    expect(original.rawPayload.equals(jpeg)).toBe(true)
  })

  it('never enlarges a small image', async () => {
    const res = await upload(await image(500, 250, 'png'))
    expect(res.statusCode).toBe(201)
    expect(res.json().data.renditions.map((r: { width: number }) => r.width)).toEqual([320, 500, 500])
    const webp = await upload(await image(100, 100, 'webp'))
    expect(webp.json().data.mediaType).toBe('image/webp')
  })

  it('decides the type by the content: a text file or a GIF is refused with 415 media_type_refused', async () => {
    const count = async () => (await t.handle.db.selectFrom('media').select('id').execute()).length
    const before = await count()
    const text = await upload(Buffer.from('<svg onload="alert(1)"></svg>'), 'image/png')
    expect(text.statusCode).toBe(415)
    expect(text.json().error.code).toBe('media_type_refused')
    expect(text.json().error.message).toBe('This file is not a JPEG, PNG or WebP image.')
    const gif = await upload(await image(10, 10, 'gif'), 'image/gif')
    expect(gif.statusCode).toBe(415)
    // A PNG header over a body that does not decode.
    const png = await image(50, 50, 'png')
    const broken = await upload(Buffer.concat([png.subarray(0, 40), Buffer.alloc(200, 7)]))
    expect(broken.statusCode).toBe(415)
    const empty = await upload(Buffer.alloc(0))
    expect(empty.statusCode).toBe(415)
    expect(await count()).toBe(before)
  })

  it('refuses more than 10 MiB with 413', async () => {
    const res = await upload(Buffer.alloc(10 * 1024 * 1024 + 1, 0xff), 'image/jpeg')
    expect(res.statusCode).toBe(413)
    expect(res.json().error.code).toBe('payload_too_large')
  })

  it('is for the press service: the editor may not upload (403), a delegate has no newsroom (403)', async () => {
    const png = await image(20, 20, 'png')
    expect((await upload(png, 'image/png', editor)).statusCode).toBe(403)
    expect((await upload(png, 'image/png', delegate)).statusCode).toBe(403)
    const anonymous = await t.app.inject({
      method: 'POST',
      url: '/api/media',
      headers: { 'content-type': 'image/png' },
      payload: png,
    })
    expect(anonymous.statusCode).toBe(401)
  })
})

describe('GET /api/media/:id/:rendition', () => {
  it('serves the newsroom, and the public only once a published item shows the image', async () => {
    const id = (await upload(await image(900, 600, 'jpeg'), 'image/jpeg')).json().data.id
    expect((await editor.get(`/api/media/${id}/w320`)).statusCode).toBe(200)
    expect((await editor.get(`/api/media/${id}`)).json().data.renditions).toHaveLength(3)
    expect((await delegate.get(`/api/media/${id}/w320`)).statusCode).toBe(404)
    expect((await delegate.get(`/api/media/${id}`)).statusCode).toBe(404)
    const anonymous = () => t.app.inject({ method: 'GET', url: `/api/media/${id}/w800` })
    expect((await anonymous()).statusCode).toBe(404)

    let item = (
      await press.send('POST', '/api/news', {
        language: 'ru',
        title: 'С фотографией',
        photoMediaId: id,
        photoAlt: 'Зал заседаний',
      })
    ).json().data
    for (const to of ['in_review', 'published']) {
      item = (
        await press.send('POST', `/api/news/${item.id}/status`, { version: item.version, status: to })
      ).json().data
    }
    const open = await anonymous()
    expect(open.statusCode).toBe(200)
    expect(open.headers['cache-control']).toBe('public, max-age=86400')
    expect((await t.app.inject({ method: 'GET', url: `/api/media/${id}/w9999` })).statusCode).toBe(422)
    expect((await t.app.inject({ method: 'GET', url: '/api/media/not-an-id/w800' })).statusCode).toBe(404)
  })
})
