import { useLiveQuery } from 'dexie-react-hooks';
import { availableActions, ratingInForce, type ActionAvailability, type ProposalActionType } from '../../../shared/lifecycle';
import { useProfile, useRepo } from '../../app/session';
import { loadHandlingContext } from '../../data/handlingCommands';
import { handlingHistory, handlingUnits } from '../../data/handlingQueries';

/**
 * Everything the handling page shows about one proposal, live from the local database: the proposal, its live
 * round (for the state machine), what this user may do now, every round's history and the units. `null` when
 * there is no such proposal.
 */
export function useHandlingData(proposalId: string) {
  const repo = useRepo();
  const profile = useProfile();
  return useLiveQuery(async () => {
    const { db } = repo;
    const proposal = await db.proposal.get(proposalId);
    if (!proposal || proposal.deletedAt) return null;
    const acting = { role: profile.role, actorId: profile.actorId };
    const [ctx, history, units, lead, category, delegates] = await Promise.all([
      loadHandlingContext(repo, proposalId, acting, repo.deviceId),
      handlingHistory(db, proposalId),
      handlingUnits(db),
      db.delegate.get(proposal.leadDelegateId),
      proposal.categoryId ? db.category.get(proposal.categoryId) : undefined,
      db.delegate.toArray(),
    ]);
    const unitName = new Map(units.map((u) => [u.id, u.name]));
    const delegateName = new Map(delegates.map((d) => [d.id, d.name]));
    return {
      proposal,
      settings: ctx.settings,
      now: ctx.now,
      assignment: ctx.assignment,
      roundReplies: ctx.replies ?? [],
      rating: ratingInForce(ctx),
      available: new Map<ProposalActionType, ActionAvailability>(availableActions(ctx).map((a) => [a.type, a])),
      history,
      units,
      leadName: lead?.name ?? '—',
      categoryName: category?.name,
      unitName: (id: string | undefined) => (id ? (unitName.get(id) ?? '—') : '—'),
      delegateName: (id: string) => delegateName.get(id) ?? '—',
    };
  }, [repo, proposalId, profile.role, profile.actorId]);
}

export type HandlingData = NonNullable<ReturnType<typeof useHandlingData>>;
