/**
 * The editor's toolbar (WAI-ARIA toolbar pattern): one tab stop, arrow keys
 * (and Home/End) move between buttons, every button has a name and its
 * keyboard shortcut. Buttons that do not apply where the cursor is stay
 * focusable but are marked `aria-disabled`. A mouse click does not take the
 * focus from the text, and every command gives it back to the text.
 */
import { useRef, useState } from 'preact/hooks'
import type { JSX } from 'preact'
import { t, type PlainMessageKey } from '../../i18n/index.ts'
import type { EditorCommand, ToolbarState } from '../../codrafting/types.ts'

interface ButtonSpec {
  command: EditorCommand
  label: PlainMessageKey
  /** Visible text when shorter than the label (the label contains it). */
  short?: PlainMessageKey
  icon?: string
  shortcut?: string
  pressed?: (s: ToolbarState) => boolean
  enabled: (s: ToolbarState) => boolean
}

const always = (): boolean => true

const GROUPS: { label?: PlainMessageKey; buttons: ButtonSpec[] }[] = [
  {
    buttons: [
      { command: 'undo', label: 'toolbar.undo', icon: '↶', shortcut: 'Control+Z', enabled: s => s.canUndo },
      { command: 'redo', label: 'toolbar.redo', icon: '↷', shortcut: 'Control+Y Control+Shift+Z', enabled: s => s.canRedo }
    ]
  },
  {
    buttons: [
      { command: 'strong', label: 'toolbar.strong', shortcut: 'Control+B', pressed: s => s.strong, enabled: s => s.inArticle },
      { command: 'em', label: 'toolbar.em', shortcut: 'Control+I', pressed: s => s.em, enabled: s => s.inArticle }
    ]
  },
  {
    buttons: [
      { command: 'addAlinea', label: 'toolbar.addAlinea', short: 'toolbar.addAlinea.short', icon: '+', enabled: s => s.inArticle },
      { command: 'addArticle', label: 'toolbar.addArticle', short: 'toolbar.addArticle.short', icon: '+', enabled: always },
      { command: 'deleteArticle', label: 'toolbar.deleteArticle', icon: '×', enabled: s => s.canDeleteArticle }
    ]
  },
  {
    label: 'toolbar.divisions',
    buttons: [
      { command: 'addTitre', label: 'toolbar.addTitre', short: 'toolbar.addTitre.short', icon: '+', enabled: always },
      { command: 'addChapitre', label: 'toolbar.addChapitre', short: 'toolbar.addChapitre.short', icon: '+', enabled: always },
      { command: 'addSection', label: 'toolbar.addSection', short: 'toolbar.addSection.short', icon: '+', enabled: always }
    ]
  }
]

const ORDER: EditorCommand[] = GROUPS.flatMap(g => g.buttons.map(b => b.command))

/** Shortcut as shown in a tooltip ("Ctrl+Z", "⌘Z" on a Mac). */
function shortcutHint (shortcut: string): string {
  const mac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
  const first = shortcut.split(' ')[0]
  return mac ? first.replace('Control+', '⌘').replace('Shift+', '⇧') : first.replace('Control', 'Ctrl')
}

/**
 * The toolbar. `state` is null until the text is loaded (every button is
 * then unavailable); `onCommand` runs a command in the editor.
 */
export function Toolbar ({ state, onCommand, controls }: { state: ToolbarState | null; onCommand: (c: EditorCommand) => void; controls?: string }) {
  const [active, setActive] = useState<EditorCommand>('undo')
  const ref = useRef<HTMLDivElement>(null)

  function focusCommand (command: EditorCommand): void {
    setActive(command)
    ref.current?.querySelector<HTMLButtonElement>(`button[data-command="${command}"]`)?.focus()
  }

  function onKeyDown (e: JSX.TargetedKeyboardEvent<HTMLDivElement>): void {
    const i = ORDER.indexOf(active)
    let next: number | null = null
    if (e.key === 'ArrowRight' || e.key === 'ArrowDown') next = (i + 1) % ORDER.length
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowUp') next = (i - 1 + ORDER.length) % ORDER.length
    else if (e.key === 'Home') next = 0
    else if (e.key === 'End') next = ORDER.length - 1
    if (next === null) return
    e.preventDefault()
    focusCommand(ORDER[next])
  }

  function button (spec: ButtonSpec) {
    const enabled = state !== null && spec.enabled(state)
    const pressed = spec.pressed && state ? spec.pressed(state) : undefined
    const label = t(spec.label)
    const tip = spec.shortcut ? `${label} (${shortcutHint(spec.shortcut)})` : label
    return (
      <button
        key={spec.command}
        type="button"
        class={`toolbar__button toolbar__button--${spec.command}`}
        data-command={spec.command}
        tabIndex={spec.command === active ? 0 : -1}
        aria-label={spec.short ? label : undefined}
        aria-disabled={enabled ? undefined : 'true'}
        aria-pressed={pressed === undefined ? undefined : pressed ? 'true' : 'false'}
        aria-keyshortcuts={spec.shortcut}
        title={tip}
        onMouseDown={e => e.preventDefault()}
        onFocus={() => setActive(spec.command)}
        onClick={() => { if (enabled) onCommand(spec.command) }}
      >
        {spec.icon && <span class="toolbar__icon" aria-hidden="true">{spec.icon}</span>}
        <span class="toolbar__text">{t(spec.short ?? spec.label)}</span>
      </button>
    )
  }

  return (
    <div ref={ref} class="toolbar" role="toolbar" aria-label={t('toolbar.label')} aria-controls={controls} onKeyDown={onKeyDown}>
      {GROUPS.map((g, i) => g.label
        ? <div key={i} class="toolbar__group" role="group" aria-label={t(g.label)} title={t('toolbar.divisionHint')}>
            <span class="toolbar__group-label" aria-hidden="true">{t(g.label)}</span>
            {g.buttons.map(button)}
          </div>
        : <div key={i} class="toolbar__group">{g.buttons.map(button)}</div>)}
    </div>
  )
}
