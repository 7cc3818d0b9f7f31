/**
 * The sizes the generator knows. `republique-numerique` is France's 2015
 * "Projet de loi pour une République numérique" consultation (30 articles,
 * 21,330 participants, 147,637 votes, 5,990 arguments, 1,387 amendments);
 * `grand-debat` is the order of the 2019 Grand Débat national (about 2
 * million contributions) as the export benchmark needs it: 2 million
 * arguments and 20 million votes; `small` is for tests and demos.
 */

/** How big a generated consultation is. */
export interface Scale {
  articles: number
  participants: number
  votes: number
  arguments: number
  amendments: number
}

/** The named scales. */
export const SCALES = {
  'republique-numerique': { articles: 30, participants: 21_330, votes: 147_637, arguments: 5_990, amendments: 1_387 },
  'grand-debat': { articles: 30, participants: 1_000_000, votes: 20_000_000, arguments: 2_000_000, amendments: 20_000 },
  small: { articles: 8, participants: 300, votes: 3_000, arguments: 150, amendments: 40 }
} as const satisfies Record<string, Scale>

export type ScaleName = keyof typeof SCALES
