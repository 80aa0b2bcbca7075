// Who came: the invitation list against the delegates' own records (their answer, check-in, notes, photos), and
// when a delegate may check in. Pure: the office's attendance table and the delegate's buttons both use it.
import type { Visit, VisitParticipation, VisitPhoto } from '../domain';

/** 已接受 / 已谢绝 / 未答复 */
export type InvitationAnswer = 'accepted' | 'declined' | 'pending';

export interface AttendanceRow {
  delegateId: string;
  answer: InvitationAnswer;
  /** 签到时间 */
  checkedInAt?: string;
  notes: string;
  photoCount: number;
  /** False for a delegate who answered but was later taken off the invitation list */
  invited: boolean;
}

export interface AttendanceCounts {
  invited: number;
  accepted: number;
  declined: number;
  pending: number;
  checkedIn: number;
  photos: number;
}

const alive = <T extends { deletedAt?: string }>(rows: readonly T[]) => rows.filter((r) => !r.deletedAt);

/**
 * One row per invited delegate, in invitation order, then anyone else with a record of this visit. A delegate's
 * latest record counts (two devices may each have made one before syncing: the later-updated wins).
 */
export function attendanceOf(
  visit: Pick<Visit, 'id' | 'invitedDelegateIds'>,
  participations: readonly VisitParticipation[],
  photos: readonly VisitPhoto[] = [],
): { rows: AttendanceRow[]; counts: AttendanceCounts } {
  const latest = new Map<string, VisitParticipation>();
  for (const p of alive(participations)) {
    if (p.visitId !== visit.id) continue;
    const seen = latest.get(p.delegateId);
    if (!seen || p.updatedAt > seen.updatedAt) latest.set(p.delegateId, p);
  }
  const photoCount = new Map<string, number>();
  for (const photo of alive(photos)) {
    if (photo.visitId === visit.id) photoCount.set(photo.delegateId, (photoCount.get(photo.delegateId) ?? 0) + 1);
  }
  const invited = [...new Set(visit.invitedDelegateIds)];
  const invitedSet = new Set(invited);
  const others = [...new Set([...latest.keys(), ...photoCount.keys()])].filter((id) => !invitedSet.has(id));
  const rows = [...invited, ...others].map((delegateId): AttendanceRow => {
    const p = latest.get(delegateId);
    return {
      delegateId,
      answer: p?.response ?? 'pending',
      ...(p?.checkedInAt ? { checkedInAt: p.checkedInAt } : {}),
      notes: p?.notes ?? '',
      photoCount: photoCount.get(delegateId) ?? 0,
      invited: invitedSet.has(delegateId),
    };
  });
  const counted = rows.filter((r) => r.invited);
  return {
    rows,
    counts: {
      invited: counted.length,
      accepted: counted.filter((r) => r.answer === 'accepted').length,
      declined: counted.filter((r) => r.answer === 'declined').length,
      pending: counted.filter((r) => r.answer === 'pending').length,
      checkedIn: rows.filter((r) => r.checkedInAt).length,
      photos: rows.reduce((sum, r) => sum + r.photoCount, 0),
    },
  };
}

/** 未开始 / 进行中 / 已结束（待写报告）/ 已归档 */
export type VisitPhase = 'upcoming' | 'ongoing' | 'ended' | 'closed';

/** Where a visit stands on `today` (yyyy-mm-dd, 北京时间). */
export function visitPhase(visit: Pick<Visit, 'status' | 'startDate' | 'endDate'>, today: string): VisitPhase {
  if (visit.status === 'closed') return 'closed';
  if (today < visit.startDate) return 'upcoming';
  if (today > visit.endDate) return 'ended';
  return 'ongoing';
}

/** 签到 is open on the days of the visit only, while it is not closed. Undefined: may check in; else why not. */
export function checkInRefusal(visit: Pick<Visit, 'status' | 'startDate' | 'endDate'>, today: string): string | undefined {
  switch (visitPhase(visit, today)) {
    case 'closed':
      return '视察已结束并归档，不能再签到';
    case 'upcoming':
      return `视察于 ${visit.startDate} 开始，活动当天才能签到`;
    case 'ended':
      return `视察已于 ${visit.endDate} 结束，不能再签到`;
    default:
      return undefined;
  }
}

/** Notes, photos and answers may change until the office closes the visit. */
export function recordRefusal(visit: Pick<Visit, 'status'>): string | undefined {
  return visit.status === 'closed' ? '视察已结束并归档，不能再修改视察记录' : undefined;
}
