// 附议: who has confirmed, and how many are needed.
import type { CongressSettings, Cosignature, Proposal } from '../domain';

/**
 * 附议人 minimum: a 提案 (motion, filed for the annual meeting) needs `minCosignersMeeting`; a 提议 (filed in
 * the recess) needs `minCosignersRecess`; an 意见建议 may come from one delegate alone, so it has its own
 * minimum, `minCosignersSuggestion` (default 0).
 */
export function minimumCosigners(
  proposal: Pick<Proposal, 'kind'>,
  settings: Pick<CongressSettings, 'minCosignersMeeting' | 'minCosignersRecess' | 'minCosignersSuggestion'>,
): number {
  if (proposal.kind === 'motion') return settings.minCosignersMeeting;
  return proposal.kind === 'suggestion' ? settings.minCosignersSuggestion : settings.minCosignersRecess;
}

/**
 * A delegate's current answer for this proposal: the latest live row (by respondedAt, then updatedAt).
 * Rows are written by each co-signer's own device, so sync may bring more than one over time.
 */
export function latestCosignature(proposal: Pick<Proposal, 'id'>, cosignatures: readonly Cosignature[], delegateId: string): Cosignature | undefined {
  let latest: Cosignature | undefined;
  for (const c of cosignatures) {
    if (c.proposalId !== proposal.id || c.delegateId !== delegateId || c.deletedAt) continue;
    if (!latest || c.respondedAt > latest.respondedAt || (c.respondedAt === latest.respondedAt && c.updatedAt > latest.updatedAt)) latest = c;
  }
  return latest;
}

/** Invited co-signers (never the lead author) whose current answer is 'confirmed'. Uninvited rows do not count. */
export function confirmedCosignerIds(
  proposal: Pick<Proposal, 'id' | 'leadDelegateId' | 'invitedCosignerIds'>,
  cosignatures: readonly Cosignature[],
): string[] {
  const invited = new Set(proposal.invitedCosignerIds);
  invited.delete(proposal.leadDelegateId);
  return [...invited].filter((id) => latestCosignature(proposal, cosignatures, id)?.status === 'confirmed');
}
