// 接收与审查: the office receives a submission, 预审, then records the committee's decision.
import type { ProposalStatus, ReviewDecision } from '../../domain';
import { STATUS_LABELS } from '../labels';
import { nextProposalNumber } from '../numbering';
import type { LifecycleContext } from '../types';
import { refuse, transition, type ActionRule } from './rule';

/**
 * Review decisions are taken from 审查中 (after 预审) and also straight from 已接收, so a small office
 * that has no separate 预审 step can decide in one go.
 */
const DECIDABLE: readonly ProposalStatus[] = ['received', 'inReview'];

/** Merge targets that can no longer take a merged proposal: gone, or not yet filed with the office. */
const UNMERGEABLE_TARGETS: readonly ProposalStatus[] = ['withdrawn', 'rejected', 'merged', 'draft', 'collecting'];

function decision(ctx: LifecycleContext, fields: Omit<ReviewDecision, 'decidedBy' | 'decidedAt'>): ReviewDecision {
  const review: ReviewDecision = { ...fields, decidedBy: ctx.actorId, decidedAt: ctx.now.toISOString() };
  // Optional fields stay absent rather than undefined, so the stored record is clean.
  for (const key of ['reasonCode', 'reasonText', 'mergedIntoId'] as const) if (review[key] === undefined) delete review[key];
  return review;
}

export const receive: ActionRule<'receive'> = {
  roles: ['office'],
  from: ['submitted'],
  apply: (_action, ctx) => transition(ctx, 'received', { receivedAt: ctx.now.toISOString() }),
};

export const preReview: ActionRule<'preReview'> = {
  roles: ['office'],
  from: ['received'],
  // The note goes to the timeline; the proposal only changes status.
  apply: (_action, ctx) => transition(ctx, 'inReview'),
};

/**
 * Several office machines may review, but only the designated numbering machine gives 立案 numbers: numbers are
 * gap-free and in order, which two machines offline can only guarantee if one of them counts.
 */
function onlyOnNumberingDevice(ctx: LifecycleContext) {
  const device = ctx.numberingDevice;
  if (!device || device.isThisDevice) return undefined;
  return refuse(
    'wrongRole',
    device.name ? `立案编号由编号专用电脑（${device.name}）统一给出` : '尚未指定立案编号专用电脑，请先指定一台电脑统一给出立案编号',
  );
}

export const accept: ActionRule<'accept'> = {
  roles: ['office'],
  from: DECIDABLE,
  guard: onlyOnNumberingDevice,
  apply: (action, ctx) => {
    const used = ctx.usedNumbers ?? [];
    if (!Number.isInteger(action.number) || action.number < 1) return refuse('invalidData', '立案号必须是正整数');
    if (used.includes(action.number)) return refuse('numberTaken', `第${action.number}号已被使用`);
    const next = nextProposalNumber(used);
    if (action.number !== next) return refuse('numberTaken', `立案号须连续编号：下一个应为第${next}号，不能是第${action.number}号`);
    return transition(ctx, 'accepted', { number: action.number, review: decision(ctx, { decision: 'accept' }) });
  },
};

export const merge: ActionRule<'merge'> = {
  roles: ['office'],
  from: DECIDABLE,
  apply: (action, ctx) => {
    const target = ctx.mergeTarget;
    if (action.targetId === ctx.proposal.id) return refuse('invalidData', '不能并入本件自身');
    if (!target || target.id !== action.targetId) return refuse('invalidData', '找不到并案目标');
    if (UNMERGEABLE_TARGETS.includes(target.status)) {
      return refuse('invalidData', `并案目标当前为「${STATUS_LABELS[target.status]}」，不能并入`);
    }
    // The back-link (target → merged ones) is the query "review.mergedIntoId = target"; nothing to write there.
    return transition(ctx, 'merged', {
      review: decision(ctx, { decision: 'merge', mergedIntoId: target.id, reasonText: action.reasonText }),
    });
  },
};

export const convert: ActionRule<'convert'> = {
  roles: ['office'],
  from: DECIDABLE,
  guard: (ctx) => (ctx.proposal.kind === 'suggestion' ? refuse('invalidData', '本件已是意见建议，无需转换') : undefined),
  // Converted items get no 立案号 but are still handled and answered, so they wait for 交办 in 'accepted';
  // review.decision = 'convert' tells them apart (see statusLabelOf).
  apply: (action, ctx) =>
    transition(ctx, 'accepted', { kind: 'suggestion', review: decision(ctx, { decision: 'convert', reasonText: action.reasonText }) }),
};

export const reject: ActionRule<'reject'> = {
  roles: ['office'],
  from: DECIDABLE,
  apply: (action, ctx) => {
    if (!ctx.settings.rejectionReasons.some((r) => r.code === action.reasonCode)) {
      return refuse('invalidData', '请从不予立案理由列表中选择理由');
    }
    return transition(ctx, 'rejected', {
      review: decision(ctx, { decision: 'reject', reasonCode: action.reasonCode, reasonText: action.reasonText }),
    });
  },
};
