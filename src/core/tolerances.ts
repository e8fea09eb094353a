/** The tolerances of the checks and of the written formulas, each sized for what it compares. */

/**
 * A rule comparing whole counts (members ≤ party members, a part ≤ its whole): the figures are integers, so
 * any margin below 1 gives the same verdict; 1e-9 only absorbs the binary noise of sums of decimals.
 */
export const RULE_TOLERANCE = 1e-9;

/**
 * A totals row against the sum of its rows: a typed total of decimals (hectares, percentages summed) may carry
 * rounding in its last shown digits, never a real difference as small as a millionth.
 */
export const TOTAL_TOLERANCE = 1e-6;

/**
 * A ratio staff typed against the one computed from the row: one tenth of a percentage point (0.001 as a
 * fraction), the one decimal a report shows, so "65,8%" typed for 65.85% is not a mismatch.
 */
export const REPORTED_RATIO_TOLERANCE = 0.001;

/**
 * The digits a status comparison rounds to, in the engine and in the written ROUND(…, 9): enough to keep
 * every real difference of a count or a percentage, few enough to drop binary noise (100/300 against 1/3).
 */
export const STATUS_ROUND_DIGITS = 9;
