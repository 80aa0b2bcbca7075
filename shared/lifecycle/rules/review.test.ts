import { describe, expect, it } from 'vitest';
import { newId, type Proposal, type ProposalStatus } from '../../domain';
import { buildContext, buildProposal, buildSettings, cast, NOW } from '../fixtures';
import { statusLabelOf } from '../labels';
import { availableActions, decide } from '../machine';
import { nextProposalNumber } from '../numbering';
import type { LifecycleContext } from '../types';

const people = cast();

function asOffice(proposal: Proposal, rest: Partial<LifecycleContext> = {}): LifecycleContext {
  return buildContext('office', people.staff, proposal, rest);
}
const inReview = (overrides: Partial<Proposal> = {}) => buildProposal(people, { status: 'inReview', ...overrides });

describe('receive', () => {
  it('stamps receivedAt', () => {
    expect(decide({ type: 'receive' }, asOffice(buildProposal(people, { status: 'submitted' })))).toEqual({
      ok: true,
      from: 'submitted',
      to: 'received',
      patch: { status: 'received', receivedAt: NOW.toISOString() },
    });
  });
});

describe('accept: gap-free numbering', () => {
  it('nextProposalNumber is max + 1, or 1 for the first', () => {
    expect(nextProposalNumber([])).toBe(1);
    expect(nextProposalNumber([3, 1, 2])).toBe(4);
    expect(nextProposalNumber([1, 7])).toBe(8);
  });

  it('gives the first proposal 第1号 and records the decision', () => {
    expect(decide({ type: 'accept', number: 1 }, asOffice(inReview()))).toEqual({
      ok: true,
      from: 'inReview',
      to: 'accepted',
      patch: { status: 'accepted', number: 1, review: { decision: 'accept', decidedBy: people.staff, decidedAt: NOW.toISOString() } },
    });
  });

  it('takes the next number after the highest used, in any order', () => {
    expect(decide({ type: 'accept', number: 4 }, asOffice(inReview(), { usedNumbers: [2, 3, 1] }))).toMatchObject({ ok: true, patch: { number: 4 } });
  });

  it('refuses a used number and a number that would leave a gap', () => {
    const ctx = asOffice(inReview(), { usedNumbers: [1, 2, 3] });
    expect(decide({ type: 'accept', number: 2 }, ctx)).toMatchObject({ ok: false, code: 'numberTaken', message: '第2号已被使用' });
    expect(decide({ type: 'accept', number: 5 }, ctx)).toMatchObject({ ok: false, code: 'numberTaken', message: expect.stringContaining('下一个应为第4号') });
  });

  it('refuses numbers that are not positive integers', () => {
    for (const number of [0, -1, 1.5, Number.NaN]) {
      expect(decide({ type: 'accept', number }, asOffice(inReview()))).toMatchObject({ ok: false, code: 'invalidData' });
    }
  });
});

describe('merge', () => {
  const target = (status: ProposalStatus, id = newId()) => ({ id, status, kind: 'proposal' as const });

  it('records the target as mergedIntoId', () => {
    const into = target('accepted');
    const result = decide({ type: 'merge', targetId: into.id, reasonText: '内容相近' }, asOffice(inReview(), { mergeTarget: into }));
    expect(result).toMatchObject({
      ok: true,
      to: 'merged',
      patch: { review: { decision: 'merge', mergedIntoId: into.id, reasonText: '内容相近', decidedBy: people.staff } },
    });
  });

  it('refuses merging into itself', () => {
    const proposal = inReview();
    const result = decide({ type: 'merge', targetId: proposal.id }, asOffice(proposal, { mergeTarget: target('inReview', proposal.id) }));
    expect(result).toMatchObject({ ok: false, code: 'invalidData', message: '不能并入本件自身' });
  });

  it('refuses a target that was not supplied or is a different proposal', () => {
    expect(decide({ type: 'merge', targetId: newId() }, asOffice(inReview()))).toMatchObject({ ok: false, code: 'invalidData', message: '找不到并案目标' });
    expect(decide({ type: 'merge', targetId: newId() }, asOffice(inReview(), { mergeTarget: target('accepted') }))).toMatchObject({
      ok: false,
      code: 'invalidData',
    });
  });

  it('refuses targets that are withdrawn, rejected, merged themselves, or never filed', () => {
    for (const status of ['withdrawn', 'rejected', 'merged', 'draft', 'collecting'] as const) {
      const into = target(status);
      expect(decide({ type: 'merge', targetId: into.id }, asOffice(inReview(), { mergeTarget: into }))).toMatchObject({ ok: false, code: 'invalidData' });
    }
  });

  it('accepts targets anywhere from received to closed', () => {
    for (const status of ['received', 'inReview', 'accepted', 'assigned', 'replied', 'rehandling', 'closed'] as const) {
      const into = target(status);
      expect(decide({ type: 'merge', targetId: into.id }, asOffice(inReview(), { mergeTarget: into }))).toMatchObject({ ok: true });
    }
  });
});

