// 视察 / 调研: what the screens read. The office sees every visit with everyone's records (after sync); a delegate
// sees the visits they are invited to and only their own records (others' travel sealed to the office).
import type { Attachment, Proposal, Role, Visit, VisitParticipation, VisitPhoto } from '../../shared/domain';
import { attendanceOf, visitPhase, type AttendanceCounts, type AttendanceRow, type InvitationAnswer, type VisitPhase } from '../../shared/visits';
import type { DelegateDeskDb } from './db';

export interface VisitViewer {
  role: Role;
  actorId: string;
}

const alive = <T extends { deletedAt?: string }>(rows: readonly T[]): T[] => rows.filter((r) => !r.deletedAt);

/** A delegate's own record of a visit (the latest, should two devices each have made one before syncing). */
export async function ownParticipation(db: DelegateDeskDb, visitId: string, delegateId: string): Promise<VisitParticipation | undefined> {
  const rows = alive(await db.visitParticipation.where('visitId').equals(visitId).toArray()).filter((p) => p.delegateId === delegateId);
  return rows.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))[0];
}

/** May this viewer open the visit: the office always, a delegate when invited. */
export function canSeeVisit(visit: Visit, viewer: VisitViewer): boolean {
  return viewer.role === 'office' || visit.invitedDelegateIds.includes(viewer.actorId);
}

export interface VisitListRow {
  visit: Visit;
  groupName?: string;
  phase: VisitPhase;
  counts: AttendanceCounts;
  /** The acting delegate's own answer and check-in */
  mine?: { answer: InvitationAnswer; checkedInAt?: string };
}

/** The visits the viewer may see, newest first; `today` (yyyy-mm-dd, 北京时间) gives each its phase. */
export async function listVisits(db: DelegateDeskDb, viewer: VisitViewer, today: string): Promise<VisitListRow[]> {
  const [visits, participations, photos, groups] = await Promise.all([
    db.visit.toArray(),
    db.visitParticipation.toArray(),
    db.visitPhoto.toArray(),
    db.activityGroup.toArray(),
  ]);
  const groupNames = new Map(groups.map((g) => [g.id, g.name]));
  const byVisit = <T extends { visitId: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) map.set(row.visitId, [...(map.get(row.visitId) ?? []), row]);
    return map;
  };
  const participationsByVisit = byVisit(participations);
  const photosByVisit = byVisit(photos);
  return alive(visits)
    .filter((v) => canSeeVisit(v, viewer))
    .sort((a, b) => b.startDate.localeCompare(a.startDate) || b.createdAt.localeCompare(a.createdAt))
    .map((visit) => {
      const { rows, counts } = attendanceOf(visit, participationsByVisit.get(visit.id) ?? [], photosByVisit.get(visit.id) ?? []);
      const own = viewer.role === 'delegate' ? rows.find((r) => r.delegateId === viewer.actorId) : undefined;
      const groupName = visit.organisingGroupId ? groupNames.get(visit.organisingGroupId) : undefined;
      return {
        visit,
        ...(groupName ? { groupName } : {}),
        phase: visitPhase(visit, today),
        counts,
        ...(own ? { mine: { answer: own.answer, ...(own.checkedInAt ? { checkedInAt: own.checkedInAt } : {}) } } : {}),
      };
    });
}

export interface PhotoEntry {
  photo: VisitPhoto;
  /** The synchronised (resized) copy; missing until its row arrives by sync */
  attachment?: Attachment;
}

export interface VisitDetail {
  visit: Visit;
  groupName?: string;
  attendance: { rows: AttendanceRow[]; counts: AttendanceCounts };
  /** Office: everyone's; delegate: their own */
  photos: PhotoEntry[];
  mine?: VisitParticipation;
}

/**
 * One visit as the viewer may see it, or null when it does not exist, was cancelled, or is not theirs to see.
 * Photos are ordered by the time they were taken (then added). Reads only this visit's rows, so a screen watching
 * it is cheap to refresh after each of many photos; the linked proposals are read apart (proposalsFromVisit).
 */
export async function loadVisitDetail(db: DelegateDeskDb, visitId: string, viewer: VisitViewer): Promise<VisitDetail | null> {
  const visit = await db.visit.get(visitId);
  if (!visit || visit.deletedAt || !canSeeVisit(visit, viewer)) return null;
  const [participations, photoRows, group] = await Promise.all([
    db.visitParticipation.where('visitId').equals(visitId).toArray(),
    db.visitPhoto.where('visitId').equals(visitId).toArray(),
    visit.organisingGroupId ? db.activityGroup.get(visit.organisingGroupId) : undefined,
  ]);
  const office = viewer.role === 'office';
  const visibleParticipations = office ? participations : participations.filter((p) => p.delegateId === viewer.actorId);
  const visiblePhotos = alive(photoRows)
    .filter((p) => office || p.delegateId === viewer.actorId)
    .sort((a, b) => (a.takenAt ?? a.createdAt).localeCompare(b.takenAt ?? b.createdAt) || a.id.localeCompare(b.id));
  const attachments = await db.attachment.bulkGet(visiblePhotos.map((p) => p.attachmentId));
  const photos = visiblePhotos.map((photo, i) => {
    const attachment = attachments[i];
    return attachment && !attachment.deletedAt ? { photo, attachment } : { photo };
  });
  const attendance = attendanceOf(visit, visibleParticipations, visiblePhotos);
  const mine = office ? undefined : await ownParticipation(db, visitId, viewer.actorId);
  return {
    visit,
    ...(group && !group.deletedAt ? { groupName: group.name } : {}),
    attendance,
    photos,
    ...(mine ? { mine } : {}),
  };
}

/** 视察材料: the office's attachments of the visit. */
export async function visitMaterials(db: DelegateDeskDb, visitId: string): Promise<Attachment[]> {
  return alive(await db.attachment.where('[ownerEntity+ownerId]').equals(['visit', visitId]).toArray());
}

/** The proposals on this machine that were started from the visit, oldest first. */
export async function proposalsFromVisit(db: DelegateDeskDb, visitId: string): Promise<Proposal[]> {
  // No index on sourceVisitId (a schema change for a handful of rows per visit is not worth it): a filtered scan.
  const rows = await db.proposal.filter((p) => p.sourceVisitId === visitId && !p.deletedAt).toArray();
  return rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

/** The visit a proposal came from, if this machine has it (a cancelled visit is still named). */
export async function visitOfProposal(db: DelegateDeskDb, proposal: Pick<Proposal, 'sourceVisitId'>): Promise<Visit | undefined> {
  return proposal.sourceVisitId ? db.visit.get(proposal.sourceVisitId) : undefined;
}
