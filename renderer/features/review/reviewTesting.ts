// Builders for the review screens' tests: proposals that have reached the office, and a decision arriving from
// another office machine the way the sync importer applies it. Used only by *.test.tsx.
import { encodeHlc, newId, type Actor, type Proposal } from '../../../shared/domain';
import { mergeChange } from '../../../shared/sync/merge';
import { proposalSummaryOf } from '../../data/proposalSummary';
import type { Repository } from '../../data/repository';

type Session = { repo: Repository; delegates: { id: string }[]; categories: { id: string }[] };

/** A proposal at the office (已接收 unless told otherwise), led by the first delegate. */
export function proposalAtOffice(session: Session, fields: Partial<Proposal> & { title: string }): Promise<Proposal> {
  const at = new Date().toISOString();
  return session.repo.write((w) =>
    w.create(
      'proposal',
      {
        kind: 'proposal',
        background: '部分山区村组仍存在季节性缺水，供水设施老化，水质检测覆盖不足。',
        recommendations: '一是加快供水管网改造；二是建立水质定期检测和公示制度。',
        suggestedUnitIds: [],
        leadDelegateId: session.delegates[0]!.id,
        invitedCosignerIds: [],
        categoryId: session.categories[0]!.id,
        status: 'received',
        submittedAt: at,
        receivedAt: at,
        isKey: false,
        isSupervised: false,
        ...fields,
      },
      { action: 'create' },
    ),
  );
}

/**
 * A change written on another office machine (e.g. a review decision recorded there offline), applied here as the
 * importer does: merged field by field, joined to the change log, and the local clock moved past it.
 */
export async function applyRemoteChange(repo: Repository, proposalId: string, action: string, fields: Record<string, unknown>, actor: Actor, deviceId = newId()) {
  const wallMs = Date.now() + 1000;
  const hlc = encodeHlc({ wallMs, counter: 0, deviceId });
  const at = new Date(wallMs).toISOString();
  const change = { id: `${deviceId}:${hlc}`, entity: 'proposal' as const, entityId: proposalId, op: 'put' as const, fields: { ...fields, updatedAt: at }, hlc, deviceId, actor, action, at };
  const { db } = repo;
  await db.transaction('rw', db.tables, async () => {
    const key = `proposal/${proposalId}`;
    const merged = mergeChange({ row: (await db.proposal.get(proposalId)) as Record<string, unknown> | undefined, clocks: (await db.fieldClocks.get(key))?.clocks ?? {} }, change);
    await db.proposal.put(merged.row as Proposal);
    const summary = proposalSummaryOf(merged.row as Proposal);
    await (summary ? db.proposalSummary.put(summary) : db.proposalSummary.delete(proposalId));
    await db.fieldClocks.put({ key, clocks: merged.clocks });
    await db.changes.add(change);
    await repo.observeRemoteClock(hlc);
  });
  return change;
}
