/**
 * French messages. Identity pages chunk: verifying an address, forgotten and
 * new password, unsubscribing. Registered when its chunk loads
 * (client/i18n/chunks/).
 */
export const identityPages = {
  'verify.title': 'Confirmation de votre adresse',
  'verify.done': 'Votre adresse est confirmée : vous pouvez voter, amender et argumenter.',
  'verify.noToken': 'Ce lien est incomplet : ouvrez le lien reçu par courriel tel quel.',
  'verify.errorHelp': 'Vous pouvez demander un nouveau lien depuis votre compte :',
  'forgot.title': 'Mot de passe oublié',
  'forgot.intro': 'Indiquez l’adresse de votre compte : nous y enverrons un lien pour choisir un nouveau mot de passe.',
  'forgot.submit': 'Recevoir un lien',
  'forgot.sent': 'Si un compte utilise l’adresse {email}, un lien vient d’y être envoyé. Il est valable une heure.',
  'forgot.back': 'Retour à la connexion',
  'reset.title': 'Nouveau mot de passe',
  'reset.submit': 'Enregistrer le mot de passe',
  'reset.done': 'Votre mot de passe est changé et toutes vos sessions sont fermées.',
  'unsubscribe.title': 'Ne plus recevoir de courriels',
  'unsubscribe.intro': 'Vous ne recevrez plus de courriels de notification. Vos notifications restent visibles dans votre compte.',
  'unsubscribe.confirm': 'Confirmer',
  'unsubscribe.done': 'C’est fait : plus aucun courriel de notification.',
} as const
