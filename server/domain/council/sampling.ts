/**
 * Exact seeded sampling. The seed (64 hex digits) gives a stream of bytes:
 * block j is SHA-256(seed + ":" + j) for j = 0, 1, ...; integers are read as
 * 64-bit big-endian unsigned values. `uniform(m)` rejects values at or
 * above the largest multiple of m below 2^64, then takes the remainder, so
 * every integer in [0, m) is exactly equally likely.
 *
 * The panel: r = uniform(denominator); the first panel (canonical order)
 * whose cumulative weight exceeds r. Then, stratum by stratum in canonical
 * order, a Fisher-Yates shuffle of its members (sorted by id): for i from 0
 * to n-2, swap i with i + uniform(n - i). The first `seats` are selected;
 * the rest, in shuffled order, are the stratum's alternates.
 */
import { createHash } from 'node:crypto'
import type { Distribution, Sample } from './types.ts'

const TWO_64 = 1n << 64n

/** A deterministic stream of uniform integers from a hex seed. */
export class SeedStream {
  private block = 0
  private buffer = Buffer.alloc(0)
  private offset = 0
  constructor (private readonly seed: string) {}

  private next64 (): bigint {
    if (this.offset + 8 > this.buffer.length) {
      this.buffer = createHash('sha256').update(`${this.seed}:${this.block++}`).digest()
      this.offset = 0
    }
    const v = this.buffer.readBigUInt64BE(this.offset)
    this.offset += 8
    return v
  }

  /** An integer in [0, m), exactly uniform (rejection sampling). */
  uniform (m: number): number {
    if (!Number.isSafeInteger(m) || m < 1) throw new Error('uniform needs a positive integer')
    const big = BigInt(m)
    const limit = TWO_64 - (TWO_64 % big)
    for (;;) {
      const v = this.next64()
      if (v < limit) return Number(v % big)
    }
  }
}

/** Draws one panel from the distribution with the seed, then its members and alternates. */
export function samplePanel (d: Distribution, seed: string): Sample {
  const stream = new SeedStream(seed)
  const r = stream.uniform(d.denominator)
  let acc = 0
  let panelIndex = d.panels.length - 1
  for (let i = 0; i < d.panels.length; i++) {
    acc += d.panels[i]!.weight
    if (r < acc) { panelIndex = i; break }
  }
  const panel = d.panels[panelIndex]!
  const members: string[] = []
  const alternates: Sample['alternates'] = []
  d.strata.forEach((s, si) => {
    const order = [...s.members]
    for (let i = 0; i < order.length - 1; i++) {
      const j = i + stream.uniform(order.length - i)
      const t = order[i]!; order[i] = order[j]!; order[j] = t
    }
    const seats = panel.seats[si]!
    members.push(...order.slice(0, seats))
    alternates.push({ stratum: s.key, ids: order.slice(seats) })
  })
  return { panelIndex, members, alternates }
}

/** The plain seeded uniform sample of `size` ids (the benchmark's baseline). */
export function uniformSample (ids: string[], size: number, seed: string): string[] {
  const stream = new SeedStream(seed)
  const order = [...ids]
  for (let i = 0; i < Math.min(size, order.length - 1); i++) {
    const j = i + stream.uniform(order.length - i)
    const t = order[i]!; order[i] = order[j]!; order[j] = t
  }
  return order.slice(0, size)
}
