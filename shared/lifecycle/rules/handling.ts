// 交办与办理: assignment, 退回, 延期, 办前面商, 答复, 满意度测评, 办结 and the 重点 flags.
// Handling units usually do not use the app: the office records their returns, consultations and replies.
// A unit with its own install (role 'unit') may do the same for its own assignment only.
import type { HandlingAssignment, ProposalStatus, ReplyRating } from '../../domain';
import { isCalendarDate, toCalendarDate } from '../calendar';
import { currentDeadline, returnWindowEnd } from '../deadlines';
import { ACTION_LABELS } from '../labels';
import type { LifecycleContext, Refusal } from '../types';
import { leadAuthorOnly } from './drafting';
import { isBlank, refuse, stay, transition, type ActionRule } from './rule';

const HANDLING: readonly ProposalStatus[] = ['assigned', 'rehandling'];

/** The context's assignment if it really is this proposal's live one. */
export function currentAssignment(ctx: LifecycleContext): HandlingAssignment | undefined {
  const a = ctx.assignment;
  return a && a.proposalId === ctx.proposal.id && !a.deletedAt ? a : undefined;
}

/** Every unit on the assignment: 主办, 协办 and 分办. */
export function unitsOf(assignment: HandlingAssignment): string[] {
  return [...(assignment.leadUnitId ? [assignment.leadUnitId] : []), ...assignment.coUnitIds, ...assignment.splitUnitIds];
}

/** The units that answer: the 主办 unit alone, or every 分办 unit. */
export function replyingUnitsOf(assignment: HandlingAssignment): string[] {
  if (assignment.mode === 'split') return [...assignment.splitUnitIds];
  return assignment.leadUnitId ? [assignment.leadUnitId] : [];
}

/** Units that already answered in the assignment's current round. */
function unitsRepliedThisRound(ctx: LifecycleContext, assignment: HandlingAssignment): Set<string> {
  const replies = (ctx.replies ?? []).filter((r) => r.assignmentId === assignment.id && r.round === assignment.round && !r.deletedAt);
  return new Set(replies.map((r) => r.unitId));
}

const NOT_OUR_UNIT = '本单位不是本件的承办单位';

/** Role 'unit' acts only on its own assignment; office staff act for any unit. */
function assignedUnitOnly(ctx: LifecycleContext): Refusal | undefined {
  if (ctx.role !== 'unit') return undefined;
  const assignment = currentAssignment(ctx);
  return assignment && unitsOf(assignment).includes(ctx.actorId) ? undefined : refuse('notOwner', NOT_OUR_UNIT);
}

function replyingUnitOnly(ctx: LifecycleContext): Refusal | undefined {
  const notAssigned = assignedUnitOnly(ctx);
  if (notAssigned || ctx.role !== 'unit') return notAssigned;
  const assignment = currentAssignment(ctx)!;
  if (replyingUnitsOf(assignment).includes(ctx.actorId)) return undefined;
  return refuse('notOwner', '协办单位不单独答复，由主办单位答复');
}

function needsAssignment(ctx: LifecycleContext): Refusal | undefined {
  return currentAssignment(ctx) ? undefined : refuse('invalidData', '找不到本件当前的交办记录');
}

export const assign: ActionRule<'assign'> = {
  roles: ['office'],
  // 'accepted' covers both the first 交办 and a re-assignment after 退回.
  from: ['accepted'],
  apply: (action, ctx) => {
    const input = action.assignment;
    if (input.mode === 'lead') {
      if (!input.leadUnitId) return refuse('invalidData', '请选择主办单位');
      if (input.coUnitIds?.includes(input.leadUnitId)) return refuse('invalidData', '主办单位不能同时是协办单位');
    } else if (new Set(input.splitUnitIds ?? []).size < 2) {
      return refuse('invalidData', '分办至少需要 2 个承办单位；只有一个单位时请选择主办');
    }
    if (input.deadline !== undefined) {
      if (!isCalendarDate(input.deadline)) return refuse('invalidData', '办理期限不是有效的日期');
      if (input.deadline <= toCalendarDate(ctx.now)) return refuse('invalidData', '办理期限须晚于今天');
    }
    // The data layer writes the HandlingAssignment (deadline defaults to handlingDeadline(now, settings)).
    return transition(ctx, 'assigned');
  },
};

