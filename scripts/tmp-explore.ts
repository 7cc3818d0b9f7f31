import { writeFileSync } from 'node:fs'
import { startServer } from '../test/helpers/server.ts'
import { consultation, download } from '../test/helpers/consultation.ts'
import { seedDemo } from '../server/demo/seed.ts'

const s = await startServer()
console.log(await seedDemo(s.app.ctx))
const c = await consultation(s)
const staff = await s.as('staff')
const bills = (await staff.get('/bills?status=open')).body
console.log(JSON.stringify(bills).slice(0, 300))
const ids = [c.bill.id, ...(bills.items ?? bills).map((b: any) => b.id).filter((i: string) => i !== c.bill.id)]
let n = 0
for (const id of ids) {
  for (const [fmt, q] of [['pdf', 'lang=fr'], ['pdf', 'lang=en'], ['docx', 'lang=fr'], ['html', 'lang=en'], ['csv', 'lang=fr&kind=amendments'], ['xlsx', 'lang=en']]) {
    const r = await download(staff, `/bills/${id}/export?format=${fmt}&${q}`)
    console.log(id, fmt, q, r.status, r.headers.get('content-disposition'))
    writeFileSync(`/tmp/rep/${n}-${fmt}-${q.replace(/[&=]/g, '_')}.${fmt}`, r.bytes)
  }
  n++
}
await s.stop()
