/**
 * The council's own pages (the council page and the deliberation), one
 * chunk loaded on demand: a reader of a bill never downloads them. Its
 * messages are registered first.
 */
import '../i18n/chunks/council-pages.ts'
export { CouncilPage } from './CouncilPage.tsx'
export { DeliberationPage } from './DeliberationPage.tsx'
