/**
 * Amend: the article's text in an editor, already filled, that the citizen
 * edits like a document; beside it (below on a phone), updated as they type,
 * the diff against the original and the dispositif Alinea writes for them;
 * an option to propose deleting the article; the exposé sommaire (required,
 * with a hint); and the result with where it appears. The editor and the
 * diff and wording code are one chunk loaded with `import()`. On a refusal
 * the server's reason is shown and nothing typed is lost. A second mode,
 * « Rédiger le dispositif », takes the dispositif itself (either house style):
 * it is read and applied in the browser as it is typed, the diff shown, an
 * unreadable line underlined with the reason; it is filed as `dispositif`.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import { api, type AmendmentView, type ArticleView } from '../api.ts'
import { phaseOf, type Phase } from '../../shared/phase.ts'
import { t } from '../i18n/index.ts'
import { useResource } from '../useResource.ts'
import type { SessionState } from '../session.ts'
import { PageHeading } from '../components/PageHeading.tsx'
import { Breadcrumb } from '../components/Breadcrumb.tsx'
import { Loading, LoadError } from '../components/LoadError.tsx'
import { DiffView } from '../components/DiffView.tsx'
import { Wording } from '../components/Wording.tsx'
import { amendmentPath } from '../components/AmendmentCard.tsx'
import { announce } from '../components/Announcer.tsx'
import { articlePath } from './Article.tsx'
import { PageLoadState } from './PageLoadState.tsx'
import type { AmendEditor } from '../amendment-editor/editor.ts'
import type { DispositifResult, Preview } from '../amendment-editor/index.ts'
import { DispositifField } from './AmendDispositif.tsx'
import { clearDraft, readDraft, useDraftSaving } from '../drafts.ts'
import { amendDraftKey, isAmendDraft, sameAlineas, type AmendDraft } from '../amend-drafts.ts'
import { useLeaveGuard } from '../leave-guard.ts'
import { DraftNotice } from '../components/DraftNotice.tsx'
import { useAmendEditorChunk } from './useAmendEditorChunk.ts'
import { useProposalFiling } from './useProposalFiling.ts'
import { ProposalFormEnd } from './ProposalFormEnd.tsx'
import { SimilarAmendments } from '../components/SimilarAmendments.tsx'
import { useSimilarAmendments } from './useSimilarAmendments.ts'


/** Why the reader cannot amend now, or null. */
function blocked (phase: Phase): string | null {
  return phase === 'closed' ? t('amend.closed') : phase === 'open' ? null : t('amend.notOpen')
}

/** The filed amendment: what was filed and where it appears. */
function Filed ({ amendment, articleId }: { amendment: AmendmentView; articleId: string }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => { heading.current?.focus() }, [])
  return (
    <section class="card filed" aria-labelledby="filed-title">
      <h2 id="filed-title" ref={heading} tabIndex={-1}><span aria-hidden="true">✓ </span>{t('amend.filed')}</h2>
      <p>{t('amend.filedWhere')}</p>
      {amendment.wording && <Wording wording={amendment.wording} />}
      <ul class="filed__links">
        <li><a href={amendmentPath(amendment.id)}>{t('amend.seeAmendment')}</a></li>
        <li><a href={`${articlePath(articleId)}#amendements`}>{t('amend.seeList')}</a></li>
      </ul>
    </section>
  )
}

