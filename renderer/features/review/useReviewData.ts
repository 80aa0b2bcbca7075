import { useLiveQuery } from 'dexie-react-hooks';
import { availableActions, nextProposalNumber, type ActionAvailability, type ProposalActionType } from '../../../shared/lifecycle';
import { useProfile, useRepo } from '../../app/session';
import { decisionConflictOf } from '../../data/decisionConflicts';
import { loadContext } from '../../data/proposalCommands';
import { proposalsMergedInto, resolveNumberingDevice } from '../../data/reviewQueries';

/**
 * Everything the review page shows about one proposal, live from the local database: the proposal and its people,
 * what the state machine allows this user now (with the numbering machine and used numbers), merge links both
 * ways, and any decision conflict. `null` when there is no such proposal.
 */
export function useReviewData(proposalId: string) {
  const repo = useRepo();
  const profile = useProfile();
  return useLiveQuery(async () => {
    const { db } = repo;
    const proposal = await db.proposal.get(proposalId);
    if (!proposal || proposal.deletedAt) return null;
    const acting = { role: profile.role, actorId: profile.actorId };
    const [ctx, lead, category, mergedInto, mergedHere, conflict, numbering, cosigners, units, staff] = await Promise.all([
      loadContext(repo, proposalId, acting, {}, { deviceId: repo.deviceId }),
      db.delegate.get(proposal.leadDelegateId),
      proposal.categoryId ? db.category.get(proposal.categoryId) : undefined,
      proposal.review?.mergedIntoId ? db.proposal.get(proposal.review.mergedIntoId) : undefined,
      proposalsMergedInto(db, proposalId),
      decisionConflictOf(db, proposalId),
      resolveNumberingDevice(db, repo.deviceId),
      db.delegate.bulkGet(proposal.invitedCosignerIds),
      db.handlingUnit.bulkGet(proposal.suggestedUnitIds),
      db.staff.toArray(),
    ]);
    const delegation = lead?.delegationId ? await db.delegation.get(lead.delegationId) : undefined;
    const mergedHereLeads = await db.delegate.bulkGet(mergedHere.map((p) => p.leadDelegateId));
    // Titles of the merge targets named in a conflict, so each side reads "并入《…》".
    const conflictTargets = await db.proposal.bulkGet([...new Set((conflict?.writes ?? []).map((w) => w.outcome.mergedIntoId).filter((id): id is string => !!id))]);
    const available = new Map<ProposalActionType, ActionAvailability>(availableActions(ctx).map((a) => [a.type, a]));
    return {
      proposal,
      settings: ctx.settings,
      meeting: ctx.meeting,
      cosignatures: ctx.cosignatures,
      available,
      nextNumber: ctx.usedNumbers ? nextProposalNumber(ctx.usedNumbers) : undefined,
      numbering,
      lead,
      delegationName: delegation?.name,
      categoryName: category?.name,
      cosigners: cosigners.filter((d) => !!d).map((d) => d!),
      unitNames: units.filter((u) => !!u).map((u) => u!.name),
      mergedInto: mergedInto && !mergedInto.deletedAt ? mergedInto : undefined,
      mergedHere: mergedHere.map((p, i) => ({ proposal: p, leadName: mergedHereLeads[i]?.name ?? '—' })),
      conflict,
      conflictTargets: new Map(conflictTargets.filter((p) => !!p).map((p) => [p!.id, p!.title])),
      staffName: (id: string) => staff.find((s) => s.id === id)?.name ?? id,
    };
  }, [repo, proposalId, profile.role, profile.actorId]);
}

export type ReviewData = NonNullable<ReturnType<typeof useReviewData>>;
