import { describe, expect, it } from 'vitest';
import { proposalWindow, validateMeeting, type MeetingForm } from './meetingRules';
import { validateResolution } from './resolutionRules';

const good: MeetingForm = {
  session: 3,
  name: '第十五届党代会第三次年会',
  startDate: '2026-03-10',
  endDate: '2026-03-12',
  proposalDeadline: '2026-03-11T04:00:00.000Z',
};

describe('validateMeeting (年会)', () => {
  it('accepts a complete meeting', () => {
    expect(validateMeeting(good, [{ session: 2, name: '第二次年会' }])).toEqual({});
  });

  it('says beside each field what is missing', () => {
    expect(validateMeeting({}, [])).toEqual({
      session: '请填写会次（第几次会议）',
      name: '请填写年会名称',
      startDate: '请选择开幕日期',
      endDate: '请选择闭幕日期',
      proposalDeadline: '请选择提案截止时间',
    });
  });

  it('refuses a session number used by another meeting, or not an integer 1–20', () => {
    expect(validateMeeting(good, [{ session: 3, name: '十五届三次会议' }]).session).toBe('第 3 次会议已存在（十五届三次会议）');
    expect(validateMeeting({ ...good, session: 0 }, []).session).toBe('会次须为 1–20 之间的整数');
    expect(validateMeeting({ ...good, session: 2.5 }, []).session).toBe('会次须为 1–20 之间的整数');
  });

  it('refuses a closing day before the opening day, and a deadline after the closing day (北京时间)', () => {
    expect(validateMeeting({ ...good, endDate: '2026-03-09' }, []).endDate).toBe('闭幕日期不能早于开幕日期');
    expect(validateMeeting({ ...good, startDate: '2026-02-30' }, []).startDate).toBe('开幕日期不是有效的日期');
    // 2026-03-12 23:59 Beijing is the last moment; 2026-03-13 00:00 Beijing is too late.
    expect(validateMeeting({ ...good, proposalDeadline: '2026-03-12T15:59:00.000Z' }, [])).toEqual({});
    expect(validateMeeting({ ...good, proposalDeadline: '2026-03-12T16:00:00.000Z' }, []).proposalDeadline).toBe('提案截止时间不能晚于闭幕日（2026-03-12）');
  });
});

describe('proposalWindow (提案截止时间)', () => {
  const meeting = { proposalDeadline: '2026-03-11T04:00:00.000Z' };

  it('is open well before, closing soon within two days, passed after the deadline', () => {
    expect(proposalWindow(meeting, new Date('2026-03-01T00:00:00.000Z')).state).toBe('open');
    expect(proposalWindow(meeting, new Date('2026-03-10T04:00:00.000Z'))).toEqual({ state: 'closingSoon', deadline: meeting.proposalDeadline, msLeft: 24 * 3600_000 });
    // At the deadline itself a motion is still accepted (the state machine refuses only later ones).
    expect(proposalWindow(meeting, new Date('2026-03-11T04:00:00.000Z')).state).toBe('closingSoon');
    expect(proposalWindow(meeting, new Date('2026-03-11T04:00:00.001Z'))).toEqual({ state: 'passed', deadline: meeting.proposalDeadline });
  });
});

describe('validateResolution (决议)', () => {
  const meeting = { startDate: '2026-03-10' };
  it('needs a title and the text; the adoption day is optional but not before the opening', () => {
    expect(validateResolution({ title: ' ', text: '' }, meeting)).toEqual({ title: '请填写决议标题', text: '请填写决议全文' });
    expect(validateResolution({ title: '关于县委工作报告的决议', text: '会议同意报告。' }, meeting)).toEqual({});
    expect(validateResolution({ title: '决议', text: '全文', adoptedOn: '2026-03-09' }, meeting).adoptedOn).toBe('通过日期不能早于年会开幕日期（2026-03-10）');
    expect(validateResolution({ title: '决议', text: '全文', adoptedOn: '2026-13-01' }, meeting).adoptedOn).toBe('通过日期不是有效的日期');
  });
});
