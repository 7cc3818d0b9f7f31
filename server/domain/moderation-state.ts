/**
 * What moderation does to how content is shown, for every view that shows
 * contributions (arguments here; amendments in their own views): a hidden
 * contribution keeps its place and its author, and its text becomes
 * "hidden by moderation: <reason>" for everyone but its author.
 */
import type { Ctx, Actor } from './context.ts'
import type { ModerationReason, ModerationTargetType } from '../../shared/types.ts'

/** The text shown in place of hidden content. */
export function hiddenBody (reason: ModerationReason | null): string {
  return `hidden by moderation: ${reason ?? 'other'}`
}

/** Moderators and admins review reports and hide or restore content. */
export function isModerator (actor: Actor): boolean {
  return actor?.role === 'moderator' || actor?.role === 'admin'
}

/** Whether a contribution is hidden, and why. */
export interface Visibility { hidden: boolean; hiddenReason: ModerationReason | null }

const VISIBLE: Visibility = Object.freeze({ hidden: false, hiddenReason: null })

/**
 * The visibility of many contributions of one type, keyed by id (every id
 * is present). One store call; the amendment views use it the same way.
 */
export async function visibilityOf (ctx: Ctx, type: ModerationTargetType, ids: string[]): Promise<Map<string, Visibility>> {
  const states = await ctx.store.getModerationStates(type, ids)
  const out = new Map<string, Visibility>()
  for (const id of ids) {
    const s = states.get(id)
    out.set(id, s?.hidden ? { hidden: true, hiddenReason: s.reason } : VISIBLE)
  }
  return out
}

/** The text a viewer gets: the real one when visible or when the viewer wrote it, else the placeholder. */
export function shownText (text: string, v: Visibility, authorId: string, viewer: Actor): string {
  return v.hidden && viewer?.id !== authorId ? hiddenBody(v.hiddenReason) : text
}
