/**
 * The staff pages' messages (decisions, consolidated text, moderation,
 * synthesis with the council's composition, account, workspace), registered
 * when their chunk loads: pages/staff/staff.ts imports this module, so they
 * are there before any of its pages renders.
 */
import { registerMessages } from '../index.ts'
import { staffDecisions as frDecisions } from '../fr/staff-decisions.ts'
import { staffModeration as frModeration } from '../fr/staff-moderation.ts'
import { staffSynthesis as frSynthesis } from '../fr/staff-synthesis.ts'
import { staffAccount as frAccount } from '../fr/staff-account.ts'
import { councilComposition as frComposition } from '../fr/council-composition.ts'
import { staffDecisions as enDecisions } from '../en/staff-decisions.ts'
import { staffModeration as enModeration } from '../en/staff-moderation.ts'
import { staffSynthesis as enSynthesis } from '../en/staff-synthesis.ts'
import { staffAccount as enAccount } from '../en/staff-account.ts'
import { councilComposition as enComposition } from '../en/council-composition.ts'

registerMessages({
  fr: { ...frDecisions, ...frModeration, ...frSynthesis, ...frAccount, ...frComposition },
  en: { ...enDecisions, ...enModeration, ...enSynthesis, ...enAccount, ...enComposition }
})
