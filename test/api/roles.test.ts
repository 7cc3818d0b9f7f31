/**
 * Each route for each role: the status every kind of actor gets.
 * "editor" is the author who created the bill; "author" is another author.
 */
import assert from 'node:assert/strict'
import { publishedBill, type ApiClient } from '../helpers/server.ts'
import { serverSuite } from '../helpers/server-suite.ts'

type Who = 'anonymous' | 'citizen' | 'author' | 'editor' | 'staff' | 'moderator' | 'admin'
const WHO: Who[] = ['anonymous', 'citizen', 'author', 'editor', 'staff', 'moderator', 'admin']

interface Fixture { open: any; draft: any; article: string; someUser: string; argument: string; amendment: string }
interface Case {
  route: string
  call: (c: ApiClient, f: Fixture) => Promise<{ status: number }>
  expect: Partial<Record<Who, number>> & { default: number }
}

const future = () => new Date(Date.now() + 7 * 86_400_000).toISOString()

/** Proposes an amendment as `c` then calls `then` with its id; the proposal's own status when it fails. */
async function ownAmendment (c: ApiClient, f: Fixture, then: (id: string) => Promise<{ status: number }>): Promise<{ status: number }> {
  const r = await c.post(`/articles/${f.article}/amendments`, { alineas: ['Le mien.'], explanation: 'Pourquoi.', baseRevision: 1 })
  return r.status === 201 ? then(r.body.id) : r
}

