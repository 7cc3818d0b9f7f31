import assert from 'node:assert/strict'
import { serverSuite } from '../helpers/server-suite.ts'
import { participant, download, type Participant } from '../helpers/consultation.ts'
import { verifyAudit } from '../../server/domain/council/verify.ts'
import { unzipMember } from '../helpers/files.ts'

/**
 * The citizens' council through the API, per role: editors set up, commit
 * and draw; citizens volunteer and withdraw; answers never appear in public
 * data or exports; members alone deliberate; the opinion is published and
 * shows in the council, the synthesis and the reports.
 */
const SETUP = {
  size: 4,
  closesAt: null,
  commitmentText: 'Trois samedis de travail en janvier.',
  categories: [
    { key: 'gender', label: 'Genre', values: [{ key: 'f', label: 'Femme', min: 2, max: 2 }, { key: 'm', label: 'Homme', min: 2, max: 2 }] },
    { key: 'age', label: 'Âge', values: [{ key: 'young', label: '18-39', min: 1, max: 3 }, { key: 'old', label: '40 et plus', min: 1, max: 3 }] }
  ]
}

async function ok (p: Promise<{ status: number; body: any }>, status = 200): Promise<any> {
  const r = await p
  assert.equal(r.status, status, JSON.stringify(r.body))
  return r.body
}

