/**
 * The working area of the editors' space: the connection state, who else
 * is here, the toolbar and Publish (editors only), and the co-drafting
 * editor itself. This module is loaded on demand by the page
 * (EditorSpace.tsx) and imports the editor statically, so the page's
 * controls and the editor (ProseMirror, Yjs, y-websocket) arrive in one
 * chunk, which the bill page never downloads.
 */
import '../../i18n/chunks/editors-space.ts'
import { useEffect, useRef, useState } from 'preact/hooks'
import type { BillView } from '../../api.ts'
import { t } from '../../i18n/index.ts'
import type { SessionState } from '../../session.ts'
import { createEditor } from '../../codrafting/editor.ts'
import type { ConnectionState, EditorHandle, Peer, ToolbarState } from '../../codrafting/types.ts'
import { Toolbar } from './Toolbar.tsx'
import { ConnectionStatus } from './ConnectionStatus.tsx'
import { Presence } from './Presence.tsx'
import { PublishDialog } from './PublishDialog.tsx'
import { HeadingField } from './HeadingField.tsx'

const EDITOR_ID = 'bill-editor'

function userOf (me: SessionState): { id: string | null; name: string } {
  return { id: me?.id ?? null, name: me?.displayName ?? '' }
}

/**
 * The editor and what surrounds it, for a loaded bill: the editor is
 * created on mount and destroyed on unmount (its socket closed).
 */
export function EditorWorkspace ({ bill, me, onPublished, onRightsChanged }: { bill: BillView; me: SessionState; onPublished: (b: BillView) => void; onRightsChanged?: () => void }) {
  const mount = useRef<HTMLDivElement>(null)
  const [editor, setEditor] = useState<EditorHandle | null>(null)
  const [connection, setConnection] = useState<ConnectionState | null>(null)
  const [peers, setPeers] = useState<Peer[]>([])
  const [toolbar, setToolbar] = useState<ToolbarState | null>(null)
  const [withdrawn, setWithdrawn] = useState(false)
  const meRef = useRef(me)
  meRef.current = me
  const rightsChanged = useRef(onRightsChanged)
  rightsChanged.current = onRightsChanged

  useEffect(() => {
    if (!mount.current) return
    const handle = createEditor({
      billId: bill.id,
      mount: mount.current,
      canWrite: bill.canEdit,
      user: userOf(meRef.current),
      label: () => t('editors.editorLabel'),
      onConnection: setConnection,
      onPeers: setPeers,
      onToolbar: setToolbar,
      onReadOnly: () => { if (bill.canEdit) setWithdrawn(true) },
      onRightsChanged: () => { rightsChanged.current?.() }
    })
    setEditor(handle)
    return () => {
      handle.destroy()
      setEditor(null)
    }
  }, [bill.id, bill.canEdit])

  useEffect(() => { editor?.setUser(userOf(me)) }, [editor, me])

  const editing = bill.canEdit && !withdrawn
  return (
    <div class="workspace">
      <div class="workspace__bar">
        <ConnectionStatus state={connection} />
        <Presence peers={peers} />
      </div>
      {withdrawn && <p class="banner banner--readonly" role="alert">{t('editors.rightsWithdrawn')}</p>}
      {editing && (
        <div class="workspace__tools">
          <Toolbar state={connection?.kind === 'closed' ? null : toolbar} onCommand={c => { editor?.run(c) }} controls={EDITOR_ID} />
          <PublishDialog bill={bill} editor={toolbar ? editor : null} connection={connection} onPublished={onPublished} />
          {connection?.kind !== 'closed' && <HeadingField article={toolbar?.article ?? null} onSave={h => editor?.setHeading(h) ?? false} />}
        </div>
      )}
      <div id={EDITOR_ID} ref={mount} class={`bill-editor${editing ? '' : ' bill-editor--readonly'}`} aria-busy={toolbar ? undefined : 'true'} />
    </div>
  )
}
