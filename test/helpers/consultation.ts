/**
 * A small but complete consultation built through the API, for the synthesis
 * and export tests: three articles ("1er", "2", "2 bis"), participants of
 * each profile type, votes, amendments (supported, opposed, decided,
 * withdrawn, hidden), arguments for and against with upvotes (one hidden,
 * one with markup to escape), and the editors' decisions.
 */
import assert from 'node:assert/strict'
import { register } from '../../server/domain/accounts.ts'
import type { ProfileType } from '../../shared/types.ts'
import type { BillView } from '../../shared/api.ts'
import { ApiClient, type ApiResponse, type TestServer } from './server.ts'
import { serverSuite } from './server-suite.ts'

/** A signed-in participant with their email (to check exports never carry it). */
export type Participant = ApiClient & { userId: string; email: string }

/** What the consultation is made of, with the ids the tests look for. */
export interface Consultation {
  bill: BillView
  editor: Participant
  staff: Participant
  moderator: Participant
  people: Participant[]
  articles: { first: string; second: string; third: string }
  amendments: { best: string; second: string; accepted: string; rejected: string; withdrawn: string; hidden: string }
  arguments: { topFor: string; against: string; hidden: string; markup: string; onAmendment: string }
  /** The text of the hidden argument and amendment, which public exports must not contain. */
  hiddenTexts: string[]
  emails: string[]
}

let counter = 0

/** Registers a user with a role and profile type (address verified) and signs them in. */
export async function participant (s: TestServer, role: 'citizen' | 'author' | 'staff' | 'moderator' | 'admin', name: string, profileType: ProfileType = 'citizen'): Promise<Participant> {
  const email = `participant${counter++}.${process.pid}@exemple.fr`
  const password = 'correct horse battery'
  const user = await register(s.app.ctx, { email, password, displayName: name, profileType }, role, { emailVerified: true })
  const c = new ApiClient(s.url)
  const r = await c.call('login', { body: { email, password } })
  assert.equal(r.status, 200)
  return Object.assign(c, { userId: user.id, email })
}

/** The body of an answer that must have `status`. */
async function ok<T> (p: Promise<ApiResponse<T>>, status = 200): Promise<T> {
  const r = await p
  assert.equal(r.status, status, JSON.stringify(r.body))
  return r.body
}

/** Builds the consultation on a running server. */
export async function consultation (s: TestServer): Promise<Consultation> {
  const editor = await participant(s, 'author', 'Députée Rapporteure')
  const staff = await participant(s, 'staff', 'Administrateur du Sénat')
  const moderator = await participant(s, 'moderator', 'Modératrice')
  const created = await ok(editor.call('createBill', { body: {
    title: 'Projet de loi pour une République numérique',
    summary: 'Ouverture des données publiques & <protection> des droits.',
    articles: [
      { num: '1er', heading: 'Ouverture des données', alineas: ['Les administrations publient leurs données.', 'Un décret précise les formats.'] },
      { num: '2', alineas: ['Le délai est de trente jours.', 'Un décret fixe les modalités.'] },
      { num: '2 bis', heading: 'Entrée en vigueur', alineas: ['La présente loi entre en vigueur le 1er janvier.'] }
    ]
  } }), 201)
  const bill = await ok(editor.call('publishBill', { params: { billId: created.id }, body: { closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString() } }))
  const [first, second, third] = bill.articles.map(a => a.id)

  const people: Participant[] = []
  for (let i = 0; i < 8; i++) people.push(await participant(s, 'citizen', `Citoyen ${i}`))
  people.push(await participant(s, 'citizen', 'La Quadrature', 'organisation'))
  people.push(await participant(s, 'citizen', 'Wikimédia France', 'organisation'))
  people.push(await participant(s, 'citizen', 'CNIL', 'institution'))
  const [c0, c1, c2, c3, c4, c5, c6, c7, org1, org2, inst] = people

  // Votes on articles: 1er 5 for, 2 mixed, 1 against; 2: 1 for, 3 against; 2 bis: none.
  const votes: [Participant, string, string][] = [
    [c0, first, 'for'], [c1, first, 'for'], [c2, first, 'for'], [c3, first, 'for'], [org1, first, 'for'],
    [c4, first, 'mixed'], [c5, first, 'mixed'], [inst, first, 'against'],
    [c0, second, 'for'], [c1, second, 'against'], [c2, second, 'against'], [org2, second, 'against']
  ]
  for (const [who, article, value] of votes) await ok(who.put(`/articles/${article}/vote`, { value }))

  const propose = (who: Participant, article: string, alineas: string[], explanation: string) =>
    ok(who.post(`/articles/${article}/amendments`, { alineas, explanation, baseRevision: 1 }), 201)
  const best = await propose(org1, second, ['Le délai est de quinze jours.', 'Un décret fixe les modalités.'], 'Quinze jours suffisent.')
  const secondBest = await propose(c3, second, ['Le délai est de soixante jours.', 'Un décret fixe les modalités.'], 'Laisser du temps.')
  const accepted = await propose(inst, first, ['Les administrations publient leurs données dans un format ouvert.', 'Un décret précise les formats.'], 'Format ouvert.')
  const rejected = await propose(c6, first, ['Les administrations publient leurs données.'], 'Pas besoin de décret.')
  const withdrawn = await propose(c7, third, ['La présente loi entre en vigueur le 1er juillet.'], 'Plus tard.')
  const hidden = await propose(c5, second, ['Le délai est de deux jours.', 'Texte injurieux SECRET-AMENDEMENT.'], 'Exposé injurieux SECRET-EXPOSE.')
  // Support: best 4 for; second 1 for 1 mixed 2 against; hidden 5 for (it must still not be put forward).
  for (const who of [c0, c1, c2, c4]) await ok(who.put(`/amendments/${best.id}/vote`, { value: 'for' }))
  await ok(c0.put(`/amendments/${secondBest.id}/vote`, { value: 'for' }))
  await ok(c1.put(`/amendments/${secondBest.id}/vote`, { value: 'mixed' }))
  for (const who of [c2, c4]) await ok(who.put(`/amendments/${secondBest.id}/vote`, { value: 'against' }))
  for (const who of [c0, c1, c2, c3, c4]) await ok(who.put(`/amendments/${hidden.id}/vote`, { value: 'for' }))
  await ok(c0.put(`/amendments/${accepted.id}/vote`, { value: 'for' }))
  await ok(c7.post(`/amendments/${withdrawn.id}/withdraw`, {}))

  const argue = (who: Participant, path: string, side: 'for' | 'against', body: string) =>
    ok(who.post(`${path}/arguments`, { side, body }), 201)
  const topFor = await argue(c0, `/articles/${first}`, 'for', 'La transparence renforce la confiance.')
  const otherFor = await argue(org2, `/articles/${first}`, 'for', 'Les chercheurs en ont besoin.')
  const against = await argue(c1, `/articles/${first}`, 'against', 'Le coût pour les petites communes.')
  const markup = await argue(c2, `/articles/${second}`, 'against', '<script>alert("x")</script> & « guillemets »')
  const hiddenArg = await argue(c3, `/articles/${first}`, 'for', 'Argument injurieux SECRET-ARGUMENT.')
  const onAmendment = await argue(c4, `/amendments/${best.id}`, 'for', 'Quinze jours, c\'est raisonnable.')
  for (const who of [c1, c2, c3]) await ok(who.put(`/arguments/${topFor.id}/vote`))
  await ok(c0.put(`/arguments/${otherFor.id}/vote`))
  for (const who of [c0, c1, c2, c4, c5]) await ok(who.put(`/arguments/${hiddenArg.id}/vote`))

  for (const target of [{ type: 'argument', id: hiddenArg.id }, { type: 'amendment', id: hidden.id }]) {
    await ok(moderator.post('/moderation/actions', { target, action: 'hide', reason: 'offensive' }), 201)
  }
  await ok(editor.post(`/amendments/${accepted.id}/decision`, { status: 'accepted', response: 'Adopté : le format ouvert s\'impose.' }))
  await ok(editor.post(`/amendments/${rejected.id}/decision`, { status: 'rejected', response: 'Le décret reste nécessaire.' }))

  return {
    bill: await ok(editor.get(`/bills/${bill.id}`)),
    editor,
    staff,
    moderator,
    people,
    articles: { first, second, third },
    amendments: { best: best.id, second: secondBest.id, accepted: accepted.id, rejected: rejected.id, withdrawn: withdrawn.id, hidden: hidden.id },
    arguments: { topFor: topFor.id, against: against.id, hidden: hiddenArg.id, markup: markup.id, onAmendment: onAmendment.id },
    hiddenTexts: ['SECRET-ARGUMENT', 'SECRET-AMENDEMENT', 'SECRET-EXPOSE'],
    emails: [editor, staff, moderator, ...people].map(p => p.email)
  }
}

