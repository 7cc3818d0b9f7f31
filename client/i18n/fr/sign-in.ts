/**
 * French messages. Signing in, creating an account, and the banner asking to
 * verify the address. Always loaded (client/i18n/main.ts).
 */
export const signIn = {
  'login.title': 'Se connecter',
  'login.email': 'Adresse électronique',
  'login.password': 'Mot de passe',
  'login.submit': 'Se connecter',
  'login.pending': 'Connexion…',
  'login.done': 'Vous êtes connecté.',
  'login.noAccount': 'Pas encore de compte ?',

  'register.title': 'Créer un compte',
  'register.displayName': 'Nom affiché',
  'register.displayNameHint': 'Visible à côté de vos contributions.',
  'register.email': 'Adresse électronique',
  'register.emailHint': 'Jamais publiée.',
  'register.password': 'Mot de passe',
  'register.passwordHint': 'Au moins {min} caractères.',
  'register.profileType': 'Vous participez en tant que',
  'register.profile.citizen': 'Citoyen ou citoyenne',
  'register.profile.organisation': 'Organisation (association, entreprise, syndicat…)',
  'register.profile.institution': 'Institution (collectivité, administration…)',
  'register.submit': 'Créer mon compte',
  'register.pending': 'Création du compte…',
  'register.done': 'Compte créé, vous êtes connecté.',
  'register.haveAccount': 'Déjà un compte ?',

  'account.title': 'Mon compte',

  'login.forgot': 'Mot de passe oublié ?',
  'login.oidc': 'Se connecter avec {label}',
  'verify.bannerTitle': 'Confirmez votre adresse pour voter',
  'verify.bannerBody': 'Cette consultation compte des personnes : pour voter, amender, argumenter ou signaler, ouvrez le lien envoyé à {email}.',
  'verify.resend': 'Renvoyer le lien',
  'verify.sending': 'Envoi du lien…',
  'verify.sent': 'Un nouveau lien a été envoyé à {email}.',
  'verify.oidcTitle': 'Identifiez-vous pour participer',
  'verify.oidcBody': 'Cette consultation demande une identité vérifiée : connectez-vous avec le fournisseur d’identité proposé sur la page de connexion.',
  'verify.oidcLink': 'Aller à la page de connexion',
  'reset.password': 'Nouveau mot de passe',
  'login.wrongCredentials': 'Adresse électronique ou mot de passe incorrect.',
} as const
