/**
 * Propose an additional article (`/bills/:id/add-article?after=<articleId>`
 * or `?before=`): the amend page's editor, starting empty, the new article's
 * optional heading, the preview (every alinéa inserted) and the dispositif
 * « Après l'article 2, insérer un article additionnel ainsi rédigé : », the
 * exposé sommaire, and the result with where it appears. The editor is the
 * amend chunk, loaded with `import()`.
 */
import { useEffect, useRef, useState } from 'preact/hooks'
import { api, type AmendmentView, type ArticleView, type BillView } from '../api.ts'
import { phaseOf } from '../../shared/phase.ts'
import { t } from '../i18n/index.ts'
import { useResource } from '../useResource.ts'
import type { SessionState } from '../session.ts'
import { PageHeading } from '../components/PageHeading.tsx'
import { Breadcrumb } from '../components/Breadcrumb.tsx'
import { Loading, LoadError } from '../components/LoadError.tsx'
import { DiffView } from '../components/DiffView.tsx'
import { Wording } from '../components/Wording.tsx'
import { amendmentPath } from '../components/AmendmentCard.tsx'
import { amendmentNumber } from '../components/AmendmentBadges.tsx'
import { announce } from '../components/Announcer.tsx'
import { PageLoadState } from './PageLoadState.tsx'
import { NotFoundPage } from './NotFound.tsx'
import { additionalArticleWording, type AnchorSide } from '../../shared/additional-article.ts'
import type { AmendEditor } from '../amendment-editor/editor.ts'
import type { Preview } from '../amendment-editor/index.ts'
import { clearDraft, readDraft, useDraftSaving } from '../drafts.ts'
import { addArticleDraftKey, isAddArticleDraft, type AddArticleDraft } from '../amend-drafts.ts'
import { useLeaveGuard } from '../leave-guard.ts'
import { DraftNotice } from '../components/DraftNotice.tsx'
import { useAmendEditorChunk } from './useAmendEditorChunk.ts'
import { useProposalFiling } from './useProposalFiling.ts'
import { ProposalFormEnd } from './ProposalFormEnd.tsx'


/** The form: heading, editor, preview, exposé sommaire, submit. */
function AddArticleForm ({ bill, anchor, side, onFiled }: { bill: BillView; anchor: ArticleView; side: AnchorSide; onFiled: (a: AmendmentView) => void }) {
  const { chunk, chunkError } = useAmendEditorChunk()
  // A draft kept in this browser (see drafts.ts) fills the form again.
  const draftKey = addArticleDraftKey(bill.id, side, anchor.id, anchor.revision)
  const [restored, setRestored] = useState<AddArticleDraft | null>(() => readDraft(draftKey, isAddArticleDraft))
  const filing = useProposalFiling(draftKey, onFiled)
  const { pending, submitted, setError, file } = filing
  const [typed, setTyped] = useState<string[]>(restored?.alineas ?? [])
  const [heading, setHeading] = useState(restored?.heading ?? '')
  const [explanation, setExplanation] = useState(restored?.explanation ?? '')
  const [shown, setShown] = useState<Preview | null>(null)
  const mount = useRef<HTMLDivElement>(null)
  const editor = useRef<AmendEditor | null>(null)

  useEffect(() => {
    if (!chunk || !mount.current) return
    const ed = chunk.createAmendEditor(mount.current, typed, { label: t('addArticle.editorLabel'), describedBy: 'add-article-hint', onChange: setTyped })
    editor.current = ed
    return () => { ed.destroy(); editor.current = null }
  }, [chunk])

  const dirty = typed.some(a => a.trim() !== '') || heading.trim() !== '' || explanation.trim() !== ''
  useDraftSaving(draftKey, { alineas: typed, heading, explanation } satisfies AddArticleDraft, dirty, !submitted)
  useLeaveGuard(dirty && !submitted, t('draft.leave'))

  /** « Effacer le brouillon »: an empty form again, the draft forgotten. */
  function discardDraft () {
    clearDraft(draftKey)
    setRestored(null)
    editor.current?.setAlineas([])
    setTyped([])
    setHeading('')
    setExplanation('')
    announce(t('draft.discarded'))
  }

  useEffect(() => {
    if (!chunk) return
    const timer = setTimeout(() => setShown(chunk.preview([], chunk.proposalOf(typed))), 60)
    return () => clearTimeout(timer)
  }, [chunk, typed])

  async function onSubmit (e: Event) {
    e.preventDefault()
    if (pending || !chunk) return
    const alineas = chunk.proposalOf(editor.current?.getAlineas() ?? typed)
    if (alineas.length === 0) { setError(t('addArticle.empty')); return }
    const position = side === 'after' ? { after: anchor.id } : { before: anchor.id }
    await file(explanation, () => api.proposeArticle(bill.id, {
      position, alineas, explanation: explanation.trim(), baseRevision: anchor.revision, ...(heading.trim() ? { heading: heading.trim() } : {})
    }))
  }

  if (chunkError) return <LoadError error={new Error(t('amend.loadFailed'))} onRetry={() => location.reload()} />
  const proposal = shown && !shown.identical ? chunk?.proposalOf(typed) ?? [] : []
  const wording = proposal.length
    ? { fr: additionalArticleWording(side, anchor.num, proposal, 'fr', heading.trim() || null), en: additionalArticleWording(side, anchor.num, proposal, 'en', heading.trim() || null) }
    : null
  return (
    <form class="amend-form" onSubmit={onSubmit} aria-busy={pending} noValidate>
      {restored && <DraftNotice onDiscard={discardDraft} />}
      <div class="field">
        <label class="field__label" for="add-article-heading">{t('addArticle.heading')}</label>
        <p class="field__hint" id="add-article-heading-hint">{t('addArticle.headingHint')}</p>
        <input id="add-article-heading" class="field__input" maxLength={300} aria-describedby="add-article-heading-hint" value={heading}
          onInput={e => setHeading((e.currentTarget as HTMLInputElement).value)} />
      </div>
      <div class="amend-layout">
        <section class="amend-edit" aria-labelledby="amend-edit-title">
          <h2 id="amend-edit-title">{t('amend.editTitle')}</h2>
          <p id="add-article-hint" class="field__hint">{t('addArticle.editorHint')}</p>
          {!chunk && <Loading />}
          <div ref={mount} class="amend-editor" data-ready={chunk ? 'true' : 'false'} />
        </section>
        <section class="amend-preview" aria-labelledby="amend-preview-title">
          <h2 id="amend-preview-title">{t('amend.previewTitle')}</h2>
          {!wording && <p class="empty" data-preview="none">{t('amend.previewEmpty')}</p>}
          {wording && shown && (
            <div data-preview="ready">
              <DiffView diff={shown.diff} label={t('amend.diffLabel')} />
              <div class="amend-preview__wording">
                <h3>{t('amend.wordingTitle')}</h3>
                <Wording wording={wording} />
              </div>
            </div>
          )}
        </section>
      </div>
      <ProposalFormEnd filing={filing} explanation={explanation} onExplanation={setExplanation} ready={!!chunk}
        cancelHref={`/bills/${encodeURIComponent(bill.id)}#article-${encodeURIComponent(anchor.id)}`} />
    </form>
  )
}

