/**
 * Tabs (WAI-ARIA pattern): a tablist of buttons, the selected one in the Tab
 * order, arrows, Home and End moving between them (and selecting), each
 * panel a `tabpanel` labelled by its tab. A panel is rendered the first time
 * it is selected and then kept (hidden), so its state and live updates stay.
 */
import type { ComponentChildren } from 'preact'
import { useRef, useState } from 'preact/hooks'

export interface TabSpec { id: string; label: ComponentChildren; panel: () => ComponentChildren }

/** The tabs; `selected` and `onSelect` make it controlled by the page (e.g. from the address's hash). */
export function Tabs ({ tabs, selected, onSelect, label }: { tabs: TabSpec[]; selected: string; onSelect: (id: string) => void; label: string }) {
  const [visited, setVisited] = useState<Set<string>>(() => new Set([selected]))
  const refs = useRef<Record<string, HTMLButtonElement | null>>({})
  if (!visited.has(selected)) setVisited(v => new Set(v).add(selected))

  function onKeyDown (e: KeyboardEvent, index: number) {
    const last = tabs.length - 1
    const to = e.key === 'ArrowRight' ? (index === last ? 0 : index + 1)
      : e.key === 'ArrowLeft' ? (index === 0 ? last : index - 1)
        : e.key === 'Home' ? 0 : e.key === 'End' ? last : -1
    if (to < 0) return
    e.preventDefault()
    onSelect(tabs[to].id)
    refs.current[tabs[to].id]?.focus()
  }

  return (
    <div class="tabs">
      <div class="tabs__list" role="tablist" aria-label={label}>
        {tabs.map((tab, i) => (
          <button
            key={tab.id}
            ref={el => { refs.current[tab.id] = el }}
            type="button"
            role="tab"
            id={`tab-${tab.id}`}
            class="tabs__tab"
            aria-selected={tab.id === selected}
            aria-controls={`panel-${tab.id}`}
            tabIndex={tab.id === selected ? 0 : -1}
            onClick={() => onSelect(tab.id)}
            onKeyDown={e => onKeyDown(e, i)}
          >
            {tab.label}
          </button>
        ))}
      </div>
      {tabs.map(tab => (
        <div
          key={tab.id}
          role="tabpanel"
          id={`panel-${tab.id}`}
          class="tabs__panel"
          aria-labelledby={`tab-${tab.id}`}
          hidden={tab.id !== selected}
        >
          {(visited.has(tab.id) || tab.id === selected) && tab.panel()}
        </div>
      ))}
    </div>
  )
}
