import { describe, expect, it } from 'vitest';
import type { NoticeReceipt } from '../domain';
import { audienceMembers, isVisibleTo, receiptOf, receiptSummary, replyWindow, validateNotice, validateNoticeReply, type NoticeForm } from './noticeRules';

const T = '2026-05-01T00:00:00.000Z';
const delegate = (id: string, activityGroupId?: string, status: 'active' | 'ended' = 'active') => ({ id, status, ...(activityGroupId ? { activityGroupId } : {}) });
const zhang = delegate('D1', 'G1');
const li = delegate('D2', 'G2');
const wang = delegate('D3');
const former = delegate('D4', 'G1', 'ended');

function receipt(delegateId: string, fields: Partial<NoticeReceipt> = {}): NoticeReceipt {
  return { id: `R-${delegateId}-${fields.updatedAt ?? T}`, createdAt: T, updatedAt: T, noticeId: 'N1', delegateId, ...fields };
}

describe('who a notice is for', () => {
  it('everyone, an activity group, or named delegates; only published and not withdrawn', () => {
    const published = { publishedAt: T };
    expect(isVisibleTo({ ...published, audience: { kind: 'all' } }, wang)).toBe(true);
    expect(isVisibleTo({ ...published, audience: { kind: 'groups', activityGroupIds: ['G1'] } }, zhang)).toBe(true);
    expect(isVisibleTo({ ...published, audience: { kind: 'groups', activityGroupIds: ['G1'] } }, li)).toBe(false);
    expect(isVisibleTo({ ...published, audience: { kind: 'groups', activityGroupIds: ['G1'] } }, wang)).toBe(false);
    expect(isVisibleTo({ ...published, audience: { kind: 'list', delegateIds: ['D2'] } }, li)).toBe(true);
    expect(isVisibleTo({ audience: { kind: 'all' } }, wang)).toBe(false);
    expect(isVisibleTo({ ...published, deletedAt: T, audience: { kind: 'all' } }, wang)).toBe(false);
  });

  it('counts serving delegates only among the addressees', () => {
    expect(audienceMembers({ kind: 'groups', activityGroupIds: ['G1'] }, [zhang, li, wang, former]).map((d) => d.id)).toEqual(['D1']);
    expect(audienceMembers({ kind: 'all' }, [zhang, li, wang, former]).map((d) => d.id)).toEqual(['D1', 'D2', 'D3']);
  });
});

describe('replyWindow (征求意见 due date)', () => {
  const due = '2026-05-10T10:00:00.000Z';
  it('is open until the due time inclusive and closed after it, with the time in 北京时间', () => {
    expect(replyWindow({ kind: 'consultation', repliesDueAt: due }, new Date('2026-05-10T10:00:00.000Z'))).toEqual({ state: 'open', dueAt: due });
    expect(replyWindow({ kind: 'consultation', repliesDueAt: due }, new Date('2026-05-10T10:00:00.001Z'))).toEqual({
      state: 'closed',
      dueAt: due,
      message: '征求意见已于 2026-05-10 18:00 截止，不能再提交或修改意见',
    });
  });

  it('asks no opinion on a 通报', () => {
    expect(replyWindow({ kind: 'briefing' }, new Date(T)).state).toBe('notAsked');
  });

  it('needs some text for an opinion', () => {
    expect(validateNoticeReply('   ')).toEqual({ reply: '请填写您的意见建议' });
    expect(validateNoticeReply('同意。')).toEqual({});
  });
});

describe('validateNotice (the office publishes)', () => {
  const ctx = { now: new Date(T), activityGroupIds: new Set(['G1', 'G2']), delegateIds: new Set(['D1', 'D2', 'D3']) };
  const briefing: NoticeForm = { kind: 'briefing', title: '关于县委全会召开情况的通报', body: '现将有关情况通报如下。', audienceKind: 'all' };

  it('accepts a complete 通报 to everyone', () => {
    expect(validateNotice(briefing, ctx)).toEqual({});
  });

  it('says what is missing beside each field', () => {
    expect(validateNotice({}, ctx)).toEqual({ kind: '请选择通报类型', title: '请填写标题', body: '请填写通报内容', audienceKind: '请选择通报对象' });
    expect(validateNotice({ ...briefing, audienceKind: 'groups', activityGroupIds: [] }, ctx)).toEqual({ activityGroupIds: '请选择至少一个活动组' });
    expect(validateNotice({ ...briefing, audienceKind: 'list', delegateIds: ['D9'] }, ctx)).toEqual({ delegateIds: '所选党代表中有不在名册中的人员' });
  });

  it('征求意见 needs a due time still ahead; an edit may keep a due time that has passed', () => {
    const consultation = { ...briefing, kind: 'consultation' as const };
    expect(validateNotice(consultation, ctx)).toEqual({ repliesDueAt: '征求意见请选择反馈截止时间' });
    expect(validateNotice({ ...consultation, repliesDueAt: '2026-04-30T00:00:00.000Z' }, ctx)).toEqual({ repliesDueAt: '反馈截止时间须晚于现在' });
    expect(validateNotice({ ...consultation, repliesDueAt: T }, ctx)).toEqual({ repliesDueAt: '反馈截止时间须晚于现在' });
    expect(validateNotice({ ...consultation, repliesDueAt: '2026-05-10T00:00:00.000Z' }, ctx)).toEqual({});
    expect(validateNotice({ ...consultation, repliesDueAt: '2026-04-30T00:00:00.000Z' }, { ...ctx, previousDueAt: '2026-04-30T00:00:00.000Z' })).toEqual({});
  });
});

describe('receipts (read and replied)', () => {
  it("takes a delegate's latest receipt", () => {
    const older = receipt('D1', { readAt: T, updatedAt: '2026-05-01T01:00:00.000Z' });
    const newer = receipt('D1', { readAt: T, reply: '同意', repliedAt: T, updatedAt: '2026-05-02T01:00:00.000Z' });
    expect(receiptOf([newer, older], 'N1', 'D1')).toBe(newer);
    expect(receiptOf([older, { ...newer, deletedAt: T }], 'N1', 'D1')).toBe(older);
    expect(receiptOf([older], 'N2', 'D1')).toBeUndefined();
  });

  it('lists every addressee with read and reply, then anyone else who answered', () => {
    const summary = receiptSummary(
      { id: 'N1', audience: { kind: 'groups', activityGroupIds: ['G1', 'G2'] } },
      [zhang, li, wang, former],
      [receipt('D1', { readAt: T, reply: '建议细化考核指标。', repliedAt: T }), receipt('D3', { readAt: T, reply: '同意', repliedAt: T }), receipt('D2', { reply: '  ', repliedAt: T })],
    );
    expect(summary.rows).toEqual([
      { delegateId: 'D1', receiptId: `R-D1-${T}`, readAt: T, reply: '建议细化考核指标。', repliedAt: T, inAudience: true },
      // A blank reply is no reply.
      { delegateId: 'D2', receiptId: `R-D2-${T}`, inAudience: true },
      { delegateId: 'D3', receiptId: `R-D3-${T}`, readAt: T, reply: '同意', repliedAt: T, inAudience: false },
    ]);
    expect(summary).toMatchObject({ audience: 2, read: 1, replied: 2 });
  });
});
