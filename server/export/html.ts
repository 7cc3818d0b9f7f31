/**
 * The synthesis report as one self-contained HTML page: inline CSS (with a
 * print stylesheet, so the same page makes the PDF), no scripts, no external
 * resources, every piece of user text escaped. Figures carry `data-`
 * attributes so tools can read them back.
 */
import { LIASSE_NOTE, LIASSE_TITLE, liasseLine } from './liasse.ts'
import type { SynthesisAmendmentView, SynthesisArgumentView, SynthesisArticleView, SynthesisView } from '../../shared/api.ts'
import {
  BILL_STATUS_FR, PROFILE_FR, RANKING_FR, STATUS_FR, articleTitle, day, inlineDiff, num, pct, score, sideBySide, when, type Run
} from './report.ts'
import { councilHtml } from './council-report.ts'
import { revisionNote } from './revision-note.ts'

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

/** Text made safe for HTML content and attribute values. */
export function esc (text: string): string {
  return text.replace(/[&<>"']/g, c => ESCAPES[c])
}

const CSS = `
:root { color-scheme: light; --ink: #1b1b1b; --muted: #555; --line: #ccc; --for: #1a7f37; --against: #b42318; --mixed: #8a6d00; }
* { box-sizing: border-box; }
body { font: 11pt/1.5 "DejaVu Serif", Georgia, "Times New Roman", serif; color: var(--ink); max-width: 60rem; margin: 0 auto; padding: 2rem 1.5rem; }
h1, h2, h3, h4 { font-family: "DejaVu Sans", Arial, Helvetica, sans-serif; line-height: 1.25; }
h1 { font-size: 1.9rem; margin: .5rem 0 1rem; }
h2 { font-size: 1.4rem; border-bottom: 2px solid var(--ink); padding-bottom: .2rem; margin-top: 2.5rem; }
h3 { font-size: 1.1rem; margin-top: 1.5rem; }
h4 { font-size: 1rem; margin: .5rem 0; }
.title-page { min-height: 60vh; display: flex; flex-direction: column; justify-content: center; border-bottom: 1px solid var(--line); }
.kicker { text-transform: uppercase; letter-spacing: .08em; color: var(--muted); font-family: "DejaVu Sans", Arial, sans-serif; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.meta dt { font-weight: bold; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
.bar { display: inline-block; height: .6rem; background: #4a6fa5; vertical-align: middle; }
.for { color: var(--for); } .against { color: var(--against); } .mixed { color: var(--mixed); }
ins { text-decoration: underline; background: #e6f4ea; }
del { text-decoration: line-through; background: #fdecea; }
blockquote.wording { margin: .5rem 0; padding: .5rem 1rem; border-left: 4px solid #4a6fa5; background: #f6f8fb; }
.diff p { margin: .2rem 0; }
.label { color: var(--muted); font-size: .85em; margin-right: .4rem; font-family: "DejaVu Sans", Arial, sans-serif; }
.amendment, .argument { border: 1px solid var(--line); border-radius: 4px; padding: .5rem .8rem; margin: .5rem 0; break-inside: avoid; }
.hidden-note { color: var(--muted); font-style: italic; }
.columns { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.muted { color: var(--muted); }
nav ol { columns: 2; }
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav { break-after: page; }
  .title-page { break-after: page; min-height: 0; border: 0; }
  section.article, #tableau-comparatif { break-before: page; }
  a { color: inherit; text-decoration: none; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  ins, del { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`

const runs = (rs: Run[]): string => rs.map(r => r.op === 'insert' ? `<ins>${esc(r.text)}</ins>` : r.op === 'delete' ? `<del>${esc(r.text)}</del>` : esc(r.text)).join('')

const person = (p: { displayName: string; profileType: keyof typeof PROFILE_FR }): string => `${esc(p.displayName)} <span class="muted">(${PROFILE_FR[p.profileType]})</span>`

function tallyTable (a: SynthesisArticleView): string {
  const cell = (side: 'for' | 'mixed' | 'against') => `<td class="n" data-votes-${side}="${a.tally[side]}">${num(a.tally[side])}</td>`
  const share = (side: 'for' | 'mixed' | 'against') => `<td class="n">${pct(a.shares[side])}</td>`
  return `<table class="tally" data-article="${esc(a.id)}"><thead><tr><th></th><th class="for">Pour</th><th class="mixed">Mitigé</th><th class="against">Contre</th><th>Votes</th></tr></thead>
<tbody><tr><th>Voix</th>${cell('for')}${cell('mixed')}${cell('against')}<td class="n" data-votes="${a.votes}">${num(a.votes)}</td></tr>
<tr><th>Part</th>${share('for')}${share('mixed')}${share('against')}<td class="n">${a.votes ? '100 %' : '—'}</td></tr></tbody></table>`
}

function amendmentBlock (m: SynthesisAmendmentView, withDecision: boolean): string {
  const figures = `<p class="figures">Pour ${num(m.tally.for)} · Mitigé ${num(m.tally.mixed)} · Contre ${num(m.tally.against)} · soutien ${score(m.support)}</p>`
  const body = m.hidden
    ? `<p class="hidden-note">Masqué par la modération (${esc(m.hiddenReason ?? 'other')}) : texte retiré de la synthèse.</p>`
    : `${m.wording ? `<blockquote class="wording">${esc(m.wording.fr)}</blockquote>` : ''}
${m.diff ? `<div class="diff">${inlineDiff(m.diff).map(a => `<p><span class="label">${esc(a.label)}</span>${runs(a.runs)}</p>`).join('\n')}</div>` : ''}
<p class="explanation"><strong>Exposé sommaire :</strong> ${esc(m.explanation)}</p>`
  const decision = withDecision && m.decision
    ? `<p class="decision"><strong>${m.status === 'accepted' ? 'Adopté' : 'Rejeté'}</strong> le ${day(m.decision.at)} par ${esc(m.decision.by.displayName)} — réponse des rédacteurs : ${esc(m.decision.response)}</p>`
    : ''
  return `<div class="amendment" data-amendment="${esc(m.id)}"><h4>Amendement n° ${m.number}${m.kind === 'addArticle' ? ` (article additionnel ${m.position === 'before' ? 'avant' : 'après'} cet article)` : ''} de ${person(m.author)} — ${STATUS_FR[m.status]}</h4>
${figures}${body}${decision}</div>`
}

const argumentItem = (g: SynthesisArgumentView): string =>
  `<li class="argument" data-argument="${esc(g.id)}"><p>${esc(g.body)}</p><p class="muted">${person(g.author)} · ${num(g.upvotes)} soutien${g.upvotes > 1 ? 's' : ''}</p></li>`

function articleSection (a: SynthesisArticleView): string {
  const c = a.amendments
  return `<section class="article" id="article-${esc(a.id)}">
<h2>${esc(articleTitle(a.num, a.heading))}</h2>
${tallyTable(a)}${revisionNote(a) ? `\n<p class="revision-note">${esc(revisionNote(a)!)}</p>` : ''}
<p>Amendements : <strong>${num(c.total)}</strong> (adoptés ${num(c.accepted)}, rejetés ${num(c.rejected)}, en discussion ${num(c.proposed)} ; retirés ${num(c.withdrawn)}) · Arguments : <strong class="for">${num(a.arguments.for)}</strong> pour, <strong class="against">${num(a.arguments.against)}</strong> contre</p>
<h3>Amendements les plus soutenus</h3>
${a.topAmendments.length ? a.topAmendments.map(m => amendmentBlock(m, false)).join('\n') : '<p class="muted">Aucun amendement.</p>'}
<h3>Arguments les plus soutenus</h3>
<div class="columns"><div><h4 class="for">Pour</h4>${a.topArguments.for.length ? `<ol>${a.topArguments.for.map(argumentItem).join('')}</ol>` : '<p class="muted">Aucun.</p>'}</div>
<div><h4 class="against">Contre</h4>${a.topArguments.against.length ? `<ol>${a.topArguments.against.map(argumentItem).join('')}</ol>` : '<p class="muted">Aucun.</p>'}</div></div>
<h3>Amendements adoptés et rejetés</h3>
${a.decided.length ? a.decided.map(m => amendmentBlock(m, true)).join('\n') : '<p class="muted">Aucune décision.</p>'}
</section>`
}

function participationSection (s: SynthesisView): string {
  const p = s.participation
  const max = Math.max(1, ...p.days.map(d => d.votes + d.amendments + d.arguments))
  const days = p.days.map(d => {
    const total = d.votes + d.amendments + d.arguments
    return `<tr><td>${esc(d.day)}</td><td class="n">${num(d.votes)}</td><td class="n">${num(d.amendments)}</td><td class="n">${num(d.arguments)}</td><td><span class="bar" style="width:${(100 * total / max).toFixed(1)}%"></span></td></tr>`
  }).join('\n')
  return `<section id="participation"><h2>Participation</h2>
<table class="participants"><thead><tr><th>Participants</th><th>Nombre</th></tr></thead><tbody>
<tr><td>Citoyens</td><td class="n" data-participants-citizen="${p.participants.citizen}">${num(p.participants.citizen)}</td></tr>
<tr><td>Organisations</td><td class="n" data-participants-organisation="${p.participants.organisation}">${num(p.participants.organisation)}</td></tr>
<tr><td>Institutions</td><td class="n" data-participants-institution="${p.participants.institution}">${num(p.participants.institution)}</td></tr>
<tr><th>Total</th><td class="n" data-participants="${p.participants.total}"><strong>${num(p.participants.total)}</strong></td></tr></tbody></table>
<table class="contributions"><thead><tr><th>Contributions</th><th>Nombre</th></tr></thead><tbody>
<tr><td>Votes sur les articles</td><td class="n">${num(p.contributions.votes.articles)}</td></tr>
<tr><td>Votes sur les amendements</td><td class="n">${num(p.contributions.votes.amendments)}</td></tr>
<tr><td>Soutiens d'arguments</td><td class="n">${num(p.contributions.votes.arguments)}</td></tr>
<tr><td>Amendements</td><td class="n" data-amendments="${p.contributions.amendments}">${num(p.contributions.amendments)}</td></tr>
<tr><td>Arguments</td><td class="n" data-arguments="${p.contributions.arguments}">${num(p.contributions.arguments)}</td></tr></tbody></table>
<h3>Par jour (UTC)</h3>
<table class="days"><thead><tr><th>Jour</th><th>Votes</th><th>Amendements</th><th>Arguments</th><th>Activité</th></tr></thead><tbody>
${days || '<tr><td colspan="5" class="muted">Aucune contribution.</td></tr>'}</tbody></table></section>`
}

function comparisonSection (s: SynthesisView): string {
  const blocks = s.consolidated.articles.map(c => {
    const rows = sideBySide(c.diff).map(r => `<tr><td>${r.left ? runs(r.left) : ''}</td><td>${r.right ? runs(r.right) : ''}</td></tr>`).join('\n')
    const conflicts = c.conflicts.length
      ? `<p class="hidden-note">Amendements adoptés non appliqués (conflit avec une décision antérieure) : ${c.conflicts.map(x => esc(x.amendmentId)).join(', ')}.</p>`
      : ''
    return `<h3>${esc(articleTitle(c.num, c.heading))}</h3>
<table class="compare" data-article="${esc(c.articleId ?? c.amendmentId ?? '')}"><thead><tr><th>Texte initial</th><th>Texte consolidé</th></tr></thead><tbody>
${rows || '<tr><td colspan="2" class="muted">Article supprimé.</td></tr>'}</tbody></table>${conflicts}`
  }).join('\n')
  return `<section id="tableau-comparatif"><h2>Tableau comparatif</h2>
<p class="muted">Texte de la révision ${s.consolidated.revision} et texte consolidé après application des amendements adoptés, dans l'ordre des décisions. Les ajouts sont soulignés, les suppressions barrées.</p>
${blocks || '<p class="muted">Aucun texte publié.</p>'}</section>`
}

function liasseSection (s: SynthesisView): string {
  if (s.discussion.length === 0) return ''
  const rows = s.discussion.map(e => {
    const l = liasseLine(e)
    return `<tr data-amendment="${esc(e.amendmentId)}"><td>${esc(l.number)}</td><td>${esc(l.place)}</td><td>${esc(l.detail)}</td></tr>`
  }).join('\n')
  return `<section id="liasse"><h2>${esc(LIASSE_TITLE)}</h2>
<p class="muted">${esc(LIASSE_NOTE)}</p>
<table class="liasse"><thead><tr><th>N°</th><th>Place</th><th>Sort</th></tr></thead><tbody>
${rows}</tbody></table></section>`
}

/** The report of a synthesis as a complete HTML page. */
export function renderHtml (s: SynthesisView): string {
  const b = s.bill
  const toc = s.articles.map(a => `<li><a href="#article-${esc(a.id)}">${esc(articleTitle(a.num, a.heading))}</a></li>`).join('')
  return `<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Alinea">
<title>Synthèse — ${esc(b.title)}</title>
<style>${CSS}</style>
</head>
<body>
<header class="title-page">
<p class="kicker">Synthèse de la consultation</p>
<h1>${esc(b.title)}</h1>
${b.summary ? `<p>${esc(b.summary)}</p>` : ''}
<dl class="meta">
<dt>Consultation</dt><dd>du ${day(b.opensAt)} au ${day(b.closesAt)} (${BILL_STATUS_FR[b.status]})</dd>
<dt>Texte</dt><dd>révision ${b.revision}, ${num(s.articles.length)} article${s.articles.length > 1 ? 's' : ''}</dd>
<dt>Auteurs</dt><dd>${b.authors.map(a => esc(a.displayName)).join(', ') || '—'}</dd>
<dt>Participants</dt><dd>${num(s.participation.participants.total)}</dd>
<dt>Établi le</dt><dd>${when(s.generatedAt)}</dd>
</dl>
</header>
<nav><h2>Sommaire</h2><ol><li><a href="#participation">Participation</a></li><li><a href="#methode">Méthode</a></li>${toc}<li><a href="#tableau-comparatif">Tableau comparatif</a></li></ol></nav>
${participationSection(s)}
<section id="methode"><h2>Méthode</h2><p>${esc(RANKING_FR)}</p></section>
${s.articles.map(articleSection).join('\n')}
${comparisonSection(s)}
${councilHtml(s, esc)}
${liasseSection(s)}
</body>
</html>
`
}
