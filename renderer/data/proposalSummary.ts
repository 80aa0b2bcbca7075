import type { Proposal } from '../../shared/domain';

/**
 * What lists and the office dashboard read of a proposal: everything but its texts and review details. Kept in a
 * table of its own (derived, like the search index) because reading 30,000 whole proposals, texts and all, took
 * seconds at province size (bench:ui), while the list shows one line of each. Only live proposals have one.
 */
export type ProposalSummary = Pick<
  Proposal,
  | 'id'
  | 'kind'
  | 'meetingId'
  | 'title'
  | 'categoryId'
  | 'leadDelegateId'
  | 'invitedCosignerIds'
  | 'status'
  | 'number'
  | 'submittedAt'
  | 'receivedAt'
  | 'createdAt'
  | 'updatedAt'
>;

/** The summary of a live proposal; undefined for a deleted one (it leaves lists and reports). */
export function proposalSummaryOf(p: Proposal): ProposalSummary | undefined {
  if (p.deletedAt) return undefined;
  const summary: ProposalSummary = {
    id: p.id,
    kind: p.kind,
    title: p.title,
    leadDelegateId: p.leadDelegateId,
    invitedCosignerIds: p.invitedCosignerIds,
    status: p.status,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  };
  // Absent fields stay absent: IndexedDB would index an explicit undefined key as missing anyway, but a row read
  // back must compare equal to one built again (the migration and sync tests do).
  if (p.meetingId !== undefined) summary.meetingId = p.meetingId;
  if (p.categoryId !== undefined) summary.categoryId = p.categoryId;
  if (p.number !== undefined) summary.number = p.number;
  if (p.submittedAt !== undefined) summary.submittedAt = p.submittedAt;
  if (p.receivedAt !== undefined) summary.receivedAt = p.receivedAt;
  return summary;
}

/** The summary-table writes that bring it in step with these proposals: puts for the live ones, deletes for the rest. */
export function summaryWrites(proposals: readonly Proposal[]): { puts: ProposalSummary[]; deletes: string[] } {
  const puts: ProposalSummary[] = [];
  const deletes: string[] = [];
  for (const p of proposals) {
    const summary = proposalSummaryOf(p);
    if (summary) puts.push(summary);
    else deletes.push(p.id);
  }
  return { puts, deletes };
}
