/** scripts/import-bill.ts against a real server: the fixture bill arrives whole and in order. */
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { serverSuite } from '../helpers/server-suite.ts'
import { fixtureJson, fixturePath } from '../helpers/fixtures.ts'

const run = promisify(execFile)
const SCRIPT = fileURLToPath(new URL('../../scripts/import-bill.ts', import.meta.url))
const FIXTURE = fixturePath('bills/fr-ppl11-290-depot.json')

describe('Import of a bill through the API (scripts/import-bill.ts)', function () {
  this.timeout(60_000)
  const s = serverSuite()

  it('imports the fixture bill with the same articles, numbers and alinéas, in order', async () => {
    const author = await s.as('author')
    const token = (await author.post('/auth/tokens', {})).body.token
    const { stdout } = await run(process.execPath, ['--import', 'tsx', SCRIPT, FIXTURE, '--url', s.url, '--token', token], { cwd: process.cwd() })
    const out = JSON.parse(stdout.trim())
    const fixture = fixtureJson('bills/fr-ppl11-290-depot.json')
    const expected = fixture.articles.map((a: any) => ({ num: a.titre, alineas: Object.keys(a.alineas).sort().map(k => a.alineas[k]) }))
    const bill = (await author.get(`/bills/${out.id}`)).body
    assert.deepEqual(bill.articles.map((a: any) => a.num), ['1er', '2', '3', '4'])
    assert.deepEqual(bill.articles.map((a: any) => ({ num: a.num, alineas: a.alineas })), expected)
    assert.deepEqual(bill.articles.map((a: any) => a.alineas.length), [1, 9, 3, 1])
  })

  it('fails clearly without a valid token and creates nothing', async () => {
    await assert.rejects(run(process.execPath, ['--import', 'tsx', SCRIPT, FIXTURE, '--url', s.url, '--token', 'alinea_bad']), (err: any) => /import failed \(401\)/.test(err.stderr))
  })
})
