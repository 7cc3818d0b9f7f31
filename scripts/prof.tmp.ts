import { PROF } from '../server/domain/council/solver.ts'
await import('/tmp/try.ts')
console.log(PROF)
