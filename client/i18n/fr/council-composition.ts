/**
 * French messages. The composition of a citizens' council against its
 * quotas (table and chart), which the council page and the staff synthesis
 * both show: registered by both chunks (client/i18n/chunks/).
 */
export const councilComposition = {
  'council.composition': 'Composition du conseil',
  'council.compositionCaption': 'Composition par catégorie : membres, quotas et volontaires',
  'council.col.category': 'Catégorie',
  'council.col.value': 'Valeur',
  'council.col.quota': 'Quota',
  'council.col.volunteers': 'Volontaires',
  'council.col.members': 'Membres',
  'council.chartTitle': 'Membres par valeur, avec leur quota et la part des volontaires',
  'council.chartItem': '{label} : {members} membres (quota {min} à {max}), {pool} % des volontaires',
  'council.chartLegend': 'Barre pleine : membres ; cadre en pointillé : quota ; trait vertical : place qu’aurait la valeur au prorata des volontaires.',
} as const
