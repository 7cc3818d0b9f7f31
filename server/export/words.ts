/**
 * The words of the reports and tables in each report language (`lang=fr|en`,
 * the interface language the client passes): the names of statuses, profile
 * types, votes and kinds, and the sentences of the HTML, PDF and DOCX
 * reports. French is the reference; English has the same keys (the type
 * says so), so a missing translation is a compile error, not a blank.
 * Open data (JSON, Akoma Ntoso) stays in codes and never reads this.
 */
import type { AmendmentStatus, ArgumentSide, BillStatus, ModerationReason, ProfileType, TargetType, VoteValue } from '../../shared/types.ts'

/** A report language. */
export type ReportLang = 'fr' | 'en'

const plural = (n: number, one: string, many: string): string => n > 1 ? many : one

const fr = {
  status: { proposed: 'en discussion', accepted: 'adopté', rejected: 'rejeté', withdrawn: 'retiré' } satisfies Record<AmendmentStatus, string>,
  profile: { citizen: 'citoyen', organisation: 'organisation', institution: 'institution' } satisfies Record<ProfileType, string>,
  billStatus: { draft: 'brouillon', open: 'ouverte', closed: 'close' } satisfies Record<BillStatus, string>,
  vote: { for: 'pour', mixed: 'mitigé', against: 'contre' } satisfies Record<VoteValue, string>,
  side: { for: 'pour', against: 'contre' } satisfies Record<ArgumentSide, string>,
  target: { article: 'article', amendment: 'amendement', argument: 'argument' } satisfies Record<TargetType, string>,
  kind: { article: 'article', addArticle: 'article additionnel' },
  position: { after: 'après', before: 'avant' },
  reason: { spam: 'spam', offensive: 'propos offensant', off_topic: 'hors sujet', error: 'erreur', other: 'autre', reported: 'signalé' } satisfies Record<ModerationReason, string>,
  yes: 'oui',
  no: 'non',
  ranking: 'Les amendements sont classés selon la borne inférieure de l\'intervalle de Wilson à 95 % de leur taux de soutien ' +
    'parmi les votes (un vote « pour » compte 1, « mitigé » 1/2, « contre » 0) : un petit nombre de votes enthousiastes ne dépasse pas un ' +
    'soutien large et éprouvé, et les amendements que personne ne soutient viennent en dernier. Les arguments sont classés selon leurs soutiens. ' +
    'Les contributions masquées par la modération ne sont pas mises en avant.',
  report: 'Synthèse',
  kicker: 'Synthèse de la consultation',
  consultation: 'Consultation',
  period: (from: string, to: string, status: string) => `du ${from} au ${to} (${status})`,
  text: 'Texte',
  revisionArticles: (rev: number, n: string, count: number) => `révision ${rev}, ${n} ${plural(count, 'article', 'articles')}`,
  authors: 'Auteurs',
  participants: 'Participants',
  established: 'Établi le',
  contents: 'Sommaire',
  participation: 'Participation',
  method: 'Méthode',
  comparison: 'Tableau comparatif',
  for: 'Pour',
  mixed: 'Mitigé',
  against: 'Contre',
  votes: 'Votes',
  voices: 'Voix',
  share: 'Part',
  amendmentTitle: (n: number) => `Amendement n° ${n}`,
  additional: (position: 'after' | 'before') => ` (article additionnel ${position === 'before' ? 'avant' : 'après'} cet article)`,
  by: 'de',
  support: 'soutien',
  hiddenNote: (reason: string) => `Masqué par la modération (${reason}) : texte retiré de la synthèse.`,
  wording: 'Dispositif',
  explanation: 'Exposé sommaire',
  decision: (accepted: boolean, date: string, who: string) => `${accepted ? 'Adopté' : 'Rejeté'} le ${date} par ${who}`,
  response: 'Réponse des rédacteurs',
  upvotes: (n: number, shown: string) => `${shown} ${plural(n, 'soutien', 'soutiens')}`,
  articleCounts: (c: { total: string; accepted: string; rejected: string; proposed: string; withdrawn: string }) =>
    `Amendements : ${c.total} (adoptés ${c.accepted}, rejetés ${c.rejected}, en discussion ${c.proposed} ; retirés ${c.withdrawn})`,
  amendmentsLabel: 'Amendements',
  argumentsLabel: 'Arguments',
  argumentCounts: (f: string, a: string) => `${f} pour, ${a} contre`,
  topAmendments: 'Amendements les plus soutenus',
  noAmendment: 'Aucun amendement.',
  topArguments: 'Arguments les plus soutenus',
  none: 'Aucun.',
  decided: 'Amendements adoptés et rejetés',
  noDecision: 'Aucune décision.',
  number: 'Nombre',
  citizens: 'Citoyens',
  organisations: 'Organisations',
  institutions: 'Institutions',
  total: 'Total',
  contributions: 'Contributions',
  articleVotes: 'Votes sur les articles',
  amendmentVotes: 'Votes sur les amendements',
  argumentUpvotes: 'Soutiens d\'arguments',
  perDay: 'Par jour (UTC)',
  day: 'Jour',
  dayUtc: 'Jour (UTC)',
  activity: 'Activité',
  noContribution: 'Aucune contribution.',
  notApplied: 'Amendements adoptés non appliqués (conflit avec une décision antérieure)',
  initial: 'Texte initial',
  consolidated: 'Texte consolidé',
  articleDeleted: 'Article supprimé.',
  comparisonNote: (rev: number) => `Texte de la révision ${rev} et texte consolidé après application des amendements adoptés, dans l'ordre des décisions. Les ajouts sont soulignés, les suppressions barrées.`,
  noText: 'Aucun texte publié.',
  alinea: (n: number) => `al. ${n}`,
  alineaDeleted: (n: number) => `al. ${n} (supprimé)`,
  alineaNew: (n: number) => `al. ${n} (nouveau)`,
  liasseTitle: 'Liasse : les amendements dans l\'ordre de la discussion',
  liasseNote: 'Dans l\'ordre du texte (articles additionnels à leur place) ; dans un article, la suppression, puis la réécriture, puis dans l\'ordre des alinéas et des mots, le plus éloigné du texte d\'abord. « Tombe » : un amendement adopté a déjà modifié le même passage.',
  liasseNumber: 'N°',
  liassePlace: 'Place',
  liasseFate: 'Sort',
  numberShort: (n: number) => `n° ${n}`,
  falls: 'tombe',
  additionalPlace: (position: 'after' | 'before', num: string) => `Article additionnel ${position === 'before' ? 'avant' : 'après'} l'article ${num}`,
  /** The page footer around the page number and the page count: « Page 3 / 12 ». */
  pageWords: { before: 'Page ', between: ' / ' },
  /** The CSS `content` of the page footer (counters cannot go through a function of strings). */
  pageCss: '"Page " counter(page) " / " counter(pages)',
  // The workbook's summary sheet.
  indicator: 'Indicateur',
  value: 'Valeur',
  statusLabel: 'Statut',
  opens: 'Ouverture',
  closes: 'Clôture',
  revision: 'Révision',
  articles: 'Articles',
  participantsOf: (p: string) => `Participants : ${p}`,
  rankingLabel: 'Classement',
  note: 'Remarque',
  sheetCut: (sheet: string, max: number) => `La feuille ${sheet} s'arrête à ${max} lignes (limite d'Excel) : l'export CSV les contient tous.`,
  publicVersion: 'Version publique : le texte des contributions masquées par la modération est retiré.',
  sheets: { synthesis: 'Synthèse', articles: 'Articles', amendments: 'Amendements', arguments: 'Arguments', participation: 'Participation', council: 'Conseil' },
  // Download file names.
  file: { synthesis: 'synthese', data: 'donnees', text: 'texte', consolidated: 'consolide', articles: 'articles', amendments: 'amendements', arguments: 'arguments', votes: 'votes', participation: 'participation' },
  // The citizens' council.
  council: 'Conseil citoyen',
  councilStatus: { recruiting: 'appel à volontaires en cours', committed: 'engagement publié, tirage à venir', drawn: 'tiré au sort' },
  councilTarget: { bill: 'Projet de loi', article: 'Article', amendment: 'Amendement', argument: 'Argument' },
  councilSummary: (size: string, status: string, volunteers: string, maximin: string | null) =>
    `${size} membres, ${status}; ${volunteers} volontaires${maximin !== null ? `; probabilité de sélection la plus faible : ${maximin}` : ''}`,
  commitment: 'Engagement (SHA-256)',
  category: 'Catégorie',
  quota: 'Quota',
  volunteers: 'Volontaires',
  members: 'Membres',
  noCategory: 'Aucune catégorie.',
  opinions: 'Avis du conseil',
  noOpinion: 'Aucun avis publié.',
  membersVote: (f: string, m: string, a: string) => `Vote des membres : ${f} pour, ${m} mitigés, ${a} contre.`,
  councilColumns: {
    section: 'Section', what: 'Catégorie ou point', value: 'Valeur ou avis', min: 'Quota min / pour', max: 'Quota max / mitigés', volunteers: 'Volontaires / contre', members: 'Membres'
  },
  councilSections: { council: 'Conseil', composition: 'Composition', opinion: 'Avis' },
  // The participation table: indicators and their breakdowns (days pass as they are).
  indicators: {
    participants: 'participants', votes: 'votes', amendments: 'amendements', arguments: 'arguments',
    votes_per_day: 'votes par jour', amendments_per_day: 'amendements par jour', arguments_per_day: 'arguments par jour'
  } as Record<string, string>,
  breakdowns: {
    total: 'total', citizen: 'citoyens', organisation: 'organisations', institution: 'institutions',
    articles: 'sur les articles', amendments: 'sur les amendements', arguments: 'soutiens d\'arguments'
  } as Record<string, string>
}

