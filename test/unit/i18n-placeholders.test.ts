/**
 * The English catalogue fills the same `{placeholders}` as the French one:
 * `t(key, params)` is type-checked against the French text only, so a
 * placeholder that English adds or forgets would print as `{name}` or drop a
 * value. Both catalogues are read as plain objects (no browser needed).
 */
import assert from 'node:assert/strict'
import { fr } from '../../client/i18n/fr/index.ts'
import { en } from '../../client/i18n/en/index.ts'

/** The placeholder names of a message, sorted and without repeats. */
function placeholders (text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map(m => m[1]))].sort()
}

describe('i18n catalogues', () => {
  it('give every message the same placeholders in English as in French', () => {
    const differ = Object.entries(fr)
      .filter(([key, text]) => placeholders(text).join() !== placeholders(en[key as keyof typeof fr]).join())
      .map(([key]) => key)
    assert.deepEqual(differ, [])
  })
})
