// Which proposals a handling report covers: the 提案 filed for one annual meeting, and the 提议 / 意见建议 the
// office received in the recess that follows it, up to the next annual meeting (which receives the report).
import type { AnnualMeeting, Proposal, ProposalStatus } from '../domain';
import { toCalendarDate } from '../lifecycle';
import type { FiledKind } from './labels';

/** Statuses of items the office has not received: still with their author, or withdrawn. */
const NOT_RECEIVED: readonly ProposalStatus[] = ['draft', 'collecting', 'submitted', 'withdrawn'];

export interface ReportPeriod {
  meetingId: string;
  meetingName: string;
  /** First day, the meeting's opening day */
  from: string;
  /** First day no longer covered (the next meeting's opening day); absent while no later meeting exists */
  until?: string;
  nextMeetingName?: string;
}

export interface ReportScope {
  period: ReportPeriod;
  /** Received items covered, motions first (live rows only) */
  proposals: Proposal[];
  /** Covered items withdrawn by their author after the office had received them (not counted as received) */
  withdrawnAfterReceipt: number;
}

/** The meeting after `meeting` in the same congress, by opening day. */
export function nextMeetingOf(meeting: AnnualMeeting, meetings: readonly AnnualMeeting[]): AnnualMeeting | undefined {
  return meetings
    .filter((m) => !m.deletedAt && m.id !== meeting.id && m.congressId === meeting.congressId && m.startDate > meeting.startDate)
    .sort((a, b) => a.startDate.localeCompare(b.startDate))[0];
}

export function reportPeriod(meeting: AnnualMeeting, meetings: readonly AnnualMeeting[]): ReportPeriod {
  const next = nextMeetingOf(meeting, meetings);
  return {
    meetingId: meeting.id,
    meetingName: meeting.name,
    from: meeting.startDate,
    ...(next ? { until: next.startDate, nextMeetingName: next.name } : {}),
  };
}

/** What the item was filed as: a 转为意见建议 keeps its original kind here (提案 if filed for a meeting). */
export function filedKindOf(proposal: Pick<Proposal, 'kind' | 'meetingId' | 'review'>): FiledKind {
  if (proposal.meetingId) return 'motion';
  if (proposal.review?.decision === 'convert' && proposal.kind === 'suggestion') return 'proposal';
  return proposal.kind;
}

/** The day (北京时间) the office received a recess item; older rows without receivedAt fall back to submission. */
export function receivedDayOf(proposal: Pick<Proposal, 'receivedAt' | 'submittedAt' | 'createdAt'>): string {
  return toCalendarDate(new Date(proposal.receivedAt ?? proposal.submittedAt ?? proposal.createdAt));
}

/** The year a recess item's 立案号 belongs to (numbers restart each year); '' for motions, '~' for unnumbered. */
export function numberingScope(proposal: Pick<Proposal, 'number' | 'meetingId' | 'review'>): string {
  if (proposal.number === undefined) return '~';
  if (proposal.meetingId || !proposal.review) return '';
  return toCalendarDate(new Date(proposal.review.decidedAt)).slice(0, 4);
}

/** Whether the report of `period` covers the item: a 提案 filed for its meeting, or a recess item received in it. */
export function coveredByPeriod(proposal: Pick<Proposal, 'meetingId' | 'receivedAt' | 'submittedAt' | 'createdAt'>, period: ReportPeriod): boolean {
  if (proposal.meetingId) return proposal.meetingId === period.meetingId;
  const day = receivedDayOf(proposal);
  return day >= period.from && (period.until === undefined || day < period.until);
}

export function reportScope(meeting: AnnualMeeting, meetings: readonly AnnualMeeting[], proposals: readonly Proposal[]): ReportScope {
  const period = reportPeriod(meeting, meetings);
  const covered = proposals.filter((p) => !p.deletedAt && coveredByPeriod(p, period));
  const received = covered.filter((p) => !NOT_RECEIVED.includes(p.status));
  const withdrawnAfterReceipt = covered.filter((p) => p.status === 'withdrawn' && p.receivedAt).length;
  const kindOrder: Record<FiledKind, number> = { motion: 0, proposal: 1, suggestion: 2 };
  received.sort(
    (a, b) =>
      kindOrder[filedKindOf(a)] - kindOrder[filedKindOf(b)] ||
      // Numbered (立案) items first, by number within their numbering scope (a recess year), the rest by arrival.
      numberingScope(a).localeCompare(numberingScope(b)) ||
      (a.number ?? Infinity) - (b.number ?? Infinity) ||
      (a.receivedAt ?? a.createdAt).localeCompare(b.receivedAt ?? b.createdAt) ||
      a.id.localeCompare(b.id),
  );
  return { period, proposals: received, withdrawnAfterReceipt };
}