export const returnAssignment: ActionRule<'returnAssignment'> = {
  roles: ['unit', 'office'],
  from: ['assigned'],
  actor: assignedUnitOnly,
  guard: (ctx) => {
    const assignment = currentAssignment(ctx);
    if (!assignment) return needsAssignment(ctx);
    if (assignment.returned) return refuse('alreadyResponded', '本次交办已被退回');
    const lastDay = returnWindowEnd(assignment, ctx.settings, ctx.calendar);
    if (toCalendarDate(ctx.now) <= lastDay) return undefined;
    return refuse(
      'returnWindowPassed',
      `退回期限已过：须在交办后 ${ctx.settings.returnWindowWorkingDays} 个工作日内（${lastDay} 前）退回`,
    );
  },
  apply: (action, ctx) => {
    const assignment = currentAssignment(ctx)!;
    if (ctx.role === 'unit' && action.unitId !== ctx.actorId) return refuse('notOwner', '只能以本单位名义退回');
    if (!unitsOf(assignment).includes(action.unitId)) return refuse('invalidData', '该单位不是本件的承办单位');
    if (isBlank(action.reason)) return refuse('invalidData', '请填写退回理由');
    // Back to 'accepted' so the office can 交办 again; the data layer marks the assignment as returned.
    return transition(ctx, 'accepted');
  },
};

export const extendDeadline: ActionRule<'extendDeadline'> = {
  roles: ['office'],
  from: HANDLING,
  guard: needsAssignment,
  apply: (action, ctx) => {
    const current = currentDeadline(currentAssignment(ctx)!);
    if (!isCalendarDate(action.newDeadline)) return refuse('invalidData', '新的办理期限不是有效的日期');
    if (action.newDeadline <= current) return refuse('invalidData', `新的办理期限须晚于当前期限 ${current}`);
    if (isBlank(action.reason)) return refuse('invalidData', '请填写延期理由');
    return stay(ctx);
  },
};

export const recordConsultation: ActionRule<'recordConsultation'> = {
  roles: ['office', 'unit'],
  from: HANDLING,
  actor: assignedUnitOnly,
  guard: needsAssignment,
  apply: (_action, ctx) => stay(ctx),
};

export const recordReply: ActionRule<'recordReply'> = {
  roles: ['office', 'unit'],
  from: HANDLING,
  actor: replyingUnitOnly,
  guard: (ctx) => {
    const assignment = currentAssignment(ctx);
    if (!assignment) return needsAssignment(ctx);
    if (ctx.role === 'unit' && unitsRepliedThisRound(ctx, assignment).has(ctx.actorId)) {
      return refuse('alreadyResponded', '本单位本轮已答复');
    }
    return undefined;
  },
  apply: (action, ctx) => {
    if (action.resultClass === 'D' && !ctx.settings.allowClassD) return refuse('invalidData', '未启用 D 类答复，请选择 A、B 或 C 类');
    const assignment = currentAssignment(ctx)!;
    const replying = replyingUnitsOf(assignment);
    let unitId: string | undefined;
    if (ctx.role === 'unit') {
      unitId = action.unitId ?? ctx.actorId;
      if (unitId !== ctx.actorId) return refuse('notOwner', '只能以本单位名义答复');
    } else {
      unitId = action.unitId ?? (assignment.mode === 'lead' ? assignment.leadUnitId : undefined);
      if (!unitId || !replying.includes(unitId)) {
        return refuse('invalidData', assignment.mode === 'split' ? '请选择作答的分办单位' : '答复须由主办单位作出');
      }
    }
    const replied = unitsRepliedThisRound(ctx, assignment);
    if (replied.has(unitId)) return refuse('alreadyResponded', '该单位本轮已答复');
    replied.add(unitId);
    // 分办: the proposal is 已答复 once every unit has answered; until then it stays in handling.
    const allAnswered = replying.every((u) => replied.has(u));
    return allAnswered ? transition(ctx, 'replied') : stay(ctx);
  },
};

