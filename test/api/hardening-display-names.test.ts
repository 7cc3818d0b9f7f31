import assert from 'node:assert/strict'
import { publishedBill } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'
import { register } from '../../server/domain/accounts.ts'

let n = 0
describe('hardening: display names', () => {
  const s = serverSuite()

  const signUp = (displayName: string) => s.client().post('/auth/register', { email: `nom${n++}@example.org`, password: 'correct horse battery', displayName })

  it('refuses control characters, bidirectional overrides and invisible names, and creates nothing', async () => {
    for (const name of ['Ali\u0000ce', 'Bob\nMarley', 'Tab\tby', '\u202eAdministrateur', 'Admin\u2066istrateur', '\u200b\u200b', '\u3164', '\u2800\u2800', 'e\u0301'.slice(1).repeat(3)]) {
      const r = await signUp(name)
      assert.equal(r.status, 400, `${JSON.stringify(name)} gives ${r.status}`)
      assert.equal(r.body.error.code, 'invalid_input')
    }
    // The domain refuses them too (scripts, the demo), not only the HTTP route.
    await assert.rejects(register(s.app.ctx, { email: 'script@example.org', password: 'correct horse battery', displayName: 'x\u202e' }), /bidirectional/)
    assert.equal((await signUp('Élodie Marchand')).status, 201)
  })

  it('refuses a copy or a look-alike of an MP\'s name, with another case, accents, a Cyrillic letter or digits; citizens may share a name', async () => {
    const mp = await s.as('author', 'Éric Diard')
    await publishedBill(mp)
    for (const name of ['Éric Diard', 'éric diard', 'Eric Diard', 'Éric  Diard', 'Érіc Dіard' /* Cyrillic і */, 'Er1c D1ard', 'ÉRIC DIARD.']) {
      const r = await signUp(name)
      assert.equal(r.status, 409, `${name} gives ${r.status}`)
      assert.equal(r.body.error.code, 'display_name_taken')
    }
    assert.equal((await signUp('Éric Diard, Lyon')).status, 201)
    assert.equal((await signUp('Éric Diard, Lyon')).status, 201, 'two citizens may share a name')
  })
  it('applies the same rules to a change of name (PATCH /me): no control characters, no look-alike of an MP\'s name', async () => {
    const mp = await s.as('author', 'Sophie Lemaire')
    await publishedBill(mp)
    const citizen = await s.as('citizen', 'Jeanne Dupuis')
    assert.equal((await citizen.patch('/me', { displayName: 'S0phie Lemaire' })).status, 409)
    assert.equal((await citizen.patch('/me', { displayName: '\u202eerialmeL eihpoS' })).status, 400)
    assert.equal((await citizen.get('/me')).body.displayName, 'Jeanne Dupuis', 'nothing changed')
    assert.equal((await citizen.patch('/me', { displayName: 'Jeanne Dupuis-Martin' })).status, 200)
    assert.equal((await mp.patch('/me', { displayName: 'Sophie Lemaire' })).status, 200, 'an MP keeps their own name')
    // The new name is reserved in turn once its holder is an MP.
    const renamed = await s.as('author', 'Paul Ancien')
    assert.equal((await renamed.patch('/me', { displayName: 'Paul Nouveau' })).status, 200)
    assert.equal((await citizen.patch('/me', { displayName: 'Paul Nouveau' })).status, 409)
  })
})
