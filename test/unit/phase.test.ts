/**
 * The phase of a bill (shared/phase.ts): the one rule the server enforces
 * before every contribution (`isOpenAt`) and the client explains (`phaseOf`).
 */
import assert from 'node:assert/strict'
import { isOpenAt, phaseOf } from '../../shared/phase.ts'

const now = new Date('2030-05-01T12:00:00.000Z')
const bill = (status: string, opensAt: string | null, closesAt: string | null) => ({ status, opensAt, closesAt })

describe('phase of a bill', () => {
  it('is open from opensAt included to closesAt excluded, only when the status is open', () => {
    assert.equal(phaseOf(bill('open', null, null), now), 'open')
    assert.equal(phaseOf(bill('open', '2030-05-01T12:00:00.000Z', '2030-06-01T00:00:00.000Z'), now), 'open', 'opens at now')
    assert.equal(phaseOf(bill('open', '2030-05-01T12:00:00.001Z', null), now), 'upcoming')
    assert.equal(phaseOf(bill('open', null, '2030-05-01T12:00:00.000Z'), now), 'closed', 'closes at now')
    assert.equal(phaseOf(bill('open', null, '2030-05-01T12:00:00Z'), now), 'closed', 'the same instant written without milliseconds')
    assert.equal(phaseOf(bill('draft', null, null), now), 'draft')
    assert.equal(phaseOf(bill('closed', null, '2031-01-01T00:00:00.000Z'), now), 'closed')
  })

  it('accepts contributions only in the open phase', () => {
    assert.equal(isOpenAt(bill('open', '2030-01-01T00:00:00.000Z', '2031-01-01T00:00:00.000Z'), now), true)
    for (const b of [bill('draft', null, null), bill('closed', null, null), bill('open', '2031-01-01T00:00:00.000Z', null), bill('open', null, '2030-01-01T00:00:00.000Z')]) {
      assert.equal(isOpenAt(b, now), false, JSON.stringify(b))
    }
  })
})
