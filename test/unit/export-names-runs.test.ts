/**
 * Pure parts of the exports: download names from a title (ASCII slug with
 * accents folded, accented slug, bounded, nothing unsafe in the header), and
 * diff runs that read in black and white (a deletion and an insertion never
 * touch; marked runs hold no edge spaces).
 */
import assert from 'node:assert/strict'
import { asciiSlug, attachmentHeader, downloadName, unicodeSlug, MAX_TITLE_CHARS } from '../../server/export/file-name.ts'
import { spaced, type Run } from '../../server/export/report.ts'

const AT = new Date('2026-12-04T23:59:59Z')

describe('export download names', () => {
  it('folds accents and ligatures into an ASCII slug and keeps them in the accented one', () => {
    assert.equal(asciiSlug('Projet de loi pour une République numérique'), 'projet-de-loi-pour-une-republique-numerique')
    assert.equal(asciiSlug('L\'Œuvre d\'Ægée, straße'), 'l-oeuvre-d-aegee-strasse')
    assert.equal(unicodeSlug('Projet de loi pour une République numérique'), 'projet-de-loi-pour-une-république-numérique')
  })

  it('removes quotes, slashes, separators and control characters', () => {
    const nasty = '"a"/b\\c;d\u0000e\u0007f\r\ng\u202Eh  «i»'
    assert.equal(asciiSlug(nasty), 'a-b-c-d-e-f-g-h-i')
    assert.equal(unicodeSlug(nasty), 'a-b-c-d-e-f-g-h-i')
    const header = attachmentHeader(downloadName({ id: 'bil_x', title: nasty }, 'synthese', AT, 'pdf'))
    assert.equal(header, 'attachment; filename=a-b-c-d-e-f-g-h-i-synthese-2026-12-04.pdf')
  })

  it('bounds the title part, cutting at a hyphen', () => {
    const long = 'Proposition de loi '.repeat(20)
    const slug = asciiSlug(long)
    assert.ok(slug.length <= MAX_TITLE_CHARS, `${slug.length}`)
    assert.ok(slug.startsWith('proposition-de-loi-proposition-'))
    assert.doesNotMatch(slug, /-$/)
    assert.ok(long.toLowerCase().replace(/ /g, '-').startsWith(slug), 'whole words')
    assert.ok([...unicodeSlug('É'.repeat(500))].length <= MAX_TITLE_CHARS)
  })

  it('names the export <title>-<what>-<day>.<ext>, with filename* only when accents differ', () => {
    const name = downloadName({ id: 'bil_1', title: 'Projet de loi pour une République numérique' }, 'synthese', AT, 'pdf')
    assert.deepEqual(name, {
      ascii: 'projet-de-loi-pour-une-republique-numerique-synthese-2026-12-04.pdf',
      unicode: 'projet-de-loi-pour-une-république-numérique-synthese-2026-12-04.pdf'
    })
    assert.equal(attachmentHeader(name), 'attachment; filename=projet-de-loi-pour-une-republique-numerique-synthese-2026-12-04.pdf; ' +
      'filename*=UTF-8\'\'projet-de-loi-pour-une-r%C3%A9publique-num%C3%A9rique-synthese-2026-12-04.pdf')
    assert.equal(attachmentHeader(downloadName({ id: 'bil_1', title: 'Budget 2027' }, 'data', AT, 'json')), 'attachment; filename=budget-2027-data-2026-12-04.json')
  })

  it('falls back on the bill id when the title has no letter or digit; keeps other scripts in filename*', () => {
    assert.equal(downloadName({ id: 'bil_AbC', title: '« … »' }, 'synthese', AT, 'pdf').ascii, 'bil-abc-synthese-2026-12-04.pdf')
    const greek = downloadName({ id: 'bil_g', title: 'Νόμος για τα δεδομένα' }, 'synthesis', AT, 'pdf')
    assert.equal(greek.ascii, 'bil-g-synthesis-2026-12-04.pdf')
    assert.equal(greek.unicode, 'νόμος-για-τα-δεδομένα-synthesis-2026-12-04.pdf')
  })
})

describe('diff runs for black and white', () => {
  const r = (op: Run['op'], text: string): Run => ({ op, text })

  it('puts a plain space between a deletion and an insertion that touch', () => {
    assert.deepEqual(spaced([r('equal', 'de '), r('delete', 'trente'), r('insert', 'quinze'), r('equal', ' jours')]),
      [r('equal', 'de '), r('delete', 'trente'), r('equal', ' '), r('insert', 'quinze'), r('equal', ' jours')])
  })

  it('moves edge spaces out of marked runs and adds none where the text has one', () => {
    assert.deepEqual(spaced([r('equal', 'de'), r('delete', ' trente '), r('insert', 'quinze ')]),
      [r('equal', 'de '), r('delete', 'trente'), r('equal', ' '), r('insert', 'quinze'), r('equal', ' ')])
    assert.deepEqual(spaced([r('insert', 'a'), r('insert', 'b'), r('equal', '')]), [r('insert', 'ab')])
  })

  it('keeps the text: only spaces are added, between touching marks', () => {
    const runs = [r('delete', 'x'), r('insert', 'y'), r('delete', 'z'), r('equal', ' w ')]
    const out = spaced(runs)
    assert.equal(out.map(x => x.text).join(''), 'x y z w ')
    assert.equal(out.filter(x => x.op !== 'equal').map(x => x.text).join('|'), 'x|y|z')
  })
})
