/**
 * French text for generated consultations: article headings and alinéas in
 * the style of a bill on digital rights, arguments for and against,
 * exposés sommaires, editors' responses, and people's and organisations'
 * names. Composed from fragments with the seeded random source, so a seed
 * gives the same text.
 */
import type { Random } from './random.ts'

/** Headings of the articles (the topics of the 2015 bill), used in order. */
export const HEADINGS = [
  'Ouverture des données publiques', 'Données de référence', 'Service public de la donnée', 'Données d\'intérêt général',
  'Codes sources des administrations', 'Algorithmes publics', 'Statistique publique', 'Recherche et fouille de textes',
  'Libre accès aux publications scientifiques', 'Domaine commun informationnel', 'Neutralité de l\'internet',
  'Portabilité des données', 'Loyauté des plateformes', 'Avis en ligne', 'Protection des données personnelles',
  'Droit à l\'oubli des mineurs', 'Mort numérique', 'Confidentialité des correspondances', 'Sanctions de la CNIL',
  'Accessibilité des sites publics', 'Accessibilité des services téléphoniques', 'Maintien de la connexion',
  'Couverture mobile', 'Très haut débit', 'Paiement par SMS', 'Compétitions de jeux vidéo', 'Recommandé électronique',
  'Coffre-fort numérique', 'Entrée en vigueur', 'Application outre-mer'
]

const SUBJECTS = [
  'Les administrations mentionnées au premier alinéa de l\'article L. 300-2 du code des relations entre le public et l\'administration',
  'Les personnes morales de droit public', 'Les collectivités territoriales de plus de 3 500 habitants', 'Les fournisseurs de services de communication au public en ligne',
  'Tout opérateur de plateforme en ligne', 'Le responsable du traitement', 'L\'autorité de régulation des communications électroniques et des postes',
  'Les établissements publics de recherche', 'Les délégataires de service public', 'Les opérateurs de communications électroniques'
]
const VERBS = [
  'publient en ligne, dans un standard ouvert et aisément réutilisable,', 'rendent accessibles, sous forme électronique,',
  'communiquent, à la demande de toute personne,', 'mettent à disposition, gratuitement et dans un délai de deux mois,',
  'délivrent à l\'utilisateur une information loyale, claire et transparente sur', 'conservent pendant une durée de cinq ans'
]
const OBJECTS = [
  'les documents qu\'elles communiquent en application des procédures prévues au présent titre',
  'les bases de données qu\'elles produisent ou qu\'elles reçoivent', 'les règles définissant les principaux traitements algorithmiques',
  'les données dont la publication présente un intérêt économique, social, sanitaire ou environnemental',
  'les conditions générales d\'utilisation du service', 'les modalités de référencement, de classement et de déréférencement des contenus',
  'l\'ensemble des fichiers mis en ligne par l\'utilisateur', 'les informations relatives à la couverture du territoire'
]
const TAILS = [
  '.', ', dans des conditions fixées par décret en Conseil d\'État.', ', sous réserve des secrets protégés par la loi.',
  ', selon des modalités définies par arrêté du ministre chargé du numérique.', ', après avis de la Commission nationale de l\'informatique et des libertés.',
  ' lorsque ces documents sont disponibles sous forme électronique.'
]
const CLOSERS = [
  'Un décret en Conseil d\'État précise les modalités d\'application du présent article.',
  'Le manquement aux obligations prévues au présent article est puni d\'une amende de 75 000 €.',
  'Le présent article entre en vigueur le premier jour du sixième mois suivant la promulgation de la présente loi.',
  'Ces dispositions ne s\'appliquent pas aux documents dont la communication porterait atteinte à la sécurité publique.',
  'Le délai de réponse est de trente jours à compter de la réception de la demande.',
  'Le Gouvernement remet au Parlement un rapport sur l\'application du présent article avant le 1er janvier 2018.'
]

