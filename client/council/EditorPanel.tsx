/**
 * The editors' controls on the council page: the settings while recruiting,
 * the commitment (with the public value to come), the draw (with the value
 * once known), and the agenda with the synthesis's proposals.
 */
import { useState } from 'preact/hooks'
import { t } from '../i18n/index.ts'
import { useResource } from '../useResource.ts'
import { FormError } from '../components/FormError.tsx'
import { announce } from '../components/Announcer.tsx'
import { councilApi, type CouncilTargetView, type CouncilView } from './council-api.ts'
import { councilError } from './errors.ts'
import { categoriesToText, textToCategories } from './setup-text.ts'

function useAction (onDone: (c: CouncilView) => void) {
  const [error, setError] = useState<string | null>(null)
  const [pending, setPending] = useState(false)
  async function run (call: () => Promise<CouncilView>, done: string) {
    if (pending) return
    setPending(true); setError(null)
    try { onDone(await call()); announce(done) } catch (e) { setError(councilError(e)) } finally { setPending(false) }
  }
  return { error, pending, run }
}

/** The settings form (recruiting only). */
function SetupForm ({ council, billId, onDone }: { council: CouncilView | null; billId: string; onDone: (c: CouncilView) => void }) {
  const [size, setSize] = useState(String(council?.size ?? 40))
  const [closesAt, setClosesAt] = useState(council?.closesAt?.slice(0, 16) ?? '')
  const [text, setText] = useState(council?.commitmentText ?? '')
  const [cats, setCats] = useState(council ? categoriesToText(council.categories) : '')
  const { error, pending, run } = useAction(onDone)
  const [local, setLocal] = useState<string | null>(null)
  function submit (e: Event) {
    e.preventDefault()
    const parsed = textToCategories(cats)
    if ('badLine' in parsed) { setLocal(t('council.setup.badLine', { n: parsed.badLine, line: parsed.line })); return }
    setLocal(null)
    void run(() => councilApi.setup(billId, {
      size: Number(size), closesAt: closesAt ? new Date(closesAt).toISOString() : null, commitmentText: text, categories: parsed.categories
    }), t('council.setup.saved'))
  }
  return (
    <form class="council-setup" onSubmit={submit} noValidate>
      <h3>{t('council.setup')}</h3>
      <p class="field"><label for="council-size">{t('council.setup.size')}</label>
        <input id="council-size" type="number" min="1" value={size} onInput={e => setSize((e.target as HTMLInputElement).value)} /></p>
      <p class="field"><label for="council-closes">{t('council.setup.closesAt')}</label>
        <input id="council-closes" type="datetime-local" value={closesAt} onInput={e => setClosesAt((e.target as HTMLInputElement).value)} /></p>
      <p class="field"><label for="council-commitment-text">{t('council.setup.commitmentText')}</label>
        <textarea id="council-commitment-text" rows={3} value={text} onInput={e => setText((e.target as HTMLTextAreaElement).value)} /></p>
      <p class="field"><label for="council-categories">{t('council.setup.categories')}</label>
        <textarea id="council-categories" rows={5} aria-describedby="council-categories-hint" value={cats} onInput={e => setCats((e.target as HTMLTextAreaElement).value)} />
        <span id="council-categories-hint" class="field__hint">{t('council.setup.categoriesHint')}</span></p>
      <FormError message={local ?? error} />
      <button type="submit" class="button button--primary" disabled={pending}>{t('council.setup.save')}</button>
    </form>
  )
}

/** A one-field form (commit, draw). */
function OneField ({ id, label, hint, submit, pendingText, onSubmit }: { id: string; label: string; hint?: string; submit: string; pendingText?: string; onSubmit: (v: string) => Promise<void> | void }) {
  const [value, setValue] = useState('')
  return (
    <form class="council-one-field" onSubmit={e => { e.preventDefault(); void onSubmit(value) }} noValidate>
      <p class="field"><label for={id}>{label}</label>
        <input id={id} type="text" value={value} aria-describedby={hint ? `${id}-hint` : undefined} onInput={e => setValue((e.target as HTMLInputElement).value)} />
        {hint && <span id={`${id}-hint`} class="field__hint">{hint}</span>}</p>
      <button type="submit" class="button button--primary">{pendingText ?? submit}</button>
    </form>
  )
}

/** The proposals of the synthesis, each with "Mettre à l'ordre du jour". */
function Proposals ({ billId, onDone }: { billId: string; onDone: (c: CouncilView) => void }) {
  const proposals = useResource(signal => councilApi.proposals(billId, signal), [billId])
  const { error, run } = useAction(onDone)
  const p = proposals.data
  if (!p || p.supportedAmendments.length + p.supportedArguments.length + p.debatedArticles.length === 0) return null
  const groups: [string, { target: CouncilTargetView; title: string }[]][] = [
    [t('council.agenda.supportedAmendments'), p.supportedAmendments],
    [t('council.agenda.supportedArguments'), p.supportedArguments],
    [t('council.agenda.debatedArticles'), p.debatedArticles]
  ]
  return (
    <div class="council-proposals">
      <h3>{t('council.agenda.proposals')}</h3>
      {groups.map(([title, items]) => items.length > 0 && (
        <div key={title}>
          <h4>{title}</h4>
          <ul>
            {items.map(i => (
              <li key={i.target.id}>{i.title}{' '}
                <button type="button" class="button button--secondary button--small"
                  onClick={() => void run(() => councilApi.addToAgenda(billId, i.target), t('council.agenda.added'))}>{t('council.agenda.add')}</button>
              </li>
            ))}
          </ul>
        </div>
      ))}
      <FormError message={error} />
    </div>
  )
}

/** Everything an editor does on the council page. */
export function EditorPanel ({ billId, council, onChanged }: { billId: string; council: CouncilView | null; onChanged: (c: CouncilView) => void }) {
  const commit = useAction(onChanged)
  const draw = useAction(onChanged)
  return (
    <section class="card council-editors" aria-labelledby="council-editors-title">
      <h2 id="council-editors-title">{t('council.editors')}</h2>
      {(!council || council.status === 'recruiting') && <SetupForm council={council} billId={billId} onDone={onChanged} />}
      {council?.status === 'recruiting' && (
        <>
          <OneField id="council-randomness" label={t('council.commit.randomness')} hint={t('council.commit.randomnessHint')} submit={t('council.commit')}
            onSubmit={v => commit.run(() => councilApi.commit(billId, v), t('council.commit.done'))} />
          <FormError message={commit.error} />
        </>
      )}
      {council?.status === 'committed' && (
        <>
          <OneField id="council-value" label={t('council.draw.value')} submit={t('council.draw')} pendingText={draw.pending ? t('council.draw.pending') : undefined}
            onSubmit={v => draw.run(() => councilApi.draw(billId, v), t('council.draw.done'))} />
          <FormError message={draw.error} />
        </>
      )}
      {council && <Proposals billId={billId} onDone={onChanged} />}
    </section>
  )
}
