/**
 * What the editors' space page and the co-drafting editor say to each other.
 * Type declarations only: the page imports them with `import type`, so none
 * of the editor's code (ProseMirror, Yjs) reaches the main bundle; the
 * editor itself is loaded on demand (`import('../../codrafting/editor.ts')`).
 */
import type { RevisionArticle } from '../../shared/types.ts'

/**
 * The state of the connection to the collaboration socket:
 * - `connecting`: the first connection (no text shown yet), after
 *   `failures` failed attempts;
 * - `synced`: connected, and the text is the server's;
 * - `offline`: the connection was lost; the provider keeps retrying, and
 *   `pending` says whether changes made meanwhile wait to be sent;
 * - `closed`: the server refused the connection for good (close code 44xx).
 */
export type ConnectionState =
  | { kind: 'connecting'; failures: number }
  | { kind: 'synced' }
  | { kind: 'offline'; pending: boolean }
  | { kind: 'closed'; code: number; reason: string }

/** Someone else in the document, from their awareness state. */
export interface Peer {
  clientId: number
  /** Display name ('' for a visitor who is not signed in). */
  name: string
  color: string
  /** Whether the server accepts their changes (an editor of the bill). */
  canEdit: boolean
}

/** Where the selection is and what the toolbar's buttons can do there. */
export interface ToolbarState {
  canUndo: boolean
  canRedo: boolean
  /** The marks active at the selection. */
  em: boolean
  strong: boolean
  /** The selection is inside an article (alinéa commands apply). */
  inArticle: boolean
  /** The current article may be deleted (another article remains). */
  canDeleteArticle: boolean
  /** The current article's id, number and heading (null outside an article). */
  article: { id: string; num: string; heading: string | null } | null
}

/** The toolbar's commands. */
export type EditorCommand =
  | 'undo' | 'redo' | 'em' | 'strong'
  | 'addAlinea' | 'addArticle' | 'deleteArticle'
  | 'addTitre' | 'addChapitre' | 'addSection'

/** An article of the working text, as plain text. */
export interface WorkingArticle { id: string; num: string; heading: string | null; alineas: string[] }

/** One article in a change summary: its number now (or in the revision, when removed). */
export interface ChangedArticle { id: string; num: string; previousNum: string | null }

/** What changed in the working text since a revision (what publishing would freeze). */
export interface ChangeSummary {
  /** No revision yet: everything is new. */
  firstPublication: boolean
  added: ChangedArticle[]
  removed: ChangedArticle[]
  /** Text or heading changed. */
  changed: ChangedArticle[]
  /** Only the number changed. */
  renumbered: ChangedArticle[]
  /** Divisions added, removed or retitled, or articles moved. */
  structureChanged: boolean
  /** Articles without any text (the server refuses to publish them). */
  empty: ChangedArticle[]
}

/** The previous revision, as `GET /bills/:id/revisions/:n` gives it. */
export interface RevisionText { articles: RevisionArticle[]; doc: unknown }

/** What the page passes to `createEditor`. */
export interface EditorOptions {
  billId: string
  /** Where the editor's contenteditable goes. */
  mount: HTMLElement
  /** Whether this user is one of the bill's editors (the server decides too). */
  canWrite: boolean
  /** Who this is, for the presence shown to others. */
  user: { id: string | null; name: string }
  /** The editor's accessible name (read at each change, so it follows the language). */
  label: () => string
  onConnection: (state: ConnectionState) => void
  onPeers: (peers: Peer[]) => void
  onToolbar: (state: ToolbarState) => void
  /** The text became read-only (the server refused a change: editing rights withdrawn). */
  onReadOnly: (reason: string) => void
  /** The server closed the socket because this user's rights on the bill changed (CLOSE_RIGHTS_CHANGED); it reconnects by itself. */
  onRightsChanged?: () => void
}

/** The running editor, as the page drives it. */
export interface EditorHandle {
  /** Runs a toolbar command; false when it does not apply here. */
  run: (command: EditorCommand) => boolean
  focus: () => void
  /** The articles of the working text as this editor has it now. */
  articles: () => WorkingArticle[]
  /** What changed since `revision` (null: never published). */
  changesSince: (revision: RevisionText | null) => ChangeSummary
  /** Sets the current article's heading (null or blank: none); false outside an article or when read-only. */
  setHeading: (heading: string | null) => boolean
  /** The Yjs state vector of this editor's document, base64: sent with Publish so the server waits for every change shown here. */
  stateVector: () => string
  /** Updates the name shown to others. */
  setUser: (user: { id: string | null; name: string }) => void
  destroy: () => void
}

/** The editor module's entry point (what the dynamic import gives). */
export type CreateEditor = (options: EditorOptions) => EditorHandle
