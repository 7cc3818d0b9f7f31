/**
 * The co-drafting editor: a ProseMirror view on the bill schema bound by
 * y-prosemirror to the bill's Yjs document (`Y.XmlFragment` "prosemirror"),
 * which the stock y-websocket provider syncs with the server's
 * `/collab/<billId>` socket (the session cookie authenticates it).
 *
 * This module and everything it imports (ProseMirror, Yjs, y-websocket) is
 * its own chunk, loaded by the editors' space page with `import()`, so that
 * reading a bill never downloads it.
 *
 * The view is created once the first sync is done, so that it never shows
 * (or, worse, writes back) an empty document before the server's text
 * arrives. Editors get the toolbar commands, undo/redo of their own changes
 * (Yjs UndoManager through yUndoPlugin), the keymaps, and the text rules
 * (ids and numbering); other people get the same live text, not editable.
 */
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import * as authProtocol from 'y-protocols/auth'
import { EditorState, type Command, type Plugin } from 'prosemirror-state'
import { EditorView } from 'prosemirror-view'
import { keymap } from 'prosemirror-keymap'
import { baseKeymap } from 'prosemirror-commands'
import { initProseMirrorDoc, redoCommand, undoCommand, yCursorPlugin, ySyncPlugin, ySyncPluginKey, yUndoPlugin, yUndoPluginKey } from 'y-prosemirror'
import 'prosemirror-view/style/prosemirror.css'
import './editor.css'
import { schema, SCHEMA_VERSION } from '../../shared/schema.ts'
import { CLOSE_RIGHTS_CHANGED } from '../../shared/close-codes.ts'
import { t } from '../i18n/index.ts'
import { colorFor } from './colors.ts'
import { addAlinea, addArticle, addDivision, deleteArticle, leaveDivision, markActive, setArticleHeading, toggle } from './commands.ts'
import { compareWithRevision, workingArticles } from './changes.ts'
import { trackConnection } from './connection.ts'
import { cursorBuilder, cursorFilter, cursorLabelsPlugin, peersOf, presentColors, selectionBuilder } from './presence.ts'
import { placeholdersPlugin } from './placeholders.ts'
import { textRulesPlugin } from './text-rules.ts'
import type { CreateEditor, EditorCommand, ToolbarState } from './types.ts'

/** The name of the XML fragment holding the text (server/domain/documents.ts uses the same). */
export const FRAGMENT = 'prosemirror'

const COMMANDS: Record<EditorCommand, Command> = {
  undo: undoCommand,
  redo: redoCommand,
  em: toggle(schema.marks.em),
  strong: toggle(schema.marks.strong),
  addAlinea,
  addArticle,
  deleteArticle,
  addTitre: addDivision(1),
  addChapitre: addDivision(2),
  addSection: addDivision(3)
}

/**
 * A command that always takes its key, even with nothing to undo or redo:
 * otherwise the browser would apply its own undo to the editable DOM.
 */
function always (command: Command): Command {
  return (state, dispatch, view) => { command(state, dispatch, view); return true }
}

function editingPlugins (): Plugin[] {
  return [
    yUndoPlugin(),
    keymap({
      'Mod-z': always(undoCommand),
      'Mod-y': always(redoCommand),
      'Mod-Shift-z': always(redoCommand),
      'Mod-b': COMMANDS.strong,
      'Mod-i': COMMANDS.em,
      Enter: leaveDivision
    }),
    keymap(baseKeymap),
    textRulesPlugin(),
    placeholdersPlugin(() => ({ division: t('editor.placeholder.division'), article: t('editor.placeholder.article') }))
  ]
}

function undoManagerOf (state: EditorState): Y.UndoManager | undefined {
  return (yUndoPluginKey.getState(state) as { undoManager?: Y.UndoManager } | undefined)?.undoManager
}

function toolbarOf (state: EditorState, writable: boolean): ToolbarState {
  const undoManager = undoManagerOf(state)
  const $head = state.selection.$head
  return {
    canUndo: writable && (undoManager?.undoStack.length ?? 0) > 0,
    canRedo: writable && (undoManager?.redoStack.length ?? 0) > 0,
    em: markActive(state, schema.marks.em),
    strong: markActive(state, schema.marks.strong),
    inArticle: writable && $head.depth >= 1 && $head.node(1).type.name === 'article',
    canDeleteArticle: writable && deleteArticle(state),
    article: $head.depth >= 1 && $head.node(1).type.name === 'article'
      ? { id: String($head.node(1).attrs.id), num: String($head.node(1).attrs.num), heading: ($head.node(1).attrs.heading as string | null) ?? null }
      : null
  }
}