/** The filed additional article: its number, its wording and where it appears. */
function Filed ({ amendment, billId }: { amendment: AmendmentView; billId: string }) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => { heading.current?.focus() }, [])
  return (
    <section class="card filed" aria-labelledby="filed-title">
      <h2 id="filed-title" ref={heading} tabIndex={-1}><span aria-hidden="true">✓ </span>{t('amend.filed')} ({amendmentNumber(amendment)})</h2>
      {amendment.wording && <Wording wording={amendment.wording} />}
      <ul class="filed__links">
        <li><a href={amendmentPath(amendment.id)}>{t('amend.seeAmendment')}</a></li>
        <li><a href={`/bills/${encodeURIComponent(billId)}`}>{t('amend.back')}</a></li>
      </ul>
    </section>
  )
}

/** The page; `query` holds `after` or `before` (an article id). */
export function AddArticlePage ({ id, query, me, epoch }: { id: string; query: URLSearchParams; me: SessionState; epoch: number }) {
  const bill = useResource(signal => api.bill(id, signal), [id, epoch])
  const [filed, setFiled] = useState<AmendmentView | null>(null)
  const side: AnchorSide = query.get('before') ? 'before' : 'after'
  const anchorId = query.get(side) ?? ''
  if (bill.data === undefined) return <PageLoadState error={bill.error} onRetry={bill.reload} notFound={t('bill.notFound')} />
  const b = bill.data
  const anchor = b.articles.find(a => a.id === anchorId)
  if (!anchor) return <NotFoundPage title={t('article.notFound')} />
  const phase = phaseOf(b)
  const path = `/bills/${encodeURIComponent(b.id)}/add-article?${side}=${encodeURIComponent(anchor.id)}`
  return (
    <div class="page page--amend page--add-article">
      <Breadcrumb items={[
        { label: t('nav.home'), href: '/' },
        { label: b.title, href: `/bills/${encodeURIComponent(b.id)}` },
        { label: t('addArticle.crumb') }
      ]} />
      <PageHeading title={t(side === 'after' ? 'addArticle.titleAfter' : 'addArticle.titleBefore', { num: anchor.num })} />
      <p class="lead">{t('addArticle.intro')}</p>
      {filed
        ? <Filed amendment={filed} billId={b.id} />
        : me === undefined
          ? <Loading />
          : me === null
            ? <p class="notice-box">{t('amend.signedOut')} <a href={`/login?next=${encodeURIComponent(path)}`}>{t('amend.signIn')}</a></p>
            : phase !== 'open'
              ? <p class="notice-box">{phase === 'closed' ? t('amend.closed') : t('amend.notOpen')}</p>
              : <AddArticleForm bill={b} anchor={anchor} side={side} onFiled={setFiled} />}
    </div>
  )
}