/** A synthesis and export test file's fixture: its server, the consultation built on it, and the synthesis as the public reads it. */
export interface ConsultationSuite {
  s: TestServer
  c: Consultation
  syn: any
}

/**
 * Call first in a mocha `describe`: `const { s, c, syn } = consultationSuite()`
 * starts a server for the file (`serverSuite`), builds the consultation on it
 * and reads its synthesis (a 200) in one `before`; `c` and `syn` stand for
 * them in later hooks and tests. `prepare` adds to the consultation before
 * the synthesis is read.
 */
export function consultationSuite (prepare?: (c: Consultation) => Promise<void>): ConsultationSuite {
  const s = serverSuite()
  let built: { c: Consultation; syn: object } | null = null
  before(async () => {
    const c = await consultation(s)
    await prepare?.(c)
    const r = await s.client().get(`/bills/${c.bill.id}/synthesis`)
    assert.equal(r.status, 200, JSON.stringify(r.body))
    built = { c, syn: r.body }
  })
  return { s, c: builtLater(() => built?.c, 'consultation'), syn: builtLater(() => built?.syn, 'synthesis') }
}

/** Stands for the object `value()` returns once a hook has built it (reading, keys and JSON pass through). */
function builtLater<T extends object> (value: () => T | undefined, what: string): T {
  const target = (): T => {
    const v = value()
    if (!v) throw new Error(`the ${what} is used before the suite's hook built it`)
    return v
  }
  return new Proxy({} as T, {
    get: (_, key) => Reflect.get(target(), key),
    has: (_, key) => Reflect.has(target(), key),
    ownKeys: () => Reflect.ownKeys(target()),
    getOwnPropertyDescriptor: (_, key) => Reflect.getOwnPropertyDescriptor(target(), key)
  })
}

/** Downloads an export as bytes with its status and headers. */
export async function download (c: ApiClient, path: string): Promise<{ status: number; headers: Headers; bytes: Buffer; text: string }> {
  const headers: Record<string, string> = {}
  if (c.cookie) headers.cookie = c.cookie
  if (c.token) headers.authorization = `Bearer ${c.token}`
  const res = await fetch(`${c.base}/api/v1${path}`, { headers })
  const bytes = Buffer.from(await res.arrayBuffer())
  return { status: res.status, headers: res.headers, bytes, text: bytes.toString('utf8') }
}
