import { describe, expect, it } from 'vitest';
import { buildRound, CLOSES, OPENS } from './fixtures';
import { submittedInWindow, votingState } from './votingWindow';

const at = (iso: string) => new Date(iso);

describe('votingState', () => {
  it('is open only when the office opened the round and the time is inside the window (both ends included)', () => {
    const round = buildRound({ status: 'open' });
    expect(votingState(round, at(OPENS))).toEqual({ state: 'open' });
    expect(votingState(round, at(CLOSES))).toEqual({ state: 'open' });
    expect(votingState(round, at('2026-03-02T00:59:59.999Z'))).toEqual({ state: 'notOpen', message: '评议尚未开始，开始时间为 2026-03-02 09:00' });
    expect(votingState(round, at('2026-03-09T09:00:00.001Z'))).toEqual({ state: 'closed', message: '评议已于 2026-03-09 17:00 截止，不能再提交或修改评议票' });
  });

  it('is never open while draft, nor once closed or published, whatever the time', () => {
    expect(votingState(buildRound({ status: 'draft' }), at(OPENS)).state).toBe('notOpen');
    expect(votingState(buildRound({ status: 'closed' }), at(OPENS))).toEqual({ state: 'closed', message: '评议已结束，不能再提交或修改评议票' });
    expect(votingState(buildRound({ status: 'published' }), at(OPENS)).state).toBe('closed');
  });
});

describe('submittedInWindow', () => {
  it('counts from the open time to the close time, both included', () => {
    const round = buildRound();
    expect(submittedInWindow(round, OPENS)).toBe(true);
    expect(submittedInWindow(round, CLOSES)).toBe(true);
    expect(submittedInWindow(round, '2026-03-02T00:59:59.999Z')).toBe(false);
    expect(submittedInWindow(round, '2026-03-09T09:00:00.001Z')).toBe(false);
    expect(submittedInWindow(round, undefined)).toBe(false);
  });
});
