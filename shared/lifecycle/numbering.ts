// 立案号: numbers run 1, 2, 3 … without gaps within one numbering scope (an annual meeting's 提案, or a year's
// recess items — the caller decides the scope when it gathers `usedNumbers`).

/** The only number the next 立案 may take: one more than the highest used, or 1. */
export function nextProposalNumber(usedNumbers: readonly number[]): number {
  return usedNumbers.reduce((max, n) => Math.max(max, n), 0) + 1;
}
