/**
 * Presence in the editor (Yjs awareness): what this editor announces
 * (`user: { name, color }`; the server stamps the real `id`, `name` and
 * `canEdit` over it), who else is there, and how their cursors are drawn.
 *
 * Awareness states come from other people's browsers: a colour is used only
 * when it is a plain `#rrggbb`, and a name only as text. Only editors'
 * cursors are drawn (a visitor following the drafting is not in the way);
 * the cursor's name label is hidden from screen readers, which get the list
 * of who is here next to the editor instead.
 */
import type { Awareness } from 'y-protocols/awareness'
import type { DecorationAttrs } from 'prosemirror-view'
import { Plugin } from 'prosemirror-state'
import type { Peer } from './types.ts'
import { distinctColors } from './colors.ts'

const NEUTRAL = '#4b525c'

/** A colour from someone else's state, if it is a plain #rrggbb. */
export function safeColor (color: unknown): string {
  return typeof color === 'string' && /^#[0-9a-fA-F]{6}$/.test(color) ? color : NEUTRAL
}

interface UserState { id?: unknown; name?: unknown; color?: unknown; canEdit?: unknown }

function userOf (state: Record<string, unknown> | undefined): UserState | null {
  const user = state?.user
  return user && typeof user === 'object' ? user as UserState : null
}

/**
 * y-prosemirror's filter: draw the cursors of other people who are editors
 * (not this client's, nor those of this user's other tabs: `ownUserId()`).
 */
export function cursorFilter (ownUserId: () => string | null): (ownClientId: number, clientId: number, state: Record<string, unknown>) => boolean {
  return (ownClientId, clientId, state) => {
    const user = userOf(state)
    if (ownClientId === clientId || user?.canEdit !== true) return false
    const own = ownUserId()
    return own === null || user.id !== own
  }
}

/**
 * The colour of each signed-in person in the document (this client included),
 * all different (see `distinctColors`); others fall back to what they announce.
 */
export function presentColors (awareness: Awareness, ownUserId: string | null): Map<string, string> {
  const ids: string[] = ownUserId ? [ownUserId] : []
  awareness.getStates().forEach(state => {
    const id = userOf(state)?.id
    if (typeof id === 'string' && id) ids.push(id)
  })
  return distinctColors(ids)
}

/** The colour to draw `user` with: their place among the people present, else their own announced one. */
function colorOf (user: UserState, colors: () => Map<string, string>): string {
  return (typeof user.id === 'string' ? colors().get(user.id) : undefined) ?? safeColor(user.color)
}

/** A builder of a remote cursor: `.ProseMirror-yjs-cursor` with the person's name in a child element. */
export function cursorBuilder (visitorName: string, colors: () => Map<string, string>): (user: UserState) => HTMLElement {
  return user => {
    const color = colorOf(user, colors)
    const cursor = document.createElement('span')
    cursor.className = 'ProseMirror-yjs-cursor'
    cursor.setAttribute('aria-hidden', 'true')
    cursor.style.borderColor = color
    const label = document.createElement('span')
    label.className = 'ProseMirror-yjs-cursor__name'
    label.style.backgroundColor = color
    label.textContent = typeof user.name === 'string' && user.name ? user.name : visitorName
    cursor.append('\u2060', label, '\u2060')
    return cursor
  }
}

/** The attributes of a remote selection: a light tint of the person's colour. */
export function selectionBuilder (colors: () => Map<string, string>): (user: UserState) => DecorationAttrs {
  return user => ({ class: 'ProseMirror-yjs-selection', style: `background-color: ${colorOf(user, colors)}33` })
}

/**
 * The other people in the document, one entry per person (a signed-in user
 * with two tabs appears once, and this user's other tabs not at all),
 * editors first, then by name.
 */
export function peersOf (awareness: Awareness, ownUserId: string | null): Peer[] {
  const own = awareness.clientID
  const colors = presentColors(awareness, ownUserId)
  const byKey = new Map<string, Peer>()
  awareness.getStates().forEach((state, clientId) => {
    if (clientId === own) return
    const user = userOf(state)
    if (!user || (ownUserId !== null && user.id === ownUserId)) return
    const key = typeof user.id === 'string' && user.id ? `u:${user.id}` : `c:${clientId}`
    if (byKey.has(key)) return
    byKey.set(key, {
      clientId,
      name: typeof user.name === 'string' ? user.name : '',
      color: colorOf(user, () => colors),
      canEdit: user.canEdit === true
    })
  })
  return [...byKey.values()].sort((a, b) => Number(b.canEdit) - Number(a.canEdit) || a.name.localeCompare(b.name))
}

/**
 * Keeps remote cursors' name labels inside the editor: a label that would run
 * past the right edge (a cursor at the end of a line on a phone) is drawn
 * leftwards from the caret instead. Runs after every render of the view,
 * which is also when y-prosemirror redraws the cursors.
 */
export function cursorLabelsPlugin (): Plugin {
  return new Plugin({
    view: view => {
      const fit = (): void => {
        const labels = view.dom.querySelectorAll<HTMLElement>('.ProseMirror-yjs-cursor__name')
        if (labels.length === 0) return
        const box = view.dom.getBoundingClientRect()
        const right = Math.min(box.right, document.documentElement.clientWidth)
        for (const label of labels) {
          label.classList.remove('ProseMirror-yjs-cursor__name--left')
          if (label.getBoundingClientRect().right > right) label.classList.add('ProseMirror-yjs-cursor__name--left')
        }
      }
      fit()
      return { update: fit }
    }
  })
}