describe('convert', () => {
  it('turns a motion into a suggestion waiting for 交办, without a number', () => {
    const result = decide({ type: 'convert', reasonText: '宜作为意见建议办理' }, asOffice(inReview({ kind: 'motion', meetingId: newId() })));
    expect(result).toMatchObject({ ok: true, to: 'accepted', patch: { kind: 'suggestion', review: { decision: 'convert' } } });
    expect(result.ok && 'number' in result.patch).toBe(false);
  });

  it('can then be assigned like any accepted item, and is labelled as converted', () => {
    const proposal = inReview({ kind: 'motion' });
    const converted = decide({ type: 'convert' }, asOffice(proposal));
    if (!converted.ok) throw new Error(converted.message);
    const after = { ...proposal, ...converted.patch };
    expect(statusLabelOf(after)).toBe('已转为意见建议');
    expect(decide({ type: 'assign', assignment: { mode: 'lead', leadUnitId: people.unitA } }, asOffice(after))).toMatchObject({ ok: true, to: 'assigned' });
  });

  it('refuses an item that already is a suggestion', () => {
    expect(decide({ type: 'convert' }, asOffice(inReview({ kind: 'suggestion' })))).toMatchObject({ ok: false, code: 'invalidData' });
  });
});

describe('reject', () => {
  it('needs a reason code from settings.rejectionReasons', () => {
    expect(decide({ type: 'reject', reasonCode: 'boring' }, asOffice(inReview()))).toMatchObject({ ok: false, code: 'invalidData' });
    const result = decide({ type: 'reject', reasonCode: 'litigation', reasonText: '已进入诉讼程序' }, asOffice(inReview()));
    expect(result).toMatchObject({ ok: true, to: 'rejected', patch: { review: { decision: 'reject', reasonCode: 'litigation', reasonText: '已进入诉讼程序' } } });
  });

  it('follows the office’s own list', () => {
    const settings = buildSettings({ rejectionReasons: [{ code: 'dup', label: '与已立案提案重复' }] });
    expect(decide({ type: 'reject', reasonCode: 'dup' }, asOffice(inReview(), { settings }))).toMatchObject({ ok: true });
    expect(decide({ type: 'reject', reasonCode: 'personal' }, asOffice(inReview(), { settings }))).toMatchObject({ ok: false, code: 'invalidData' });
  });
});

describe('skipping 预审', () => {
  it('every decision can be taken straight from 已接收', () => {
    const received = buildProposal(people, { status: 'received' });
    const into = { id: newId(), status: 'accepted' as const, kind: 'proposal' as const };
    expect(decide({ type: 'accept', number: 1 }, asOffice(received))).toMatchObject({ ok: true, from: 'received', to: 'accepted' });
    expect(decide({ type: 'merge', targetId: into.id }, asOffice(received, { mergeTarget: into }))).toMatchObject({ ok: true, to: 'merged' });
    expect(decide({ type: 'convert' }, asOffice(received))).toMatchObject({ ok: true, to: 'accepted' });
    expect(decide({ type: 'reject', reasonCode: 'empty' }, asOffice(received))).toMatchObject({ ok: true, to: 'rejected' });
  });
});

describe('a delegate cannot take review decisions on their own proposal', () => {
  it('立案 by the lead author is refused', () => {
    const result = decide({ type: 'accept', number: 1 }, buildContext('delegate', people.lead, inReview()));
    expect(result).toEqual({ ok: false, code: 'wrongRole', message: '「立案」只能由常任办操作' });
  });
});

describe('accept: only on the designated numbering machine (立案编号专用电脑)', () => {
  it('refuses 立案 on another office machine and names the numbering machine, before any number is given', () => {
    const ctx = asOffice(inReview(), { numberingDevice: { isThisDevice: false, name: '刘秘书 · …A1B2C3' } });
    expect(decide({ type: 'accept', number: 1 }, ctx)).toEqual({
      ok: false,
      code: 'wrongRole',
      message: '立案编号由编号专用电脑（刘秘书 · …A1B2C3）统一给出',
    });
    expect(availableActions(ctx).find((a) => a.type === 'accept')).toMatchObject({ allowed: false, message: expect.stringContaining('编号专用电脑') });
  });

  it('still lets that machine record every other decision', () => {
    const ctx = asOffice(inReview(), { numberingDevice: { isThisDevice: false, name: '刘秘书' } });
    const allowed = availableActions(ctx).filter((a) => a.allowed).map((a) => a.type);
    expect(allowed).toEqual(expect.arrayContaining(['merge', 'convert', 'reject', 'setFlags']));
    expect(allowed).not.toContain('accept');
  });

  it('says so when no numbering machine can be determined', () => {
    const ctx = asOffice(inReview(), { numberingDevice: { isThisDevice: false } });
    expect(decide({ type: 'accept', number: 1 }, ctx)).toMatchObject({ ok: false, message: expect.stringContaining('尚未指定') });
  });

  it('numbers on the numbering machine, and when the context does not say (single machine, import checks)', () => {
    expect(decide({ type: 'accept', number: 1 }, asOffice(inReview(), { numberingDevice: { isThisDevice: true, name: 'x' } }))).toMatchObject({ ok: true });
    expect(decide({ type: 'accept', number: 1 }, asOffice(inReview()))).toMatchObject({ ok: true });
  });
});
