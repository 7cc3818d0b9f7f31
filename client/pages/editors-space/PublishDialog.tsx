/**
 * Publishing from the editors' space: a "Publish…" button opens a modal
 * dialog (native <dialog>: focus kept inside, Escape closes, focus returns
 * to the button) that first lists what changed since the last revision
 * (articles added, removed, changed, renumbered, compared by id and content
 * hash with `GET /bills/:id/revisions/:n`), then asks for the closing date
 * (the bill's current one, or in 30 days) and publishes with
 * `POST /bills/:id/publish { closesAt, stateVector }`. The server's refusals (422: no
 * change, an article without text, dates) are worded by their code, a date
 * refused next to the date field.
 */
import { useRef, useState } from 'preact/hooks'
import { api, ApiError, type BillView } from '../../api.ts'
import { errorMessage, formErrors } from '../../errors.ts'
import { FieldError, describedBy } from '../../components/Field.tsx'
import { t, tn } from '../../i18n/index.ts'
import { FormError } from '../../components/FormError.tsx'
import { announce } from '../../components/Announcer.tsx'
import type { ChangeSummary, ChangedArticle, ConnectionState, EditorHandle } from '../../codrafting/types.ts'

const DAY = 86_400_000

function pad (n: number): string { return String(n).padStart(2, '0') }