const CASES: Case[] = [
  { route: 'GET /me', call: c => c.get('/me'), expect: { default: 200, anonymous: 401 } },
  { route: 'POST /auth/tokens', call: c => c.post('/auth/tokens', {}), expect: { default: 201, anonymous: 401 } },
  { route: 'PATCH /users/:id', call: (c, f) => c.patch(`/users/${f.someUser}`, { role: 'citizen' }), expect: { default: 403, anonymous: 401, admin: 200 } },
  { route: 'GET /bills', call: c => c.get('/bills'), expect: { default: 200 } },
  { route: 'POST /bills', call: c => c.post('/bills', { title: 'T', articles: [{ num: '1er', alineas: ['x'] }] }), expect: { default: 403, anonymous: 401, author: 201, editor: 201, admin: 201 } },
  { route: 'GET /bills/:id (open)', call: (c, f) => c.get(`/bills/${f.open.id}`), expect: { default: 200 } },
  { route: 'GET /bills/:id (draft)', call: (c, f) => c.get(`/bills/${f.draft.id}`), expect: { default: 404, editor: 200, admin: 200 } },
  { route: 'PATCH /bills/:id (open)', call: (c, f) => c.patch(`/bills/${f.open.id}`, { summary: 'S' }), expect: { default: 403, anonymous: 401, editor: 200, admin: 200 } },
  { route: 'PATCH /bills/:id (draft)', call: (c, f) => c.patch(`/bills/${f.draft.id}`, { summary: 'S' }), expect: { default: 404, editor: 200, admin: 200 } },
  { route: 'POST /bills/:id/publish (draft)', call: (c, f) => c.post(`/bills/${f.draft.id}/publish`, { closesAt: future() }), expect: { default: 404, editor: 200, admin: 200 } },
  { route: 'POST /bills/:id/close', call: (c, f) => c.post(`/bills/${f.open.id}/close`), expect: { default: 403, anonymous: 401, editor: 200, admin: 200 } },
  { route: 'GET /bills/:id/revisions/1', call: (c, f) => c.get(`/bills/${f.open.id}/revisions/1`), expect: { default: 200 } },
  { route: 'GET /bills/:id/revisions/1 (draft)', call: (c, f) => c.get(`/bills/${f.draft.id}/revisions/1`), expect: { default: 404 } },
  { route: 'GET /articles/:id', call: (c, f) => c.get(`/articles/${f.article}`), expect: { default: 200 } },
  { route: 'PUT /articles/:id/vote', call: (c, f) => c.put(`/articles/${f.article}/vote`, { value: 'for' }), expect: { default: 200, anonymous: 401 } },
  { route: 'DELETE /articles/:id/vote', call: (c, f) => c.delete(`/articles/${f.article}/vote`), expect: { default: 200, anonymous: 401 } },
  { route: 'GET /nowhere', call: c => c.get('/nowhere'), expect: { default: 404 } },
  // debate and moderation (f.argument is another citizen's argument on f.article)
  { route: 'GET /articles/:id/arguments', call: (c, f) => c.get(`/articles/${f.article}/arguments`), expect: { default: 200 } },
  { route: 'POST /articles/:id/arguments', call: (c, f) => c.post(`/articles/${f.article}/arguments`, { side: 'for', body: 'Pour.' }), expect: { default: 201, anonymous: 401 } },
  { route: 'GET /arguments/:id', call: (c, f) => c.get(`/arguments/${f.argument}`), expect: { default: 200 } },
  { route: 'PATCH /arguments/:id (another\'s)', call: (c, f) => c.patch(`/arguments/${f.argument}`, { body: 'Changé.' }), expect: { default: 403, anonymous: 401 } },
  { route: 'DELETE /arguments/:id (another\'s)', call: (c, f) => c.delete(`/arguments/${f.argument}`), expect: { default: 403, anonymous: 401, moderator: 204, admin: 204 } },
  { route: 'PUT /arguments/:id/vote', call: (c, f) => c.put(`/arguments/${f.argument}/vote`), expect: { default: 200, anonymous: 401 } },
  { route: 'DELETE /arguments/:id/vote', call: (c, f) => c.delete(`/arguments/${f.argument}/vote`), expect: { default: 200, anonymous: 401 } },
  { route: 'POST /reports', call: (c, f) => c.post('/reports', { target: { type: 'argument', id: f.argument }, reason: 'spam' }), expect: { default: 201, anonymous: 401 } },
  { route: 'GET /moderation/queue', call: c => c.get('/moderation/queue'), expect: { default: 403, anonymous: 401, moderator: 200, admin: 200 } },
  { route: 'POST /moderation/actions', call: (c, f) => c.post('/moderation/actions', { target: { type: 'argument', id: f.argument }, action: 'hide', reason: 'spam' }), expect: { default: 403, anonymous: 401, moderator: 201, admin: 201 } },
  { route: 'GET /moderation/log', call: c => c.get('/moderation/log'), expect: { default: 403, anonymous: 401, moderator: 200, admin: 200 } },
  { route: 'GET /me/notifications', call: c => c.get('/me/notifications'), expect: { default: 200, anonymous: 401 } },
  { route: 'GET /amendments/:id/arguments', call: (c, f) => c.get(`/amendments/${f.amendment}/arguments`), expect: { default: 200 } },
  { route: 'POST /amendments/:id/arguments', call: (c, f) => c.post(`/amendments/${f.amendment}/arguments`, { side: 'against', body: 'Contre.' }), expect: { default: 201, anonymous: 401 } },
  { route: 'POST /reports (amendment)', call: (c, f) => c.post('/reports', { target: { type: 'amendment', id: f.amendment }, reason: 'off_topic' }), expect: { default: 201, anonymous: 401 } },
  { route: 'POST /moderation/actions (amendment)', call: (c, f) => c.post('/moderation/actions', { target: { type: 'amendment', id: f.amendment }, action: 'hide', reason: 'off_topic' }), expect: { default: 403, anonymous: 401, moderator: 201, admin: 201 } },
  // amendments (f.amendment is another citizen's proposed amendment to f.article)
  { route: 'GET /articles/:id/amendments', call: (c, f) => c.get(`/articles/${f.article}/amendments?sort=random`), expect: { default: 200 } },
  { route: 'GET /bills/:id/amendments (open)', call: (c, f) => c.get(`/bills/${f.open.id}/amendments`), expect: { default: 200 } },
  { route: 'GET /bills/:id/amendments (draft)', call: (c, f) => c.get(`/bills/${f.draft.id}/amendments`), expect: { default: 404, editor: 200, admin: 200 } },
  { route: 'POST /articles/:id/amendments', call: (c, f) => c.post(`/articles/${f.article}/amendments`, { alineas: ['Mon texte.'], explanation: 'Pourquoi.', baseRevision: 1 }), expect: { default: 201, anonymous: 401 } },
  { route: 'GET /amendments/:id', call: (c, f) => c.get(`/amendments/${f.amendment}`), expect: { default: 200 } },
  { route: 'PUT /amendments/:id/vote', call: (c, f) => c.put(`/amendments/${f.amendment}/vote`, { value: 'mixed' }), expect: { default: 200, anonymous: 401 } },
  { route: 'DELETE /amendments/:id/vote', call: (c, f) => c.delete(`/amendments/${f.amendment}/vote`), expect: { default: 200, anonymous: 401 } },
  { route: 'POST /amendments/:id/decision', call: (c, f) => c.post(`/amendments/${f.amendment}/decision`, { status: 'accepted', response: 'Oui.' }), expect: { default: 403, anonymous: 401, editor: 200, admin: 200 } },
  { route: 'POST /amendments/:id/withdraw (another\'s)', call: (c, f) => c.post(`/amendments/${f.amendment}/withdraw`), expect: { default: 403, anonymous: 401 } },
  { route: 'POST /amendments/:id/withdraw (own)', call: (c, f) => ownAmendment(c, f, id => c.post(`/amendments/${id}/withdraw`)), expect: { default: 200, anonymous: 401 } },
  { route: 'POST /amendments/:id/rebase (another\'s)', call: (c, f) => c.post(`/amendments/${f.amendment}/rebase`, {}), expect: { default: 403, anonymous: 401 } },
  { route: 'POST /amendments/:id/rebase (own, not stale)', call: (c, f) => ownAmendment(c, f, id => c.post(`/amendments/${id}/rebase`, {})), expect: { default: 409, anonymous: 401 } },
  { route: 'GET /bills/:id/consolidated (open)', call: (c, f) => c.get(`/bills/${f.open.id}/consolidated`), expect: { default: 200 } },
  { route: 'GET /bills/:id/consolidated (draft)', call: (c, f) => c.get(`/bills/${f.draft.id}/consolidated`), expect: { default: 404, editor: 200, admin: 200 } },
  // synthesis and exports: open data for anyone, reports, tables and the staff audience for staff, editors and admins
  { route: 'GET /bills/:id/synthesis (open)', call: (c, f) => c.get(`/bills/${f.open.id}/synthesis`), expect: { default: 200 } },
  { route: 'GET /bills/:id/synthesis (draft)', call: (c, f) => c.get(`/bills/${f.draft.id}/synthesis`), expect: { default: 404, editor: 200, admin: 200 } },
  ...(['json', 'akn'] as const).flatMap((format): Case[] => [
    { route: `GET /bills/:id/export?format=${format}`, call: (c, f) => c.get(`/bills/${f.open.id}/export?format=${format}`), expect: { default: 200 } },
    { route: `GET /bills/:id/export?format=${format}&audience=staff`, call: (c, f) => c.get(`/bills/${f.open.id}/export?format=${format}&audience=staff`), expect: { default: 403, anonymous: 401, editor: 200, staff: 200, admin: 200 } }
  ]),
  ...(['csv', 'xlsx', 'docx', 'html', 'pdf'] as const).map((format): Case =>
    ({ route: `GET /bills/:id/export?format=${format}`, call: (c, f) => c.get(`/bills/${f.open.id}/export?format=${format}`), expect: { default: 403, anonymous: 401, editor: 200, staff: 200, admin: 200 } })),
  { route: 'GET /bills/:id/export?format=json (draft)', call: (c, f) => c.get(`/bills/${f.draft.id}/export?format=json`), expect: { default: 404, editor: 200, admin: 200 } },
  { route: 'GET /bills/:id/export?format=docx (draft)', call: (c, f) => c.get(`/bills/${f.draft.id}/export?format=docx`), expect: { default: 404, editor: 200, admin: 200 } }
]

