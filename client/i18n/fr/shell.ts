/**
 * French messages. The frame of every page: name, navigation, language,
 * session, loading, not found, and the parts of the pages loaded on demand
 * that the main bundle shows (the staff navigation, the editors' space
 * heading). Always loaded (client/i18n/main.ts).
 */
export const shell = {
  'app.name': 'Alinea',
  'app.tagline': 'Co-écrire la loi, article par article',
  'skip.toMain': 'Aller au contenu',
  'nav.main': 'Navigation principale',
  'nav.home': 'Consultations',
  'lang.label': 'Langue',
  'lang.fr': 'Français',
  'lang.en': 'English',

  'session.signedInAs': 'Connecté en tant que {name}',
  'session.signIn': 'Se connecter',
  'session.register': 'Créer un compte',
  'session.signOut': 'Se déconnecter',
  'session.signingOut': 'Déconnexion…',
  'session.signedOut': 'Vous êtes déconnecté.',

  'common.loading': 'Chargement…',
  'common.retry': 'Réessayer',

  'home.title': 'Consultations',
  'home.intro': 'Lisez les projets de loi soumis à consultation, votez article par article, proposez des amendements.',
  'home.open': 'Consultations ouvertes',
  'home.closed': 'Consultations closes',
  'home.drafts': 'Vos brouillons',
  'home.noOpen': 'Aucune consultation n’est ouverte pour le moment.',
  'home.noClosed': 'Aucune consultation close.',
  'home.synthesis': 'Synthèse de la consultation',

  'editors.title': 'Espace des rédacteurs',
  'editors.followTitle': 'Suivre la rédaction',
  'editors.backToBill': 'Retour au projet',
  'editors.readOnlyTitle': 'Lecture seule',
  'editors.readOnly': 'Seuls les rédacteurs du projet peuvent modifier ce texte. Vous suivez la rédaction en direct.',
  'editors.loadingEditor': 'Chargement de l’éditeur…',
  'editors.loadFailed': 'L’éditeur n’a pas pu être chargé.',

  'nav.breadcrumb': 'Fil d’Ariane',
  'common.cancel': 'Annuler',
  'common.close': 'Fermer',
  'common.more': 'Voir plus',
  'common.required': '(obligatoire)',
  'live.on': 'En direct',
  'live.connecting': 'Connexion au direct…',
  'live.offline': 'Hors ligne : reconnexion en cours…',

  'nav.moderation': 'Modération',

  'staff.nav.label': 'Pages du projet',
  'staff.nav.bill': 'Texte du projet',
  'staff.nav.edit': 'Rédaction',
  'staff.nav.amendments': 'Amendements à décider',
  'staff.nav.consolidated': 'Texte consolidé',
  'staff.nav.synthesis': 'Synthèse',
  'staff.signInTitle': 'Connexion requise',
  'staff.signInBody': 'Connectez-vous pour accéder à cette page.',
  'staff.forbiddenTitle': 'Accès refusé',
  'staff.forbiddenBody': 'Votre compte ne donne pas accès à cette page.',
  'common.pageLoadFailed': 'Cette page n’a pas pu être chargée.',

  'notFound.title': 'Page introuvable',
  'notFound.body': 'Cette adresse ne correspond à aucune page.',
  'notFound.home': 'Retour aux consultations',

  'follow.follow': 'Suivre',
  'follow.following': 'suivi',
  'follow.started': 'Vous suivez {what}.',
  'follow.stopped': 'Vous ne suivez plus {what}.',
  'notifications.count.one': '{n} notification non lue',
  'notifications.count.other': '{n} notifications non lues',
  'nav.workspace': 'Mon espace',
} as const
