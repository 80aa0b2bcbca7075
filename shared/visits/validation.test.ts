import { describe, expect, it } from 'vitest';
import { normalizeVisitPlan, validateClosing, validatePhotoDetails, validateVisitPlan, type VisitPlanForm } from './validation';

const roster = { activeDelegateIds: new Set(['D1', 'D2']), activityGroupIds: new Set(['G1']) };
const good: VisitPlanForm = {
  kind: 'inspection',
  topic: '农村饮水安全工程建设情况',
  sites: ['城关镇水厂'],
  startDate: '2026-05-12',
  endDate: '2026-05-13',
  organisingGroupId: 'G1',
  invitedDelegateIds: ['D1', 'D2'],
};

describe('validateVisitPlan', () => {
  it('accepts a complete plan, and a one-day visit', () => {
    expect(validateVisitPlan(good, roster)).toEqual({});
    expect(validateVisitPlan({ ...good, endDate: good.startDate }, roster)).toEqual({});
  });

  it('names each missing field beside it', () => {
    expect(validateVisitPlan({}, roster)).toEqual({
      kind: '请选择活动类型（视察或调研）',
      topic: '请填写视察主题',
      startDate: '请选择开始日期',
      endDate: '请选择结束日期',
      invitedDelegateIds: '请至少邀请一名党代表（可按活动组添加）',
    });
  });

  it('refuses an end date before the start date, naming the start', () => {
    expect(validateVisitPlan({ ...good, endDate: '2026-05-11' }, roster)).toEqual({ endDate: '结束日期不能早于开始日期（2026-05-12）' });
  });

  it('refuses dates that do not exist, a blank topic, unknown groups and invitees', () => {
    const errors = validateVisitPlan({ ...good, topic: '   ', startDate: '2026-02-30', organisingGroupId: 'G9', invitedDelegateIds: ['D1', 'D9'] }, roster);
    expect(errors).toEqual({
      topic: '请填写视察主题',
      startDate: '开始日期不是有效的日期',
      organisingGroupId: '所选活动组不存在，请重新选择',
      invitedDelegateIds: '受邀代表中有不在名册或已终止代表资格的人员，请移除后再保存',
    });
  });

  it('refuses texts longer than the stored limits', () => {
    const errors = validateVisitPlan({ ...good, topic: '视'.repeat(201), sites: ['地'.repeat(201)] }, roster);
    expect(Object.keys(errors).sort()).toEqual(['sites', 'topic']);
  });
});

describe('normalizeVisitPlan', () => {
  it('trims texts, drops blank and repeated sites and repeated invitees', () => {
    expect(normalizeVisitPlan({ ...good, topic: ' 主题 ', sites: [' 水厂 ', '', '水厂', '村委会'], invitedDelegateIds: ['D2', 'D1', 'D2'], agenda: '  ' })).toEqual({
      kind: 'inspection',
      topic: '主题',
      sites: ['水厂', '村委会'],
      startDate: '2026-05-12',
      endDate: '2026-05-13',
      organisingGroupId: 'G1',
      invitedDelegateIds: ['D2', 'D1'],
    });
  });
});

describe('validateClosing and validatePhotoDetails', () => {
  it('needs the report before closing', () => {
    expect(validateClosing('  ')).toEqual({ summary: '请先填写视察报告，再结束视察' });
    expect(validateClosing('代表们实地察看了水厂。')).toEqual({});
  });
  it('limits captions and checks the time', () => {
    expect(validatePhotoDetails({ caption: '水厂沉淀池', takenAt: '2026-05-12T01:00:00.000Z' })).toEqual({});
    expect(validatePhotoDetails({ caption: '字'.repeat(201), takenAt: 'yesterday' })).toEqual({ caption: '照片说明不能超过 200 个字', takenAt: '拍摄时间无效' });
  });
});
