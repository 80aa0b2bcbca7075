// 满意度测评 on the lead author's machine. The state machine decides whether they may rate now (`rate`: the lead
// author, 已答复); the write is only the ReplyRating row. The proposal's status is the office's to move (a delegate's
// bundle may not set it past 已提交): the office applies the rating — 办结, or 重新办理 after 不满意.
import { newId, pairId, satisfactionSchema, type ReplyRating, type Satisfaction } from '../../shared/domain';
import { decide } from '../../shared/lifecycle';
import { checkRatingTarget } from '../../shared/handling/replyView';
import { LifecycleRefusal, loadContext, type Acting } from './proposalCommands';
import type { Repository } from './repository';

export interface RatingInput {
  /** The reply rated: one of the current round's (under 分办 the round's latest stands for all its replies) */
  replyId: string;
  /** 总体评价: drives 办结 or 重新办理 */
  overall: Satisfaction;
  /** 对办理工作的评价 */
  handlingWork?: Satisfaction;
  /** 对办理结果的评价 */
  result?: Satisfaction;
  comment?: string;
}

/** Form fields with a message beside them when the command refuses. */
export type RatingField = 'overall' | 'handlingWork' | 'result' | 'comment';

function checkInput(input: RatingInput): Partial<Record<RatingField, string>> {
  const errors: Partial<Record<RatingField, string>> = {};
  if (!satisfactionSchema.safeParse(input.overall).success) errors.overall = '请选择总体评价：满意、基本满意或不满意';
  if (input.handlingWork !== undefined && !satisfactionSchema.safeParse(input.handlingWork).success) errors.handlingWork = '对办理工作的评价无效';
  if (input.result !== undefined && !satisfactionSchema.safeParse(input.result).success) errors.result = '对办理结果的评价无效';
  // 不满意 sends the proposal back to the unit: it needs to know what was not good enough.
  if (input.overall === 'unsatisfied' && !input.comment?.trim()) errors.comment = '选择“不满意”时，请写明不满意的原因，便于承办单位重新办理';
  return errors;
}

/**
 * The lead author rates the current round's reply: one ReplyRating row (its id derived from reply and delegate, so
 * two devices of the same delegate cannot leave two ratings), logged with action 'rate'. Refused with a Chinese
 * LifecycleRefusal when the state machine says no (not the lead author, not 已答复), when the reply is not this
 * proposal's current round's, or when that round is already rated; form problems carry fieldErrors.
 */
export async function rateReply(repo: Repository, proposalId: string, acting: Acting, input: RatingInput): Promise<ReplyRating> {
  const fieldErrors = checkInput(input);
  if (Object.keys(fieldErrors).length) {
    throw new LifecycleRefusal('invalidData', Object.values(fieldErrors)[0]!, fieldErrors as Record<string, string>);
  }
  return repo.write(async (w) => {
    const ctx = await loadContext(w, proposalId, acting);
    const decision = decide({ type: 'rate', overall: input.overall }, ctx);
    if (!decision.ok) throw new LifecycleRefusal(decision.code, decision.message, decision.fieldErrors);

    const [reply, assignments, replies, ratings] = await Promise.all([
      w.db.reply.get(input.replyId),
      w.db.handlingAssignment.where('proposalId').equals(proposalId).toArray(),
      w.db.reply.where('proposalId').equals(proposalId).toArray(),
      w.db.replyRating.where('proposalId').equals(proposalId).toArray(),
    ]);
    const target = checkRatingTarget({ proposalId, reply, assignments, replies, ratings, delegateId: acting.actorId });
    if (!target.ok) {
      throw new LifecycleRefusal(target.problem === 'alreadyRated' ? 'alreadyResponded' : 'invalidData', target.message);
    }

    // A tombstone under the derived id (a rating withdrawn on another machine) must not block a new one.
    const derived = pairId('replyRating', input.replyId, acting.actorId);
    const id = (await w.db.replyRating.get(derived)) ? newId() : derived;
    const comment = input.comment?.trim();
    const fields = {
      proposalId,
      replyId: input.replyId,
      delegateId: acting.actorId,
      overall: input.overall,
      ...(input.handlingWork ? { handlingWork: input.handlingWork } : {}),
      ...(input.result ? { result: input.result } : {}),
      ...(comment ? { comment } : {}),
    };
    return w.create('replyRating', { id, ...fields }, { action: 'rate' });
  });
}
