/**
 * The council pages' messages (the council page with the council's
 * composition, and the deliberation), registered when their chunk loads:
 * council/council-pages.ts imports this module.
 */
import { registerMessages } from '../index.ts'
import { councilPages as frPages } from '../fr/council-pages.ts'
import { councilComposition as frComposition } from '../fr/council-composition.ts'
import { councilPages as enPages } from '../en/council-pages.ts'
import { councilComposition as enComposition } from '../en/council-composition.ts'

registerMessages({ fr: { ...frPages, ...frComposition }, en: { ...enPages, ...enComposition } })
