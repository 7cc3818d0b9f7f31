/**
 * French messages. The citizens' council as the bill, article and amendment
 * pages show it: status, volunteering, opinions. Always loaded
 * (client/i18n/main.ts).
 */
export const councilBox = {
  'council.title': 'Conseil citoyen',
  'council.box.title': 'Conseil citoyen',
  'council.box.invite': 'Un conseil citoyen de {size} personnes sera tiré au sort parmi les volontaires pour délibérer sur la synthèse de cette consultation.',
  'council.box.more': 'Le conseil citoyen et son tirage',
  'council.volunteers.one': '{n} volontaire pour l’instant',
  'council.volunteers.other': '{n} volontaires pour l’instant',
  'council.countsCaption': 'Volontaires par catégorie (des totaux, jamais qui)',
  'council.closesAt': 'Appel à volontaires ouvert jusqu’au {date}.',
  'council.commitmentText': 'Ce que les membres s’engagent à faire',
  'council.privacy': 'Vos réponses restent privées : seuls des totaux par catégorie sont publiés ; le tirage les publie sous un pseudonyme.',
  'council.volunteer': 'Je me porte volontaire',
  'council.update': 'Modifier mes réponses',
  'council.withdraw': 'Retirer ma candidature',
  'council.volunteered': 'Vous êtes volontaire. Vous pouvez retirer votre candidature jusqu’à l’engagement.',
  'council.volunteeredDone': 'Candidature enregistrée.',
  'council.withdrawn': 'Candidature retirée.',
  'council.choose': 'Choisir…',
  'council.answerAll': 'Répondez à chaque question.',
  'council.signedOut': 'Connectez-vous pour vous porter volontaire.',
  'council.signIn': 'Se connecter',
  'council.status.recruiting': 'Appel à volontaires en cours',
  'council.status.committed': 'Engagement publié : le tirage aura lieu avec la valeur publique annoncée',
  'council.status.drawn': 'Tiré au sort',
  'council.target.bill': 'Projet de loi',
  'council.target.article': 'Article',
  'council.target.amendment': 'Amendement',
  'council.target.argument': 'Argument',
  'council.opinionVote': 'Vote des membres : {for} pour, {mixed} mitigés, {against} contre',
  'council.opinions': 'Avis du conseil citoyen',
  'council.pool.one': '{n} volontaire',
  'council.pool.other': '{n} volontaires',
} as const
