// 年会: what the meeting screens read — the meetings of the congress, one meeting's agenda and resolutions, and the
// proposals filed for it. Pure rules live in shared/meetings.
import type { AgendaItem, AnnualMeeting, Congress, Proposal, ProposalStatus, Resolution } from '../../shared/domain';
import type { DelegateDeskDb } from './db';

const alive = <T extends { deletedAt?: string }>(rows: readonly T[]): T[] => rows.filter((r) => !r.deletedAt);

/** The congress this machine keeps (one per installation). */
export async function currentCongress(db: DelegateDeskDb): Promise<Congress | undefined> {
  return alive(await db.congress.toArray())[0];
}

/** Meetings of the congress, latest first. */
export async function annualMeetings(db: DelegateDeskDb): Promise<AnnualMeeting[]> {
  return alive(await db.annualMeeting.toArray()).sort((a, b) => b.session - a.session || b.startDate.localeCompare(a.startDate));
}

export async function agendaOf(db: DelegateDeskDb, meetingId: string): Promise<AgendaItem[]> {
  const items = alive(await db.agendaItem.where('meetingId').equals(meetingId).toArray());
  return items.sort((a, b) => a.sortOrder - b.sortOrder || a.createdAt.localeCompare(b.createdAt));
}

export async function resolutionsOf(db: DelegateDeskDb, meetingId: string): Promise<Resolution[]> {
  const rows = alive(await db.resolution.where('meetingId').equals(meetingId).toArray());
  return rows.sort((a, b) => (a.adoptedOn ?? '9999').localeCompare(b.adoptedOn ?? '9999') || a.createdAt.localeCompare(b.createdAt));
}

/** The order the meeting page groups proposals in: the lifecycle's order. */
export const STATUS_ORDER: readonly ProposalStatus[] = [
  'draft', 'collecting', 'submitted', 'received', 'inReview', 'accepted', 'assigned', 'replied', 'rehandling', 'closed', 'merged', 'rejected', 'withdrawn',
];

export interface MeetingProposalGroup {
  status: ProposalStatus;
  proposals: Proposal[];
}

/**
 * The proposals filed for a meeting that this machine holds (the office: all; a delegate: their own and those
 * they were asked to co-sign), grouped by state in lifecycle order, numbered ones first by number. Other
 * delegates' drafts never reach a machine, and one's own drafts are shown only to oneself.
 */
export async function proposalsOfMeeting(db: DelegateDeskDb, meetingId: string, viewer: { role: 'office' | 'delegate' | 'unit'; actorId: string }): Promise<MeetingProposalGroup[]> {
  const all = alive(await db.proposal.where('meetingId').equals(meetingId).toArray());
  const visible = all.filter((p) => (p.status === 'draft' ? viewer.role === 'delegate' && p.leadDelegateId === viewer.actorId : true));
  const groups = new Map<ProposalStatus, Proposal[]>();
  for (const p of visible) groups.set(p.status, [...(groups.get(p.status) ?? []), p]);
  return STATUS_ORDER.filter((s) => groups.has(s)).map((status) => ({
    status,
    proposals: groups.get(status)!.sort((a, b) => (a.number ?? Infinity) - (b.number ?? Infinity) || (a.submittedAt ?? a.createdAt).localeCompare(b.submittedAt ?? b.createdAt)),
  }));
}

/** How many proposals each meeting has, for the list (drafts left out). */
export async function proposalCountsByMeeting(db: DelegateDeskDb): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  await db.proposalSummary.each((p) => {
    if (!p.meetingId || p.status === 'draft') return;
    counts.set(p.meetingId, (counts.get(p.meetingId) ?? 0) + 1);
  });
  return counts;
}
