/**
 * The tables shared by the CSV and XLSX exports: for each kind, its columns
 * (a stable machine name, a French header for spreadsheets, a width) and how
 * a record becomes a row. Figures of the articles table come from the
 * synthesis itself, so every export agrees with `GET /synthesis`.
 */
import type { SynthesisArticleView, SynthesisView } from '../../shared/api.ts'
import type { CsvKind } from '../../shared/api.ts'
import type { OpenAmendment, OpenArgument, OpenVote } from './records.ts'

/** One cell value: text, a number, a boolean or empty. */
export type Cell = string | number | boolean | null

/** A column of a table. */
export interface Column { key: string; header: string; width: number }

const col = (key: string, header: string, width = 12): Column => ({ key, header, width })

/** Columns of each table. Staff tables add the display names (`withNames`). */
export function columnsOf (kind: CsvKind, withNames: boolean): Column[] {
  const names = (c: Column): Column[] => withNames ? [c] : []
  switch (kind) {
    case 'articles': return [
      col('position', 'Rang', 7), col('id', 'Identifiant', 22), col('num', 'Article', 9), col('heading', 'Intitulé', 30),
      col('votes_for', 'Pour', 9), col('votes_mixed', 'Mitigé', 9), col('votes_against', 'Contre', 9), col('votes_total', 'Votes', 9),
      col('share_for', 'Part pour', 10), col('share_mixed', 'Part mitigé', 10), col('share_against', 'Part contre', 10),
      col('amendments_total', 'Amendements', 12), col('amendments_proposed', 'En discussion', 12), col('amendments_accepted', 'Adoptés', 10),
      col('amendments_rejected', 'Rejetés', 10), col('amendments_withdrawn', 'Retirés', 10),
      col('arguments_for', 'Arguments pour', 12), col('arguments_against', 'Arguments contre', 12), col('text', 'Texte', 80)
    ]
    case 'amendments': return [
      col('number', 'N°', 7), col('id', 'Identifiant', 22), col('article_num', 'Article', 9), col('article_id', 'Identifiant article', 22),
      col('kind', 'Nature', 11), col('position', 'Place (article additionnel)', 10), col('origin', 'Amendement officiel', 16), col('applies', 'S\'applique au texte', 9),
      col('status', 'Sort', 11), col('author', 'Auteur (pseudonyme)', 20), col('author_profile', 'Profil', 13), ...names(col('author_name', 'Auteur', 24)),
      col('created_at', 'Déposé le', 21), col('votes_for', 'Pour', 8), col('votes_mixed', 'Mitigé', 8), col('votes_against', 'Contre', 8),
      col('support', 'Soutien (Wilson)', 12), col('hidden', 'Masqué', 8), col('hidden_reason', 'Motif', 11),
      col('wording_fr', 'Dispositif', 60), col('explanation', 'Exposé sommaire', 60), col('proposed_text', 'Texte proposé', 60),
      col('decided_seq', 'Ordre de décision', 10), col('decided_at', 'Décidé le', 21), ...names(col('decided_by', 'Décidé par', 20)),
      col('response', 'Réponse des rédacteurs', 60)
    ]
    case 'arguments': return [
      col('id', 'Identifiant', 22), col('target_type', 'Sur', 10), col('target_id', 'Identifiant cible', 22), col('side', 'Position', 9),
      col('author', 'Auteur (pseudonyme)', 20), col('author_profile', 'Profil', 13), ...names(col('author_name', 'Auteur', 24)),
      col('created_at', 'Publié le', 21), col('edited_at', 'Modifié le', 21), col('upvotes', 'Soutiens', 9),
      col('hidden', 'Masqué', 8), col('hidden_reason', 'Motif', 11), col('body', 'Argument', 80)
    ]
    case 'votes': return [
      col('voter', 'Votant (pseudonyme)', 20), col('voter_profile', 'Profil', 13), col('target_type', 'Sur', 10),
      col('target_id', 'Identifiant cible', 22), col('value', 'Vote', 9), col('at', 'Le', 21)
    ]
    case 'participation': return [col('indicator', 'Indicateur', 22), col('breakdown', 'Détail', 16), col('value', 'Valeur', 10)]
  }
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
