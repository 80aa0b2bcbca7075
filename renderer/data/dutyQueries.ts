// 履职档案: reads what the duty record is counted from. Ballots are reduced to BallotCast (round, voter, when
// submitted) as they are read, so neither this file nor shared/duty ever holds a ballot's answers or comment.
import type { ActivityGroup, Delegate, Delegation } from '../../shared/domain';
import { ballotCastOf, dutyRecords, dutyYears, type DutyCounts, type DutyInputs, type DutyPeriod } from '../../shared/duty';
import type { DelegateDeskDb } from './db';

/** Everything shared/duty counts, from this machine's records (the office: everyone's; a delegate: their own). */
export async function loadDutyInputs(db: DelegateDeskDb): Promise<DutyInputs> {
  const [proposals, cosignatures, visits, participations, rounds, ballots, notices, receipts] = await Promise.all([
    // Summaries: live proposals without their texts, all a duty record counts.
    db.proposalSummary.toArray(),
    db.cosignature.toArray(),
    db.visit.toArray(),
    db.visitParticipation.toArray(),
    db.evaluationRound.toArray(),
    db.ballot.toArray(),
    db.notice.toArray(),
    db.noticeReceipt.toArray(),
  ]);
  return { proposals, cosignatures, visits, participations, rounds, ballots: ballots.map(ballotCastOf), notices, receipts };
}

export interface DutyRow {
  delegate: Delegate;
  delegationName?: string;
  activityGroupName?: string;
  counts: DutyCounts;
}

export interface DutyTable {
  rows: DutyRow[];
  /** Years with any act on record, latest first (for the period picker) */
  years: number[];
}

const byNumber = (a: Delegate, b: Delegate) => a.delegateNumber.localeCompare(b.delegateNumber, 'zh-CN', { numeric: true });

/**
 * Duty records for a period: every delegate on the roster (the office's table), or only `delegateId` (a delegate's
 * own record). Delegates whose term ended stay listed: their record is history.
 */
export async function dutyTable(db: DelegateDeskDb, period: DutyPeriod, delegateId?: string): Promise<DutyTable> {
  const [inputs, delegates, delegations, groups] = await Promise.all([
    loadDutyInputs(db),
    db.delegate.toArray(),
    db.delegation.toArray(),
    db.activityGroup.toArray(),
  ]);
  const names = (rows: readonly (Delegation | ActivityGroup)[]) => new Map(rows.filter((r) => !r.deletedAt).map((r) => [r.id, r.name]));
  const delegationNames = names(delegations);
  const groupNames = names(groups);
  const listed = delegates.filter((d) => !d.deletedAt && (delegateId === undefined || d.id === delegateId)).sort(byNumber);
  const records = dutyRecords(inputs, listed.map((d) => d.id), period);
  const rows = listed.map((delegate, i): DutyRow => {
    const delegationName = delegate.delegationId ? delegationNames.get(delegate.delegationId) : undefined;
    const activityGroupName = delegate.activityGroupId ? groupNames.get(delegate.activityGroupId) : undefined;
    return { delegate, ...(delegationName ? { delegationName } : {}), ...(activityGroupName ? { activityGroupName } : {}), counts: records[i]!.counts };
  });
  return { rows, years: dutyYears(inputs, delegateId === undefined ? undefined : [delegateId]) };
}
