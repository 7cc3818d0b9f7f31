/** Live tallies folded per target and interval (server/live/tally-throttle.ts). */
import assert from 'node:assert/strict'
import { TallyThrottle } from '../../server/live/tally-throttle.ts'

const tally = (id: string, n: number) => ({ billId: 'bil_1', target: { type: 'article' as const, id }, tally: { for: n, mixed: 0, against: 0 } })

describe('TallyThrottle', () => {
  it('sends the first tally of a target at once and folds the next ones into the latest, sent at the end of the interval', async () => {
    const sent: { target: { id: string }; tally: { for: number } }[] = []
    let onSend = () => {}
    const throttle = new TallyThrottle(20, p => { sent.push(p); onSend() })
    // Pushed in one synchronous run: no timer can fire in between.
    throttle.push(tally('a', 1))
    throttle.push(tally('a', 2))
    throttle.push(tally('b', 1))
    throttle.push(tally('a', 3))
    assert.deepEqual(sent.map(p => [p.target.id, p.tally.for]), [['a', 1], ['b', 1]])
    await new Promise<void>(resolve => { onSend = resolve })
    assert.deepEqual(sent.map(p => [p.target.id, p.tally.for]), [['a', 1], ['b', 1], ['a', 3]])
    throttle.flush()
    assert.equal(sent.length, 3, 'nothing was left to send')
  })

  it('sends what waits when flushed (shutdown), and every tally with interval 0', () => {
    const sent: number[] = []
    const throttle = new TallyThrottle(60_000, p => { sent.push(p.tally.for) })
    throttle.push(tally('a', 1))
    throttle.push(tally('a', 2))
    throttle.push(tally('a', 3))
    throttle.flush()
    assert.deepEqual(sent, [1, 3])
    const every: number[] = []
    const off = new TallyThrottle(0, p => { every.push(p.tally.for) })
    for (let i = 1; i <= 3; i++) off.push(tally('a', i))
    assert.deepEqual(every, [1, 2, 3])
  })
})
