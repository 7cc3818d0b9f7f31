/**
 * "Nouveau projet de loi" (`/bills/new`), for members of parliament and
 * admins: a title, then the text pasted ("Article 1er", alinéas as
 * paragraphs; « TITRE Ier », « CHAPITRE II » as divisions) or a file (Word,
 * Markdown, Akoma Ntoso, the-law-factory JSON); "Voir ce qui est reconnu"
 * asks the server what it reads (a dry run: nothing is created), then
 * "Créer le brouillon" creates the draft and opens the editors' space.
 */
import { useState } from 'preact/hooks'
import { api, type BillImportBody, type BillImportResult } from '../api.ts'
import { t, tn } from '../i18n/index.ts'
import { formErrors } from '../errors.ts'
import { FieldError, describedBy } from '../components/Field.tsx'
import { navigate } from '../router.tsx'
import type { SessionState } from '../session.ts'
import { PageHeading } from '../components/PageHeading.tsx'
import { FormError } from '../components/FormError.tsx'
import { Loading } from '../components/LoadError.tsx'

type Source = { kind: 'text'; text: string } | { kind: 'file'; name: string; format: BillImportBody['format']; base64: string }

/** The import format a file's name says. */
function formatOf (name: string): BillImportBody['format'] | null {
  const ext = name.toLowerCase().split('.').pop() ?? ''
  if (ext === 'docx') return 'docx'
  if (ext === 'md' || ext === 'txt' || ext === 'markdown') return 'markdown'
  if (ext === 'xml' || ext === 'akn') return 'akn'
  if (ext === 'json') return 'lawfactory'
  return null
}

/** The bytes of a file as base64 (the API takes files as JSON). */
async function base64Of (file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer())
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(binary)
}

/** What the server recognised: divisions, articles with their alinéas, and what it could not read. */
function Recognised ({ result }: { result: BillImportResult }) {
  const r = result.recognised
  return (
    <section class="new-bill__preview" aria-labelledby="new-bill-preview-title">
      <h2 id="new-bill-preview-title" tabIndex={-1}>{t('newBill.preview')}</h2>
      <p class="new-bill__summary-line">
        {result.title && <><strong>{result.title}</strong> — </>}
        {tn('newBill.articles', r.articles.length)}{r.divisions.length > 0 && <>, {tn('newBill.divisions', r.divisions.length)}</>}
      </p>
      <ol class="new-bill__articles">
        {r.articles.map((a, i) => (
          <li key={i} data-num={a.num}>{t('newBill.article', { num: a.num })}{a.heading ? ` — ${a.heading}` : ''} <span class="new-bill__count">({tn('newBill.alineas', a.alineas)})</span></li>
        ))}
      </ol>
      {result.notRecognised.length > 0 && (
        <details class="new-bill__unread" open>
          <summary>{tn('newBill.notRecognised', result.notRecognised.length)}</summary>
          <ul>{result.notRecognised.map((n, i) => <li key={i}>{n.paragraph > 0 && <>{t('newBill.paragraph', { n: n.paragraph })} </>}« {n.text} » — {n.reason}</li>)}</ul>
        </details>
      )}
    </section>
  )
}