export const rate: ActionRule<'rate'> = {
  roles: ['delegate'],
  from: ['replied'],
  actor: (ctx) => leadAuthorOnly(ctx, ACTION_LABELS.rate),
  // 不满意 → 重新办理: the data layer opens the next round with rehandlingDeadline(now, settings).
  apply: (action, ctx) => transition(ctx, action.overall === 'unsatisfied' ? 'rehandling' : 'closed'),
};

/**
 * The lead author's 满意度测评 of the current round, if any: their latest (by `updatedAt`) live rating of a live
 * reply of the assignment's current round. Under 分办 one rating of any of the round's replies answers for the
 * proposal; a co-signer's rating never decides. Earlier rounds' ratings do not count.
 */
export function ratingInForce(ctx: Pick<LifecycleContext, 'proposal' | 'assignment' | 'replies' | 'ratings'>): ReplyRating | undefined {
  const assignment = ctx.assignment;
  if (!assignment || assignment.proposalId !== ctx.proposal.id || assignment.deletedAt) return undefined;
  const replyIds = new Set(
    (ctx.replies ?? []).filter((r) => r.assignmentId === assignment.id && r.round === assignment.round && !r.deletedAt).map((r) => r.id),
  );
  const candidates = (ctx.ratings ?? []).filter(
    (r) => !r.deletedAt && r.proposalId === ctx.proposal.id && r.delegateId === ctx.proposal.leadDelegateId && replyIds.has(r.replyId),
  );
  return candidates.reduce<ReplyRating | undefined>((latest, r) => (!latest || r.updatedAt > latest.updatedAt ? r : latest), undefined);
}

export const applyRating: ActionRule<'applyRating'> = {
  roles: ['office'],
  from: ['replied'],
  guard: (ctx) => {
    if (!currentAssignment(ctx)) return needsAssignment(ctx);
    return ratingInForce(ctx) ? undefined : refuse('invalidData', '领衔人尚未对本轮答复作出满意度测评');
  },
  // 不满意 → 重新办理: the data layer opens the next round with rehandlingDeadline(now, settings).
  apply: (action, ctx) => {
    const rating = ratingInForce(ctx)!;
    if (rating.id !== action.ratingId) {
      const named = (ctx.ratings ?? []).find((r) => r.id === action.ratingId);
      if (!named) return refuse('invalidData', '找不到这条满意度测评');
      return refuse('invalidData', named.delegateId !== ctx.proposal.leadDelegateId ? '只有领衔人的测评决定办结或重新办理' : '这条测评不是领衔人对本轮答复的最新测评');
    }
    return transition(ctx, rating.overall === 'unsatisfied' ? 'rehandling' : 'closed');
  },
};

export const close: ActionRule<'close'> = {
  roles: ['office'],
  from: ['replied'],
  apply: (_action, ctx) => transition(ctx, 'closed'),
};

export const setFlags: ActionRule<'setFlags'> = {
  roles: ['office'],
  from: ['collecting', 'submitted', 'received', 'inReview', 'accepted', 'merged', 'rejected', 'assigned', 'replied', 'rehandling', 'closed', 'withdrawn'],
  apply: (action, ctx) => {
    if (action.isKey === undefined && action.isSupervised === undefined) return refuse('invalidData', '请选择要设置的标记');
    return stay(ctx, {
      ...(action.isKey !== undefined ? { isKey: action.isKey } : {}),
      ...(action.isSupervised !== undefined ? { isSupervised: action.isSupervised } : {}),
    });
  },
};
