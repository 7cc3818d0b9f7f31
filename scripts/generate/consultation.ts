/**
 * Fills a store with a synthetic consultation of a given scale, through the
 * Store interface: a closed bill of N articles (revision 1, with its working
 * text), participants (mostly citizens, some organisations and
 * institutions), amendments with their real diff and wording, arguments for
 * and against, and exactly the requested number of votes, loaded with
 * `bulkInsert` in large batches (one transaction each). Distributions are
 * skewed as real consultations are: the first articles get most votes and
 * amendments, a few arguments most upvotes, a few people contribute a lot.
 * Then the editors decide some amendments, some are withdrawn, and
 * moderators hide a few contributions. Every participant votes at least
 * once, so the participant count is exact.
 */
import type { AmendmentRecord, ArgumentRecord, Store, UserRecord, VoteRecord } from '../../server/store/store.ts'
import { ARTICLE_AMENDMENT } from '../../server/store/store.ts'
import type { BillBlock, ProfileType, VoteValue } from '../../shared/types.ts'
import { articleHash, articleOrdinal, blocksToDoc } from '../../shared/text.ts'
import { newId } from '../../shared/ids.ts'
import { describeChange } from '../../server/domain/amendment-text.ts'
import { initialUpdate } from '../../server/domain/documents.ts'
import { RANDOM_MODULUS } from '../../server/domain/ranking.ts'
import { seeded, type Random } from './random.ts'
import type { Scale } from './scales.ts'
import { HEADINGS, amendArticle, argumentBody, articleAlineas, explanation, person, response } from './french.ts'

/** Options of `generateConsultation`. */
export interface GenerateOptions {
  scale: Scale
  seed?: number
  /** Votes per bulk batch. */
  batch?: number
  /** Called as work progresses: the phase, units done and units in that phase. */
  progress?: (phase: string, done: number, total: number) => void
  /** The end of the consultation (default: now); it opened 45 days earlier. */
  closesAt?: Date
}

/** What was generated. */
export interface Generated {
  billId: string
  editorId: string
  staffId: string
  moderatorId: string
  counts: Scale & { accepted: number; rejected: number; withdrawn: number; hiddenArguments: number; hiddenAmendments: number }
}

const DAY = 86_400_000

/** Ids that sort in creation order (B-tree friendly), unique per run: `usr_<run><counter>`. */
function idMaker (prefix: string, run: string): (i: number) => string {
  return i => `${prefix}_${run}${i.toString(36).padStart(12, '0')}`
}

/** A time in the consultation, crowded at its opening and its closing as real ones are. */
function momentIn (r: Random, from: number, to: number): number {
  const x = r.next()
  const u = x < 0.4 ? Math.pow(r.next(), 2.5) : x < 0.8 ? 1 - Math.pow(r.next(), 2.5) : r.next()
  return from + Math.floor(u * (to - from))
}

/** `k` distinct indexes of [0, n), skewed towards 0, none in `taken` nor refused by `skip`; fewer if there are not enough. */
function pickDistinct (r: Random, n: number, k: number, skew: number, taken: Set<number>, skip?: (i: number) => boolean): number[] {
  const out: number[] = []
  for (let tries = 0; out.length < k && tries < k * 20; tries++) {
    const i = r.skewed(n, skew)
    if (taken.has(i) || skip?.(i)) continue
    taken.add(i)
    out.push(i)
  }
  for (let i = 0; out.length < k && i < n; i++) {
    if (taken.has(i) || skip?.(i)) continue
    taken.add(i)
    out.push(i)
  }
  return out
}

/** A vote value given a probability of "for" (mixed a sixth of the time). */
function valueOf (r: Random, pFor: number): VoteValue {
  const x = r.next()
  return x < pFor ? 'for' : x < pFor + 0.16 ? 'mixed' : 'against'
}

