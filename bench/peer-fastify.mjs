// The peer of api.document_read: bare Fastify (logger off) answering one GET route with a
// precomputed JSON string. Usage: node bench/peer-fastify.mjs <body-file> <port>
import fs from 'node:fs'
import Fastify from 'fastify'

const [bodyFile, port] = process.argv.slice(2)
const body = fs.readFileSync(bodyFile, 'utf8')
const app = Fastify({ logger: false })
app.get('/doc', (_req, reply) => reply.type('application/json; charset=utf-8').send(body))
await app.listen({ port: Number(port), host: '127.0.0.1' })
process.stdout.write(`peer listening on http://127.0.0.1:${port}\n`)
process.once('SIGTERM', () => app.close().then(() => process.exit(0)))