/** The form: editor, preview, exposé sommaire, submit. */
function AmendForm ({ article, onFiled }: { article: ArticleView; onFiled: (a: AmendmentView) => void }) {
  const { chunk, chunkError } = useAmendEditorChunk()
  // A draft kept in this browser (see drafts.ts) fills the form again.
  const draftKey = amendDraftKey(article.id, article.revision)
  const [restored, setRestored] = useState<AmendDraft | null>(() => readDraft(draftKey, isAmendDraft))
  const filing = useProposalFiling(draftKey, onFiled)
  const { pending, submitted, setError, file } = filing
  const [typed, setTyped] = useState<string[]>(restored?.alineas ?? article.alineas)
  const [deleting, setDeleting] = useState(restored?.deleting ?? false)
  const [explanation, setExplanation] = useState(restored?.explanation ?? '')
  const [shown, setShown] = useState<Preview | null>(null)
  // « Rédiger le dispositif »: the second way to propose, parsed and applied live.
  const [mode, setMode] = useState<'text' | 'dispositif'>(restored?.mode ?? 'text')
  const [dispositif, setDispositif] = useState(restored?.dispositif ?? '')
  const [read, setRead] = useState<DispositifResult | null>(null)
  const mount = useRef<HTMLDivElement>(null)
  const editor = useRef<AmendEditor | null>(null)

  useEffect(() => {
    if (!chunk || !mount.current) return
    const ed = chunk.createAmendEditor(mount.current, typed, {
      label: t('amend.editorLabel', { num: article.num }),
      describedBy: 'amend-editor-hint',
      onChange: setTyped
    })
    editor.current = ed
    return () => { ed.destroy(); editor.current = null }
  }, [chunk, article.id])

  useEffect(() => { editor.current?.setEditable(!deleting) }, [deleting, chunk])

  const draft: AmendDraft = { alineas: typed, deleting, mode, dispositif, explanation }
  const dirty = !sameAlineas(typed, article.alineas) || deleting || dispositif.trim() !== '' || explanation.trim() !== ''
  useDraftSaving(draftKey, draft, dirty, !submitted)
  useLeaveGuard(dirty && !submitted, t('draft.leave'))
  const similar = useSimilarAmendments(article, chunk, shown && !shown.identical ? shown.diff : null)

  /** « Effacer le brouillon »: the article's text again, nothing typed, the draft forgotten. */
  function discardDraft () {
    clearDraft(draftKey)
    setRestored(null)
    editor.current?.setAlineas(article.alineas)
    setTyped(article.alineas)
    setDeleting(false)
    setMode('text')
    setDispositif('')
    setExplanation('')
    announce(t('draft.discarded'))
  }

  // The preview follows the text, computed at most every few frames while typing.
  useEffect(() => {
    if (!chunk) return
    const timer = setTimeout(() => {
      if (mode === 'dispositif') {
        const r = chunk.readDispositif(article.alineas, dispositif)
        setRead(r)
        setShown(r.ok ? chunk.preview(article.alineas, r.alineas) : null)
      } else {
        setShown(chunk.preview(article.alineas, deleting ? [] : chunk.proposalOf(typed)))
      }
    }, 60)
    return () => clearTimeout(timer)
  }, [chunk, typed, deleting, mode, dispositif])

  async function onSubmit (e: Event) {
    e.preventDefault()
    if (pending || !chunk) return
    if (mode === 'dispositif') { await submitDispositif(); return }
    const alineas = deleting ? [] : chunk.proposalOf(editor.current?.getAlineas() ?? typed)
    if (chunk.preview(article.alineas, alineas).identical) { setError(t('contrib.identical')); return }
    await file(explanation, () => api.propose(article.id, { alineas, explanation: explanation.trim(), baseRevision: article.revision }))
  }

  async function submitDispositif () {
    if (!chunk) return
    const r = chunk.readDispositif(article.alineas, dispositif)
    if (!r.ok) {
      setError(r.kind === 'empty' ? t('amend.dispositifEmpty') : r.kind === 'unreadable' ? t('amend.dispositifUnreadable', { message: r.message }) : t('amend.dispositifNotApplicable', { message: r.message }))
      return
    }
    if (chunk.preview(article.alineas, r.alineas).identical) { setError(t('contrib.identical')); return }
    await file(explanation, () => api.propose(article.id, { dispositif, lang: r.lang, explanation: explanation.trim(), baseRevision: article.revision }))
  }

  if (chunkError) return <LoadError error={new Error(t('amend.loadFailed'))} onRetry={() => location.reload()} />
  const changed = shown && !shown.identical
  return (
    <form class="amend-form" onSubmit={onSubmit} aria-busy={pending} noValidate>
      {restored && <DraftNotice onDiscard={discardDraft} />}
      <fieldset class="amend-mode choices">
        <legend>{t('amend.modeLegend')}</legend>
        <label class="choice">
          <input type="radio" name="amend-mode" value="text" checked={mode === 'text'} onChange={() => setMode('text')} />
          <span>{t('amend.modeText')}</span>
        </label>
        <label class="choice">
          <input type="radio" name="amend-mode" value="dispositif" checked={mode === 'dispositif'} onChange={() => setMode('dispositif')} />
          <span>{t('amend.modeDispositif')}</span>
        </label>
      </fieldset>
      <div class="amend-layout">
        {mode === 'dispositif' && (
          <section class="amend-edit amend-edit--dispositif" aria-labelledby="amend-dispositif-title">
            <h2 id="amend-dispositif-title">{t('amend.modeDispositif')}</h2>
            <DispositifField value={dispositif} onInput={setDispositif} result={read} />
          </section>
        )}
        <section class="amend-edit" aria-labelledby="amend-edit-title" hidden={mode !== 'text'}>
          <h2 id="amend-edit-title">{t('amend.editTitle')}</h2>
          <p id="amend-editor-hint" class="field__hint">{t('amend.editorHint')} <span class="keyboard-hint">{t('amend.editorKeys')}</span></p>
          {!chunk && <Loading />}
          <div ref={mount} class={`amend-editor${deleting ? ' amend-editor--deleting' : ''}`} data-ready={chunk ? 'true' : 'false'} />
          <div class="amend-edit__tools">
            <label class="choice">
              <input type="checkbox" checked={deleting} onChange={e => setDeleting((e.currentTarget as HTMLInputElement).checked)} />
              <span>{t('amend.deleteArticle')}</span>
            </label>
            <button type="button" class="button button--link" disabled={!chunk || deleting} onClick={() => editor.current?.setAlineas(article.alineas)}>
              {t('amend.reset')}
            </button>
          </div>
        </section>
        <section class="amend-preview" aria-labelledby="amend-preview-title">
          <h2 id="amend-preview-title">{t('amend.previewTitle')}</h2>
          {!changed && <p class="empty" data-preview="none">{t('amend.previewEmpty')}</p>}
          {changed && (
            <div data-preview="ready">
              <DiffView diff={shown.diff} label={t('amend.diffLabel')} />
              {shown.wording && (
                <div class="amend-preview__wording">
                  <h3>{t('amend.wordingTitle')}</h3>
                  <Wording wording={shown.wording} />
                </div>
              )}
            </div>
          )}
          <SimilarAmendments items={similar} />
        </section>
      </div>
      <ProposalFormEnd filing={filing} explanation={explanation} onExplanation={setExplanation} ready={!!chunk} cancelHref={articlePath(article.id)} />
    </form>
  )
}

