/** The MongoDB amendment documents need no server to check: their mapping to records, after a BSON round trip. */
import assert from 'node:assert/strict'
import { BSON } from 'mongodb'
import { amendmentDoc, toAmendment } from '../../server/store/mongo/amendment-documents.ts'
import { INDEXES } from '../../server/store/mongo/schema.ts'
import { amendment } from './amendments-contract.ts'

const roundTrip = <T extends object>(doc: T): T => BSON.deserialize(BSON.serialize(doc, { ignoreUndefined: true })) as T

describe('MongoDB store: amendment mapping', () => {
  it('maps an amendment to a document keyed by _id and back exactly, decided or not', () => {
    const proposed = amendment('m1', 1)
    assert.equal(amendmentDoc(proposed)._id, 'm1')
    assert.deepEqual(toAmendment(roundTrip(amendmentDoc(proposed))), proposed)
    const decided = amendment('m2', 2, { status: 'accepted', decision: { by: 'u1', at: 't', response: 'oui' }, decidedSeq: 4 })
    assert.deepEqual(toAmendment(roundTrip(amendmentDoc(decided))), decided)
  })

  it('maps additional articles, numbers and official origins, and reads documents stored before them as article amendments', () => {
    const origin = { chamber: 'an' as const, number: 'AS103', authors: ['M. Brun'], url: 'https://www.assemblee-nationale.fr/x', dispositif: 'Supprimer cet article.' }
    const added = amendment('m3', 3, { kind: 'addArticle', position: 'before', heading: 'Titre', number: 7, origin, applies: false, appliesReason: 'why' })
    assert.deepEqual(toAmendment(roundTrip(amendmentDoc(added))), added)
    const { kind, position, heading, number, origin: o, applies, appliesReason, ...old } = amendmentDoc(amendment('m4', 4))
    void kind; void position; void heading; void number; void o; void applies; void appliesReason
    const read = toAmendment(roundTrip(old))
    assert.deepEqual([read.kind, read.position, read.heading, read.number, read.origin, read.applies, read.appliesReason], ['article', null, null, 0, null, true, null])
  })

  it('makes amendment numbers unique per bill', () => {
    assert.ok(INDEXES.amendments.some(i => i.unique && JSON.stringify(i.key) === JSON.stringify({ billId: 1, number: 1 })))
  })

  it('drops the helper fields of list pipelines', () => {
    const listed = { ...amendmentDoc(amendment('m1', 1)), _score: 0.5, _rank: 3, _tally: [], _f: 0 }
    assert.deepEqual(Object.keys(toAmendment(listed)).sort(), Object.keys(amendment('m1', 1)).sort())
  })

  it('makes decision ranks unique per bill', () => {
    assert.ok(INDEXES.amendments.some(i => i.unique && JSON.stringify(i.key) === JSON.stringify({ billId: 1, decidedSeq: 1 })))
  })
})
