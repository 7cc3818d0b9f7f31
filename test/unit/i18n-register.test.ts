/**
 * A chunk's messages exist once registered (its module of client/i18n/chunks/
 * does it when the chunk loads; test/unit/i18n-chunks.test.ts checks that
 * each chunk does): before, `t` on one of its keys is a programming error, shown as the key
 * and reported on the console (where the browser tests fail on it); after,
 * the message reads in both languages and follows the language switch.
 */
import assert from 'node:assert/strict'
import { getLocale, registerMessages, setLocale, t } from '../../client/i18n/index.ts'
import { identityPages as fr } from '../../client/i18n/fr/identity-pages.ts'
import { identityPages as en } from '../../client/i18n/en/identity-pages.ts'

describe('i18n: registering a chunk\'s messages', () => {
  const before = getLocale()
  const consoleError = console.error
  let reported: unknown[][] = []
  beforeEach(() => { reported = []; console.error = (...args: unknown[]) => { reported.push(args) } })
  afterEach(() => { console.error = consoleError; setLocale(before) })

  it('shows the key and reports it once until the chunk registers its part, then the message in each language', () => {
    setLocale('fr')
    assert.equal(t('forgot.title'), 'forgot.title')
    assert.equal(t('forgot.title'), 'forgot.title')
    assert.equal(reported.length, 1, 'reported once')
    assert.match(String(reported[0][0]), /forgot\.title.*client\/i18n\/chunks/)
    assert.equal(t('app.tagline'), 'Co-écrire la loi, article par article', 'the main bundle\'s messages are there from the start')

    registerMessages({ fr, en }) // what client/i18n/chunks/identity-pages.ts does when its chunk loads
    assert.equal(t('forgot.title'), 'Mot de passe oublié')
    setLocale('en')
    assert.equal(t('forgot.title'), 'Forgot your password')
    assert.equal(reported.length, 1, 'nothing more reported')
  })
})
