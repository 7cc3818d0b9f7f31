import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { runDraw } from '../../server/domain/council/draw.ts'
import { buildAudit } from '../../server/domain/council/lifecycle.ts'
import { ALGORITHM_VERSION, type DrawInput } from '../../server/domain/council/types.ts'
import type { CouncilAuditView } from '../../shared/api.ts'

/**
 * `npm run verify-draw -- audit.json` (scripts/verify-draw.ts, run as a real
 * process): an untouched audit matches; one answer changed, one member
 * swapped for an alternate, or the public value changed is rejected with
 * the reason.
 */
const run = promisify(execFile)

async function verify (audit: unknown, dir: string): Promise<{ code: number; out: string }> {
  const file = join(dir, `audit-${Math.random().toString(36).slice(2)}.json`)
  writeFileSync(file, JSON.stringify(audit))
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'scripts/verify-draw.ts', file], { cwd: process.cwd() })
    return { code: 0, out: stdout }
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string }
    return { code: e.code, out: e.stdout + e.stderr }
  }
}

describe('verify-draw (CLI)', function () {
  this.timeout(120_000)
  let dir: string
  let audit: CouncilAuditView

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'alinea-verify-'))
    const genders = ['f', 'm']
    const ages = ['18-34', '35-59', '60+']
    const input: DrawInput = {
      algorithm: ALGORITHM_VERSION,
      quotas: {
        size: 6,
        categories: [
          { key: 'gender', values: [{ key: 'f', min: 3, max: 3 }, { key: 'm', min: 3, max: 3 }] },
          { key: 'age', values: [{ key: '18-34', min: 1, max: 3 }, { key: '35-59', min: 1, max: 3 }, { key: '60+', min: 1, max: 3 }] }
        ]
      },
      pool: Array.from({ length: 30 }, (_, i) => ({ id: `c_${String(i).padStart(4, '0')}`, answers: { gender: genders[i % 2]!, age: ages[(i * 7) % 3]! } }))
    }
    const value = 'Loto du 6 décembre 2026 : 4 8 15 16 23 42'
    const r = await runDraw(input, value)
    const d = r.distribution
    audit = buildAudit('bill_test', input, { hash: r.commitment, publicRandomness: 'Loto du 6 décembre 2026' },
      { value, seed: r.seed, at: '2026-12-06T21:00:00.000Z', distribution: { denominator: d.denominator, strata: d.strata, panels: d.panels, numerators: d.numerators, maximin: d.maximin }, result: r.sample }, [])
  })
  after(() => { rmSync(dir, { recursive: true, force: true }) })

  const copy = (): CouncilAuditView => JSON.parse(JSON.stringify(audit)) as CouncilAuditView

  it('says "matches" for an untouched audit', async () => {
    const r = await verify(audit, dir)
    assert.equal(r.code, 0, r.out)
    assert.match(r.out, /^matches/)
  })

  it('rejects an audit with one answer changed: the commitment differs', async () => {
    const a = copy()
    a.pool[3]!.answers.age = a.pool[3]!.answers.age === '60+' ? '18-34' : '60+'
    const r = await verify(a, dir)
    assert.equal(r.code, 1, r.out)
    assert.match(r.out, /commitment differs/)
  })

  it('rejects an audit with one member swapped for an alternate: the members differ', async () => {
    const a = copy()
    const out = a.result.members[0]!
    const alt = a.result.alternates.find(x => x.ids.length > 0)!
    const inn = alt.ids[0]!
    a.result.members[0] = inn
    alt.ids[0] = out
    const r = await verify(a, dir)
    assert.equal(r.code, 1, r.out)
    assert.match(r.out, /members differ: drawn .* but audit lists/)
  })

  it('rejects an audit whose public value changed: the seed differs', async () => {
    const a = copy()
    a.publicValue = 'Loto du 6 décembre 2026 : 4 8 15 16 23 43'
    const r = await verify(a, dir)
    assert.equal(r.code, 1, r.out)
    assert.match(r.out, /seed differs/)
  })

  it('checks replacements against the rule (first alternate of the same stratum), in process', async () => {
    const { verifyAudit } = await import('../../server/domain/council/verify.ts')
    const a = copy()
    const declined = a.result.members[0]!
    const stratum = a.distribution.strata.find(x => x.members.includes(declined))!
    const alternates = a.result.alternates.find(x => x.stratum === stratum.key)!.ids
    assert.ok(alternates.length >= 2, 'the stratum has two alternates')
    a.replacements = [{ at: '2026-12-07T00:00:00.000Z', declined, replacement: alternates[0]! }]
    assert.deepEqual(await verifyAudit(a), { ok: true, problems: [] })
    a.replacements = [{ at: '2026-12-07T00:00:00.000Z', declined, replacement: alternates[1]! }]
    const verdict = await verifyAudit(a)
    assert.equal(verdict.ok, false)
    assert.match(verdict.problems.join('\n'), /replacement of .*: the rule gives/)
  })

  it('rejects a distribution with a weight moved between panels', async () => {
    const a = copy()
    assert.ok(a.distribution.panels.length >= 2, 'this pool gives several panels')
    a.distribution.panels[0]!.weight += 1
    a.distribution.panels[1]!.weight -= 1
    const r = await verify(a, dir)
    assert.equal(r.code, 1, r.out)
    assert.match(r.out, /distribution differs/)
  })
})
