/** English messages: the same keys as fr/council-composition.ts (the compiler checks it). */
import type { Translation } from '../types.ts'
import type { councilComposition as fr } from '../fr/council-composition.ts'

export const councilComposition: Translation<typeof fr> = {
  'council.composition': 'Composition of the council',
  'council.compositionCaption': 'Composition by category: members, quotas and volunteers',
  'council.col.category': 'Category',
  'council.col.value': 'Value',
  'council.col.quota': 'Quota',
  'council.col.volunteers': 'Volunteers',
  'council.col.members': 'Members',
  'council.chartTitle': 'Members per value, with their quota and the share of volunteers',
  'council.chartItem': '{label}: {members} members (quota {min} to {max}), {pool} % of volunteers',
  'council.chartLegend': 'Solid bar: members; dotted frame: quota; vertical line: where the value would be in proportion to the volunteers.',
}