/** The alinéas of a generated article: one to seven, in legal style. */
export function articleAlineas (r: Random): string[] {
  const n = 1 + r.skewed(7, 1.6)
  const out: string[] = []
  for (let i = 0; i < n; i++) {
    out.push(i === n - 1 && n > 1 && r.chance(0.6)
      ? r.pick(CLOSERS)
      : `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)}${r.pick(TAILS)}`)
  }
  return [...new Set(out)]
}

const SWAPS: [string, string][] = [
  ['trente jours', 'quinze jours'], ['cinq ans', 'trois ans'], ['deux mois', 'un mois'], ['75 000 €', '150 000 €'],
  ['décret en Conseil d\'État', 'décret simple'], ['3 500 habitants', '10 000 habitants'], ['gratuitement', 'à titre gratuit'],
  ['sixième mois', 'douzième mois'], ['standard ouvert', 'format ouvert et libre'], ['loyale, claire et transparente', 'loyale et compréhensible']
]
const ADDITIONS = [
  'Ces informations sont publiées dans un format lisible par une machine.', 'Les personnes en situation de handicap bénéficient d\'un accès adapté.',
  'Cette obligation s\'applique également aux délégataires de service public.', 'Le silence gardé pendant deux mois vaut décision de rejet.',
  'Les données à caractère personnel font l\'objet d\'une anonymisation préalable.', 'Un bilan annuel est rendu public.'
]

/** A proposed version of an article: a substitution, an addition, a deletion or a rewrite, never the same text. */
export function amendArticle (r: Random, base: string[]): string[] {
  for (let attempt = 0; attempt < 5; attempt++) {
    const out = [...base]
    const kind = r.next()
    if (kind < 0.45) {
      const i = r.int(out.length)
      const swap = SWAPS.find(([from]) => out[i].includes(from))
      out[i] = swap ? out[i].replace(swap[0], swap[1]) : out[i].replace(/\.$/, `, ${r.pick(['sauf disposition contraire', 'dans le respect de la vie privée', 'sans frais pour l\'usager'])}.`)
    } else if (kind < 0.75) {
      out.splice(r.int(out.length + 1), 0, r.pick(ADDITIONS))
    } else if (kind < 0.9 && out.length > 1) {
      out.splice(r.int(out.length), 1)
    } else if (kind < 0.97) {
      out[r.int(out.length)] = `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)}${r.pick(TAILS)}`
    } else {
      return []
    }
    if (out.length !== base.length || out.some((a, i) => a !== base[i])) return out
  }
  return [...base, r.pick(ADDITIONS)]
}

const FOR_OPENERS = ['Je soutiens cet article :', 'Enfin une avancée !', 'Indispensable :', 'Très bonne mesure.', 'Il faut aller plus loin, mais c\'est un bon début :', 'En tant qu\'usager, j\'approuve :']
const AGAINST_OPENERS = ['Je suis opposé à cet article :', 'Fausse bonne idée :', 'Attention :', 'Cette rédaction pose problème :', 'Je crains les effets de bord :', 'Trop timide :']
const FOR_REASONS = [
  'la transparence de l\'action publique renforce la confiance des citoyens',
  'les chercheurs et les journalistes ont besoin de ces données pour travailler',
  'cela favorise l\'innovation et la création d\'entreprises',
  'les citoyens pourront enfin comprendre les décisions qui les concernent',
  'c\'est une question d\'égalité entre les territoires',
  'les personnes handicapées doivent pouvoir accéder aux mêmes services que tous'
]
const AGAINST_REASONS = [
  'le coût pour les petites communes sera considérable',
  'la protection des données personnelles n\'est pas suffisamment garantie',
  'les délais prévus sont irréalistes pour les administrations',
  'les grandes plateformes contourneront facilement cette obligation',
  'le décret d\'application risque de vider la mesure de sa substance',
  'les sanctions sont trop faibles pour être dissuasives'
]
const EXAMPLES = [
  'Dans ma commune, les délibérations ne sont toujours pas en ligne.', 'Plusieurs pays européens l\'ont déjà fait avec succès.',
  'Les associations l\'ont demandé lors des concertations précédentes.', 'Il faudrait prévoir une évaluation après deux ans.',
  'La CNIL devrait être consultée sur ce point.', ''
]

