import { describe, expect, it } from 'vitest';
import { anonymousComments } from './comments';

describe('anonymousComments', () => {
  const texts = ['希望多深入基层调查研究', '加强干部作风建设', '重视农村饮水安全', '建议公开评议结果'];

  it('keeps the non-empty comments, trimmed, and drops blank ones', () => {
    const out = anonymousComments('R1', ['  加强干部作风建设 ', undefined, '', '   ', '重视农村饮水安全']);
    expect([...out].sort()).toEqual(['加强干部作风建设', '重视农村饮水安全'].sort());
  });

  it('orders them the same way whatever order the ballots came in (so not by voter, roster or time)', () => {
    const forward = anonymousComments('R1', texts);
    expect(anonymousComments('R1', [...texts].reverse())).toEqual(forward);
    expect(anonymousComments('R1', [texts[2], texts[0], texts[3], texts[1]])).toEqual(forward);
    expect([...forward].sort()).toEqual([...texts].sort());
  });

  it('shuffles per round: the order is not simply alphabetical or the input order', () => {
    const orders = new Set(['R1', 'R2', 'R3', 'R4', 'R5', 'R6'].map((round) => anonymousComments(round, texts).join('|')));
    expect(orders.size).toBeGreaterThan(1);
  });
});
