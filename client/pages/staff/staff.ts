/** The staff pages, one chunk loaded on demand (readers of a bill never download it), with their messages. */
import './staff.css'
import '../../i18n/chunks/staff.ts'
export { DecisionsPage } from './Decisions.tsx'
export { ConsolidatedPage } from './Consolidated.tsx'
export { ModerationPage } from './Moderation.tsx'
export { SynthesisPage } from './Synthesis.tsx'
export { AccountPage } from './Account.tsx'
export { WorkspacePage } from './Workspace.tsx'