describe('API: each route for each role', () => {
  const clients = {} as Record<Who, ApiClient>
  let editor: ApiClient
  let someUser: string
  let arguer: ApiClient
  let proposer: ApiClient
  const s = serverSuite()
  before(async () => {
    editor = await s.as('author', 'editor')
    clients.anonymous = s.client()
    clients.editor = editor
    for (const w of ['citizen', 'author', 'staff', 'moderator', 'admin'] as const) clients[w] = await s.as(w)
    someUser = (await s.as('citizen')).userId
    arguer = await s.as('citizen')
    proposer = await s.as('citizen')
  })

  async function fixture (): Promise<Fixture> {
    const open = await publishedBill(editor)
    const draft = (await editor.post('/bills', { title: 'Brouillon', articles: [{ num: '1er', alineas: ['Texte.'] }] })).body
    const argument = (await arguer.post(`/articles/${open.articles[0].id}/arguments`, { side: 'against', body: 'Contre.' })).body.id
    const amendment = (await proposer.post(`/articles/${open.articles[0].id}/amendments`, { alineas: ['Autre texte.'], explanation: 'Pourquoi.', baseRevision: 1 })).body.id
    return { open, draft, article: open.articles[0].id, someUser, argument, amendment }
  }

  for (const c of CASES) {
    it(c.route, async () => {
      const got: Record<string, number> = {}
      const want: Record<string, number> = {}
      for (const w of WHO) {
        const f = await fixture()
        got[w] = (await c.call(clients[w], f)).status
        want[w] = c.expect[w] ?? c.expect.default
      }
      assert.deepEqual(got, want)
    })
  }
})
