import type { WorkingCalendar } from './calendar';
import type { AnnualMeeting, CongressSettings, Cosignature, HandlingAssignment, Proposal, ProposalStatus, Reply, ReplyClass, ReplyRating, Role, Satisfaction } from '../domain';

/**
 * Everything anyone can do to a proposal, with the data each action needs.
 * The state machine (machine.ts) decides whether the actor may do it now and what changes.
 */
export type ProposalAction =
  | { type: 'edit' } //                                        edit fields of one's own draft
  /** 草稿 → 征集附议; `delegateIds` are added to `proposal.invitedCosignerIds` (also usable while collecting, to invite more) */
  | { type: 'inviteCosigners'; delegateIds?: string[] }
  | { type: 'confirmCosign' } //                               附议 (by an invited co-signer)
  | { type: 'declineCosign' }
  | { type: 'submit' } //                                      → 已提交
  | { type: 'withdraw'; reason: string } //                    撤回, before review
  | { type: 'receive' } //                                     office: 已接收
  | { type: 'preReview'; note?: string } //                    office: 预审 → awaiting committee
  | { type: 'accept'; number: number } //                      立案 第N号
  | { type: 'merge'; targetId: string; reasonText?: string } // 并案
  | { type: 'convert'; reasonText?: string } //                转为意见建议
  | { type: 'reject'; reasonCode: string; reasonText?: string } // 不予立案
  | { type: 'assign'; assignment: AssignmentInput } //         交办
  | { type: 'returnAssignment'; unitId: string; reason: string } // 退回 by a unit
  | { type: 'extendDeadline'; newDeadline: string; reason: string } // 延期
  | { type: 'recordConsultation' } //                          办前面商
  /** 答复; `unitId` names the replying unit (分办: required when the office records it; a unit role replies for itself) */
  | { type: 'recordReply'; resultClass: ReplyClass; unitId?: string }
  | { type: 'rate'; overall: Satisfaction } //                 满意度测评 by the lead author
  /**
   * The office applies the lead author's 满意度测评 (a `ReplyRating` row written on the delegate's machine, which may
   * not move the proposal itself): 满意 / 基本满意 → 办结, 不满意 → 重新办理 (the data layer opens the next round).
   */
  | { type: 'applyRating'; ratingId: string }
  | { type: 'close'; reason?: string } //                      office: 办结 without a rating (e.g. rating overdue)
  | { type: 'setFlags'; isKey?: boolean; isSupervised?: boolean }; // 重点提案 / 重点督办

export type ProposalActionType = ProposalAction['type'];

export interface AssignmentInput {
  mode: 'lead' | 'split';
  leadUnitId?: string;
  coUnitIds?: string[];
  splitUnitIds?: string[];
  /** yyyy-mm-dd; defaults from settings when absent */
  deadline?: string;
}

export interface LifecycleContext {
  role: Role;
  /** delegate id, staff id or unit id of whoever acts */
  actorId: string;
  proposal: Proposal;
  cosignatures: readonly Cosignature[];
  settings: CongressSettings;
  /** The annual meeting a motion is filed for, to check its proposal deadline */
  meeting?: AnnualMeeting;
  /** Current assignment (latest round), for 退回 / 延期 / 答复 */
  assignment?: HandlingAssignment;
  /** Replies of the current round */
  replies?: readonly Reply[];
  /** 满意度测评 rows of the current round's replies, for applyRating */
  ratings?: readonly ReplyRating[];
  /** Numbers already given at this meeting, to keep 立案 numbering gap-free and unique */
  usedNumbers?: readonly number[];
  /**
   * 立案编号专用电脑: is the acting device the congress's designated numbering machine, and which one is (its
   * label for messages; absent when none can be determined)? Absent = not checked (a single machine, or a change
   * checked on import).
   */
  numberingDevice?: { isThisDevice: boolean; name?: string };
  /** Status of the merge target, for 并案 */
  mergeTarget?: Pick<Proposal, 'id' | 'status' | 'kind'>;
  now: Date;
  /** Working-day calendar for 退回 windows; Mon–Fri when absent (hook for public holidays / 调休) */
  calendar?: WorkingCalendar;
}

/** Stable reason codes; the UI translates them, `message` is the Chinese text for logs and fallbacks. */
export type RefusalCode =
  | 'wrongRole' //          this role never does this
  | 'notOwner' //           not the lead author
  | 'notInvited' //         not an invited co-signer
  | 'wrongState' //         not in a state that allows it
  | 'missingFields' //      required fields empty
  | 'tooFewCosigners' //    below the minimum
  | 'cosignDeadlinePassed'
  | 'invalidData' //        the action's data is wrong (bad number, unknown reason, self-merge…)
  | 'numberTaken' //        立案号 already used / not the next in order
  | 'returnWindowPassed' // 退回 after the window
  | 'alreadyResponded'
  | 'proposalDeadlinePassed'; // 提案 after the annual meeting's 提案截止时间: file it as a recess item instead

export type TransitionResult =
  | { ok: true; from: ProposalStatus; to: ProposalStatus; patch: Partial<Proposal> }
  | { ok: false; code: RefusalCode; message: string; fieldErrors?: Record<string, string> };

export type Refusal = Extract<TransitionResult, { ok: false }>;

/** One row of `availableActions`: may the actor attempt this action now, and if not, why. */
export interface ActionAvailability {
  type: ProposalActionType;
  allowed: boolean;
  code?: RefusalCode;
  message?: string;
}
