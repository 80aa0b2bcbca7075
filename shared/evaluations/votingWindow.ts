// When a ballot may be submitted or changed: the office has opened the round and the time is inside its window.
import { formatChinaDateTime } from '../lifecycle/calendar';
import type { EvaluationRound } from '../domain';

export type VotingState =
  | { state: 'open' }
  /** Not opened by the office yet, or opened with a later start */
  | { state: 'notOpen'; message: string }
  /** Past the close time, or closed by the office */
  | { state: 'closed'; message: string };

type Window = Pick<EvaluationRound, 'status' | 'opensAt' | 'closesAt'>;

/** May a ballot be submitted (or changed) in this round at `now`? With the Chinese reason when not. */
export function votingState(round: Window, now: Date): VotingState {
  const t = now.getTime();
  if (round.status === 'draft') return { state: 'notOpen', message: '评议尚未开始，常任办开始评议后才能投票' };
  if (round.status !== 'open') return { state: 'closed', message: '评议已结束，不能再提交或修改评议票' };
  if (t < Date.parse(round.opensAt)) {
    return { state: 'notOpen', message: `评议尚未开始，开始时间为 ${formatChinaDateTime(round.opensAt)}` };
  }
  if (t > Date.parse(round.closesAt)) {
    return { state: 'closed', message: `评议已于 ${formatChinaDateTime(round.closesAt)} 截止，不能再提交或修改评议票` };
  }
  return { state: 'open' };
}

/** Was a ballot submitted inside the round's window (the only ballots the tally counts)? */
export function submittedInWindow(round: Pick<EvaluationRound, 'opensAt' | 'closesAt'>, submittedAt: string | undefined): boolean {
  if (!submittedAt) return false;
  const at = Date.parse(submittedAt);
  return at >= Date.parse(round.opensAt) && at <= Date.parse(round.closesAt);
}