/** The new-bill page; refuses readers who may not create bills. */
export function NewBillPage ({ me }: { me: SessionState }) {
  const [title, setTitle] = useState('')
  const [text, setText] = useState('')
  const [file, setFile] = useState<Source | null>(null)
  const [result, setResult] = useState<BillImportResult | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [fields, setFields] = useState<Record<string, string>>({})
  const [pending, setPending] = useState(false)

  if (me === undefined) return <div class="page"><Loading /></div>
  if (!me || (me.role !== 'author' && me.role !== 'admin')) {
    return <div class="page"><PageHeading title={t('newBill.title')} /><p class="notice">{t('newBill.forbidden')}</p></div>
  }

  const source = (): Source | null => file ?? (text.trim() ? { kind: 'text', text } : null)
  const body = (dryRun: boolean): BillImportBody | null => {
    const s = source()
    if (!s) return null
    const base = { title: title.trim() || undefined, dryRun }
    return s.kind === 'text' ? { format: 'markdown', data: s.text, ...base } : { format: s.format, dataBase64: s.base64, ...base }
  }

  async function send (dryRun: boolean): Promise<void> {
    const b = body(dryRun)
    if (!b) { setError(t('newBill.nothing')); return }
    setPending(true)
    setError(null)
    setFields({})
    try {
      const r = await api.importBill(b)
      if (dryRun) {
        setResult(r)
        requestAnimationFrame(() => document.getElementById('new-bill-preview-title')?.focus())
      } else if (r.bill) {
        navigate(`/bills/${encodeURIComponent(r.bill.id)}/edit`)
      }
    } catch (err) {
      const e = formErrors(err, ['title', 'data', 'dataBase64'])
      setError(e.message)
      setFields(e.fields)
    } finally {
      setPending(false)
    }
  }

  async function onFile (e: Event): Promise<void> {
    const f = (e.currentTarget as HTMLInputElement).files?.[0]
    setResult(null)
    if (!f) { setFile(null); return }
    const format = formatOf(f.name)
    if (!format) { setFile(null); setError(t('newBill.badFile')); return }
    setError(null)
    setFile({ kind: 'file', name: f.name, format, base64: await base64Of(f) })
  }

  return (
    <div class="page page--new-bill">
      <PageHeading title={t('newBill.title')} />
      <p class="lead">{t('newBill.intro')}</p>
      <form class="new-bill" onSubmit={e => { e.preventDefault(); void send(true) }}>
        <div class="field">
          <label for="new-bill-title">{t('newBill.titleLabel')}</label>
          <input id="new-bill-title" type="text" maxLength={300} value={title} onInput={e => setTitle((e.currentTarget as HTMLInputElement).value)}
            aria-describedby={describedBy('new-bill-title', true, !!fields.title)} aria-invalid={fields.title ? 'true' : undefined} />
          <p id="new-bill-title-hint" class="field__hint">{t('newBill.titleHint')}</p>
          <FieldError id="new-bill-title" message={fields.title} />
        </div>
        <div class="field">
          <label for="new-bill-text">{t('newBill.textLabel')}</label>
          <textarea id="new-bill-text" rows={12} value={text} disabled={file !== null}
            aria-describedby={describedBy('new-bill-text', true, !!fields.data)} aria-invalid={fields.data ? 'true' : undefined}
            onInput={e => { setText((e.currentTarget as HTMLTextAreaElement).value); setResult(null) }} />
          <p id="new-bill-text-hint" class="field__hint">{t('newBill.textHint')}</p>
          <FieldError id="new-bill-text" message={fields.data} />
        </div>
        <div class="field">
          <label for="new-bill-file">{t('newBill.fileLabel')}</label>
          <input id="new-bill-file" type="file" accept=".docx,.md,.txt,.xml,.akn,.json" onChange={e => { void onFile(e) }}
            aria-describedby={describedBy('new-bill-file', true, !!fields.dataBase64)} aria-invalid={fields.dataBase64 ? 'true' : undefined} />
          <p id="new-bill-file-hint" class="field__hint">{t('newBill.fileHint')}</p>
          <FieldError id="new-bill-file" message={fields.dataBase64} />
        </div>
        <FormError message={error} />
        <p class="new-bill__actions">
          <button type="submit" class="button button--secondary" aria-disabled={pending}>{t('newBill.check')}</button>
          {result && result.recognised.articles.length > 0 && (
            <button type="button" class="button button--primary" aria-disabled={pending} onClick={() => { void send(false) }}>{t('newBill.create')}</button>
          )}
        </p>
      </form>
      {result && <Recognised result={result} />}
    </div>
  )
}
