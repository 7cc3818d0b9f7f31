/**
 * The tables shared by the CSV and XLSX exports: for each kind, its columns
 * (a stable machine name, a header in each report language, a width) and how
 * a record becomes a row. Figures of the articles table come from the
 * synthesis itself, so every export agrees with `GET /synthesis`.
 */
import type { SynthesisArticleView, SynthesisView } from '../../shared/api.ts'
import type { CsvKind } from '../../shared/api.ts'
import type { OpenAmendment, OpenArgument, OpenVote } from './records.ts'
import type { ReportLang } from './words.ts'

/** One cell value: text, a number, a boolean or empty. */
export type Cell = string | number | boolean | null

/** A column of a table. */
export interface Column { key: string; header: string; width: number }

/** A column before its language is chosen: French and English headers. */
interface Col { key: string; fr: string; en: string; width: number }

const col = (key: string, fr: string, en: string, width = 12): Col => ({ key, fr, en, width })

function columnsIn (kind: CsvKind, withNames: boolean): Col[] {
  const names = (c: Col): Col[] => withNames ? [c] : []
  switch (kind) {
    case 'articles': return [
      col('position', 'Rang', 'Rank', 7), col('id', 'Identifiant', 'Id', 22), col('num', 'Article', 'Article', 9), col('heading', 'Intitulé', 'Heading', 30),
      col('votes_for', 'Pour', 'For', 9), col('votes_mixed', 'Mitigé', 'Mixed', 9), col('votes_against', 'Contre', 'Against', 9), col('votes_total', 'Votes', 'Votes', 9),
      col('share_for', 'Part pour', 'Share for', 10), col('share_mixed', 'Part mitigé', 'Share mixed', 10), col('share_against', 'Part contre', 'Share against', 10),
      col('amendments_total', 'Amendements', 'Amendments', 12), col('amendments_proposed', 'En discussion', 'Under discussion', 12), col('amendments_accepted', 'Adoptés', 'Adopted', 10),
      col('amendments_rejected', 'Rejetés', 'Rejected', 10), col('amendments_withdrawn', 'Retirés', 'Withdrawn', 10),
      col('arguments_for', 'Arguments pour', 'Arguments for', 12), col('arguments_against', 'Arguments contre', 'Arguments against', 12), col('text', 'Texte', 'Text', 80)
    ]
    case 'amendments': return [
      col('number', 'N°', 'No.', 7), col('id', 'Identifiant', 'Id', 22), col('article_num', 'Article', 'Article', 9), col('article_id', 'Identifiant article', 'Article id', 22),
      col('kind', 'Nature', 'Kind', 11), col('position', 'Place (article additionnel)', 'Place (additional article)', 10), col('origin', 'Amendement officiel', 'Official amendment', 16),
      col('applies', 'S\'applique au texte', 'Applies to the text', 9),
      col('status', 'Sort', 'Outcome', 11), col('author', 'Auteur (pseudonyme)', 'Author (pseudonym)', 20), col('author_profile', 'Profil', 'Profile', 13),
      ...names(col('author_name', 'Auteur', 'Author', 24)),
      col('created_at', 'Déposé le', 'Tabled on', 21), col('votes_for', 'Pour', 'For', 8), col('votes_mixed', 'Mitigé', 'Mixed', 8), col('votes_against', 'Contre', 'Against', 8),
      col('support', 'Soutien (Wilson)', 'Support (Wilson)', 12), col('hidden', 'Masqué', 'Hidden', 8), col('hidden_reason', 'Motif', 'Reason', 11),
      col('wording_fr', 'Dispositif', 'Wording (French)', 60), col('explanation', 'Exposé sommaire', 'Explanatory statement', 60), col('proposed_text', 'Texte proposé', 'Proposed text', 60),
      col('decided_seq', 'Ordre de décision', 'Decision order', 10), col('decided_at', 'Décidé le', 'Decided on', 21), ...names(col('decided_by', 'Décidé par', 'Decided by', 20)),
      col('response', 'Réponse des rédacteurs', 'Editors\' response', 60)
    ]
    case 'arguments': return [
      col('id', 'Identifiant', 'Id', 22), col('target_type', 'Sur', 'On', 10), col('target_id', 'Identifiant cible', 'Target id', 22), col('side', 'Position', 'Side', 9),
      col('author', 'Auteur (pseudonyme)', 'Author (pseudonym)', 20), col('author_profile', 'Profil', 'Profile', 13), ...names(col('author_name', 'Auteur', 'Author', 24)),
      col('created_at', 'Publié le', 'Posted on', 21), col('edited_at', 'Modifié le', 'Edited on', 21), col('upvotes', 'Soutiens', 'Upvotes', 9),
      col('hidden', 'Masqué', 'Hidden', 8), col('hidden_reason', 'Motif', 'Reason', 11), col('body', 'Argument', 'Argument', 80)
    ]
    case 'votes': return [
      col('voter', 'Votant (pseudonyme)', 'Voter (pseudonym)', 20), col('voter_profile', 'Profil', 'Profile', 13), col('target_type', 'Sur', 'On', 10),
      col('target_id', 'Identifiant cible', 'Target id', 22), col('value', 'Vote', 'Vote', 9), col('at', 'Le', 'On', 21)
    ]
    case 'participation': return [col('indicator', 'Indicateur', 'Indicator', 22), col('breakdown', 'Détail', 'Breakdown', 16), col('value', 'Valeur', 'Value', 10)]
  }
}

