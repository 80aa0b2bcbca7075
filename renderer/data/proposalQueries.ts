import type { Actor, Proposal, ProposalKind, ProposalStatus } from '../../shared/domain';
import type { DelegateDeskDb } from './db';
import { searchProposalIds } from './searchIndex';

export interface ProposalFilter {
  /** 'mine': led by or co-signed by `delegateId`; 'all': the office's view */
  scope: 'mine' | 'all';
  delegateId?: string;
  kinds?: readonly ProposalKind[];
  statuses?: readonly ProposalStatus[];
  categoryId?: string;
  meetingId?: string;
  /** Chinese full text over 案由 and body */
  text?: string;
}

/** Proposals matching the filter, newest change first (or by search rank when searching). */
export async function queryProposals(db: DelegateDeskDb, filter: ProposalFilter): Promise<Proposal[]> {
  let rows: Proposal[];
  if (filter.scope === 'mine') {
    const id = filter.delegateId ?? '';
    const [led, cosigned] = await Promise.all([
      db.proposal.where('leadDelegateId').equals(id).toArray(),
      db.proposal.where('invitedCosignerIds').equals(id).toArray(),
    ]);
    const byId = new Map(led.map((p) => [p.id, p]));
    // Drafts of others stay private until their author invites co-signers.
    for (const p of cosigned) if (p.status !== 'draft') byId.set(p.id, p);
    rows = [...byId.values()];
  } else {
    // The office never sees another machine's unsent drafts; locally it sees everything submitted.
    rows = await db.proposal.toArray();
  }
  const kinds = filter.kinds?.length ? new Set(filter.kinds) : null;
  const statuses = filter.statuses?.length ? new Set(filter.statuses) : null;
  rows = rows.filter(
    (p) =>
      !p.deletedAt &&
      (!kinds || kinds.has(p.kind)) &&
      (!statuses || statuses.has(p.status)) &&
      (!filter.categoryId || p.categoryId === filter.categoryId) &&
      (!filter.meetingId || p.meetingId === filter.meetingId),
  );
  const text = filter.text?.trim();
  if (text) {
    const byId = new Map(rows.map((p) => [p.id, p]));
    const ranked = await searchProposalIds(db, text, { candidateIds: new Set(byId.keys()) });
    return ranked.map((id) => byId.get(id)).filter((p): p is Proposal => !!p);
  }
  return rows.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
}

export interface TimelineEntry {
  at: string;
  actor: Actor;
  /** Lifecycle action name, or 'edit' for a run of draft saves */
  action: string;
  /** Status after this step, when it changed */
  status?: ProposalStatus;
  reason?: string;
  /** How many consecutive saves an 'edit' entry stands for */
  count: number;
}

/** The proposal's history, read from the change log: every step with who, when, what and why. */
export async function proposalTimeline(db: DelegateDeskDb, proposalId: string): Promise<TimelineEntry[]> {
  const [own, attachments] = await Promise.all([
    db.changes.where('[entity+entityId]').equals(['proposal', proposalId]).toArray(),
    db.attachment.where('[ownerEntity+ownerId]').equals(['proposal', proposalId]).primaryKeys(),
  ]);
  const attachmentChanges = attachments.length
    ? await db.changes.where('[entity+entityId]').anyOf(attachments.map((id) => ['attachment', id])).toArray()
    : [];
  const changes = [...own, ...attachmentChanges].sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0));
  const entries: TimelineEntry[] = [];
  for (const change of changes) {
    const status = change.fields.status as ProposalStatus | undefined;
    const action = change.action ?? (status ? 'status' : 'edit');
    const last = entries[entries.length - 1];
    if (action === 'edit' && last?.action === 'edit' && last.actor.id === change.actor.id) {
      last.at = change.at;
      last.count += 1;
      continue;
    }
    entries.push({
      at: change.at,
      actor: change.actor,
      action,
      ...(status ? { status } : {}),
      ...(change.reason ? { reason: change.reason } : {}),
      count: 1,
    });
  }
  return entries;
}
