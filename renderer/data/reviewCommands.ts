// 接收与审查: the office's commands. Every decision goes through applyProposalAction, so the state machine decides;
// these add what a screen needs around it (bulk 接收, the reason written to the timeline, settling a conflict).
import type { Proposal, ProposalStatus, ReviewDecisionKind } from '../../shared/domain';
import { applyProposalAction, LifecycleRefusal, type Acting } from './proposalCommands';
import type { Repository } from './repository';
import { findDecisionConflicts, SETTLE_DECISION_ACTION, type DecisionWrite } from './decisionConflicts';

/** The review step the office records, with the data each needs. */
export type ReviewDecisionInput =
  | { type: 'preReview'; note?: string } //                         预审意见
  | { type: 'accept'; number: number } //                           立案 第N号 (the number the screen showed)
  | { type: 'merge'; targetId: string; reasonText?: string } //     并案
  | { type: 'convert'; reasonText?: string } //                     转为意见建议
  | { type: 'reject'; reasonCode: string; reasonText?: string }; // 不予立案

export interface BulkReceiveResult {
  received: string[];
  refused: { id: string; error: unknown }[];
}

/** 标记为已接收, one by one: each goes through the state machine, and one refusal does not stop the others. */
export async function receiveProposals(repo: Repository, ids: readonly string[], acting: Acting): Promise<BulkReceiveResult> {
  const result: BulkReceiveResult = { received: [], refused: [] };
  for (const id of ids) {
    try {
      await applyProposalAction(repo, id, acting, { type: 'receive' });
      result.received.push(id);
    } catch (error) {
      result.refused.push({ id, error });
    }
  }
  return result;
}

const clean = (text: string | undefined) => text?.trim() || undefined;

/**
 * Records 预审 or the committee's decision. A 不予立案 needs a reason from the list (refused beside the field
 * otherwise); the reason, or the 预审 note, is also written to the timeline.
 */
export async function recordReviewDecision(repo: Repository, id: string, acting: Acting, input: ReviewDecisionInput): Promise<Proposal> {
  switch (input.type) {
    case 'preReview': {
      const note = clean(input.note);
      return applyProposalAction(repo, id, acting, { type: 'preReview', ...(note ? { note } : {}) }, note);
    }
    case 'accept':
      return applyProposalAction(repo, id, acting, { type: 'accept', number: input.number });
    case 'merge': {
      const reasonText = clean(input.reasonText);
      if (!input.targetId) throw new LifecycleRefusal('invalidData', '请选择并入的提案', { targetId: '请选择并入的提案' });
      return applyProposalAction(repo, id, acting, { type: 'merge', targetId: input.targetId, ...(reasonText ? { reasonText } : {}) }, reasonText);
    }
    case 'convert': {
      const reasonText = clean(input.reasonText);
      return applyProposalAction(repo, id, acting, { type: 'convert', ...(reasonText ? { reasonText } : {}) }, reasonText);
    }
    case 'reject': {
      const reasonText = clean(input.reasonText);
      const settings = (await repo.db.congressSettings.toArray())[0];
      const reason = settings?.rejectionReasons.find((r) => r.code === input.reasonCode);
      if (!reason) throw new LifecycleRefusal('invalidData', '请选择不予立案理由', { reasonCode: '请选择不予立案理由' });
      return applyProposalAction(
        repo,
        id,
        acting,
        { type: 'reject', reasonCode: reason.code, ...(reasonText ? { reasonText } : {}) },
        reasonText ? `${reason.label}：${reasonText}` : reason.label,
      );
    }
  }
}

const STATUS_OF_DECISION: Record<ReviewDecisionKind, ProposalStatus> = {
  accept: 'accepted',
  convert: 'accepted',
  merge: 'merged',
  reject: 'rejected',
};

/**
 * 以此为准: settles a decision conflict by re-recording the chosen decision (status, review, 立案号, kind) with a
 * fresh clock, so it wins on every machine, and records who settled it. Office only. The re-recorded decision names
 * the person who settled it; the timeline keeps both original decisions.
 */
export async function settleDecisionConflict(repo: Repository, proposalId: string, acting: Acting, chosenChangeId: string): Promise<Proposal> {
  if (acting.role !== 'office') throw new LifecycleRefusal('wrongRole', '只有常任办可以处理审查决定冲突');
  return repo.write(async (w) => {
    const changes = await w.db.changes.where('[entity+entityId]').equals(['proposal', proposalId]).toArray();
    const conflict = findDecisionConflicts(changes)[0];
    const chosen = conflict?.writes.find((c) => c.changeId === chosenChangeId);
    if (!conflict || !chosen) throw new LifecycleRefusal('wrongState', '该审查决定冲突已处理，无需再选择');
    const proposal = await w.db.proposal.get(proposalId);
    if (!proposal || proposal.deletedAt) throw new Error(`proposal ${proposalId} not found`);
    const { decision } = chosen.outcome;
    const kind = decision === 'convert' ? 'suggestion' : kindBeforeConversion(changes) ?? proposal.kind;
    return w.update(
      'proposal',
      proposalId,
      {
        status: STATUS_OF_DECISION[decision],
        kind,
        // A discarded 立案 gives its number back: with nothing after it in the scope, the next 立案 takes it again.
        number: decision === 'accept' ? chosen.outcome.number : undefined,
        review: { ...chosen.review, decidedBy: acting.actorId, decidedAt: new Date().toISOString() },
      },
      { action: SETTLE_DECISION_ACTION, reason: settlementReason(chosen) },
    );
  });
}

/** The kind the author filed it as: the latest kind written by anything but a 转为意见建议 or a settlement. */
function kindBeforeConversion(changes: readonly { action?: string; hlc: string; fields: Record<string, unknown> }[]): Proposal['kind'] | undefined {
  const kinds = changes
    .filter((c) => typeof c.fields.kind === 'string' && c.action !== 'convert' && c.action !== SETTLE_DECISION_ACTION)
    .sort((a, b) => (a.hlc < b.hlc ? -1 : 1));
  return kinds[kinds.length - 1]?.fields.kind as Proposal['kind'] | undefined;
}

function settlementReason(chosen: DecisionWrite): string {
  const who = chosen.actor.name ?? chosen.actor.id;
  return `审查决定冲突：以${who}（${new Date(chosen.at).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' })}）的决定为准`;
}

/**
 * 指定立案编号专用电脑: from now on only `deviceId` gives 立案 numbers. Do it only once every 立案 made on the previous
 * numbering machine has synced here, or the two may give the same number.
 */
export async function designateNumberingDevice(repo: Repository, acting: Acting, deviceId: string): Promise<void> {
  if (acting.role !== 'office') throw new LifecycleRefusal('wrongRole', '只有常任办可以指定立案编号专用电脑');
  await repo.write(async (w) => {
    const settings = (await w.db.congressSettings.toArray()).find((s) => !s.deletedAt);
    if (!settings) throw new Error('congress settings missing');
    await w.update('congressSettings', settings.id, { numberingDeviceId: deviceId }, { action: 'designateNumberingDevice' });
  });
}
