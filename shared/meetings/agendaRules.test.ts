import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { outcomeOfCounts, validateAgendaItem, validateVote, voteToStore } from './agendaRules';

describe('validateVote (票决)', () => {
  it('accepts counts whose outcome agrees: more than half for is 通过', () => {
    expect(validateVote({ for: 230, against: 2, abstain: 3, outcome: 'passed' })).toEqual({});
    expect(validateVote({ for: 100, against: 80, abstain: 20, outcome: 'failed' })).toEqual({});
  });

  it('refuses negative, fractional and missing counts beside each count', () => {
    expect(validateVote({ for: -1, against: 2.5, outcome: 'passed' })).toEqual({
      'vote.for': '赞成票数须为不小于 0 的整数',
      'vote.against': '反对票数须为不小于 0 的整数',
      'vote.abstain': '请填写弃权票数',
    });
    expect(validateVote({ for: 1, against: 0, abstain: 0, present: -3, outcome: 'passed' })['vote.present']).toBe('到会人数须为不小于 0 的整数');
  });

  it('asks for the outcome, and refuses one the counts contradict', () => {
    expect(validateVote({ for: 10, against: 0, abstain: 0 })).toEqual({ 'vote.outcome': '请选择表决结果' });
    expect(validateVote({ for: 100, against: 80, abstain: 20, outcome: 'passed' })['vote.outcome']).toBe('赞成票 100 未超过投票总数 200 的半数，表决结果应为“未通过”');
    expect(validateVote({ for: 101, against: 80, abstain: 19, outcome: 'failed' })['vote.outcome']).toBe('赞成票 101 已超过投票总数 200 的半数，表决结果应为“通过”');
  });

  it('counts the majority against the delegates present when recorded, and refuses more votes than present', () => {
    // 120 for of 235 votes cast is a majority of the votes, but not of 250 present.
    expect(validateVote({ for: 120, against: 100, abstain: 15, present: 250, outcome: 'passed' })['vote.outcome']).toBe('赞成票 120 未超过到会人数 250 的半数，表决结果应为“未通过”');
    expect(validateVote({ for: 126, against: 100, abstain: 15, present: 250, outcome: 'passed' })).toEqual({});
    expect(validateVote({ for: 200, against: 40, abstain: 20, present: 250, outcome: 'passed' })['vote.present']).toBe('赞成、反对、弃权票数合计 260 超过到会人数 250');
    expect(validateVote({ for: 0, against: 0, abstain: 0, outcome: 'failed' })['vote.for']).toBe('赞成、反对、弃权票数不能都为 0');
  });

  it('agrees with outcomeOfCounts for any valid counts (property)', () => {
    fc.assert(
      fc.property(fc.nat(500), fc.nat(500), fc.nat(500), fc.boolean(), (yes, no, abstain, passed) => {
        fc.pre(yes + no + abstain > 0);
        const outcome = passed ? 'passed' : 'failed';
        const errors = validateVote({ for: yes, against: no, abstain, outcome });
        const consistent = outcomeOfCounts({ for: yes, against: no, abstain }) === outcome;
        expect(Object.keys(errors).length === 0).toBe(consistent);
        expect(consistent).toBe(passed === yes * 2 > yes + no + abstain);
      }),
    );
  });
});

describe('validateAgendaItem (议程)', () => {
  it('needs a kind and a title', () => {
    expect(validateAgendaItem({ title: '' })).toEqual({ kind: '请选择议程类型', title: '请填写议程名称' });
  });

  it('lets a 票决 be planned before it is held (no result), but checks a result once any of it is entered', () => {
    const planned = { kind: 'vote' as const, title: '表决通过关于县委工作报告的决议', vote: {} };
    expect(validateAgendaItem(planned)).toEqual({});
    expect(voteToStore(planned)).toBeUndefined();
    expect(validateAgendaItem({ ...planned, vote: { for: 5 } })).toMatchObject({ 'vote.against': '请填写反对票数', 'vote.outcome': '请选择表决结果' });
    const held = { ...planned, vote: { for: 230, against: 2, abstain: 3, present: 240, outcome: 'passed' as const } };
    expect(validateAgendaItem(held)).toEqual({});
    expect(voteToStore(held)).toEqual({ for: 230, against: 2, abstain: 3, present: 240, outcome: 'passed' });
  });

  it('ignores vote fields on other kinds of items', () => {
    const speech = { kind: 'speech' as const, title: '代表专题发言', vote: { for: -5 } };
    expect(validateAgendaItem(speech)).toEqual({});
    expect(voteToStore(speech)).toBeUndefined();
  });
});
