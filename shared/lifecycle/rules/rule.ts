// The shape of one action's rule, and the small helpers every rule uses to answer.
import type { Proposal, ProposalStatus, Role } from '../../domain';
import type { LifecycleContext, ProposalAction, ProposalActionType, Refusal, RefusalCode, TransitionResult } from '../types';

export type ActionOf<T extends ProposalActionType> = Extract<ProposalAction, { type: T }>;

/**
 * One action's rule, checked in this order: role → actor (owner / invitee / assigned unit) → state → guard → apply.
 * Everything up to `guard` depends only on the context, so `availableActions` can ask it before any form is filled;
 * `apply` validates the action's own data and computes the change.
 */
export interface ActionRule<T extends ProposalActionType> {
  roles: readonly Role[];
  from: readonly ProposalStatus[];
  actor?: (ctx: LifecycleContext) => Refusal | undefined;
  guard?: (ctx: LifecycleContext) => Refusal | undefined;
  apply: (action: ActionOf<T>, ctx: LifecycleContext) => TransitionResult;
}

export type RuleBook = { [T in ProposalActionType]: ActionRule<T> };

export function refuse(code: RefusalCode, message: string, fieldErrors?: Record<string, string>): Refusal {
  return fieldErrors ? { ok: false, code, message, fieldErrors } : { ok: false, code, message };
}

/** A successful transition; the patch always carries the new status, so applying the patch is enough. */
export function transition(ctx: LifecycleContext, to: ProposalStatus, patch: Partial<Proposal> = {}): TransitionResult {
  return { ok: true, from: ctx.proposal.status, to, patch: { ...patch, status: to } };
}

/** An action that records something without moving the proposal (edit, 附议, 延期, 面商, flags). */
export function stay(ctx: LifecycleContext, patch: Partial<Proposal> = {}): TransitionResult {
  return transition(ctx, ctx.proposal.status, patch);
}

export function isBlank(text: string | undefined): boolean {
  return !text || text.trim().length === 0;
}

export function isLeadAuthor(ctx: LifecycleContext): boolean {
  return ctx.actorId === ctx.proposal.leadDelegateId;
}
