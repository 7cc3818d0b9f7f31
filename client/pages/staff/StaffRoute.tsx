/**
 * The routes of the editors', moderators' and clerks' pages (amendments to
 * decide, consolidated text, moderation, synthesis, account). Their code is
 * one chunk, loaded with a dynamic `import()` the first time one of them is
 * opened, with a notice meanwhile and "Try again" if it fails.
 */
import { chunk, LazyPage } from '../../lazy-chunk.tsx'
import type { SessionState } from '../../session.ts'

/** Which page to show. */
export type StaffPageName = 'decisions' | 'consolidated' | 'moderation' | 'synthesis' | 'account' | 'workspace'

const staffChunk = chunk(() => import('./staff.ts'))

/** One staff page; `id` is the bill's (when the page has one), `query` the address's query. */
export function StaffRoute ({ page, id = '', me, epoch, query }: { page: StaffPageName; id?: string; me: SessionState; epoch: number; query: URLSearchParams }) {
  return (
    <LazyPage of={staffChunk} render={mod => {
      switch (page) {
        case 'decisions': return <mod.DecisionsPage id={id} me={me} epoch={epoch} query={query} />
        case 'consolidated': return <mod.ConsolidatedPage id={id} me={me} epoch={epoch} query={query} />
        case 'moderation': return <mod.ModerationPage me={me} epoch={epoch} />
        case 'synthesis': return <mod.SynthesisPage id={id} me={me} epoch={epoch} />
        case 'account': return <mod.AccountPage me={me} epoch={epoch} />
        case 'workspace': return <mod.WorkspacePage me={me} epoch={epoch} />
      }
    }} />
  )
}