/** Everything a report says, in one language. */
export type Words = typeof fr

const en: Words = {
  status: { proposed: 'under discussion', accepted: 'adopted', rejected: 'rejected', withdrawn: 'withdrawn' },
  profile: { citizen: 'citizen', organisation: 'organisation', institution: 'institution' },
  billStatus: { draft: 'draft', open: 'open', closed: 'closed' },
  vote: { for: 'for', mixed: 'mixed', against: 'against' },
  side: { for: 'for', against: 'against' },
  target: { article: 'article', amendment: 'amendment', argument: 'argument' },
  kind: { article: 'article', addArticle: 'additional article' },
  position: { after: 'after', before: 'before' },
  reason: { spam: 'spam', offensive: 'offensive', off_topic: 'off topic', error: 'error', other: 'other', reported: 'reported' },
  yes: 'yes',
  no: 'no',
  ranking: 'Amendments are ranked by the lower bound of the 95% Wilson interval of their support among the votes ' +
    '(a "for" vote counts 1, "mixed" 1/2, "against" 0): a handful of enthusiastic votes does not outrank broad, proven support, ' +
    'and amendments nobody supports come last. Arguments are ranked by their upvotes. Contributions hidden by moderation are not put forward.',
  report: 'Synthesis',
  kicker: 'Synthesis of the consultation',
  consultation: 'Consultation',
  period: (from, to, status) => `from ${from} to ${to} (${status})`,
  text: 'Text',
  revisionArticles: (rev, n, count) => `revision ${rev}, ${n} ${plural(count, 'article', 'articles')}`,
  authors: 'Authors',
  participants: 'Participants',
  established: 'Generated on',
  contents: 'Contents',
  participation: 'Participation',
  method: 'Method',
  comparison: 'Comparison table',
  for: 'For',
  mixed: 'Mixed',
  against: 'Against',
  votes: 'Votes',
  voices: 'Votes',
  share: 'Share',
  amendmentTitle: n => `Amendment No. ${n}`,
  additional: position => ` (additional article ${position} this article)`,
  by: 'by',
  support: 'support',
  hiddenNote: reason => `Hidden by moderation (${reason}): text removed from the synthesis.`,
  wording: 'Wording',
  explanation: 'Explanatory statement',
  decision: (accepted, date, who) => `${accepted ? 'Adopted' : 'Rejected'} on ${date} by ${who}`,
  response: 'Editors\' response',
  upvotes: (n, shown) => `${shown} ${plural(n, 'upvote', 'upvotes')}`,
  articleCounts: c => `Amendments: ${c.total} (adopted ${c.accepted}, rejected ${c.rejected}, under discussion ${c.proposed}; withdrawn ${c.withdrawn})`,
  amendmentsLabel: 'Amendments',
  argumentsLabel: 'Arguments',
  argumentCounts: (f, a) => `${f} for, ${a} against`,
  topAmendments: 'Most supported amendments',
  noAmendment: 'No amendment.',
  topArguments: 'Most supported arguments',
  none: 'None.',
  decided: 'Adopted and rejected amendments',
  noDecision: 'No decision.',
  number: 'Number',
  citizens: 'Citizens',
  organisations: 'Organisations',
  institutions: 'Institutions',
  total: 'Total',
  contributions: 'Contributions',
  articleVotes: 'Votes on articles',
  amendmentVotes: 'Votes on amendments',
  argumentUpvotes: 'Upvotes of arguments',
  perDay: 'Per day (UTC)',
  day: 'Day',
  dayUtc: 'Day (UTC)',
  activity: 'Activity',
  noContribution: 'No contribution.',
  notApplied: 'Adopted amendments not applied (conflict with an earlier decision)',
  initial: 'Initial text',
  consolidated: 'Consolidated text',
  articleDeleted: 'Article deleted.',
  comparisonNote: rev => `Text of revision ${rev} and the consolidated text after the adopted amendments, in the order of the decisions. Insertions are underlined, deletions struck through.`,
  noText: 'No published text.',
  alinea: n => `para. ${n}`,
  alineaDeleted: n => `para. ${n} (deleted)`,
  alineaNew: n => `para. ${n} (new)`,
  liasseTitle: 'Amendments in the order of discussion',
  liasseNote: 'In the order of the text (additional articles in their place); within an article, deletion first, then rewriting, then in the order of paragraphs and words, furthest from the text first. "Falls": an adopted amendment already changed the same passage.',
  liasseNumber: 'No.',
  liassePlace: 'Place',
  liasseFate: 'Outcome',
  numberShort: n => `No. ${n}`,
  falls: 'falls',
  additionalPlace: (position, num) => `Additional article ${position} article ${num}`,
  pageWords: { before: 'Page ', between: ' of ' },
  pageCss: '"Page " counter(page) " of " counter(pages)',
  indicator: 'Indicator',
  value: 'Value',
  statusLabel: 'Status',
  opens: 'Opens',
  closes: 'Closes',
  revision: 'Revision',
  articles: 'Articles',
  participantsOf: p => `Participants: ${p}`,
  rankingLabel: 'Ranking',
  note: 'Note',
  sheetCut: (sheet, max) => `The ${sheet} sheet stops at ${max} rows (Excel's limit): the CSV export has them all.`,
  publicVersion: 'Public version: the text of contributions hidden by moderation is withheld.',
  sheets: { synthesis: 'Synthesis', articles: 'Articles', amendments: 'Amendments', arguments: 'Arguments', participation: 'Participation', council: 'Council' },
  file: { synthesis: 'synthesis', data: 'data', text: 'text', consolidated: 'consolidated', articles: 'articles', amendments: 'amendments', arguments: 'arguments', votes: 'votes', participation: 'participation' },
  council: 'Citizens\' council',
  councilStatus: { recruiting: 'call for volunteers open', committed: 'commitment published, draw to come', drawn: 'drawn by lot' },
  councilTarget: { bill: 'Bill', article: 'Article', amendment: 'Amendment', argument: 'Argument' },
  councilSummary: (size, status, volunteers, maximin) =>
    `${size} members, ${status}; ${volunteers} volunteers${maximin !== null ? `; lowest selection probability: ${maximin}` : ''}`,
  commitment: 'Commitment (SHA-256)',
  category: 'Category',
  quota: 'Quota',
  volunteers: 'Volunteers',
  members: 'Members',
  noCategory: 'No category.',
  opinions: 'Opinions of the council',
  noOpinion: 'No opinion published.',
  membersVote: (f, m, a) => `Members' vote: ${f} for, ${m} mixed, ${a} against.`,
  councilColumns: {
    section: 'Section', what: 'Category or item', value: 'Value or opinion', min: 'Min quota / for', max: 'Max quota / mixed', volunteers: 'Volunteers / against', members: 'Members'
  },
  councilSections: { council: 'Council', composition: 'Composition', opinion: 'Opinion' },
  indicators: {
    participants: 'participants', votes: 'votes', amendments: 'amendments', arguments: 'arguments',
    votes_per_day: 'votes per day', amendments_per_day: 'amendments per day', arguments_per_day: 'arguments per day'
  },
  breakdowns: {
    total: 'total', citizen: 'citizens', organisation: 'organisations', institution: 'institutions',
    articles: 'on articles', amendments: 'on amendments', arguments: 'upvotes of arguments'
  }
}

