/**
 * Rates of DOMAIN.md §5, rounded to one decimal place. Kept in tenths of a percent (79.5 % → 795)
 * so that a comparison with a threshold uses exactly the figure that is published.
 */
export function tenthsOfPercent(part: number, whole: number): number | null {
  if (whole <= 0) return null;
  // Integer arithmetic first: 2/3 → 666.67 → 667 (66.7 %), halves round up.
  return Math.round((part * 1000) / whole);
}

/** `part ÷ whole` in percent with one decimal; null when there is nothing to divide by. */
export function percentOneDecimal(part: number, whole: number): number | null {
  const tenths = tenthsOfPercent(part, whole);
  return tenths === null ? null : tenths / 10;
}
