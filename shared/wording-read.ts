/**
 * The reader of real French dispositifs, in both house styles, beyond the
 * exact phrases Alinea writes (those are read by `parseWording` first).
 *
 * A dispositif is read as a list of statements. A statement is an instruction
 * (« Remplacer les mots : ») with its passages, which may be quoted on the same
 * line or stand alone on the following lines, quoted or not (the Sénat prints
 * « Remplacer le mot : » / « modération » / « par le mot : » / « sobriété »).
 * Lines are gathered until they make a statement the reader knows. Place lines
 * (« Alinéa 7 », « Alinéas 30 à 33 », « Troisième phrase », « Après l'article
 * 7 ») and scope prefixes (« À la troisième phrase de l'alinéa 2, ») say where
 * the following operations apply; numbering (« I. – », « 1° », « a) », « – »)
 * opens parts whose place ends with them. Statements that bring text
 * (« ainsi rédigé : », « suivants : », « dans la rédaction suivante : ») take the
 * lines after them: quoted lines, or as many lines as they announce (« trois
 * alinéas »), or, unquoted, every line up to the next part of the same level.
 * A dispositif that opens with legislative text rather than an instruction
 * (« Le code de la sécurité sociale est ainsi modifié : ») is read as that text:
 * one `content` operation (the Assemblée prints additional articles this way,
 * their place being in the amendment's data).
 */

import { type Within, WordingError, type WordingOp } from './wording-apply.ts'
import { count, numbering, ORDINAL, ordinal, readPlace, ARTICLE_NUMBER, COUNT, type Place } from './wording-places.ts'
import { foldTypography, looksLegislative, normalizeSpaces, passageOfLine as passage } from './wording-text.ts'

interface Stmt { text: string; passages: string[]; line: number; level: number | null }