/** Generates a consultation into `store` (see the module comment). */
export async function generateConsultation (store: Store, options: GenerateOptions): Promise<Generated> {
  const { scale } = options
  if (scale.votes < scale.participants) throw new RangeError('every participant votes at least once: votes must be >= participants')
  const r = seeded(options.seed ?? 2015)
  const progress = options.progress ?? (() => undefined)
  const batchSize = options.batch ?? 50_000
  const run = newId('r', 4).slice(2)
  const userId = idMaker('usr', run)
  const amendmentId = idMaker('amd', run)
  const argumentId = idMaker('arg', run)
  const closes = (options.closesAt ?? new Date()).getTime()
  const opens = closes - 45 * DAY
  const iso = (t: number) => new Date(t).toISOString()

  // People who run the consultation.
  const staffUser = (id: string, role: UserRecord['role'], displayName: string, email: string): UserRecord =>
    ({ id, email: `${email}.${run}@exemple.gouv.fr`, displayName, role, profileType: 'institution', passwordHash: 'x', createdAt: iso(opens - 30 * DAY) })
  const editor = staffUser(`usr_${run}editor000000`, 'author', 'Rapporteure du projet de loi', 'rapporteure')
  const staff = staffUser(`usr_${run}staff0000000`, 'staff', 'Service de la séance', 'seance')
  const moderator = staffUser(`usr_${run}moderator000`, 'moderator', 'Équipe de modération', 'moderation')
  await store.bulkInsert({ users: [editor, staff, moderator] })

  // The bill, published then closed at the end.
  const blocks: BillBlock[] = Array.from({ length: scale.articles }, (_, i) => ({
    kind: 'article', id: `art_${run}${i.toString(36).padStart(12, '0')}`, num: articleOrdinal(i + 1),
    heading: HEADINGS[i % HEADINGS.length], alineas: articleAlineas(r)
  }))
  const articles = blocks.filter(b => b.kind === 'article')
  const billId = newId('bil')
  await store.createBill({
    id: billId, title: 'Projet de loi pour une République numérique (données générées)',
    summary: 'Consultation générée pour les essais : ouverture des données, protection des droits, accès au numérique.',
    status: 'draft', opensAt: null, closesAt: null, editors: [editor.id], revision: 0, createdBy: editor.id,
    createdAt: iso(opens - 7 * DAY), updatedAt: iso(opens - 7 * DAY)
  })
  await store.appendDocUpdate(billId, initialUpdate(blocks))
  await store.publishRevision({
    billId, number: 1, doc: blocksToDoc(blocks), publishedAt: iso(opens), publishedBy: editor.id,
    articles: articles.map(a => ({ id: a.id, num: a.num, heading: a.heading, alineas: a.alineas, hash: articleHash(a.alineas) }))
  }, { revision: 1, status: 'open', opensAt: iso(opens), closesAt: iso(closes), updatedAt: iso(opens) })

  // Participants.
  const P = scale.participants
  for (let i = 0; i < P; i += 10_000) {
    const users: UserRecord[] = []
    for (let j = i; j < Math.min(P, i + 10_000); j++) {
      const x = r.next()
      const profileType: ProfileType = x < 0.965 ? 'citizen' : x < 0.995 ? 'organisation' : 'institution'
      const { displayName, email } = person(r, j, profileType)
      users.push({ id: userId(j), email, displayName, role: 'citizen', profileType, passwordHash: 'x', createdAt: iso(momentIn(r, opens - 30 * DAY, closes)) })
    }
    await store.bulkInsert({ users })
    progress('participants', Math.min(P, i + 10_000), P)
  }

  // Amendments, most on the first articles.
  const A = scale.amendments
  const amendmentArticle = new Uint16Array(A)
  const amendmentTime = new Float64Array(A)
  const amendmentBias = new Float32Array(A)
  for (let i = 0; i < A; i += 500) {
    const batch: AmendmentRecord[] = []
    for (let j = i; j < Math.min(A, i + 500); j++) {
      const a = r.skewed(articles.length, 1.8)
      const article = articles[a]
      const alineas = amendArticle(r, article.alineas)
      const t = momentIn(r, opens, closes - DAY)
      amendmentArticle[j] = a
      amendmentTime[j] = t
      amendmentBias[j] = 0.15 + 0.7 * r.next()
      batch.push({
        id: amendmentId(j), billId, articleId: article.id, authorId: userId(r.int(P)), baseRevision: 1,
        baseAlineas: article.alineas, baseHash: articleHash(article.alineas), alineas, explanation: explanation(r), status: 'proposed',
        ...describeChange(article.alineas, alineas), decision: null, decidedSeq: null, shuffle: r.int(RANDOM_MODULUS),
        createdAt: iso(t), updatedAt: iso(t), ...ARTICLE_AMENDMENT, number: j + 1
      })
    }
    await store.bulkInsert({ amendments: batch })
    progress('amendments', Math.min(A, i + 500), A)
  }

  // Arguments: a long tail, mostly on the first articles, some on amendments.
  const G = scale.arguments
  const argumentAuthor = new Int32Array(G)
  const argumentTime = new Float64Array(G)
  for (let i = 0; i < G; i += 10_000) {
    const batch: ArgumentRecord[] = []
    for (let j = i; j < Math.min(G, i + 10_000); j++) {
      const onAmendment = A > 0 && r.chance(0.15)
      const m = onAmendment ? r.skewed(A, 2.5) : -1
      const a = onAmendment ? amendmentArticle[m] : r.skewed(articles.length, 1.8)
      const side = r.chance(0.55) ? 'for' as const : 'against' as const
      const author = r.int(P)
      const t = momentIn(r, onAmendment ? amendmentTime[m] : opens, closes)
      argumentAuthor[j] = author
      argumentTime[j] = t
      batch.push({
        id: argumentId(j), billId, target: onAmendment ? { type: 'amendment', id: amendmentId(m) } : { type: 'article', id: articles[a].id },
        side, body: argumentBody(r, side, articles[a].heading ?? ''), authorId: userId(author),
        createdAt: iso(t), editedAt: null, deletedAt: null, deletedBy: null
      })
    }
    await store.bulkInsert({ arguments: batch })
    progress('arguments', Math.min(G, i + 10_000), G)
  }

  // Votes: a heavy-tailed budget per participant (at least one each) summing exactly to the scale's votes.
  const V = scale.votes
  const cap = articles.length + Math.floor(A / 2) + Math.floor(G / 2)
  if (V > P * cap) throw new RangeError(`${V} votes do not fit ${P} participants (at most ${cap} each)`)
  const budget = new Uint32Array(P).fill(1)
  const weights = new Float64Array(P)
  let total = 0
  for (let u = 0; u < P; u++) total += weights[u] = Math.pow(1 - r.next(), -1 / 1.3) - 1
  let left = V - P
  const extra = left
  for (let u = 0; u < P; u++) {
    const add = Math.min(cap - 1, Math.floor(extra * weights[u] / total))
    budget[u] += add
    left -= add
  }
  for (let u = r.int(P); left > 0; u = (u + 1) % P) {
    if (budget[u] < cap) { budget[u]++; left-- }
  }
  const articleBias = articles.map(() => 0.3 + 0.5 * r.next())
  let votes: VoteRecord[] = []
  let done = 0
  const flush = async () => {
    await store.bulkInsert({ votes })
    done += votes.length
    votes = []
    progress('votes', done, V)
  }
  for (let u = 0; u < P; u++) {
    const b = budget[u]
    const id = userId(u)
    const kArticles = Math.min(articles.length, Math.max(1, Math.round(b * 0.55)))
    let kAmendments = Math.min(Math.floor(A / 2), Math.round((b - kArticles) * 0.6))
    let kUpvotes = b - kArticles - kAmendments
    if (kUpvotes > Math.floor(G / 2)) { kAmendments += kUpvotes - Math.floor(G / 2); kUpvotes = Math.floor(G / 2) }
    let kArticlesFinal = kArticles
    if (kAmendments > Math.floor(A / 2)) { kArticlesFinal += kAmendments - Math.floor(A / 2); kAmendments = Math.floor(A / 2) }
    for (const a of pickDistinct(r, articles.length, Math.min(articles.length, kArticlesFinal), 1.6, new Set())) {
      votes.push({ userId: id, target: { type: 'article', id: articles[a].id }, billId, value: valueOf(r, articleBias[a]), at: iso(momentIn(r, opens, closes)) })
    }
    for (const m of pickDistinct(r, A, kAmendments, 2.2, new Set())) {
      votes.push({ userId: id, target: { type: 'amendment', id: amendmentId(m) }, billId, value: valueOf(r, amendmentBias[m]), at: iso(momentIn(r, amendmentTime[m], closes)) })
    }
    for (const g of pickDistinct(r, G, kUpvotes, 3, new Set(), g => argumentAuthor[g] === u)) {
      votes.push({ userId: id, target: { type: 'argument', id: argumentId(g) }, billId, value: 'for', at: iso(momentIn(r, argumentTime[g], closes)) })
    }
    if (votes.length >= batchSize) await flush()
  }
  if (votes.length > 0) await flush()
  if (done !== V) throw new Error(`generated ${done} votes instead of ${V}: a participant's budget did not fit`)

  // Decisions (in creation order), withdrawals, moderation.
  let accepted = 0
  let rejected = 0
  let withdrawn = 0
  for (let j = 0; j < A; j++) {
    const x = r.next()
    const at = iso(Math.max(amendmentTime[j] + DAY, closes - 10 * DAY + r.int(9 * DAY)))
    if (x < 0.08) {
      if (await store.decideAmendment(amendmentId(j), 'accepted', { by: editor.id, at, response: response(r, true) })) accepted++
    } else if (x < 0.23) {
      if (await store.decideAmendment(amendmentId(j), 'rejected', { by: editor.id, at, response: response(r, false) })) rejected++
    } else if (x < 0.26) {
      if (await store.withdrawAmendment(amendmentId(j), iso(amendmentTime[j] + 3_600_000))) withdrawn++
    }
    if (j % 500 === 499 || j === A - 1) progress('decisions', j + 1, A)
  }
  const hide = async (type: 'argument' | 'amendment', id: string, at: number) => {
    await store.applyModeration({
      id: newId('mod'), target: { type, id }, billId, action: 'hide', reason: r.pick(['spam', 'offensive', 'off_topic'] as const), by: moderator.id, at: iso(at)
    }, null)
  }
  const hiddenArguments = pickDistinct(r, G, G > 0 ? Math.max(1, Math.round(G * 0.003)) : 0, 1, new Set())
  const hiddenAmendments = pickDistinct(r, A, A > 0 ? Math.max(1, Math.round(A * 0.01)) : 0, 1, new Set())
  for (const g of hiddenArguments) await hide('argument', argumentId(g), argumentTime[g] + 3_600_000)
  for (const m of hiddenAmendments) await hide('amendment', amendmentId(m), amendmentTime[m] + 3_600_000)
  await store.updateBill(billId, { status: 'closed', updatedAt: iso(closes) })
  progress('done', 1, 1)
  return {
    billId,
    editorId: editor.id,
    staffId: staff.id,
    moderatorId: moderator.id,
    counts: { ...scale, accepted, rejected, withdrawn, hiddenArguments: hiddenArguments.length, hiddenAmendments: hiddenAmendments.length }
  }
}
