import autocannon from 'autocannon'
import fs from 'node:fs'
const snap = () => fs.readFileSync('/proc/stat','utf8').split('\n').filter(l=>/^cpu\d/.test(l)).map(l=>l.split(/\s+/).slice(1,9).map(Number))
const conns = Number(process.argv[3] ?? 50)
const a = snap()
const r = await autocannon({ url: process.argv[2], connections: conns, duration: 5, headers: { cookie: 'concord_session=x' } })
const b = snap()
console.log(conns, r.requests.mean, r.latency.p50, r.latency.p99, r.throughput.mean/2**20)
const names=['user','nice','sys','idle','iowait','irq','softirq','steal']
b.forEach((row,i)=>{const d=row.map((v,j)=>v-a[i][j]);const t=d.reduce((x,y)=>x+y);console.log('cpu'+i, names.map((n,j)=>n+'='+(100*d[j]/t).toFixed(0)).join(' '))})
