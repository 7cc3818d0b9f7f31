/** The comparison table against an earlier revision (issue 16): GET /bills/:billId/consolidated?from=1. */
import { z } from 'zod'

export const ConsolidatedQuery = z.strictObject({
  from: z.coerce.number().int().min(1).max(1_000_000).optional()
    .describe('the revision whose text fills the left column (default: the latest, the text the amendments were proposed on); 1 compares the consolidated text with the original')
}).meta({ id: 'ConsolidatedQuery' })

export type ConsolidatedQuery = z.infer<typeof ConsolidatedQuery>