/** An argument for or against, one to three sentences. */
export function argumentBody (r: Random, side: 'for' | 'against', topic: string): string {
  const opener = r.pick(side === 'for' ? FOR_OPENERS : AGAINST_OPENERS)
  const reason = r.pick(side === 'for' ? FOR_REASONS : AGAINST_REASONS)
  const example = r.chance(0.5) ? ` ${r.pick(EXAMPLES)}` : ''
  return `${opener} ${reason} (${topic.toLowerCase()}).${example}`.trim()
}

const EXPOSES = [
  'Cet amendement vise à raccourcir les délais pour rendre le dispositif effectif.',
  'Il s\'agit de préciser la rédaction afin d\'éviter toute ambiguïté d\'interprétation.',
  'Cet amendement étend l\'obligation aux délégataires de service public.',
  'La rédaction actuelle fait peser une charge excessive sur les petites collectivités.',
  'Il convient de garantir l\'accessibilité du dispositif aux personnes en situation de handicap.',
  'Amendement de cohérence avec le règlement général sur la protection des données.',
  'Cet amendement supprime une disposition redondante avec le droit existant.'
]
/** The exposé sommaire of an amendment. */
export const explanation = (r: Random): string => r.pick(EXPOSES)

const ACCEPTED = ['Adopté : cette précision améliore le texte.', 'Avis favorable, la rédaction est reprise.', 'Adopté, sous réserve d\'une coordination rédactionnelle.']
const REJECTED = ['Rejeté : satisfait par le droit existant.', 'Avis défavorable : la mesure relève du règlement.', 'Rejeté : le coût pour les collectivités serait trop élevé.']
/** An editor's response to a decision. */
export const response = (r: Random, accepted: boolean): string => r.pick(accepted ? ACCEPTED : REJECTED)

const FIRST = ['Camille', 'Louise', 'Léa', 'Manon', 'Chloé', 'Emma', 'Jade', 'Inès', 'Lucas', 'Hugo', 'Louis', 'Gabriel', 'Arthur', 'Jules', 'Nathan', 'Thomas', 'Élodie', 'Mathilde', 'Sébastien', 'Françoise', 'Amélie', 'Benoît', 'Hélène', 'Jérôme', 'Noémie', 'Quentin', 'Rachid', 'Yasmine', 'Kévin', 'Océane']
const LAST = ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau', 'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier', 'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez', 'Benali']
const ORGS = ['Association', 'Collectif', 'Fédération', 'Syndicat', 'Union', 'Fondation']
const ORG_TOPICS = ['pour les libertés numériques', 'des usagers du numérique', 'des bibliothécaires', 'des entreprises du numérique', 'pour l\'accessibilité', 'des parents d\'élèves', 'des consommateurs', 'du logiciel libre']
const PLACES = ['Lyon', 'Nantes', 'Lille', 'Rennes', 'Bordeaux', 'Grenoble', 'Metz', 'Brest', 'Pau', 'Albi', 'Saint-Denis', 'Cayenne']
const INSTITUTIONS = ['Mairie de', 'Conseil départemental de', 'Université de', 'Chambre de commerce de', 'Bibliothèque municipale de']

/** A display name and an email for the n-th participant of a profile type. */
export function person (r: Random, n: number, profile: 'citizen' | 'organisation' | 'institution'): { displayName: string; email: string } {
  const ascii = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
  if (profile === 'organisation') {
    const name = `${r.pick(ORGS)} ${r.pick(ORG_TOPICS)}`
    return { displayName: name, email: `contact.${ascii(name)}.${n}@exemple.org` }
  }
  if (profile === 'institution') {
    const name = `${r.pick(INSTITUTIONS)} ${r.pick(PLACES)}`
    return { displayName: name, email: `numerique.${ascii(name)}.${n}@exemple.gouv.fr` }
  }
  const first = r.pick(FIRST)
  const last = r.pick(LAST)
  return { displayName: `${first} ${last[0]}.`, email: `${ascii(first)}.${ascii(last)}.${n}@exemple.fr` }
}
