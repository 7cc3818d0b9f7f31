/**
 * The inputs and outputs of a citizens' council draw, as frozen at the
 * commitment and published in the audit. Plain data (JSON), so that anyone
 * can recompute the draw from the audit alone.
 */

/** The version of the draw algorithm; part of the commitment. */
export const ALGORITHM_VERSION = 'alinea-maximin/1'

/** The fixed denominator over which the panel distribution is rounded to integers. */
export const DISTRIBUTION_DENOMINATOR = 1_000_000_000

/** One value of a category and its quota (inclusive bounds on the seats it gets). */
export interface QuotaValue { key: string; min: number; max: number }

/** A category (e.g. gender, age band) and the quotas of its values. */
export interface QuotaCategory { key: string; values: QuotaValue[] }

/** The quotas of a council: its size and its categories. */
export interface Quotas { size: number; categories: QuotaCategory[] }

/** A volunteer as the draw sees it: a pseudonymous id and the private answers. */
export interface PoolMember { id: string; answers: Record<string, string> }

/** Everything frozen at the commitment: algorithm, quotas, pool. */
export interface DrawInput { algorithm: string; quotas: Quotas; pool: PoolMember[] }

/**
 * A stratum: the volunteers who gave the same answer to every category
 * (interchangeable for the quotas). `key` joins the value keys in category order.
 */
export interface Stratum { key: string; answers: string[]; members: string[] }

/** One panel of the distribution: seats per stratum (in stratum order) and its integer weight. */
export interface WeightedPanel { seats: number[]; weight: number }

/** Why the quotas cannot be met. */
export interface InfeasibilityReason {
  category: string | null
  value: string | null
  volunteers: number | null
  minimum: number | null
  message: string
}

/** The fair distribution over panels, rounded exactly. */
export interface Distribution {
  /** Strata in canonical order (sorted by key), each with its members sorted by id. */
  strata: Stratum[]
  /** Panels (seats per stratum), sorted by seats, with integer weights summing to `denominator`. */
  panels: WeightedPanel[]
  denominator: number
  /** Per stratum, the selection probability of each of its members as `numerator / (denominator * members)`. */
  numerators: number[]
  /** The smallest selection probability of any volunteer who can sit on some panel. */
  maximin: number
}

/** The result of sampling a panel from the distribution with the seed. */
export interface Sample {
  /** Index of the drawn panel in `distribution.panels`. */
  panelIndex: number
  /** Selected pseudonymous ids, in stratum order then draw order. */
  members: string[]
  /** Per stratum, the volunteers not selected, in the order they replace a member who declines. */
  alternates: { stratum: string; ids: string[] }[]
}
