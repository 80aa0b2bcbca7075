import { describe, expect, it } from 'vitest';
import { eligibleVoterIds, isEligibleVoter } from './eligibility';
import { buildRound, voterIds } from './fixtures';

const [g1, g2] = voterIds(2);
const [a, b, c, d] = voterIds(4);
const delegates = [
  { id: a!, activityGroupId: g1, status: 'active' as const },
  { id: b!, activityGroupId: g2, status: 'active' as const },
  { id: c!, status: 'active' as const },
  { id: d!, activityGroupId: g1, status: 'ended' as const },
];

describe('eligibility', () => {
  it('all: every serving delegate, not those whose mandate ended or who were removed', () => {
    const round = buildRound({ voters: { kind: 'all' } });
    expect(eligibleVoterIds(round, delegates)).toEqual([a, b, c]);
    expect(isEligibleVoter(round, { id: a!, status: 'active', deletedAt: '2026-01-01T00:00:00.000Z' })).toBe(false);
  });

  it('groups: the serving delegates of the chosen 活动组', () => {
    expect(eligibleVoterIds(buildRound({ voters: { kind: 'groups', activityGroupIds: [g1!] } }), delegates)).toEqual([a]);
    expect(eligibleVoterIds(buildRound({ voters: { kind: 'groups', activityGroupIds: [g1!, g2!] } }), delegates)).toEqual([a, b]);
  });

  it('list: exactly the named delegates who still serve', () => {
    const round = buildRound({ voters: { kind: 'list', delegateIds: [c!, d!] } });
    expect(eligibleVoterIds(round, delegates)).toEqual([c]);
    expect(isEligibleVoter(round, delegates[0]!)).toBe(false);
  });
});
