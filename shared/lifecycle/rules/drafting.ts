// 起草与附议: the lead author's draft, co-signing, submission and withdrawal.
import { proposalSubmissionSchema } from '../../domain';
import { confirmedCosignerIds, latestCosignature, minimumCosigners } from '../cosigners';
import { formatChinaDateTime } from '../calendar';
import { cosignDeadlineFrom } from '../deadlines';
import { ACTION_LABELS } from '../labels';
import type { LifecycleContext, Refusal } from '../types';
import { isBlank, isLeadAuthor, refuse, stay, transition, type ActionRule } from './rule';

export function leadAuthorOnly(ctx: LifecycleContext, actionLabel: string): Refusal | undefined {
  return isLeadAuthor(ctx) ? undefined : refuse('notOwner', `只有领衔人可以${actionLabel}`);
}

/** Required fields (proposalSubmissionSchema), plus the annual meeting a 提案 is filed for. */
export function missingFields(ctx: LifecycleContext): Refusal | undefined {
  const fieldErrors: Record<string, string> = {};
  const parsed = proposalSubmissionSchema.safeParse(ctx.proposal);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'proposal');
      fieldErrors[field] ??= issue.message;
    }
  }
  if (ctx.proposal.kind === 'motion' && !ctx.proposal.meetingId) fieldErrors.meetingId ??= '请选择提案所属的年会';
  const fields = Object.keys(fieldErrors);
  if (fields.length === 0) return undefined;
  return refuse('missingFields', `还有 ${fields.length} 项内容需要填写或修改：${Object.values(fieldErrors).join('；')}`, fieldErrors);
}

/** A 提案 can only be filed for its annual meeting until the meeting's 提案截止时间. */
export function motionDeadline(ctx: LifecycleContext): Refusal | undefined {
  const { proposal, meeting } = ctx;
  if (proposal.kind !== 'motion' || !proposal.meetingId) return undefined;
  if (!meeting || meeting.id !== proposal.meetingId) {
    return refuse('invalidData', '缺少提案所属年会的信息，无法核对提案截止时间');
  }
  if (ctx.now.getTime() <= Date.parse(meeting.proposalDeadline)) return undefined;
  return refuse(
    'proposalDeadlinePassed',
    `${meeting.name}的提案截止时间（${formatChinaDateTime(meeting.proposalDeadline)}）已过，不能再作为大会提案提交；请改为闭会期间的提议或意见建议`,
  );
}

function cosignWindow(ctx: LifecycleContext): Refusal | undefined {
  const deadline = ctx.proposal.cosignDeadline;
  if (!deadline || ctx.now.getTime() <= Date.parse(deadline)) return undefined;
  return refuse('cosignDeadlinePassed', `附议截止时间（${formatChinaDateTime(deadline)}）已过`);
}

function invitedCosignerOnly(ctx: LifecycleContext): Refusal | undefined {
  const invited = ctx.actorId !== ctx.proposal.leadDelegateId && ctx.proposal.invitedCosignerIds.includes(ctx.actorId);
  return invited ? undefined : refuse('notInvited', '您不在本件的附议邀请名单中');
}

export const edit: ActionRule<'edit'> = {
  roles: ['delegate'],
  from: ['draft', 'collecting'],
  actor: (ctx) => leadAuthorOnly(ctx, ACTION_LABELS.edit),
  // Co-signers confirm a text; once anyone has, the text is locked so no name stands under words it never saw.
  guard: (ctx) => {
    const confirmed = confirmedCosignerIds(ctx.proposal, ctx.cosignatures).length;
    if (ctx.proposal.status === 'collecting' && confirmed > 0) {
      return refuse('wrongState', `已有 ${confirmed} 名附议人确认，内容已锁定；如需修改请撤回后重新起草`);
    }
    return undefined;
  },
  apply: (_action, ctx) => stay(ctx),
};

export const inviteCosigners: ActionRule<'inviteCosigners'> = {
  roles: ['delegate'],
  from: ['draft', 'collecting'],
  actor: (ctx) => leadAuthorOnly(ctx, ACTION_LABELS.inviteCosigners),
  // Co-signers are asked to sign a complete text, and a 提案 past its deadline can no longer be filed.
  guard: (ctx) => motionDeadline(ctx) ?? missingFields(ctx),
  apply: (action, ctx) => {
    const invited = [...new Set([...ctx.proposal.invitedCosignerIds, ...(action.delegateIds ?? [])])];
    if (invited.includes(ctx.proposal.leadDelegateId)) return refuse('invalidData', '领衔人不能邀请自己附议');
    if (invited.length === 0) return refuse('invalidData', '请至少邀请 1 名附议人');
    // Inviting more while collecting re-opens the window for everyone, never shortens it.
    const fresh = cosignDeadlineFrom(ctx.now, ctx.settings);
    const existing = ctx.proposal.cosignDeadline;
    const cosignDeadline = existing && Date.parse(existing) > Date.parse(fresh) ? existing : fresh;
    return transition(ctx, 'collecting', { invitedCosignerIds: invited, cosignDeadline });
  },
};

function cosignResponse<T extends 'confirmCosign' | 'declineCosign'>(answer: 'confirmed' | 'declined'): ActionRule<T> {
  return {
    roles: ['delegate'],
    from: ['collecting'],
    actor: invitedCosignerOnly,
    guard: (ctx) => {
      const windowClosed = cosignWindow(ctx);
      if (windowClosed) return windowClosed;
      // Changing one's mind is allowed before the deadline; repeating the same answer is not.
      if (latestCosignature(ctx.proposal, ctx.cosignatures, ctx.actorId)?.status === answer) {
        return refuse('alreadyResponded', answer === 'confirmed' ? '您已确认附议本件' : '您已谢绝附议本件');
      }
      return undefined;
    },
    // The co-signer's device writes the Cosignature row; the proposal itself does not change.
    apply: (_action, ctx) => stay(ctx),
  };
}

export const confirmCosign = cosignResponse<'confirmCosign'>('confirmed');
export const declineCosign = cosignResponse<'declineCosign'>('declined');

export const submit: ActionRule<'submit'> = {
  roles: ['delegate'],
  // From draft only when the minimum is 0 (the guard counts 0 confirmations for a draft).
  from: ['draft', 'collecting'],
  actor: (ctx) => leadAuthorOnly(ctx, ACTION_LABELS.submit),
  guard: (ctx) => {
    const refused = motionDeadline(ctx) ?? missingFields(ctx);
    if (refused) return refused;
    const minimum = minimumCosigners(ctx.proposal, ctx.settings);
    const confirmed = ctx.proposal.status === 'collecting' ? confirmedCosignerIds(ctx.proposal, ctx.cosignatures).length : 0;
    if (confirmed < minimum) return refuse('tooFewCosigners', `附议人不足：至少需要 ${minimum} 名附议人，目前 ${confirmed} 名`);
    return undefined;
  },
  apply: (_action, ctx) => transition(ctx, 'submitted', { submittedAt: ctx.now.toISOString() }),
};

export const withdraw: ActionRule<'withdraw'> = {
  roles: ['delegate'],
  // 撤回 only before review starts: once 预审 is done the office owns the decision.
  from: ['collecting', 'submitted', 'received'],
  actor: (ctx) => leadAuthorOnly(ctx, ACTION_LABELS.withdraw),
  apply: (action, ctx) => (isBlank(action.reason) ? refuse('invalidData', '请填写撤回理由') : transition(ctx, 'withdrawn')),
};