/** Columns of each table, headers in `lang` (French by default). Staff tables add the display names (`withNames`). */
export function columnsOf (kind: CsvKind, withNames: boolean, lang: ReportLang = 'fr'): Column[] {
  return columnsIn(kind, withNames).map(c => ({ key: c.key, header: c[lang], width: c.width }))
}

/** The row of an article's figures, from the synthesis. */
export function articleRow (a: SynthesisArticleView): Record<string, Cell> {
  return {
    position: a.position + 1,
    id: a.id,
    num: a.num,
    heading: a.heading ?? '',
    votes_for: a.tally.for,
    votes_mixed: a.tally.mixed,
    votes_against: a.tally.against,
    votes_total: a.votes,
    share_for: round(a.shares.for),
    share_mixed: round(a.shares.mixed),
    share_against: round(a.shares.against),
    amendments_total: a.amendments.total,
    amendments_proposed: a.amendments.proposed,
    amendments_accepted: a.amendments.accepted,
    amendments_rejected: a.amendments.rejected,
    amendments_withdrawn: a.amendments.withdrawn,
    arguments_for: a.arguments.for,
    arguments_against: a.arguments.against,
    text: a.alineas.join('\n')
  }
}

/** Shares with 4 decimals (0.1234 = 12.34 %). */
export function round (x: number): number {
  return Math.round(x * 10_000) / 10_000
}

/** The row of an amendment. */
export function amendmentRow (a: OpenAmendment): Record<string, Cell> {
  return {
    number: a.number,
    id: a.id,
    kind: a.kind,
    article_num: a.articleNum ?? '',
    article_id: a.articleId,
    position: a.position ?? '',
    origin: a.origin ? `${a.origin.chamber === 'an' ? 'AN' : 'Sénat'} ${a.origin.number}` : '',
    applies: a.applies,
    status: a.status,
    author: a.author,
    author_profile: a.authorProfile,
    author_name: a.authorName ?? null,
    created_at: a.createdAt,
    votes_for: a.tally.for,
    votes_mixed: a.tally.mixed,
    votes_against: a.tally.against,
    support: round(a.support),
    hidden: a.hidden,
    hidden_reason: a.hiddenReason ?? '',
    wording_fr: a.wording?.fr ?? '',
    explanation: a.explanation,
    proposed_text: a.alineas.join('\n'),
    decided_seq: a.decidedSeq,
    decided_at: a.decision?.at ?? '',
    decided_by: a.decision?.byName ?? '',
    response: a.decision?.response ?? ''
  }
}

/** The row of an argument. */
export function argumentRow (a: OpenArgument): Record<string, Cell> {
  return {
    id: a.id,
    target_type: a.target.type,
    target_id: a.target.id,
    side: a.side,
    author: a.author,
    author_profile: a.authorProfile,
    author_name: a.authorName ?? null,
    created_at: a.createdAt,
    edited_at: a.editedAt ?? '',
    upvotes: a.upvotes,
    hidden: a.hidden,
    hidden_reason: a.hiddenReason ?? '',
    body: a.body
  }
}

/** The row of a vote. */
export function voteRow (v: OpenVote): Record<string, Cell> {
  return { voter: v.voter, voter_profile: v.voterProfile, target_type: v.target.type, target_id: v.target.id, value: v.value, at: v.at }
}

/** The participation figures of the synthesis as indicator/breakdown/value rows. */
export function participationRows (s: SynthesisView): Record<string, Cell>[] {
  const p = s.participation
  const rows: Record<string, Cell>[] = []
  const add = (indicator: string, breakdown: string, value: number): void => { rows.push({ indicator, breakdown, value }) }
  add('participants', 'total', p.participants.total)
  add('participants', 'citizen', p.participants.citizen)
  add('participants', 'organisation', p.participants.organisation)
  add('participants', 'institution', p.participants.institution)
  add('votes', 'total', p.contributions.votes.total)
  add('votes', 'articles', p.contributions.votes.articles)
  add('votes', 'amendments', p.contributions.votes.amendments)
  add('votes', 'arguments', p.contributions.votes.arguments)
  add('amendments', 'total', p.contributions.amendments)
  add('arguments', 'total', p.contributions.arguments)
  for (const d of p.days) {
    add('votes_per_day', d.day, d.votes)
    add('amendments_per_day', d.day, d.amendments)
    add('arguments_per_day', d.day, d.arguments)
  }
  return rows
}
