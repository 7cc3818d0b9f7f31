import assert from 'node:assert/strict'
import { serverSuite } from '../helpers/server-suite.ts'

describe('hardening: per-account sign-in limit with backoff', () => {
  let offset = 0
  const s = serverSuite({ config: { loginFailuresBeforeBackoff: 3 }, now: () => new Date(Date.now() + offset) })

  it('makes an account wait after repeated failures, from any address, and lets it in after the wait', async () => {
    const owner = await s.client().post('/auth/register', { email: 'cible@example.org', password: 'the right password', displayName: 'Cible' })
    assert.equal(owner.status, 201)
    const wrong = { email: 'Cible@example.org ', password: 'a wrong password' }
    for (let i = 0; i < 3; i++) assert.equal((await s.client().post('/auth/login', wrong)).status, 401)
    // Now even the right password waits (the attacker cannot test guesses), whatever the client.
    const waiting = await s.client().post('/auth/login', { email: 'cible@example.org', password: 'the right password' })
    assert.equal(waiting.status, 429)
    assert.equal(waiting.body.error.code, 'rate_limited')
    const first = Number(waiting.headers.get('retry-after'))
    assert.ok(first >= 1)
    // Another account is not affected.
    await s.client().post('/auth/register', { email: 'autre@example.org', password: 'another password', displayName: 'Autre' })
    assert.equal((await s.client().post('/auth/login', { email: 'autre@example.org', password: 'another password' })).status, 200)
    // After the wait, one more failure doubles it.
    offset += first * 1000
    assert.equal((await s.client().post('/auth/login', wrong)).status, 401)
    const longer = await s.client().post('/auth/login', wrong)
    assert.equal(longer.status, 429)
    assert.ok(Number(longer.headers.get('retry-after')) > first, 'the wait grows')
    offset += Number(longer.headers.get('retry-after')) * 1000
    const ok = await s.client().post('/auth/login', { email: 'cible@example.org', password: 'the right password' })
    assert.equal(ok.status, 200)
    // A success clears the count: three failures again before any wait.
    for (let i = 0; i < 3; i++) assert.equal((await s.client().post('/auth/login', wrong)).status, 401)
  })

  it('counts concurrent guesses: at most the threshold get checked at once', async () => {
    await s.client().post('/auth/register', { email: 'rafale@example.org', password: 'the right password', displayName: 'Rafale' })
    const statuses = await Promise.all(Array.from({ length: 10 }, () => s.client().post('/auth/login', { email: 'rafale@example.org', password: 'guess' })))
    assert.equal(statuses.filter(r => r.status === 401).length, 3)
    assert.equal(statuses.filter(r => r.status === 429).length, 7)
  })
})
