import type { Agreement, TimingSummary } from './searchProtocol';

/** Summaries of the search benchmark's measurements (npm run bench:search). */

/** Median, 95th percentile (nearest rank), max and mean of some times. */
export function timingSummary(times: readonly number[]): TimingSummary {
  if (times.length === 0) return { count: 0, medianMs: NaN, p95Ms: NaN, maxMs: NaN, meanMs: NaN };
  const sorted = [...times].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const medianMs = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  const p95Ms = sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)]!;
  return { count: sorted.length, medianMs, p95Ms, maxMs: sorted[sorted.length - 1]!, meanMs: sorted.reduce((a, b) => a + b, 0) / sorted.length };
}

const SAMPLES = 5;

/**
 * Compares an engine's answers with the linear scan's, query by query (`undefined`: the engine did not run that
 * query). Order is ignored: engines rank differently, the question is which proposals they find.
 */
export function agreementWith(reference: readonly (readonly string[])[], answers: readonly (readonly string[] | undefined)[], queries: readonly string[]): Agreement {
  const agreement: Agreement = { queries: 0, missed: 0, queriesWithMisses: 0, extra: 0, queriesWithExtras: 0, samples: [] };
  answers.forEach((answer, i) => {
    if (!answer) return;
    agreement.queries++;
    const expected = new Set(reference[i]);
    const got = new Set(answer);
    let missed = 0;
    let extra = 0;
    for (const id of expected) if (!got.has(id)) missed++;
    for (const id of got) if (!expected.has(id)) extra++;
    agreement.missed += missed;
    agreement.extra += extra;
    if (missed) agreement.queriesWithMisses++;
    if (extra) agreement.queriesWithExtras++;
    if ((missed || extra) && agreement.samples.length < SAMPLES) agreement.samples.push(`${queries[i]}: missed ${missed}, extra ${extra} (of ${expected.size})`);
  });
  return agreement;
}