const OPEN = '«"\u201c'
const CLOSE = '»"\u201d'
/** A passage: the statement text holds `⟦n⟧` where the n-th passage stood. */
const P = '⟦(\\d+)⟧'
/** What a passage is called (« les mots », « le montant », « la référence », « les mots suivants »). */
const W = "(?:(?:le|les|au|aux|la|l'|à la|du|des|d'une?) ?)?(?:mots?|montants?|références?|chiffres?|nombres?|taux|dates?|années?|sigles?|termes?|expressions?|lettres?|signes?|sommes?|pourcentages?)(?: suivants?)?"
/** A passage with its name and colon, all optional but the passage. */
const PW = `(?:${W} ?:? ?)?${P}`
const END = '[.;,]?'
const R = (source: string): RegExp => new RegExp('^' + source + '$', 'iu')
/** The compensation of a cost (« gage ») that closes many dispositifs. */
const GAGE = /^(?:la perte de recettes|la charge|les charges|l'augmentation des charges)\b.*\b(?:est|sont) compensée?s?\b/iu
/** The most lines one statement gathers (the longest real ones take six). */
const MAX_STATEMENT_LINES = 8

/** Read a French dispositif; throws `WordingError` with the first line it cannot read. */
export function readDispositif (text: string): WordingOp[] {
  return new Reader(text).read()
}

class Reader {
  private readonly raw: string[]
  private readonly numbers: (number | null)[]
  private readonly bodies: string[]
  private readonly lineNo: number[]
  private i = 0
  private place: Place = {}
  private readonly stack: { level: number; saved: Place }[] = []
  private lastAlinea = 0
  private readonly ops: WordingOp[] = []

  constructor (text: string) {
    this.raw = []
    this.lineNo = []
    text.split(/\r\n|\r|\n/u).forEach((l, n) => {
      if (l.trim() !== '') { this.raw.push(l.trim()); this.lineNo.push(n + 1) }
    })
    this.numbers = []
    this.bodies = []
    for (const l of this.raw) {
      const folded = foldTypography(l).replace(/\s+/gu, ' ')
      const n = numbering(folded)
      this.numbers.push(n === null ? null : n.level)
      this.bodies.push(n === null ? folded : n.rest)
    }
  }

  read (): WordingOp[] {
    while (this.i < this.raw.length) {
      const at = this.i
      const level = this.numbers[at]
      if (level !== null) this.enterPart(level)
      const body = this.bodies[at].replace(/^(?:et|puis) /iu, '')
      const place = readPlace(body)
      if (place !== null) { this.place = { ...this.place, ...place }; this.i++; continue }
      if (at === 0 && looksLegislative(body)) {
        // Legislative text rather than an instruction: the whole dispositif is content.
        try {
          this.statement(level)
        } catch (err) {
          if (!(err instanceof WordingError)) throw err
          this.ops.length = 0
          this.ops.push({ op: 'content', alineas: [...this.raw] })
          return this.ops
        }
        continue
      }
      if (level === 1 && this.ops.length > 0 && (looksLegislative(body) || GAGE.test(body))) {
        // « II. – La perte de recettes … est compensée … »: a numbered part of legislative text after the
        // operations completes the article (the Assemblée's « gage »), up to the next part of that level.
        const lines = [this.raw[at]]
        for (this.i = at + 1; this.i < this.raw.length && this.numbers[this.i] !== 1; this.i++) lines.push(this.raw[this.i])
        this.ops.push({ op: 'appendAlineas', alineas: lines })
        continue
      }
      this.statement(level)
    }
    return this.ops
  }

  /** A part numbered at `level` starts: places set in the previous part of this level or deeper end. */
  private enterPart (level: number): void {
    while (this.stack.length > 0 && this.stack[this.stack.length - 1].level >= level) this.place = (this.stack.pop() as { saved: Place }).saved
    this.stack.push({ level, saved: { ...this.place } })
  }

  private error (message: string, at = this.i): WordingError {
    const line = this.lineNo[Math.min(at, this.lineNo.length - 1)] ?? 1
    return new WordingError(`Line ${line}: ${message}`, line)
  }

  /** Gather lines into one statement and read it. */
  private statement (level: number | null): void {
    const start = this.i
    const stmt: Stmt = { text: '', passages: [], line: start, level }
    this.append(stmt, this.bodies[start].replace(/^(?:et|puis) /iu, ''), this.raw[start])
    this.i++
    for (;;) {
      const done = this.match(stmt)
      if (done) return
      // A statement spans a few lines (instruction, passage, « par les mots : », passage): beyond, it is not one.
      if (this.i >= this.raw.length || this.i - start >= MAX_STATEMENT_LINES) throw this.error(`"${this.raw[start]}" is not an operation this reader knows`, start)
      if (/:$/u.test(stmt.text)) {
        stmt.text += ` ⟦${stmt.passages.length}⟧`
        stmt.passages.push(passage(this.raw[this.i]))
      } else {
        if (this.numbers[this.i] !== null || readPlace(this.bodies[this.i]) !== null) throw this.error(`"${this.raw[start]}" is not an operation this reader knows`, start)
        this.append(stmt, this.bodies[this.i], this.raw[this.i])
      }
      this.i++
    }
  }

  /** Add a line to a statement, cutting out its quoted passages. */
  private append (stmt: Stmt, folded: string, raw: string): void {
    // Quotes are cut from the raw line (passages keep their typography); the
    // folded line has the same length, so offsets agree once numbering is off.
    const offset = foldTypography(raw).replace(/\s+/gu, ' ').length - folded.length
    const source = normalizeSpaces(raw).slice(Math.max(0, offset))
    let out = ''
    let k = 0
    while (k < source.length) {
      const ch = source[k]
      const close = ch === '«' ? '»' : ch === '"' ? '"' : ch === '\u201c' ? '\u201d' : null
      const end = close === null ? -1 : source.indexOf(close, k + 1)
      if (close === null || end < 0) { out += foldTypography(ch); k++; continue }
      out += `⟦${stmt.passages.length}⟧`
      stmt.passages.push(source.slice(k + 1, end).trim())
      k = end + 1
    }
    const cleaned = out.replace(/\s*:\s*/gu, ' : ').replace(/\s+/gu, ' ').trim().replace(/ :$/u, ':').replace(/ : $/u, ':')
    stmt.text = (stmt.text === '' ? cleaned : stmt.text + ' ' + cleaned).replace(/ ?:$/u, ':')
  }

  /** The lines of text a statement brings (see the module comment). */
  private block (stmt: Stmt, announced: number | null): string[] {
    const lines: string[] = []
    if (this.i < this.raw.length && OPEN.includes(this.raw[this.i][0])) {
      const first = this.raw[this.i][0]
      const close = first === '«' ? '»' : first === '"' ? '"' : '\u201d'
      for (; this.i < this.raw.length; this.i++) {
        const l = this.raw[this.i]
        if (!OPEN.includes(l[0]) && lines.length > 0) break
        lines.push(l)
        const closed = new RegExp(`[${CLOSE}]\\s*[.;,]?$`, 'u').test(l) && l.length > 1
        if (closed && (this.i + 1 >= this.raw.length || !OPEN.includes(this.raw[this.i + 1][0]))) { this.i++; break }
        if (announced !== null && lines.length === announced && closed) { this.i++; break }
      }
      const last = lines[lines.length - 1]
      if (!new RegExp(`[${CLOSE}]\\s*[.;,]?$`, 'u').test(last) || last.length < 2) throw this.error('the quotation is not closed', this.i - 1)
      const each = lines.every(l => new RegExp(`[${CLOSE}]\\s*[.;,]?$`, 'u').test(l))
      return lines.map((l, n) => {
        let s = l.slice(1)
        if (each || n === lines.length - 1) s = s.replace(new RegExp(`[${CLOSE}${close}]\\s*[.;,]?$`, 'u'), '')
        return s.trim()
      })
    }
    for (; this.i < this.raw.length; this.i++) {
      if (announced !== null && lines.length === announced) break
      const level = this.numbers[this.i]
      if (announced === null && level !== null && stmt.level !== null && level <= stmt.level) break
      lines.push(this.raw[this.i])
    }
    if (lines.length === 0) throw this.error(`"${this.raw[stmt.line]}" must be followed by the text it brings`, stmt.line)
    return lines
  }

  /** The alinéas the current place or a prefix names; [0] when none (the passage says which). */
  private alineas (local: number[] | null): number[] {
    const list = local ?? this.place.alineas ?? [0]
    if (list[0] !== 0) this.lastAlinea = list[list.length - 1]
    return list
  }

  /** Try to read the statement; true when it was read (and its operations pushed). */
  private match (stmt: Stmt): boolean {
    let t = stmt.text.replace(/^(?:en conséquence|par conséquent), /iu, '')
    t = t.replace(/^pour (?:compenser|financer|gager|assurer)[^⟦]*?, (?=(?:compléter|insérer|ajouter|rédiger|supprimer|après|avant|substituer|remplacer)\b)/iu, '')
    const pass = (m: RegExpExecArray, n: number): string => stmt.passages[Number(m[n])]
    // Scope prefix: « À l'alinéa 2, », « Dans la première phrase, », « Au début de la deuxième phrase, ».
    let local: number[] | null = null
    let within: Within = {}
    let start = false
    const prefix = /^(?:[àa]|au|aux|dans|en) ([^⟦:]*?), (?=\S)/iu.exec(t)
    if (prefix !== null && /alinéa|phrase|début|fin|tableau|titre|intitulé|ligne|colonne|même|chapitre|section/iu.test(prefix[1])) {
      const scope = prefix[1]
      const al = /alinéa (\d+)/iu.exec(scope)
      const nth = new RegExp(`(${ORDINAL}) alinéa`, 'iu').exec(scope)
      if (al !== null) local = [Number(al[1])]
      else if (nth !== null) local = [ordinal(nth[1]) ?? 0]
      else if (/même/iu.test(scope) && this.lastAlinea > 0) local = [this.lastAlinea]
      else if (/titre|intitulé|chapitre|section/iu.test(scope)) local = [0]
      const ph = new RegExp(`(${ORDINAL}) phrase`, 'iu').exec(scope)
      if (ph !== null) within = { sentence: ordinal(ph[1]) as number }
      start = /^(?:le )?début/iu.test(scope)
      t = t.slice(prefix[0].length)
    }
    // Scope suffix: « Supprimer la dernière phrase de l'alinéa 5. », « … la fin du deuxième alinéa : ».
    const suffix = new RegExp(`,? (?:de|du|à) (?:l'alinéa (\\d+)|(${ORDINAL}) alinéa)(?= ?:$|[.;]?$)`, 'iu').exec(t)
    if (suffix !== null && local === null) {
      local = [suffix[1] !== undefined ? Number(suffix[1]) : ordinal(suffix[2]) ?? 0]
      t = t.slice(0, suffix.index) + (/:$/u.test(t) ? ':' : '')
    }
    if (within.sentence === undefined && this.place.sentences !== undefined && this.place.sentences[0] === this.place.sentences[1]) {
      within = { sentence: this.place.sentences[0] }
    }
    const targets = (): number[] => this.alineas(local)
    const words = (make: (alinea: number) => WordingOp): boolean => {
      for (const a of targets()) this.ops.push(make(a))
      return true
    }
    const w = (o: WordingOp): WordingOp => (within.sentence !== undefined ? { ...o, sentence: within.sentence } : o) as WordingOp
    let m: RegExpExecArray | null
    // Whole article, division, heading.
    if (R(`supprimer cet article${END}`).test(t)) return this.push({ op: 'deleteArticle' })
    if (R(`supprimer (?:cette (?:division|subdivision|section)|ce (?:chapitre|titre)|cet intitulé)${END}`).test(t)) return this.push({ op: 'deleteDivision' })
    // Alinéas deleted.
    if (R(`supprimer (?:cet alinéa|ces (?:\\S+ )?alinéas)${END}`).test(t)) return this.deleteAlineas(targets(), stmt)
    if ((m = R(`supprimer l'alinéa (\\d+)${END}`).exec(t)) !== null) return this.deleteAlineas([Number(m[1])], stmt)
    if ((m = R(`supprimer le (${ORDINAL}) alinéa${END}`).exec(t)) !== null) return this.deleteAlineas([ordinal(m[1]) as number], stmt)
    if ((m = R(`supprimer les alinéas ((?:\\d+, )+\\d+) et (\\d+)${END}`).exec(t)) !== null) {
      return this.deleteAlineas([...m[1].split(', ').map(Number), Number(m[2])], stmt)
    }
    if ((m = R(`supprimer les alinéas (\\d+) (à|et) (\\d+)${END}`).exec(t)) !== null) {
      const a = Number(m[1]); const b = Number(m[3])
      if (m[2].toLowerCase() === 'et') return this.deleteAlineas([a, b], stmt)
      if (b < a) throw this.error(`alinéas ${a} to ${b}: the range is reversed`, stmt.line)
      return this.push({ op: 'deleteAlineas', from: a, to: b })
    }
    // Sentences deleted.
    if (R(`supprimer (?:cette phrase|ces phrases)${END}`).test(t) && this.place.sentences !== undefined) {
      const [from, to] = this.place.sentences
      return words(a => ({ op: 'deleteSentences', alinea: a, from, to }))
    }
    if ((m = R(`supprimer (?:la |cette )?(${ORDINAL}) phrase${END}`).exec(t)) !== null) {
      const n = ordinal(m[1]) as number
      return words(a => ({ op: 'deleteSentences', alinea: a, from: n, to: n }))
    }
    if ((m = R(`supprimer les (${ORDINAL}) et (${ORDINAL}) phrases${END}`).exec(t)) !== null) {
      const from = ordinal(m[1]) as number; const to = ordinal(m[2]) as number
      return words(a => ({ op: 'deleteSentences', alinea: a, from, to }))
    }
    if ((m = R(`supprimer les (${COUNT}) dernières phrases${END}`).exec(t)) !== null) {
      const n = count(m[1]) as number
      return words(a => ({ op: 'deleteSentences', alinea: a, from: -n, to: -1 }))
    }
    // Words.
    const OCC = `(?:,? (?:à|dans) chacune de (?:ses|leurs) (?:\\S+ )?occurrences,?)?`
    if ((m = R(`(?:remplacer|substituer)${OCC} (?:au |aux )?${PW}${OCC},? (?:par )?${PW}${END}`).exec(t)) !== null ||
        (m = R(`${PW} (?:est|sont) remplacée?s? par ${PW}${END}`).exec(t)) !== null ||
        (m = R(`su(?:b|bs|sb)stituer${OCC} (?:au |aux )?${PW},? ${PW}${END}`).exec(t)) !== null) {
      const all = /occurrences/iu.test(t)
      const [from, by] = [pass(m, 1), pass(m, 2)]
      return words(a => w({ op: 'replaceWords', alinea: a, words: from, by, ...(all ? { occurrence: 'all' as const } : {}) }))
    }
    if ((m = R(`supprimer ${PW}${END}`).exec(t)) !== null) { const x = pass(m, 1); return words(a => w({ op: 'deleteWords', alinea: a, words: x })) }
    const NTH = `(?:la (${ORDINAL}) occurr?ence (?:du|des) (?:mots?|termes?) ?:? ?${P}|${PW})`
    const anchor = (mm: RegExpExecArray): { text: string; occurrence?: number } =>
      mm[1] !== undefined ? { text: pass(mm, 2), occurrence: ordinal(mm[1]) as number } : { text: pass(mm, 3) }
    if ((m = R(`après ${NTH},? (?:insérer|ajouter|(?:est|sont) insérée?s?) ${PW}${END}`).exec(t)) !== null) {
      const { text, occurrence } = anchor(m); const x = pass(m, 4)
      return words(a => w({ op: 'insertWords', alinea: a, after: text, words: x, ...(occurrence !== undefined ? { occurrence } : {}) }))
    }
    if ((m = R(`avant ${PW},? (?:insérer|ajouter|(?:est|sont) insérée?s?) ${PW}${END}`).exec(t)) !== null) {
      const before = pass(m, 1); const x = pass(m, 2)
      return words(a => ({ op: 'insertWordsBefore', alinea: a, before, words: x, ...(within.sentence !== undefined ? { sentence: within.sentence } : {}) }))
    }
    const FIN = `la fin(?: de (?:la|cette) (?:(${ORDINAL}) )?phrase| de (?:l'|cet )alinéa)?`
    const endSentence = (word: string | undefined): number | undefined =>
      word !== undefined ? ordinal(word) as number : within.sentence
    if ((m = R(`après ${NTH},? supprimer ${FIN}${END}`).exec(t)) !== null) {
      const { text } = anchor(m); const sentence = endSentence(m[4])
      return words(a => ({ op: 'deleteEnd', alinea: a, after: text, ...(sentence !== undefined ? { sentence } : /phrase/iu.test(t) ? { sentence: 0 } : {}) }))
    }
    if ((m = R(`après ${NTH},? rédiger ainsi ${FIN} ?:(?: ${P}${END})?`).exec(t)) !== null) {
      const { text } = anchor(m); const sentence = endSentence(m[4])
      const rest = m[5] !== undefined ? pass(m, 5) : this.block(stmt, 1).join(' ')
      return words(a => ({ op: 'rewriteEnd', alinea: a, after: text, text: rest, ...(sentence !== undefined ? { sentence } : /phrase/iu.test(t) ? { sentence: 0 } : {}) }))
    }
    if ((m = R(`(?:compléter|compléter (?:cet alinéa|l'alinéa (\\d+)|(?:cette|la (?:${ORDINAL}) )phrase)) par ${PW}${END}`).exec(t)) !== null) {
      const x = pass(m, 2); if (m[1] !== undefined) local = [Number(m[1])]
      return words(a => w({ op: 'appendWords', alinea: a, words: x }))
    }
    if ((m = R(`(?:au début(?: de (?:cet|l')alinéa(?: (\\d+))?)?,? )?insérer ${PW}${END}`).exec(t)) !== null && (start || /^au début/iu.test(t))) {
      const x = pass(m, 2); if (m[1] !== undefined) local = [Number(m[1])]
      return words(a => w({ op: 'prependWords', alinea: a, words: x }))
    }
    return this.matchBlock(stmt, t, local, within, targets)
  }

  /** Statements that bring text on the following lines. */
  private matchBlock (stmt: Stmt, t: string, local: number[] | null, within: Within, targets: () => number[]): boolean {
    let m: RegExpExecArray | null
    const BRINGS = `(?:(${COUNT}) |l'|les )?(?:\\S+ )?(?:alinéas?|paragraphes?) (?:ainsi rédigée?s?|suivante?s?) ?:`
    if (R("(?:rédiger ainsi|rédiger comme suit|remplacer) (?:cet article|l'article)(?: par les dispositions suivantes)? ?:").test(t) ||
        R("rétablir (?:cet article|l'article .+?|un article .+?) (?:dans la rédaction suivante|ainsi rédigé) ?:").test(t)) {
      return this.push({ op: 'rewriteArticle', alineas: this.block(stmt, null) })
    }
    if ((m = R(`(?:(après|avant) l'article ${ARTICLE_NUMBER},? )?(?:insérer|ajouter) (?:un article (?:additionnel |nouveau )?(?:${ARTICLE_NUMBER} )?ainsi rédigé|l'article (?:additionnel )?suivant) ?:`).exec(t)) !== null) {
      const position = m[1] !== undefined ? (m[1].toLowerCase() === 'après' ? { after: m[2] } : { before: m[2] }) : this.place.article
      if (position === undefined) throw this.error('an additional article needs its place (« Après l\'article 7 »)', stmt.line)
      return this.push({ op: 'addArticle', position, alineas: this.block(stmt, null) })
    }
    if ((m = R(`(?:rédiger ainsi|rédiger comme suit) (?:cet alinéa|ces (?:\\S+ )?alinéas|l'alinéa (\\d+)|les alinéas (\\d+) (?:à|et) (\\d+)|le (${ORDINAL}) alinéa) ?:`).exec(t)) !== null) {
      if (m[2] !== undefined && / et /iu.test(t) && Number(m[3]) !== Number(m[2]) + 1) throw this.error(`alinéas ${m[2]} and ${m[3]} are not consecutive: rewrite them one by one`, stmt.line)
      const list = m[2] !== undefined ? [Number(m[2]), Number(m[3])] : m[1] !== undefined ? [Number(m[1])] : m[4] !== undefined ? [ordinal(m[4]) as number] : targets()
      return this.rewriteAlineas(stmt, list, null)
    }
    if ((m = R(`remplacer (?:cet alinéa|ces (?:\\S+ )?alinéas|l'alinéa (\\d+)) par ${BRINGS}`).exec(t)) !== null) {
      return this.rewriteAlineas(stmt, m[1] !== undefined ? [Number(m[1])] : targets(), m[2] === undefined ? null : count(m[2]))
    }
    if ((m = R(`(?:remplacer les alinéas (\\d+) (?:à|et) (\\d+) par|substituer (?:à l'alinéa (\\d+)|aux alinéas (\\d+) (?:à|et) (\\d+)|à cet alinéa|à ces alinéas)) ${BRINGS}`).exec(t)) !== null) {
      const list = m[1] !== undefined ? [Number(m[1]), Number(m[2])] : m[3] !== undefined ? [Number(m[3])] : m[4] !== undefined ? [Number(m[4]), Number(m[5])] : targets()
      return this.rewriteAlineas(stmt, list, m[6] === undefined ? null : count(m[6]))
    }
    if ((m = R(`(?:rédiger ainsi|rédiger comme suit) (?:la |cette )?(?:(${ORDINAL}) )?phrase ?:`).exec(t)) !== null) {
      const sentence = m[1] !== undefined ? ordinal(m[1]) as number : within.sentence
      if (sentence === undefined) throw this.error('the dispositif does not say which sentence', stmt.line)
      const text = this.block(stmt, 1).join(' ')
      for (const a of targets()) this.ops.push({ op: 'rewriteSentence', alinea: a, sentence, text })
      return true
    }
    if ((m = R(`(?:(après|avant) (?:cet alinéa|l'alinéa (\\d+)|le (${ORDINAL}) alinéa),? )?(?:insérer|ajouter) ${BRINGS}`).exec(t)) !== null) {
      let after: number
      if (m[1] === undefined) {
        if (this.place.insertAfter === undefined && this.place.alineas === undefined && local === null) throw this.error('the dispositif does not say where to insert', stmt.line)
        after = this.place.insertAfter ?? this.alineas(local)[this.alineas(local).length - 1]
      } else {
        const n = m[2] !== undefined ? Number(m[2]) : m[3] !== undefined ? ordinal(m[3]) as number : this.alineas(local)[0]
        if (n < 1) throw this.error('the dispositif does not say where to insert', stmt.line)
        after = m[1].toLowerCase() === 'avant' ? n - 1 : n
      }
      return this.push({ op: 'insertAlineas', after, alineas: this.block(stmt, m[4] === undefined ? null : count(m[4])) })
    }
    if ((m = R(`(?:l'alinéa (\\d+)|cet alinéa) est complété par ${BRINGS}`).exec(t)) !== null) {
      const after = m[1] !== undefined ? Number(m[1]) : this.alineas(local)[0]
      if (after < 1) throw this.error('the dispositif does not say which alinéa', stmt.line)
      return this.push({ op: 'insertAlineas', after, alineas: this.block(stmt, m[2] === undefined ? null : count(m[2])) })
    }
    if ((m = R(`compléter (?:cet article|l'article(?: ${ARTICLE_NUMBER})?|le [IVX]+ de cet article|ce paragraphe) par ${BRINGS}`).exec(t)) !== null) {
      const announced = m[2] === undefined ? null : count(m[2])
      return this.push({ op: 'appendAlineas', alineas: this.block(stmt, announced) })
    }
    if ((m = R(`compléter (?:cet alinéa|l'alinéa (\\d+)|(?:cette|la (?:${ORDINAL}) )phrase) par (?:une|(${COUNT})) phrases? ainsi rédigées? ?:`).exec(t)) !== null) {
      if (m[1] !== undefined) local = [Number(m[1])]
      const text = this.block(stmt, m[2] === undefined ? 1 : count(m[2])).join(' ')
      for (const a of this.alineas(local)) this.ops.push({ op: 'appendWords', alinea: a, words: text })
      return true
    }
    if ((m = R(`(après|avant) la (${ORDINAL}) phrase,? insérer (?:une|(${COUNT})) phrases? ainsi rédigées? ?:`).exec(t)) !== null) {
      const n = ordinal(m[2]) as number
      const after = m[1].toLowerCase() === 'après' ? n : n - 1
      const text = this.block(stmt, m[3] === undefined ? 1 : count(m[3])).join(' ')
      for (const a of targets()) this.ops.push({ op: 'insertSentence', alinea: a, after, text })
      return true
    }
    if (R("(?:rédiger ainsi|rédiger comme suit) (?:le|l'|cet|ce|cette) ?(?:titre|intitulé|chapitre|section|division)[^:]* ?:").test(t)) {
      return this.push({ op: 'rewriteHeading', text: this.block(stmt, 1).join(' ') })
    }
    return false
  }

  private rewriteAlineas (stmt: Stmt, list: number[], announced: number | null): boolean {
    const from = Math.min(...list); const to = Math.max(...list)
    if (from < 1) throw this.error('the dispositif does not say which alinéa to rewrite', stmt.line)
    return this.push({ op: 'rewriteAlineas', from, to, alineas: this.block(stmt, announced) })
  }

  private deleteAlineas (list: number[], stmt: Stmt): boolean {
    if (list.some(a => a < 1)) throw this.error('the dispositif does not say which alinéa to delete', stmt.line)
    const sorted = [...new Set(list)].sort((a, b) => a - b)
    let from = sorted[0]
    for (let k = 1; k <= sorted.length; k++) {
      if (k < sorted.length && sorted[k] === sorted[k - 1] + 1) continue
      this.ops.push({ op: 'deleteAlineas', from, to: sorted[k - 1] })
      if (k < sorted.length) from = sorted[k]
    }
    return true
  }

  private push (op: WordingOp): boolean {
    this.ops.push(op)
    return true
  }
}
