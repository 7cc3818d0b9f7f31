/** Entry point: styles, language, router, session, then the first render. */
import './styles.css'
import { render } from 'preact'
import { applyDocumentLanguage } from './i18n/index.ts'
import { startRouter } from './router.tsx'
import { loadSession } from './session.ts'
import { App } from './app.tsx'

applyDocumentLanguage()
startRouter()
void loadSession()
render(<App />, document.getElementById('app')!)