/** The words of a report language. */
export function wordsOf (lang: ReportLang): Words {
  return lang === 'en' ? en : fr
}

/** Number and date formats of a report language. */
export interface Formats {
  /** 0.1234 -> "12,3 %" / "12.3%". */
  pct: (x: number) => string
  /** 21330 -> "21 330" / "21,330". */
  num: (n: number) => string
  /** An ISO date as "12 mars 2030" / "12 March 2030" (UTC); a dash when missing. */
  day: (iso: string | null) => string
  /** An ISO time with its hour, UTC. */
  when: (iso: string) => string
  /** A support score with 3 decimals. */
  score: (x: number) => string
  /** A decimal number as the language writes it (CSV cells). */
  decimal: (x: number) => string
}

function formatsFor (lang: ReportLang): Formats {
  const locale = lang === 'en' ? 'en-GB' : 'fr-FR'
  const percent = new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 })
  const integer = new Intl.NumberFormat(locale)
  const longDate = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: 'UTC' })
  const comma = lang === 'fr'
  return {
    pct: x => percent.format(x),
    num: n => integer.format(n),
    day: iso => iso ? longDate.format(new Date(iso)) : '—',
    when: iso => `${dateTime.format(new Date(iso))} UTC`,
    score: x => comma ? x.toFixed(3).replace('.', ',') : x.toFixed(3),
    decimal: x => comma ? String(x).replace('.', ',') : String(x)
  }
}

const FORMATS: Record<ReportLang, Formats> = { fr: formatsFor('fr'), en: formatsFor('en') }

/** The number and date formats of a report language. */
export function formatsOf (lang: ReportLang): Formats {
  return FORMATS[lang]
}
