import { describe, expect, it } from 'vitest';
import type { VisitParticipation, VisitPhoto } from '../domain';
import { attendanceOf, checkInRefusal, recordRefusal, visitPhase } from './attendance';

const T = '2026-05-01T00:00:00.000Z';
const visit = { id: 'V1', invitedDelegateIds: ['A', 'B', 'C'], status: 'planned' as const, startDate: '2026-05-12', endDate: '2026-05-13' };

function participation(delegateId: string, fields: Partial<VisitParticipation> = {}): VisitParticipation {
  return { id: `P-${delegateId}-${fields.updatedAt ?? T}`, createdAt: T, updatedAt: T, visitId: 'V1', delegateId, notes: '', ...fields };
}
function photo(delegateId: string, fields: Partial<VisitPhoto> = {}): VisitPhoto {
  return { id: `F-${delegateId}-${Math.random()}`, createdAt: T, updatedAt: T, visitId: 'V1', delegateId, attachmentId: 'X', caption: '', ...fields };
}

describe('attendanceOf', () => {
  it('lists every invitee in order with their answer, check-in, notes and photos, and counts them', () => {
    const { rows, counts } = attendanceOf(
      visit,
      [
        participation('A', { response: 'accepted', checkedInAt: '2026-05-12T00:30:00.000Z', notes: '水厂运行正常' }),
        participation('B', { response: 'declined' }),
      ],
      [photo('A'), photo('A'), photo('A', { deletedAt: T })],
    );
    expect(rows).toEqual([
      { delegateId: 'A', answer: 'accepted', checkedInAt: '2026-05-12T00:30:00.000Z', notes: '水厂运行正常', photoCount: 2, invited: true },
      { delegateId: 'B', answer: 'declined', notes: '', photoCount: 0, invited: true },
      { delegateId: 'C', answer: 'pending', notes: '', photoCount: 0, invited: true },
    ]);
    expect(counts).toEqual({ invited: 3, accepted: 1, declined: 1, pending: 1, checkedIn: 1, photos: 2 });
  });

  it('keeps the later record of a delegate, ignores tombstones and other visits, lists the uninvited last', () => {
    const { rows, counts } = attendanceOf(visit, [
      participation('A', { response: 'declined', updatedAt: '2026-05-02T00:00:00.000Z' }),
      participation('A', { response: 'accepted', updatedAt: '2026-05-03T00:00:00.000Z' }),
      participation('B', { response: 'accepted', deletedAt: T }),
      participation('C', { response: 'accepted', visitId: 'V2' }),
      participation('Z', { response: 'accepted', checkedInAt: '2026-05-12T01:00:00.000Z' }),
    ]);
    expect(rows.map((r) => [r.delegateId, r.answer, r.invited])).toEqual([
      ['A', 'accepted', true],
      ['B', 'pending', true],
      ['C', 'pending', true],
      ['Z', 'accepted', false],
    ]);
    expect(counts).toMatchObject({ invited: 3, accepted: 1, pending: 2, checkedIn: 1 });
  });
});

describe('visitPhase and check-in', () => {
  it('follows the calendar until the office closes the visit', () => {
    expect(visitPhase(visit, '2026-05-11')).toBe('upcoming');
    expect(visitPhase(visit, '2026-05-12')).toBe('ongoing');
    expect(visitPhase(visit, '2026-05-13')).toBe('ongoing');
    expect(visitPhase(visit, '2026-05-14')).toBe('ended');
    expect(visitPhase({ ...visit, status: 'closed' }, '2026-05-12')).toBe('closed');
  });

  it('opens check-in on the days of the visit only', () => {
    expect(checkInRefusal(visit, '2026-05-11')).toBe('视察于 2026-05-12 开始，活动当天才能签到');
    expect(checkInRefusal(visit, '2026-05-12')).toBeUndefined();
    expect(checkInRefusal(visit, '2026-05-13')).toBeUndefined();
    expect(checkInRefusal(visit, '2026-05-14')).toBe('视察已于 2026-05-13 结束，不能再签到');
    expect(checkInRefusal({ ...visit, status: 'closed' }, '2026-05-12')).toBe('视察已结束并归档，不能再签到');
  });

  it('keeps records editable until the visit is closed', () => {
    expect(recordRefusal(visit)).toBeUndefined();
    expect(recordRefusal({ status: 'closed' })).toBe('视察已结束并归档，不能再修改视察记录');
  });
});
