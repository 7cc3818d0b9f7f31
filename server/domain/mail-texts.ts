/**
 * The words of every mail Alinea sends, in French and English: a subject,
 * paragraphs and at most one link with its label. `mail.ts` turns them
 * into a plain-text part and an HTML part.
 */
import type { Locale } from '../../shared/types.ts'

/** A mail before layout: its subject, paragraphs, an optional call to action and a footer. */
export interface MailWords {
  subject: string
  paragraphs: string[]
  link?: { label: string; url: string }
  footer?: string
}

type Vars = Record<string, string>
const fill = (s: string, v: Vars): string => s.replace(/\{(\w+)\}/g, (_, k: string) => v[k] ?? '')

const TEXTS = {
  fr: {
    hello: 'Bonjour {name},',
    verifySubject: 'Confirmez votre adresse sur Alinea',
    verifyBody: 'Pour voter, amender et argumenter sur les consultations qui le demandent, confirmez que cette adresse est bien la vôtre. Le lien est valable 48 heures.',
    verifyLink: 'Confirmer mon adresse',
    emailSubject: 'Confirmez votre nouvelle adresse sur Alinea',
    emailBody: 'Vous avez demandé à utiliser cette adresse pour votre compte Alinea. Confirmez-la pour terminer le changement. Le lien est valable 48 heures.',
    emailLink: 'Confirmer cette adresse',
    resetSubject: 'Choisir un nouveau mot de passe sur Alinea',
    resetBody: 'Quelqu\'un (vous, sans doute) a demandé à changer le mot de passe de ce compte. Le lien est valable une heure et ne sert qu\'une fois ; toutes vos sessions seront fermées. Si ce n\'est pas vous, ignorez ce message.',
    resetLink: 'Choisir un nouveau mot de passe',
    ignore: 'Si vous n\'êtes pas à l\'origine de cette demande, ignorez ce message.',
    notifySubject: 'Alinea : {summary}',
    digestSubject: 'Alinea : {count} nouveautés sur ce que vous suivez',
    digestIntro: 'Voici ce qui s\'est passé depuis votre dernier résumé :',
    seeAll: 'Voir mes notifications',
    unsubscribe: 'Ne plus recevoir ces messages : {url}',
    decision: 'Votre amendement a été {status}. Réponse des rédacteurs : « {response} »',
    accepted: 'adopté',
    rejected: 'rejeté',
    amendment: 'Nouvel amendement sur {what} : « {excerpt} »',
    argument: 'Nouvel argument {side} sur {what} : « {excerpt} »',
    for: 'pour',
    against: 'contre',
    revision: 'Nouvelle version ({revision}) du texte « {title} » : articles modifiés : {changed}',
    revisionNone: 'Nouvelle version ({revision}) du texte « {title} »',
    moderationHide: 'Votre contribution a été masquée par la modération ({reason}).',
    moderationRestore: 'Votre contribution a été rétablie par la modération ({reason}).',
    article: 'l\'article {num}',
    amendmentThing: 'l\'amendement',
    billThing: 'le texte « {title} »'
  },
  en: {
    hello: 'Hello {name},',
    verifySubject: 'Confirm your address on Alinea',
    verifyBody: 'To vote, amend and argue in the consultations that ask for it, confirm that this address is yours. The link is valid for 48 hours.',
    verifyLink: 'Confirm my address',
    emailSubject: 'Confirm your new address on Alinea',
    emailBody: 'You asked to use this address for your Alinea account. Confirm it to finish the change. The link is valid for 48 hours.',
    emailLink: 'Confirm this address',
    resetSubject: 'Choose a new password on Alinea',
    resetBody: 'Someone (probably you) asked to change the password of this account. The link is valid for one hour and works once; all your sessions will be closed. If it was not you, ignore this message.',
    resetLink: 'Choose a new password',
    ignore: 'If you did not ask for this, ignore this message.',
    notifySubject: 'Alinea: {summary}',
    digestSubject: 'Alinea: {count} updates on what you follow',
    digestIntro: 'Here is what happened since your last digest:',
    seeAll: 'See my notifications',
    unsubscribe: 'Stop these messages: {url}',
    decision: 'Your amendment was {status}. The editors\' response: "{response}"',
    accepted: 'accepted',
    rejected: 'rejected',
    amendment: 'New amendment on {what}: "{excerpt}"',
    argument: 'New argument {side} on {what}: "{excerpt}"',
    for: 'for',
    against: 'against',
    revision: 'New version ({revision}) of "{title}": changed articles: {changed}',
    revisionNone: 'New version ({revision}) of "{title}"',
    moderationHide: 'Your contribution was hidden by moderation ({reason}).',
    moderationRestore: 'Your contribution was restored by moderation ({reason}).',
    article: 'article {num}',
    amendmentThing: 'the amendment',
    billThing: '"{title}"'
  }
} as const

/** One sentence of a language, with its variables filled in. */
export function say (locale: Locale, key: keyof typeof TEXTS.fr, vars: Vars = {}): string {
  return fill(TEXTS[locale][key], vars)
}

/** The verification mail of a new account (or of a new address, `change`). */
export function verifyWords (locale: Locale, name: string, url: string, change: boolean): MailWords {
  return {
    subject: say(locale, change ? 'emailSubject' : 'verifySubject'),
    paragraphs: [say(locale, 'hello', { name }), say(locale, change ? 'emailBody' : 'verifyBody')],
    link: { label: say(locale, change ? 'emailLink' : 'verifyLink'), url },
    footer: say(locale, 'ignore')
  }
}

/** The password reset mail. */
export function resetWords (locale: Locale, name: string, url: string): MailWords {
  return {
    subject: say(locale, 'resetSubject'),
    paragraphs: [say(locale, 'hello', { name }), say(locale, 'resetBody')],
    link: { label: say(locale, 'resetLink'), url }
  }
}