/** The amend page of an article. */
export function AmendPage ({ id, me, epoch }: { id: string; me: SessionState; epoch: number }) {
  const article = useResource(signal => api.article(id, signal), [id, epoch])
  const billId = article.data?.billId
  const bill = useResource(signal => billId ? api.bill(billId, signal) : new Promise<never>(() => {}), [billId])
  const [filed, setFiled] = useState<AmendmentView | null>(null)

  if (article.data === undefined) return <PageLoadState error={article.error} onRetry={article.reload} notFound={t('article.notFound')} />
  const a = article.data
  const b = bill.data
  const path = articlePath(a.id)
  const title = t('amend.title', { num: a.num })
  const reason = b ? blocked(phaseOf(b)) : null
  return (
    <div class="page page--amend">
      <Breadcrumb items={[
        { label: t('nav.home'), href: '/' },
        { label: b?.title ?? t('common.loading'), href: `/bills/${encodeURIComponent(a.billId)}` },
        { label: t('article.title', { num: a.num }), href: path },
        { label: t('amend.crumb') }
      ]} />
      <PageHeading title={title} />
      <p class="lead">{t('amend.intro')}</p>
      {filed
        ? <Filed amendment={filed} articleId={a.id} />
        : me === undefined || !b
          ? <Loading />
          : me === null
            ? <p class="notice-box">{t('amend.signedOut')} <a href={`/login?next=${encodeURIComponent(`${path}/amend`)}`}>{t('amend.signIn')}</a></p>
            : reason
              ? <p class="notice-box">{reason} <a href={path}>{t('amend.back')}</a></p>
              : <AmendForm article={a} onFiled={setFiled} />}
    </div>
  )
}
