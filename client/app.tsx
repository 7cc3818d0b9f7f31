/**
 * The application: the layout (skip link, header, <main>, notices) and the
 * route table. Later pages (article, amend with its editor loaded on
 * demand, editors' space, synthesis, moderation) are added to ROUTES.
 */
import type { VNode } from 'preact'
import { useLocale } from './i18n/index.ts'
import { sessionEpoch, useSession, type SessionState } from './session.ts'
import { matchRoute, useLocation, type Location } from './router.tsx'
import { t } from './i18n/index.ts'
import { Header } from './components/Header.tsx'
import { Announcer } from './components/Announcer.tsx'
import { HomePage } from './pages/Home.tsx'
import { BillPage } from './pages/Bill.tsx'
import { ArticlePage } from './pages/Article.tsx'
import { AmendPage } from './pages/Amend.tsx'
import { AmendmentPage } from './pages/Amendment.tsx'
import { EditorSpacePage } from './pages/editors-space/EditorSpace.tsx'
import { StaffRoute } from './pages/staff/StaffRoute.tsx'
import { LoginPage } from './pages/Login.tsx'
import { RegisterPage } from './pages/Register.tsx'
import { NotFoundPage } from './pages/NotFound.tsx'
import { AddArticlePage } from './pages/AddArticle.tsx'
import { NewBillPage } from './pages/NewBill.tsx'
import { chunk, LazyPage } from './lazy-chunk.tsx'

interface RouteContext {
  params: Record<string, string>
  loc: Location
  me: SessionState
  /** Changes when the reader signs in or out here: pages reload their data. */
  epoch: number
}

/** The council's pages and the identity pages, loaded on demand with their messages. */
const council = chunk(() => import('./council/council-pages.ts'))
const identity = chunk(() => import('./pages/identity/identity-pages.ts'))

/** Path patterns and the page each one renders, first match wins. */
const ROUTES: [string, (c: RouteContext) => VNode][] = [
  ['/', c => <HomePage epoch={c.epoch} me={c.me} />],
  ['/bills/new', c => <NewBillPage me={c.me} />],
  ['/bills/:id', c => <BillPage id={c.params.id} me={c.me} epoch={c.epoch} />],
  ['/articles/:id', c => <ArticlePage id={c.params.id} me={c.me} epoch={c.epoch} />],
  ['/articles/:id/amend', c => <AmendPage id={c.params.id} me={c.me} epoch={c.epoch} />],
  ['/amendments/:id', c => <AmendmentPage id={c.params.id} me={c.me} epoch={c.epoch} />],
  ['/bills/:id/council', c => <LazyPage of={council} render={m => <m.CouncilPage id={c.params.id} me={c.me} epoch={c.epoch} />} />],
  ['/bills/:id/council/deliberation', c => <LazyPage of={council} render={m => <m.DeliberationPage id={c.params.id} me={c.me} epoch={c.epoch} />} />],
  ['/bills/:id/add-article', c => <AddArticlePage id={c.params.id} query={c.loc.query} me={c.me} epoch={c.epoch} />],
  ['/bills/:id/edit', c => <EditorSpacePage id={c.params.id} me={c.me} epoch={c.epoch} />],
  ['/bills/:id/amendments', c => <StaffRoute page="decisions" id={c.params.id} me={c.me} epoch={c.epoch} query={c.loc.query} />],
  ['/bills/:id/consolidated', c => <StaffRoute page="consolidated" id={c.params.id} me={c.me} epoch={c.epoch} query={c.loc.query} />],
  ['/bills/:id/synthesis', c => <StaffRoute page="synthesis" id={c.params.id} me={c.me} epoch={c.epoch} query={c.loc.query} />],
  ['/moderation', c => <StaffRoute page="moderation" me={c.me} epoch={c.epoch} query={c.loc.query} />],
  ['/account', c => <StaffRoute page="account" me={c.me} epoch={c.epoch} query={c.loc.query} />],
  ['/workspace', c => <StaffRoute page="workspace" me={c.me} epoch={c.epoch} query={c.loc.query} />],
  ['/login', c => <LoginPage next={c.loc.query.get('next')} />],
  ['/register', c => <RegisterPage next={c.loc.query.get('next')} />],
  ['/verify', c => <LazyPage of={identity} render={m => <m.VerifyPage token={c.loc.query.get('token')} />} />],
  ['/forgot-password', () => <LazyPage of={identity} render={m => <m.ForgotPasswordPage />} />],
  ['/reset-password', c => <LazyPage of={identity} render={m => <m.ResetPasswordPage token={c.loc.query.get('token')} />} />],
  ['/unsubscribe', c => <LazyPage of={identity} render={m => <m.UnsubscribePage token={c.loc.query.get('token')} />} />]
]

function renderRoute (c: Omit<RouteContext, 'params'>): VNode {
  for (const [pattern, page] of ROUTES) {
    const params = matchRoute(pattern, c.loc.path)
    if (params) return page({ ...c, params })
  }
  return <NotFoundPage />
}

/** The whole interface; re-renders on navigation, language and session changes. */
export function App () {
  const locale = useLocale()
  const me = useSession()
  const loc = useLocation()
  return (
    <>
      <a class="skip-link" href="#main">{t('skip.toMain')}</a>
      <Header me={me} locale={locale} />
      <Announcer />
      <main id="main" tabIndex={-1} class="wrap">
        <div key={loc.path}>{renderRoute({ loc, me, epoch: sessionEpoch() })}</div>
      </main>
      <footer class="site-footer">
        <div class="wrap"><p>{t('app.name')} — {t('app.tagline')}</p></div>
      </footer>
    </>
  )
}
