// 占比: the percentages a report prints. A table of shares should add up to 100.0%, as a reader checks it by eye;
// rounding each share on its own can make 33.3 + 33.3 + 33.3 = 99.9. Largest-remainder rounding fixes that.

/** Tenths of a percent in a whole: shares are printed with one decimal. */
const TENTHS = 1000;

/**
 * Each count's share of their sum, in percent with one decimal, adding up to exactly 100 (unless every count is 0:
 * then every share is 0). Largest-remainder (Hare) rounding: every share is first rounded down to a tenth, then the
 * tenths left over go to the shares that lost the most; ties go to the larger count, then to the earlier one.
 */
export function percentShares(counts: readonly number[]): number[] {
  for (const c of counts) if (!Number.isInteger(c) || c < 0) throw new Error(`Counts must be whole numbers ≥ 0, got ${c}`);
  const total = counts.reduce((sum, c) => sum + c, 0);
  if (total === 0) return counts.map(() => 0);
  const floors = counts.map((c) => Math.floor((c * TENTHS) / total));
  // Remainders as exact integers (c·1000 mod total), so ties are ties and not float noise.
  const remainders = counts.map((c) => (c * TENTHS) % total);
  let left = TENTHS - floors.reduce((sum, f) => sum + f, 0);
  const order = counts.map((_, i) => i).sort((a, b) => remainders[b]! - remainders[a]! || counts[b]! - counts[a]! || a - b);
  for (const i of order) {
    if (left === 0) break;
    if (remainders[i] === 0) continue;
    floors[i] = floors[i]! + 1;
    left -= 1;
  }
  return floors.map((tenths) => tenths / 10);
}

/**
 * One rate on its own (按期答复率, 满意率): `part` of `whole` in percent, rounded half up to one decimal.
 * Undefined when there is nothing to measure against, so the report says so instead of printing 0%.
 */
export function percentOf(part: number, whole: number): number | undefined {
  if (whole <= 0) return undefined;
  return Math.round((part * TENTHS) / whole) / 10;
}

/** "70.3%"; "0%" and "100%" without a decimal, as reports print them. Undefined prints as "—". */
export function formatPercent(value: number | undefined): string {
  if (value === undefined) return '—';
  return `${Number.isInteger(value) ? value.toFixed(0) : value.toFixed(1)}%`;
}

/** A count with its share, as a table cell: "165（50.2%）". */
export function countWithShare(count: number, share: number | undefined): string {
  return `${count}（${formatPercent(share)}）`;
}
