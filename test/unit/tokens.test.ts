import assert from 'node:assert/strict'
import fc from 'fast-check'
import { TOKEN_PATTERN, countWords, isBoundary, isSpace, isWord, tokenBoundaries, tokenize, tokenKind } from '../../shared/tokens.ts'

describe('tokens', () => {
  it('keeps accented letters inside words', () => {
    assert.deepEqual(tokenize('Le président prévoit'), ['Le', ' ', 'président', ' ', 'prévoit'])
    assert.deepEqual(tokenize('œuvre Ça ÉTÉ naïf'), ['œuvre', ' ', 'Ça', ' ', 'ÉTÉ', ' ', 'naïf'])
  })

  it('keeps combining marks with their letter (decomposed accents)', () => {
    const decomposed = 'pre\u0301sident'
    assert.deepEqual(tokenize(decomposed), [decomposed])
  })

  it('ends an elided word with its apostrophe, straight or curly', () => {
    assert.deepEqual(tokenize("l'employeur"), ["l'", 'employeur'])
    assert.deepEqual(tokenize('d’établissement'), ['d’', 'établissement'])
    assert.deepEqual(tokenize("aujourd'hui"), ["aujourd'", 'hui'])
  })

  it('treats a lone apostrophe as punctuation', () => {
    assert.deepEqual(tokenize("' x"), ["'", ' ', 'x'])
  })

  it('joins hyphenated words and numbers, but not spaced dashes', () => {
    assert.deepEqual(tokenize('accord-cadre'), ['accord-cadre'])
    assert.deepEqual(tokenize('L. 1114-1'), ['L', '.', ' ', '1114-1'])
    assert.deepEqual(tokenize('II. - Le'), ['II', '.', ' ', '-', ' ', 'Le'])
    assert.deepEqual(tokenize('quarante-huit heures'), ['quarante-huit', ' ', 'heures'])
  })

  it('makes each punctuation mark a token, French punctuation included', () => {
    assert.deepEqual(tokenize('notamment : « mot » ; fin.'),
      ['notamment', ' ', ':', ' ', '«', ' ', 'mot', ' ', '»', ' ', ';', ' ', 'fin', '.'])
    assert.deepEqual(tokenize('3°'), ['3', '°'])
  })

  it('keeps whitespace runs, non-breaking spaces included', () => {
    assert.deepEqual(tokenize('a  b\u00a0:\u202fc\t'), ['a', '  ', 'b', '\u00a0', ':', '\u202f', 'c', '\t'])
  })

  it('gives back the exact text when joined', () => {
    for (const t of ['', ' ', "  L'accord-cadre  détermine\u00a0: « x » ; 3° …", 'emoji 👍🏽 ok', 'a\nb\r\nc']) {
      assert.equal(tokenize(t).join(''), t)
    }
  })

  it('tells token kinds apart', () => {
    assert.equal(tokenKind('président'), 'word')
    assert.equal(tokenKind("l'"), 'word')
    assert.equal(tokenKind('12'), 'word')
    assert.equal(tokenKind('\u00a0'), 'space')
    assert.equal(tokenKind('«'), 'punct')
    assert.ok(isWord('été') && !isWord(',') && isSpace(' ') && !isSpace('a'))
  })

  it('counts words and lists boundaries', () => {
    assert.equal(countWords("l'employeur et les syndicats, ensemble."), 6)
    assert.equal(countWords(' ; '), 0)
    assert.deepEqual(tokenBoundaries("l'a b"), [0, 2, 3, 4, 5])
    assert.deepEqual(tokenBoundaries(''), [0])
  })

  it('is context-free at token boundaries', () => {
    const text = "Dans les entreprises mentionnées à l'article 1er, l'employeur et la ou les organisations"
    const tokens = tokenize(text)
    for (let i = 0; i <= tokens.length; i++) {
      assert.deepEqual([...tokenize(tokens.slice(0, i).join('')), ...tokenize(tokens.slice(i).join(''))], tokens)
    }
  })

  it('decides token boundaries locally exactly as the tokenizer does (property, seed printed on failure)', () => {
    const chars = fc.constantFrom('a', 'é', 'e\u0301', '\u0301', '1', '-', '\u2011', "'", '\u2019', ' ', '\u00a0', '  ', '.', '«', '👍', '𝒜', '\n')
    fc.assert(fc.property(fc.array(chars, { maxLength: 16 }), cs => {
      const text = cs.join('')
      const bounds = new Set(tokenBoundaries(text))
      for (let i = 0; i <= text.length; i++) assert.equal(isBoundary(text, i), bounds.has(i), `${JSON.stringify(text)} at ${i}`)
    }), { seed: Number(process.env.ALINEA_SEED ?? 20240611), numRuns: 500 })
  })

  it('scans exactly the tokens of TOKEN_PATTERN, its definition (property)', () => {
    const chars = fc.constantFrom('a', 'Z', 'é', 'œ', 'e\u0301', '\u0301', '٣', '1', '-', '\u2011', "'", '\u2019', ' ', '\u00a0', '\u202f', '\t', '.', '«', '»', '👍', '𝒜', '\ud800', '\n')
    fc.assert(fc.property(fc.array(chars, { maxLength: 20 }), cs => {
      const text = cs.join('')
      assert.deepEqual(tokenize(text), text.match(TOKEN_PATTERN) ?? [])
    }), { seed: Number(process.env.ALINEA_SEED ?? 20240611), numRuns: 500 })
    const real = "Art. L. 1114-2. - I. - Sans préjudice des dispositions de l'article L. 2512-1 du code du travail, dans les entreprises « x » ; l’œuvre d'État."
    assert.deepEqual(tokenize(real), real.match(TOKEN_PATTERN))
  })
})
