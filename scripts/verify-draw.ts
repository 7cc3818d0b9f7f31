/**
 * Verifies a citizens' council draw from its audit:
 *   npm run verify-draw -- audit.json
 * (the audit is GET /api/v1/bills/<billId>/council/audit). Recomputes the
 * commitment, the seed, the fair distribution, every probability and the
 * drawn panel; prints "matches" (exit 0) or where it differs (exit 1).
 */
import { readFileSync } from 'node:fs'
import { verifyAudit } from '../server/domain/council/verify.ts'

const file = process.argv[2]
if (!file) {
  console.error('usage: npm run verify-draw -- <audit.json>')
  process.exit(2)
}
let json: unknown
try {
  json = JSON.parse(readFileSync(file, 'utf8'))
} catch (err) {
  console.error(`cannot read ${file}: ${(err as Error).message}`)
  process.exit(2)
}
const verdict = await verifyAudit(json)
if (verdict.ok) {
  console.log('matches: the commitment, the seed, the distribution, the probabilities and the panel are what this audit\'s inputs give')
} else {
  console.log('differs:')
  for (const p of verdict.problems) console.log(`- ${p}`)
  process.exitCode = 1
}