/** An ISO date as a `datetime-local` value, in local time. */
export function toLocalInput (iso: string): string {
  const d = new Date(iso)
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The closing date offered: the bill's own when still ahead, else 30 days from now. */
function defaultClosesAt (bill: BillView, now = Date.now()): string {
  if (bill.closesAt && new Date(bill.closesAt).getTime() > now) return bill.closesAt
  return new Date(now + 30 * DAY).toISOString()
}

function refs (articles: ChangedArticle[]): string {
  return articles.map(a => a.previousNum ? t('publish.refWas', { num: a.num, previous: a.previousNum }) : t('publish.ref', { num: a.num })).join(', ')
}

/** The list of changes of a summary. */
function Changes ({ summary, since }: { summary: ChangeSummary; since: number }) {
  if (summary.firstPublication) {
    return (
      <div class="publish__changes">
        <p>{t('publish.first')} {tn('publish.articles', summary.added.length)}.</p>
      </div>
    )
  }
  const rows: [string, ChangedArticle[]][] = [
    ['added', summary.added], ['removed', summary.removed], ['changed', summary.changed], ['renumbered', summary.renumbered]
  ]
  const any = rows.some(([, list]) => list.length > 0) || summary.structureChanged
  return (
    <div class="publish__changes">
      <p>{t('publish.since', { n: String(since) })}</p>
      {any
        ? (
          <ul class="publish__list">
            {rows.filter(([, list]) => list.length > 0).map(([kind, list]) => (
              <li key={kind} data-kind={kind}>
                <strong>{tn(`publish.${kind}` as 'publish.added', list.length)}</strong> ({refs(list)})
              </li>
            ))}
            {summary.structureChanged && <li data-kind="structure">{t('publish.structure')}</li>}
          </ul>
          )
        : <p class="publish__nothing">{t('publish.nothing', { n: String(since) })}</p>}
    </div>
  )
}

/**
 * The Publish button and its dialog. `bill` is the bill as last loaded;
 * `onPublished` receives the bill the server returns.
 */
export function PublishDialog ({ bill, editor, connection, onPublished }: {
  bill: BillView
  editor: EditorHandle | null
  connection: ConnectionState | null
  onPublished: (bill: BillView) => void
}) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [current, setCurrent] = useState<BillView>(bill)
  const [summary, setSummary] = useState<ChangeSummary | null>(null)
  const [closesAt, setClosesAt] = useState('')
  const [defaultIso, setDefaultIso] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [closesError, setClosesError] = useState<string | undefined>(undefined)
  const [pending, setPending] = useState(false)
  const [after, setAfter] = useState<string | null>(null)
  const synced = connection?.kind === 'synced'

  async function open (): Promise<void> {
    if (!editor) return
    setSummary(null)
    setError(null)
    setClosesError(undefined)
    setAfter(null)
    dialog.current?.showModal()
    try {
      const fresh = await api.bill(bill.id)
      const revision = fresh.revision > 0 ? await api.revision(bill.id, fresh.revision) : null
      const iso = defaultClosesAt(fresh)
      setCurrent(fresh)
      setDefaultIso(iso)
      setClosesAt(toLocalInput(iso))
      setSummary(editor.changesSince(revision))
    } catch (err) {
      setError(errorMessage(err))
    }
  }

  function close (): void {
    dialog.current?.close()
  }

  /**
   * Publishes with this editor's state vector. The server answers 409
   * not_saved_yet while some change shown here is still on its way (the
   * y-websocket protocol acknowledges nothing): try again for a few seconds.
   */
  async function publishWhenSaved (id: string, closes: string, stateVector: string): Promise<BillView> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await api.publish(id, { closesAt: closes, stateVector })
      } catch (err) {
        if (!(err instanceof ApiError && err.code === 'not_saved_yet') || attempt >= 10) throw err
        await new Promise(resolve => setTimeout(resolve, 300))
      }
    }
  }

  async function submit (e: Event): Promise<void> {
    e.preventDefault()
    if (pending || !editor) return
    const iso = closesAt === toLocalInput(defaultIso) ? defaultIso : closesAt ? new Date(closesAt).toISOString() : null
    if (!iso || Number.isNaN(new Date(iso).getTime())) { setError(t('error.fieldsSummary')); setClosesError(t('publish.invalidDate')); return }
    setPending(true)
    setError(null)
    setClosesError(undefined)
    try {
      const published = await publishWhenSaved(bill.id, iso, editor.stateVector())
      onPublished(published)
      announce(t('publish.done', { n: String(published.revision) }))
      // What the revision lacks of the text as this editor has it now (changes made meanwhile).
      const revision = await api.revision(bill.id, published.revision).catch(() => null)
      const later = revision ? editor.changesSince(revision) : null
      if (later && (later.added.length || later.removed.length || later.changed.length || later.renumbered.length)) {
        setAfter(t('publish.laterChanges'))
      } else close()
    } catch (err) {
      const e = formErrors(err, ['closesAt'], {}, { invalid_dates: 'closesAt' })
      setError(e.message)
      setClosesError(e.fields.closesAt)
    } finally {
      setPending(false)
    }
  }

  const first = current.revision === 0
  const canConfirm = summary !== null && synced && !pending && after === null
  return (
    <div class="publish">
      <button type="button" class="button button--primary" onClick={() => { void open() }} disabled={!editor} aria-haspopup="dialog">
        {t('publish.open')}
      </button>
      <dialog ref={dialog} class="publish__dialog" aria-labelledby="publish-title">
        <form class="publish__form" onSubmit={e => { void submit(e) }}>
          <h2 id="publish-title">{first ? t('publish.firstTitle') : t('publish.title')}</h2>
          {summary === null && error === null && <p class="loading" role="status">{t('publish.loading')}</p>}
          {summary && <Changes summary={summary} since={current.revision} />}
          {summary && summary.empty.length > 0 && <p class="publish__warning">{t('publish.empty', { list: refs(summary.empty) })}</p>}
          {!synced && <p class="publish__warning" role="alert">{t('publish.notSynced')}</p>}
          {summary && (
            <div class="field">
              <label for="publish-closes" class="field__label">{t('publish.closesAt')}</label>
              <input
                id="publish-closes"
                name="closesAt"
                type="datetime-local"
                class="field__input"
                required
                value={closesAt}
                aria-describedby={describedBy('publish-closes', true, !!closesError)}
                aria-invalid={closesError ? 'true' : undefined}
                onInput={e => setClosesAt(e.currentTarget.value)}
              />
              <p id="publish-closes-hint" class="field__hint">{t('publish.closesAtHint')}</p>
              <FieldError id="publish-closes" message={closesError} />
            </div>
          )}
          <FormError message={error} />
          {after && <p class="publish__after" role="status">{after}</p>}
          <div class="publish__actions">
            {after === null && (
              <button type="submit" class="button button--primary" disabled={!canConfirm}>
                {pending ? t('publish.pending') : t('publish.confirm', { n: String(current.revision + 1) })}
              </button>
            )}
            <button type="button" class="button button--secondary" onClick={close}>{after === null ? t('publish.cancel') : t('publish.close')}</button>
          </div>
        </form>
      </dialog>
    </div>
  )
}