/** Starts the editor for one bill in `options.mount`; see EditorOptions. */
export const createEditor: CreateEditor = options => {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment(FRAGMENT)
  const serverUrl = `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`
  // No BroadcastChannel between tabs: the server is the only way changes travel (and are checked).
  // The schema version lets the server refuse (CLOSE_SCHEMA_MISMATCH) a page older than its document model.
  const provider = new WebsocketProvider(serverUrl, options.billId, doc, { disableBc: true, params: { schema: String(SCHEMA_VERSION) } })
  const awareness = provider.awareness
  let writable = options.canWrite
  let ownUserId = options.user.id
  let view: EditorView | null = null
  let destroyed = false

  const setUser = (user: { id: string | null; name: string }): void => {
    ownUserId = user.id
    awareness.setLocalStateField('user', { name: user.name, color: colorFor(user.id) })
  }
  setUser(options.user)

  const becomeReadOnly = (reason: string): void => {
    if (!writable) return
    writable = false
    view?.setProps({})
    if (view) options.onToolbar(toolbarOf(view.state, writable))
    options.onReadOnly(reason)
  }

  // The server answers a change it refuses with "permission denied" (y-protocols/auth) once.
  provider.messageHandlers[2] = (_encoder, decoder) => {
    authProtocol.readAuthMessage(decoder, doc, (_doc, reason) => { becomeReadOnly(reason) })
  }

  // The bill's editors changed and so, maybe, this user's rights.
  const onConnectionClose = (event: { code?: number } | null): void => {
    if (event?.code === CLOSE_RIGHTS_CHANGED) options.onRightsChanged?.()
  }
  provider.on('connection-close', onConnectionClose)

  const stopTracking = trackConnection(provider, doc, state => {
    if (state.kind === 'closed') becomeReadOnly(state.reason)
    options.onConnection(state)
  })

  // Colours of the people present, all different; recomputed when someone comes or goes.
  let colors = presentColors(awareness, ownUserId)
  const onAwareness = (): void => {
    colors = presentColors(awareness, ownUserId)
    options.onPeers(peersOf(awareness, ownUserId))
  }
  awareness.on('change', onAwareness)

  function createView (): EditorView {
    // The first document is built from the synced Yjs text (with its node mapping), rather than
    // rendered over a placeholder document: the selection starts inside the text.
    const initial = fragment.length > 0 ? initProseMirrorDoc(fragment, schema) : null
    const plugins: Plugin[] = [
      ySyncPlugin(fragment, initial ? { mapping: initial.mapping } : {}),
      yCursorPlugin(awareness, {
        awarenessStateFilter: cursorFilter(() => ownUserId),
        cursorBuilder: cursorBuilder(t('editor.visitor'), () => colors),
        selectionBuilder: selectionBuilder(() => colors)
      }),
      cursorLabelsPlugin(),
      ...(options.canWrite ? editingPlugins() : [])
    ]
    const v = new EditorView(options.mount, {
      state: EditorState.create({ schema, plugins, doc: initial?.doc }),
      editable: () => writable,
      attributes: () => ({
        class: 'bill-editor__text',
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': options.label(),
        'aria-readonly': writable ? 'false' : 'true',
        spellcheck: writable ? 'true' : 'false'
      }),
      // `this`, not `v`: y-prosemirror dispatches from inside the constructor.
      dispatchTransaction (this: EditorView, tr) {
        // Moving the cursor elsewhere (click, arrows) ends an undo step, as in a word processor;
        // otherwise Yjs groups every change made within 500 ms into one.
        if (tr.selectionSet && !tr.docChanged && tr.getMeta(ySyncPluginKey) === undefined) {
          undoManagerOf(this.state)?.stopCapturing()
        }
        this.updateState(this.state.apply(tr))
        options.onToolbar(toolbarOf(this.state, writable))
      }
    })
    // Undo and redo change the stacks after the view saw the change: tell the toolbar again.
    const undoManager = undoManagerOf(v.state)
    const onStacks = (): void => { if (view) options.onToolbar(toolbarOf(view.state, writable)) }
    for (const event of ['stack-item-added', 'stack-item-popped', 'stack-cleared'] as const) undoManager?.on(event, onStacks)
    options.onToolbar(toolbarOf(v.state, writable))
    return v
  }

  const onSync = (synced: boolean): void => {
    if (synced && !view && !destroyed) view = createView()
  }
  provider.on('sync', onSync)

  return {
    run (command) {
      if (!view || !writable) return false
      const done = COMMANDS[command](view.state, view.dispatch, view)
      view.focus()
      return done
    },
    focus () { view?.focus() },
    articles: () => view ? workingArticles(view.state.doc) : [],
    changesSince (revision) {
      if (!view) throw new Error('the text is not loaded yet')
      return compareWithRevision(view.state.doc, revision)
    },
    setHeading (heading) {
      if (!view || !writable) return false
      return setArticleHeading(heading)(view.state, view.dispatch)
    },
    stateVector () {
      let binary = ''
      for (const byte of Y.encodeStateVector(doc)) binary += String.fromCharCode(byte)
      return btoa(binary)
    },
    setUser,
    destroy () {
      destroyed = true
      provider.off('connection-close', onConnectionClose)
      provider.off('sync', onSync)
      awareness.off('change', onAwareness)
      stopTracking()
      view?.destroy()
      view = null
      provider.destroy()
      doc.destroy()
    }
  }
}
