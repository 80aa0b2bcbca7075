import { describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain';
import { openDatabase } from './db';
import { idRanges, rowsOfProposals } from './rowsOfProposals';

const DAY = 24 * 3600_000;
const T0 = Date.parse('2026-01-05T00:00:00Z');

describe('rowsOfProposals', () => {
  it('cuts ids into ranges where they were made more than a week apart', () => {
    const a = newId(T0);
    const b = newId(T0 + 3 * DAY);
    const c = newId(T0 + 9 * DAY);
    const d = newId(T0 + 400 * DAY);
    expect(idRanges([a, b, c, d])).toEqual([
      [a, c],
      [d, d],
    ]);
    expect(idRanges(['not-an-id', a])).toEqual([
      ['not-an-id', 'not-an-id'],
      [a, a],
    ]);
  });

  it('returns exactly the rows of the given proposals, however the ids are spread', async () => {
    const db = openDatabase(`rows-${newId()}`);
    await db.open();
    // Proposals two days apart, the last five a year later; every other one is asked for (ranges then span rows not
    // asked for), and the first, well before the rest.
    const madeAt = (i: number) => T0 + i * 2 * DAY + (i >= 35 ? 365 * DAY : 0);
    const proposalIds = Array.from({ length: 40 }, (_, i) => newId(madeAt(i)));
    const rows = proposalIds.flatMap((proposalId, i) => [0, 1].map((k) => ({ id: newId(madeAt(i) + k), proposalId, note: `${i}/${k}` })));
    await db.table('reply').bulkAdd(rows);
    const asked = [proposalIds[0]!, ...proposalIds.filter((_, i) => i >= 20 && i % 2 === 0), proposalIds[39]!, 'NOT-A-PROPOSAL'];
    const got = await rowsOfProposals(db.table('reply'), asked);
    const expected = rows.filter((r) => asked.includes(r.proposalId));
    expect(got.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
    expect(await rowsOfProposals(db.table('reply'), [])).toEqual([]);
    db.close();
  });
});