describe('citizens\' council (API)', function () {
  this.timeout(60_000)
  const s = serverSuite()
  let editor: Participant
  let citizens: Participant[]
  let bill: any
  const base = () => `/bills/${bill.id}/council`

  before(async () => {
    editor = await participant(s, 'author', 'Rapporteure')
    const created = await ok(editor.post('/bills', {
      title: 'Projet de loi climat', summary: 'Un texte.',
      articles: [{ num: '1er', alineas: ['Premier alinéa.'] }, { num: '2', alineas: ['Second alinéa.'] }]
    }), 201)
    bill = await ok(editor.post(`/bills/${created.id}/publish`, { closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString() }))
    citizens = []
    for (let i = 0; i < 10; i++) citizens.push(await participant(s, 'citizen', `Volontaire ${i}`))
  })

  it('lets editors only set up the council; anyone reads it', async () => {
    assert.equal((await s.client().put(base(), SETUP)).status, 401)
    assert.equal((await citizens[0]!.put(base(), SETUP)).status, 403)
    assert.equal((await s.client().get(base())).status, 404)
    assert.equal((await editor.put(base(), { ...SETUP, size: 0 })).status, 400)
    const council = await ok(editor.put(base(), SETUP), 201)
    assert.equal(council.status, 'recruiting')
    const again = await ok(editor.put(base(), { ...SETUP, commitmentText: 'Quatre samedis.' }))
    assert.equal(again.commitmentText, 'Quatre samedis.')
    const pub = await ok(s.client().get(base()))
    assert.equal(pub.size, 4)
    assert.equal(pub.volunteersCount, 0)
  })

  it('lets signed-in people volunteer with valid answers, change them and withdraw', async () => {
    assert.equal((await s.client().post(`${base()}/volunteers`, { answers: { gender: 'f', age: 'young' } })).status, 401)
    assert.equal((await citizens[0]!.post(`${base()}/volunteers`, { answers: { gender: 'x', age: 'young' } })).status, 400)
    assert.equal((await citizens[0]!.post(`${base()}/volunteers`, { answers: { gender: 'f' } })).status, 400)
    const answers = [
      ['f', 'young'], ['f', 'old'], ['f', 'old'], ['m', 'young'], ['m', 'old'], ['m', 'young'], ['f', 'young'], ['m', 'old'], ['f', 'old'], ['m', 'old']
    ]
    for (const [i, [gender, age]] of answers.entries()) {
      const me = await ok(citizens[i]!.post(`${base()}/volunteers`, { answers: { gender, age } }), 201)
      assert.equal(me.volunteered, true)
      assert.deepEqual(me.answers, { gender, age })
    }
    // change one's answers, withdraw, come back
    await ok(citizens[9]!.post(`${base()}/volunteers`, { answers: { gender: 'm', age: 'young' } }), 201)
    assert.equal((await ok(citizens[9]!.delete(`${base()}/volunteers`))).volunteered, false)
    assert.equal((await citizens[9]!.delete(`${base()}/volunteers`)).status, 404)
    const council = await ok(s.client().get(base()))
    assert.equal(council.volunteersCount, 9)
    const count = (cat: string, value: string) => council.categories.find((c: any) => c.key === cat).values.find((v: any) => v.key === value).volunteers
    assert.equal(count('gender', 'f'), 5)
    assert.equal(count('gender', 'm'), 4)
    assert.equal(count('age', 'young'), 4)
    // counts only: no volunteer appears in public data
    const text = JSON.stringify(council)
    for (const c of citizens) assert.ok(!text.includes(c.userId), 'a volunteer id in public data')
    assert.ok(!text.includes('"answers"'))
    // categories cannot change once people answered them
    const changed = { ...SETUP, categories: [SETUP.categories[0]] }
    assert.equal((await editor.put(base(), changed)).status, 422)
  })

  it('explains infeasible quotas at the commitment (422 quotas_infeasible) and changes nothing', async () => {
    const impossible = { ...SETUP, categories: [{ ...SETUP.categories[0]!, values: [{ key: 'f', label: 'Femme', min: 4, max: 4 }, { key: 'm', label: 'Homme', min: 0, max: 0 }] }, SETUP.categories[1]] }
    await ok(editor.put(base(), impossible))
    await ok(editor.put(base(), { ...impossible, categories: [{ ...impossible.categories[0], values: [{ key: 'f', label: 'Femme', min: 6, max: 6 }, { key: 'm', label: 'Homme', min: 0, max: 0 }] }, SETUP.categories[1]] }))
    const r = await editor.post(`${base()}/commit`, { publicRandomness: 'Loto du 6 décembre' })
    assert.equal(r.status, 422)
    assert.equal(r.body.error.code, 'quotas_infeasible')
    const reasons = r.body.error.details.reasons
    assert.ok(reasons.some((x: any) => x.category === 'gender' && x.value === 'f' && x.volunteers === 5 && x.minimum === 6), JSON.stringify(reasons))
    assert.equal((await ok(s.client().get(base()))).status, 'recruiting')
    await ok(editor.put(base(), SETUP))
  })

  it('lets editors only commit, then freezes the pool', async () => {
    assert.equal((await citizens[0]!.post(`${base()}/commit`, { publicRandomness: 'x' })).status, 403)
    assert.equal((await editor.post(`${base()}/commit`, { publicRandomness: '' })).status, 400)
    assert.equal((await editor.post(`${base()}/draw`, { value: '1 2 3' })).status, 422)
    const council = await ok(editor.post(`${base()}/commit`, { publicRandomness: 'Les numéros du Loto du samedi 6 décembre 2026' }))
    assert.equal(council.status, 'committed')
    assert.match(council.commitment.hash, /^[0-9a-f]{64}$/)
    assert.equal(council.commitment.algorithm, 'alinea-maximin/1')
    const late = await citizens[9]!.post(`${base()}/volunteers`, { answers: { gender: 'm', age: 'old' } })
    assert.equal(late.status, 422)
    assert.equal((await citizens[0]!.delete(`${base()}/volunteers`)).status, 422)
    assert.equal((await editor.put(base(), SETUP)).status, 422)
    assert.equal((await s.client().get(`${base()}/audit`)).status, 404)
  })

  it('lets editors only draw; the panel meets the quotas, members are told, the audit verifies', async () => {
    const drawn: { members: string[] }[] = []
    const off = s.app.ctx.events.on('council:drawn', p => { drawn.push(p) })
    assert.equal((await citizens[0]!.post(`${base()}/draw`, { value: '5 12 23 34 45' })).status, 403)
    const council = await ok(editor.post(`${base()}/draw`, { value: '5 12 23 34 45' }))
    off()
    assert.equal(council.status, 'drawn')
    assert.equal(council.members.length, 4)
    assert.equal(council.alternates, 5)
    for (const cat of council.categories) for (const v of cat.values) assert.ok(v.seated >= v.min && v.seated <= v.max, `${cat.key}=${v.key}: ${v.seated}`)
    assert.equal(drawn.length, 1)
    assert.deepEqual([...drawn[0]!.members].sort(), council.members.map((m: any) => m.id).sort())
    assert.equal((await editor.post(`${base()}/draw`, { value: 'again' })).status, 422)

    const audit = await ok(s.client().get(`${base()}/audit`))
    const text = JSON.stringify(audit)
    for (const c of [editor, ...citizens]) {
      assert.ok(!text.includes(c.userId), 'a user id in the audit')
      assert.ok(!text.includes(c.email), 'an email in the audit')
    }
    assert.equal(audit.pool.length, 9)
    assert.equal(audit.probabilities.reduce((a: number, p: any) => a + p.numerator / p.denominator, 0).toFixed(9), (4).toFixed(9))
    const verdict = await verifyAudit(audit)
    assert.deepEqual(verdict, { ok: true, problems: [] })

    const member = citizens.find(c => council.members.some((m: any) => m.id === c.userId))!
    const me = await ok(member.get(`${base()}/me`))
    assert.equal(me.member, true)
    assert.ok(audit.result.members.includes(me.pseudonym))
  })

  it('keeps answers out of public data and exports', async () => {
    const texts = [
      JSON.stringify(await ok(s.client().get(base()))),
      JSON.stringify(await ok(s.client().get(`/bills/${bill.id}/synthesis`))),
      (await download(s.client(), `/bills/${bill.id}/export?format=json`)).text,
      (await download(editor, `/bills/${bill.id}/export?format=html`)).text
    ]
    const council = await ok(s.client().get(base()))
    const memberIds = new Set(council.members.map((m: any) => m.id))
    for (const t of texts) {
      assert.ok(!t.includes('"answers"'))
      assert.ok(!t.includes('c_'), 'no pseudonym outside the audit')
      for (const c of citizens) if (!memberIds.has(c.userId)) assert.ok(!t.includes(c.userId), 'a volunteer who was not drawn appears')
    }
    const synthesis = await ok(s.client().get(`/bills/${bill.id}/synthesis`))
    assert.equal(synthesis.council.status, 'drawn')
    assert.equal(synthesis.council.categories[0].values[0].volunteers, 5)
  })

  it('lets editors set the agenda, members alone deliberate, and publishes the opinion', async () => {
    const council = await ok(s.client().get(base()))
    const members = citizens.filter(c => council.members.some((m: any) => m.id === c.userId))
    const outsider = citizens.find(c => !council.members.some((m: any) => m.id === c.userId))!
    const article = bill.articles[0].id
    assert.equal((await members[0]!.post(`${base()}/agenda`, { target: { type: 'article', id: article } })).status, 403)
    assert.equal((await editor.post(`${base()}/agenda`, { target: { type: 'article', id: 'art_nope' } })).status, 404)
    const withItem = await ok(editor.post(`${base()}/agenda`, { target: { type: 'article', id: article }, note: 'Le plus débattu' }), 201)
    assert.equal((await editor.post(`${base()}/agenda`, { target: { type: 'article', id: article } })).status, 409)
    const item = withItem.agenda[0]
    assert.equal(item.articleId, article)
    assert.equal((await ok(editor.get(`${base()}/proposals`))).debatedArticles.length, 0)

    assert.equal((await s.client().get(`${base()}/deliberation`)).status, 401)
    assert.equal((await outsider.get(`${base()}/deliberation`)).status, 403)
    assert.equal((await editor.get(`${base()}/deliberation`)).status, 403)
    assert.equal((await outsider.post(`${base()}/agenda/${item.id}/arguments`, { side: 'for', body: 'Moi aussi' })).status, 403)
    assert.equal((await outsider.put(`${base()}/agenda/${item.id}/vote`, { value: 'for' })).status, 403)

    const d = await ok(members[0]!.post(`${base()}/agenda/${item.id}/arguments`, { side: 'for', body: 'Cet article protège le climat.' }), 201)
    assert.equal(d.items[0].arguments[0].body, 'Cet article protège le climat.')
    await ok(members[0]!.put(`${base()}/agenda/${item.id}/vote`, { value: 'for' }))
    await ok(members[1]!.put(`${base()}/agenda/${item.id}/vote`, { value: 'against' }))
    const tally = await ok(members[1]!.put(`${base()}/agenda/${item.id}/vote`, { value: 'for' }))
    assert.deepEqual(tally, { for: 2, mixed: 0, against: 0 })
    assert.equal((await outsider.put(`${base()}/agenda/${item.id}/opinion`, { text: 'Avis' })).status, 403)
    const opinion = await ok(members[2]!.put(`${base()}/agenda/${item.id}/opinion`, { text: 'Le conseil soutient l\'article premier.' }))
    assert.deepEqual(opinion.vote, { for: 2, mixed: 0, against: 0 })

    const pub = await ok(s.client().get(base()))
    assert.equal(pub.opinions[0].text, 'Le conseil soutient l\'article premier.')
    assert.equal(pub.agenda[0].opinion.text, 'Le conseil soutient l\'article premier.')
    assert.ok(!JSON.stringify(pub).includes('Cet article protège le climat.'), 'members\' arguments stay private')
    const synthesis = await ok(s.client().get(`/bills/${bill.id}/synthesis`))
    assert.equal(synthesis.council.opinions[0].text, 'Le conseil soutient l\'article premier.')
    assert.equal(synthesis.council.opinions[0].articleId, article)
    const html = (await download(editor, `/bills/${bill.id}/export?format=html`)).text
    assert.ok(html.includes('Le conseil soutient l&#39;article premier.'))
    const json = (await download(s.client(), `/bills/${bill.id}/export?format=json`)).text
    assert.ok(json.includes('Le conseil soutient l\'article premier.'))
    const docx = await download(editor, `/bills/${bill.id}/export?format=docx`)
    assert.ok((await unzipMember(docx.bytes, 'word/document.xml')).includes('Le conseil soutient l&apos;article premier.') ||
      (await unzipMember(docx.bytes, 'word/document.xml')).includes('Le conseil soutient l\'article premier.'), 'the opinion in the Word report')
    const xlsx = await download(editor, `/bills/${bill.id}/export?format=xlsx`)
    const sheet = await unzipMember(xlsx.bytes, 'xl/worksheets/sheet6.xml')
    assert.ok(sheet.includes('premier.') && sheet.includes('Composition'), 'the council sheet of the workbook')
    assert.equal((await editor.delete(`${base()}/agenda/${item.id}`)).status, 422)
  })

  it('replaces a member who declines with the first alternate of the same stratum, logged in the audit', async () => {
    const before = await ok(s.client().get(base()))
    const member = citizens.find(c => before.members.some((m: any) => m.id === c.userId))!
    const outsider = citizens.find(c => !before.members.some((m: any) => m.id === c.userId) && c !== citizens[9])!
    assert.equal((await outsider.post(`${base()}/decline`, {})).status, 403)
    const audit0 = await ok(s.client().get(`${base()}/audit`))
    const mine = (await ok(member.get(`${base()}/me`))).pseudonym
    const stratum = audit0.distribution.strata.find((x: any) => x.members.includes(mine))
    const expected = audit0.result.alternates.find((a: any) => a.stratum === stratum.key).ids[0] ?? null
    const after = await ok(member.post(`${base()}/decline`, {}))
    assert.equal(after.log.length, 1)
    assert.equal(after.log[0].member.id, member.userId)
    assert.ok(!after.members.some((m: any) => m.id === member.userId))
    for (const cat of after.categories) for (const v of cat.values) assert.ok(v.seated >= v.min && v.seated <= v.max, `${cat.key}=${v.key}: ${v.seated}`)
    const audit = await ok(s.client().get(`${base()}/audit`))
    assert.deepEqual(audit.replacements.map((r: any) => [r.declined, r.replacement]), [[mine, expected ?? audit.replacements[0].replacement]])
    assert.equal((await verifyAudit(audit)).ok, true)
    assert.equal((await ok(member.get(`${base()}/me`))).declined, true)
  })
})
