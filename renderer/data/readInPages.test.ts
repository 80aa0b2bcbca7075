import { liveQuery } from 'dexie';
import { describe, expect, it } from 'vitest';
import { freshRepository } from './testing';
import { readInPages } from './readInPages';
import type { ProposalSummary } from './proposalSummary';

function summary(n: number): ProposalSummary {
  const id = `p-${String(n).padStart(4, '0')}`;
  return { id, kind: 'motion', title: `提案${n}`, leadDelegateId: 'd1', invitedCosignerIds: [], status: 'submitted', createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };
}

describe('readInPages', () => {
  it('reads every row once, in key order, across page boundaries (exact multiples included)', async () => {
    const { db } = await freshRepository();
    for (const count of [0, 1, 6, 7, 13]) {
      await db.proposalSummary.clear();
      await db.proposalSummary.bulkPut(Array.from({ length: count }, (_, i) => summary(i)));
      const rows = await readInPages(db.proposalSummary, 3);
      expect(rows.map((r) => r.id)).toEqual(Array.from({ length: count }, (_, i) => summary(i).id));
    }
  });

  it('inside a live query, a write anywhere in the table (past the first page too) re-runs it', async () => {
    const { db } = await freshRepository();
    await db.proposalSummary.bulkPut(Array.from({ length: 10 }, (_, i) => summary(i)));
    let seen: ProposalSummary[] = [];
    const subscription = liveQuery(() => readInPages(db.proposalSummary, 3)).subscribe((rows) => (seen = rows));
    try {
      await expect.poll(() => seen.length).toBe(10);
      // p-0004 is on the second page.
      await db.proposalSummary.put({ ...summary(4), title: '改过的案由' });
      await expect.poll(() => seen[4]?.title).toBe('改过的案由');
      await db.proposalSummary.put(summary(50));
      await expect.poll(() => seen.length).toBe(11);
      await db.proposalSummary.delete(summary(9).id);
      await expect.poll(() => seen.length).toBe(10);
    } finally {
      subscription.unsubscribe();
    }
  });
});
