/**
 * The synthesis report as one self-contained HTML page: inline CSS (with a
 * print stylesheet, so the same page makes the PDF), no scripts, no external
 * resources, every piece of user text escaped. Figures carry `data-`
 * attributes so tools can read them back. In the report language (`lang`).
 * In print (the PDF) every page has its number in the footer (a CSS page
 * margin box), deletions are struck and insertions underlined so they read
 * in black and white, and the only forced page break is after the cover:
 * sections follow each other, headings stay with what follows them, and
 * only small blocks (a table row, an argument) refuse to be split.
 */
import { liasseLine } from './liasse.ts'
import type { SynthesisAmendmentView, SynthesisArgumentView, SynthesisArticleView, SynthesisView } from '../../shared/api.ts'
import { articleTitle, inlineDiff, sideBySide, type Run } from './report.ts'
import { councilHtml } from './council-report.ts'
import { formatsOf, wordsOf, type Formats, type ReportLang, type Words } from './words.ts'
import { revisionNote } from './revision-note.ts'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text made safe for HTML content and attribute values. */
export function esc (text: string): string {
  return text.replace(/[&<>"']/g, c => ESCAPES[c])
}

const css = (w: Words): string => `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --line: #ccc; --for: #1a7f37; --against: #b42318; --mixed: #8a6d00; }
* { box-sizing: border-box; }
body { font: 11pt/1.5 "DejaVu Serif", Georgia, "Times New Roman", serif; color: var(--ink); max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1, h2, h3, h4 { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; line-height: 1.25; break-after: avoid; }
h1 { font-size: 1.9rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.4rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin: .5rem 0; }
.title-page { padding: 2rem 0 1rem; border-bottom: 1px solid var(--line); }
.kicker { text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-family: "DejaVu Sans", Arial, sans-serif; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.meta dt { font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
tr { break-inside: avoid; }
thead { display: table-header-group; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; height: .6rem; background: #4a6fa5; vertical-align: middle; }
.for { color: var(--for); } .against { color: var(--against); } .mixed { color: var(--mixed); }
ins { text-decoration: underline; text-decoration-thickness: .08em; text-underline-offset: .15em; background: #e6f4ea; }
del { text-decoration: line-through; text-decoration-thickness: .08em; background: #fdecea; }
blockquote.wording { margin: .5rem 0; padding: .5rem 1rem; border-left: 4px solid #4a6fa5; background: #f6f8fb; }
.diff p { margin: .2rem 0; }
.label { color: var(--muted); font-size: .85em; margin-right: .4rem; font-family: "DejaVu Sans", Arial, sans-serif; }
.amendment, .argument { border: 1px solid var(--line); border-radius: 4px; padding: .5rem .8rem; margin: .5rem 0; }
.argument, .figures, .decision { break-inside: avoid; }
.hidden-note { color: var(--muted); font-style: italic; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.muted { color: var(--muted); }
nav ol { columns: 2; }
@media print {
  @page {
    size: A4; margin: 16mm 16mm 18mm;
    @bottom-center { content: ${w.pageCss}; font: 8.5pt "DejaVu Sans", Arial, sans-serif; color: #555; }
  }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { break-after: page; }
  .title-page { border: 0; }
  h2 { margin-top: 1.8rem; }
  a { color: inherit; text-decoration: none; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`

const runs = (rs: Run[]): string => rs.map(r => r.op === 'insert' ? `<ins>${esc(r.text)}</ins>` : r.op === 'delete' ? `<del>${esc(r.text)}</del>` : esc(r.text)).join('')

/** The words and formats of the report being written. */
interface L { w: Words; f: Formats; colon: string }

const person = (l: L, p: { displayName: string; profileType: keyof Words['profile'] }): string => `${esc(p.displayName)} <span class="muted">(${l.w.profile[p.profileType]})</span>`

function tallyTable (l: L, a: SynthesisArticleView): string {
  const { w, f } = l
  const cell = (side: 'for' | 'mixed' | 'against') => `<td class="n" data-votes-${side}="${a.tally[side]}">${f.num(a.tally[side])}</td>`
  const share = (side: 'for' | 'mixed' | 'against') => `<td class="n">${f.pct(a.shares[side])}</td>`
  return `<table class="tally" data-article="${esc(a.id)}"><thead><tr><th></th><th class="for">${w.for}</th><th class="mixed">${w.mixed}</th><th class="against">${w.against}</th><th>${w.votes}</th></tr></thead>
<tbody><tr><th>${w.voices}</th>${cell('for')}${cell('mixed')}${cell('against')}<td class="n" data-votes="${a.votes}">${f.num(a.votes)}</td></tr>
<tr><th>${w.share}</th>${share('for')}${share('mixed')}${share('against')}<td class="n">${a.votes ? f.pct(1) : '—'}</td></tr></tbody></table>`
}

function amendmentBlock (l: L, m: SynthesisAmendmentView, withDecision: boolean, lang: ReportLang): string {
  const { w, f } = l
  const figures = `<p class="figures">${w.for} ${f.num(m.tally.for)} · ${w.mixed} ${f.num(m.tally.mixed)} · ${w.against} ${f.num(m.tally.against)} · ${w.support} ${f.score(m.support)}</p>`
  const body = m.hidden
    ? `<p class="hidden-note">${esc(w.hiddenNote(w.reason[m.hiddenReason ?? 'other']))}</p>`
    : `${m.wording ? `<blockquote class="wording">${esc(m.wording[lang])}</blockquote>` : ''}
${m.diff ? `<div class="diff">${inlineDiff(m.diff, w).map(a => `<p><span class="label">${esc(a.label)}</span>${runs(a.runs)}</p>`).join('\n')}</div>` : ''}
<p class="explanation"><strong>${w.explanation}${l.colon}</strong> ${esc(m.explanation)}</p>`
  const decision = withDecision && m.decision
    ? `<p class="decision"><strong>${esc(w.decision(m.status === 'accepted', f.day(m.decision.at), m.decision.by.displayName))}</strong> — ${esc(w.response.toLowerCase())}${l.colon} ${esc(m.decision.response)}</p>`
    : ''
  const additional = m.kind === 'addArticle' ? w.additional(m.position === 'before' ? 'before' : 'after') : ''
  return `<div class="amendment" data-amendment="${esc(m.id)}"><h4>${w.amendmentTitle(m.number)}${esc(additional)} ${w.by} ${person(l, m.author)} — ${w.status[m.status]}</h4>
${figures}${body}${decision}</div>`
}

const argumentItem = (l: L, g: SynthesisArgumentView): string =>
  `<li class="argument" data-argument="${esc(g.id)}"><p>${esc(g.body)}</p><p class="muted">${person(l, g.author)} · ${l.w.upvotes(g.upvotes, l.f.num(g.upvotes))}</p></li>`

function articleSection (l: L, a: SynthesisArticleView, lang: ReportLang): string {
  const { w, f } = l
  const c = a.amendments
  const counts = w.articleCounts({ total: `<strong>${f.num(c.total)}</strong>`, accepted: f.num(c.accepted), rejected: f.num(c.rejected), proposed: f.num(c.proposed), withdrawn: f.num(c.withdrawn) })
  const args = w.argumentCounts(`<strong class="for">${f.num(a.arguments.for)}</strong>`, `<strong class="against">${f.num(a.arguments.against)}</strong>`)
  const list = (items: SynthesisArgumentView[]): string => items.length ? `<ol>${items.map(g => argumentItem(l, g)).join('')}</ol>` : `<p class="muted">${w.none}</p>`
  return `<section class="article" id="article-${esc(a.id)}">
<h2>${esc(articleTitle(a.num, a.heading))}</h2>
${tallyTable(l, a)}${revisionNote(a, lang) ? `\n<p class="revision-note">${esc(revisionNote(a, lang)!)}</p>` : ''}
<p>${counts} · ${w.argumentsLabel}${l.colon} ${args}</p>
<h3>${w.topAmendments}</h3>
${a.topAmendments.length ? a.topAmendments.map(m => amendmentBlock(l, m, false, lang)).join('\n') : `<p class="muted">${w.noAmendment}</p>`}
<h3>${w.topArguments}</h3>
<div class="columns"><div><h4 class="for">${w.for}</h4>${list(a.topArguments.for)}</div>
<div><h4 class="against">${w.against}</h4>${list(a.topArguments.against)}</div></div>
<h3>${w.decided}</h3>
${a.decided.length ? a.decided.map(m => amendmentBlock(l, m, true, lang)).join('\n') : `<p class="muted">${w.noDecision}</p>`}
</section>`
}

function participationSection (l: L, s: SynthesisView): string {
  const { w, f } = l
  const p = s.participation
  const max = Math.max(1, ...p.days.map(d => d.votes + d.amendments + d.arguments))
  const days = p.days.map(d => {
    const total = d.votes + d.amendments + d.arguments
    return `<tr><td>${esc(d.day)}</td><td class="n">${f.num(d.votes)}</td><td class="n">${f.num(d.amendments)}</td><td class="n">${f.num(d.arguments)}</td><td><span class="bar" style="width:${(100 * total / max).toFixed(1)}%"></span></td></tr>`
  }).join('\n')
  return `<section id="participation"><h2>${w.participation}</h2>
<table class="participants"><thead><tr><th>${w.participants}</th><th>${w.number}</th></tr></thead><tbody>
<tr><td>${w.citizens}</td><td class="n" data-participants-citizen="${p.participants.citizen}">${f.num(p.participants.citizen)}</td></tr>
<tr><td>${w.organisations}</td><td class="n" data-participants-organisation="${p.participants.organisation}">${f.num(p.participants.organisation)}</td></tr>
<tr><td>${w.institutions}</td><td class="n" data-participants-institution="${p.participants.institution}">${f.num(p.participants.institution)}</td></tr>
<tr><th>${w.total}</th><td class="n" data-participants="${p.participants.total}"><strong>${f.num(p.participants.total)}</strong></td></tr></tbody></table>
<table class="contributions"><thead><tr><th>${w.contributions}</th><th>${w.number}</th></tr></thead><tbody>
<tr><td>${w.articleVotes}</td><td class="n">${f.num(p.contributions.votes.articles)}</td></tr>
<tr><td>${w.amendmentVotes}</td><td class="n">${f.num(p.contributions.votes.amendments)}</td></tr>
<tr><td>${esc(w.argumentUpvotes)}</td><td class="n">${f.num(p.contributions.votes.arguments)}</td></tr>
<tr><td>${w.amendmentsLabel}</td><td class="n" data-amendments="${p.contributions.amendments}">${f.num(p.contributions.amendments)}</td></tr>
<tr><td>${w.argumentsLabel}</td><td class="n" data-arguments="${p.contributions.arguments}">${f.num(p.contributions.arguments)}</td></tr></tbody></table>
<h3>${w.perDay}</h3>
<table class="days"><thead><tr><th>${w.day}</th><th>${w.votes}</th><th>${w.amendmentsLabel}</th><th>${w.argumentsLabel}</th><th>${w.activity}</th></tr></thead><tbody>
${days || `<tr><td colspan="5" class="muted">${w.noContribution}</td></tr>`}</tbody></table></section>`
}

function comparisonSection (l: L, s: SynthesisView): string {
  const { w } = l
  const blocks = s.consolidated.articles.map(c => {
    const rows = sideBySide(c.diff).map(r => `<tr><td>${r.left ? runs(r.left) : ''}</td><td>${r.right ? runs(r.right) : ''}</td></tr>`).join('\n')
    const conflicts = c.conflicts.length
      ? `<p class="hidden-note">${esc(w.notApplied)}${l.colon} ${c.conflicts.map(x => esc(x.amendmentId)).join(', ')}.</p>`
      : ''
    return `<h3>${esc(articleTitle(c.num, c.heading))}</h3>
<table class="compare" data-article="${esc(c.articleId ?? c.amendmentId ?? '')}"><thead><tr><th>${w.initial}</th><th>${w.consolidated}</th></tr></thead><tbody>
${rows || `<tr><td colspan="2" class="muted">${w.articleDeleted}</td></tr>`}</tbody></table>${conflicts}`
  }).join('\n')
  return `<section id="tableau-comparatif"><h2>${w.comparison}</h2>
<p class="muted">${esc(w.comparisonNote(s.consolidated.revision))}</p>
${blocks || `<p class="muted">${w.noText}</p>`}</section>`
}

function liasseSection (l: L, s: SynthesisView, lang: ReportLang): string {
  if (s.discussion.length === 0) return ''
  const { w } = l
  const rows = s.discussion.map(e => {
    const line = liasseLine(e, lang)
    return `<tr data-amendment="${esc(e.amendmentId)}"><td>${esc(line.number)}</td><td>${esc(line.place)}</td><td>${esc(line.detail)}</td></tr>`
  }).join('\n')
  return `<section id="liasse"><h2>${esc(w.liasseTitle)}</h2>
<p class="muted">${esc(w.liasseNote)}</p>
<table class="liasse"><thead><tr><th>${w.liasseNumber}</th><th>${w.liassePlace}</th><th>${w.liasseFate}</th></tr></thead><tbody>
${rows}</tbody></table></section>`
}

/** The report of a synthesis as a complete HTML page, in `lang` (French by default). */
export function renderHtml (s: SynthesisView, lang: ReportLang = 'fr'): string {
  const w = wordsOf(lang)
  const f = formatsOf(lang)
  const l: L = { w, f, colon: lang === 'fr' ? ' :' : ':' }
  const b = s.bill
  const toc = s.articles.map(a => `<li><a href="#article-${esc(a.id)}">${esc(articleTitle(a.num, a.heading))}</a></li>`).join('')
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Alinea">
<title>${w.report} — ${esc(b.title)}</title>
<style>${css(w)}</style>
</head>
<body>
<header class="title-page">
<p class="kicker">${w.kicker}</p>
<h1>${esc(b.title)}</h1>
${b.summary ? `<p>${esc(b.summary)}</p>` : ''}
<dl class="meta">
<dt>${w.consultation}</dt><dd>${w.period(f.day(b.opensAt), f.day(b.closesAt), w.billStatus[b.status])}</dd>
<dt>${w.text}</dt><dd>${w.revisionArticles(b.revision, f.num(s.articles.length), s.articles.length)}</dd>
<dt>${w.authors}</dt><dd>${b.authors.map(a => esc(a.displayName)).join(', ') || '—'}</dd>
<dt>${w.participants}</dt><dd>${f.num(s.participation.participants.total)}</dd>
<dt>${w.established}</dt><dd>${f.when(s.generatedAt)}</dd>
</dl>
</header>
<nav><h2>${w.contents}</h2><ol><li><a href="#participation">${w.participation}</a></li><li><a href="#methode">${w.method}</a></li>${toc}<li><a href="#tableau-comparatif">${w.comparison}</a></li>${s.council ? `<li><a href="#conseil-citoyen">${w.council}</a></li>` : ''}${s.discussion.length ? `<li><a href="#liasse">${esc(w.liasseTitle)}</a></li>` : ''}</ol></nav>
${participationSection(l, s)}
<section id="methode"><h2>${w.method}</h2><p>${esc(w.ranking)}</p></section>
${s.articles.map(a => articleSection(l, a, lang)).join('\n')}
${comparisonSection(l, s)}
${councilHtml(s, esc, lang)}
${liasseSection(l, s, lang)}
</body>
</html>
`
}
