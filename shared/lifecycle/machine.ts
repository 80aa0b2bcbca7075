// The proposal lifecycle state machine: who may do what, from which status, and what changes.
// Pure functions; the caller loads the context, applies the patch and records the timeline entry.
import { ACTION_LABELS, ACTION_TYPES, ROLE_LABELS, STATUS_LABELS } from './labels';
import * as drafting from './rules/drafting';
import * as handling from './rules/handling';
import * as review from './rules/review';
import { refuse, type ActionOf, type ActionRule, type RuleBook } from './rules/rule';
import type { ActionAvailability, LifecycleContext, ProposalAction, ProposalActionType, Refusal, TransitionResult } from './types';

export const RULES: RuleBook = {
  edit: drafting.edit,
  inviteCosigners: drafting.inviteCosigners,
  confirmCosign: drafting.confirmCosign,
  declineCosign: drafting.declineCosign,
  submit: drafting.submit,
  withdraw: drafting.withdraw,
  receive: review.receive,
  preReview: review.preReview,
  accept: review.accept,
  merge: review.merge,
  convert: review.convert,
  reject: review.reject,
  assign: handling.assign,
  returnAssignment: handling.returnAssignment,
  extendDeadline: handling.extendDeadline,
  recordConsultation: handling.recordConsultation,
  recordReply: handling.recordReply,
  rate: handling.rate,
  applyRating: handling.applyRating,
  close: handling.close,
  setFlags: handling.setFlags,
};

/** The checks that need no form data: deleted → role → actor → status → guard. */
function precheck<T extends ProposalActionType>(type: T, ctx: LifecycleContext): Refusal | undefined {
  const rule = RULES[type] as ActionRule<T>;
  const label = ACTION_LABELS[type];
  if (ctx.proposal.deletedAt) return refuse('wrongState', '本件已删除');
  if (!rule.roles.includes(ctx.role)) {
    return refuse('wrongRole', `「${label}」只能由${rule.roles.map((r) => ROLE_LABELS[r]).join('或')}操作`);
  }
  const notActor = rule.actor?.(ctx);
  if (notActor) return notActor;
  if (!rule.from.includes(ctx.proposal.status)) {
    return refuse('wrongState', `本件当前为「${STATUS_LABELS[ctx.proposal.status]}」，不能${label}`);
  }
  return rule.guard?.(ctx);
}

/**
 * May `ctx.role` / `ctx.actorId` do `action` now? If so: the new status and the patch to apply
 * (the patch always includes `status`). If not: a stable code and a Chinese message.
 */
export function decide(action: ProposalAction, ctx: LifecycleContext): TransitionResult {
  const refused = precheck(action.type, ctx);
  if (refused) return refused;
  return applyRule(action.type, action, ctx);
}

function applyRule<T extends ProposalActionType>(type: T, action: ProposalAction, ctx: LifecycleContext): TransitionResult {
  const rule = RULES[type] as ActionRule<T>;
  return rule.apply(action as ActionOf<T>, ctx);
}

/**
 * For every action type: could the actor attempt it now? Checks everything except the data only a form
 * supplies (立案号, merge target, reasons, units, dates), so the UI offers only what is allowed and says why not.
 */
export function availableActions(ctx: LifecycleContext): ActionAvailability[] {
  return ACTION_TYPES.map((type) => {
    const refused = precheck(type, ctx);
    return refused ? { type, allowed: false, code: refused.code, message: refused.message } : { type, allowed: true };
  });
}
