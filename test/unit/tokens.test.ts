import assert from 'node:assert/strict'
import { countWords, isSpace, isWord, tokenBoundaries, tokenize, tokenKind } from '../../shared/tokens.ts'

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
})
