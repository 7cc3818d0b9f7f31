/**
 * The demo: on an empty store, accounts for each role and a real French bill
 * (proposition de loi n° 3991, 2011, air transport strikes), published and
 * open, so that `npm start` shows something to read, vote on and amend.
 */
import { readFileSync } from 'node:fs'
import type { Ctx } from '../domain/context.ts'
import type { Role } from '../../shared/types.ts'
import type { UserRecord } from '../store/store.ts'
import { register } from '../domain/accounts.ts'
import { createBill, publishBill } from '../domain/bills.ts'
import { seedCouncil } from './council.ts'
import { lawFactoryToBlocks } from '../../shared/lawfactory.ts'
import { voteOnArticle } from '../domain/votes.ts'
import { proposeAmendment, voteOnAmendment } from '../domain/amendments.ts'
import { postArgument } from '../domain/debate.ts'

/** The demo accounts; their passwords are public, so never seed a real deployment (ALINEA_DEMO=0). */
export const DEMO_ACCOUNTS: { email: string; password: string; displayName: string; role: Role; profileType: UserRecord['profileType'] }[] = [
  { email: 'depute@demo.alinea', password: 'demo-depute-2026', displayName: 'Éric Diard (démo)', role: 'author', profileType: 'institution' },
  { email: 'collaboratrice@demo.alinea', password: 'demo-staff-2026', displayName: 'Claire Martin, collaboratrice (démo)', role: 'staff', profileType: 'institution' },
  { email: 'citoyenne@demo.alinea', password: 'demo-citoyenne-2026', displayName: 'Amina Benali (démo)', role: 'citizen', profileType: 'citizen' },
  { email: 'association@demo.alinea', password: 'demo-association-2026', displayName: 'Association des usagers du transport aérien (démo)', role: 'citizen', profileType: 'organisation' },
  { email: 'moderateur@demo.alinea', password: 'demo-moderateur-2026', displayName: 'Modération (démo)', role: 'moderator', profileType: 'institution' },
  { email: 'admin@demo.alinea', password: 'demo-admin-2026', displayName: 'Administration (démo)', role: 'admin', profileType: 'institution' }
]

const DEMO_BILL = new URL('./fr-ppl11-290-depot.json', import.meta.url)

/**
 * Seeds a store that has no bill yet (accounts alone, such as the admin of
 * ALINEA_ADMIN_EMAIL, do not count); demo accounts that already exist are
 * reused. Returns false (and does nothing) when the store has a bill.
 */
export async function seedDemo (ctx: Ctx): Promise<boolean> {
  if ((await ctx.store.listBills({ statuses: [], all: true })).length > 0) return false
  const users: Record<string, UserRecord> = {}
  // Demo accounts are usable at once: their addresses count as verified.
  for (const a of DEMO_ACCOUNTS) users[a.email] = await ctx.store.getUserByEmail(a.email) ?? await register(ctx, a, a.role, { emailVerified: true })
  const author = users['depute@demo.alinea']
  const staff = users['collaboratrice@demo.alinea']
  const json = JSON.parse(readFileSync(DEMO_BILL, 'utf8')) as unknown
  const bill = await createBill(ctx, author, {
    title: 'Proposition de loi relative à l\'organisation du service et à l\'information des passagers dans les entreprises de transport aérien de passagers',
    summary: 'Les passagers du transport aérien doivent être informés à l\'avance des perturbations dues à une grève. Ce texte crée une obligation de déclaration individuelle des salariés 48 heures avant leur participation à un mouvement de grève, et une information des passagers 24 heures à l\'avance.',
    articles: lawFactoryToBlocks(json).flatMap(b => b.kind === 'article' ? [{ num: b.num, heading: b.heading, alineas: b.alineas }] : [])
  })
  // The demo bill asks nothing of participants, so anyone trying Alinea can vote at once.
  await ctx.store.updateBill(bill.id, { editors: [author.id, staff.id], requirements: [] })
  const closesAt = new Date(ctx.now().getTime() + 45 * 86_400_000).toISOString()
  await publishBill(ctx, author, bill.id, { closesAt })
  await seedContributions(ctx, users)
  await seedCouncil(ctx, author, users['citoyenne@demo.alinea'], bill.id)
  return true
}

/** A few votes, amendments and arguments, so the demo shows a consultation under way. */
async function seedContributions (ctx: Ctx, users: Record<string, UserRecord>): Promise<void> {
  const citizen = users['citoyenne@demo.alinea']
  const association = users['association@demo.alinea']
  const staff = users['collaboratrice@demo.alinea']
  const [bill] = await ctx.store.listBills({ statuses: ['open'] })
  const articles = await ctx.store.listArticles(bill.id)
  const [art1, , art3, art4] = articles
  await voteOnArticle(ctx, citizen, art1.id, 'for')
  await voteOnArticle(ctx, association, art1.id, 'for')
  await voteOnArticle(ctx, staff, art1.id, 'mixed')
  await voteOnArticle(ctx, citizen, art3.id, 'against')
  await voteOnArticle(ctx, association, art3.id, 'mixed')
  await voteOnArticle(ctx, association, art4.id, 'for')

  const shorter = art3.alineas.map((a, i) => i === 0 ? a.replace('quarante-huit heures', 'soixante-douze heures') : a)
  const amendment = await proposeAmendment(ctx, association, art3.id, {
    alineas: shorter,
    explanation: 'Un délai de soixante-douze heures laisse aux compagnies le temps de réorganiser les vols et aux passagers celui de changer leurs plans, sans restreindre davantage le droit de grève.',
    baseRevision: bill.revision
  })
  await voteOnAmendment(ctx, citizen, amendment.id, 'for')
  await voteOnAmendment(ctx, staff, amendment.id, 'mixed')
  await proposeAmendment(ctx, citizen, art4.id, {
    alineas: [...art4.alineas, 'Cette information est également diffusée dans un format accessible aux personnes en situation de handicap.'],
    explanation: 'Les passagers en situation de handicap doivent recevoir la même information, dans un format qu\'ils peuvent lire ou entendre.',
    baseRevision: bill.revision
  })

  await postArgument(ctx, citizen, { type: 'article', id: art3.id }, {
    side: 'against',
    body: 'Obliger chaque salarié à se déclarer quarante-huit heures à l\'avance revient à limiter l\'exercice individuel du droit de grève.'
  })
  await postArgument(ctx, association, { type: 'article', id: art3.id }, {
    side: 'for',
    body: 'Les passagers bloqués dans les aéroports sont les premières victimes des grèves imprévues : savoir à l\'avance qui travaille permet de maintenir des vols.'
  })
  await postArgument(ctx, association, { type: 'article', id: art4.id }, {
    side: 'for',
    body: 'Une information fiable vingt-quatre heures avant le départ évite des déplacements inutiles jusqu\'à l\'aéroport.'
  })
}
