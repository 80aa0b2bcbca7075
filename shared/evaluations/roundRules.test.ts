import { describe, expect, it } from 'vitest';
import { checkRoundInput, type RoundInput } from './roundRules';
import { scaleOfPreset } from './scales';

const valid: RoundInput = {
  kind: 'democratic',
  title: '2026年度县委领导班子民主评议',
  subjects: [{ name: '县委领导班子' }, { name: '县委书记', description: '' }],
  criteria: ['德', '能'],
  rateCriteria: false,
  scale: scaleOfPreset('grades'),
  voters: { kind: 'all' },
  opensAt: '2026-03-02T01:00:00.000Z',
  closesAt: '2026-03-09T09:00:00.000Z',
};

describe('checkRoundInput', () => {
  it('accepts a complete round', () => {
    expect(checkRoundInput(valid)).toEqual({});
  });

  it('needs a title and at least one subject', () => {
    expect(checkRoundInput({ ...valid, title: '  ', subjects: [] })).toEqual({ title: '请填写评议名称', subjects: '请至少添加一个评议对象' });
    expect(checkRoundInput({ ...valid, subjects: [{ name: ' ' }] })).toEqual({ subjects: '请至少添加一个评议对象' });
  });

  it('names a blank subject row among others, and a repeated subject', () => {
    expect(checkRoundInput({ ...valid, subjects: [{ name: '县委书记' }, { name: '' }] })).toEqual({ 'subjects.1.name': '请填写评议对象名称，或删除这一行' });
    expect(checkRoundInput({ ...valid, subjects: [{ name: '县委书记' }, { name: '县委书记 ' }] })).toEqual({ subjects: '评议对象“县委书记”重复了' });
  });

  it('refuses a close time at or before the open time, and missing times', () => {
    expect(checkRoundInput({ ...valid, closesAt: valid.opensAt })).toEqual({ closesAt: '截止时间须晚于开始时间' });
    expect(checkRoundInput({ ...valid, closesAt: '2026-03-01T00:00:00.000Z' })).toEqual({ closesAt: '截止时间须晚于开始时间' });
    expect(checkRoundInput({ ...valid, opensAt: '', closesAt: '' })).toEqual({ opensAt: '请选择开始时间', closesAt: '请选择截止时间' });
  });

  it('needs the groups or the delegates when voters are not everyone', () => {
    expect(checkRoundInput({ ...valid, voters: { kind: 'groups', activityGroupIds: [] } })).toEqual({ voters: '请选择参加评议的活动组' });
    expect(checkRoundInput({ ...valid, voters: { kind: 'list', delegateIds: [] } })).toEqual({ voters: '请选择参加评议的党代表' });
  });

  it('checks the scale: two distinct grades, or a score range', () => {
    expect(checkRoundInput({ ...valid, scale: scaleOfPreset('custom', ['好', ' ']) })).toEqual({ scale: '评价等次至少需要 2 个' });
    expect(checkRoundInput({ ...valid, scale: scaleOfPreset('custom', ['好', '好']) })).toEqual({ scale: '评价等次不能重复' });
    expect(checkRoundInput({ ...valid, scale: { kind: 'score', min: 100, max: 0 } })).toEqual({ scale: '分数范围无效：最低分须小于最高分' });
    expect(checkRoundInput({ ...valid, scale: scaleOfPreset('score') })).toEqual({});
  });

  it('needs criteria when they are rated one by one', () => {
    expect(checkRoundInput({ ...valid, rateCriteria: true, criteria: [' '] })).toEqual({ criteria: '选择“逐项评价”时，请至少填写一项评议内容' });
  });
});
