// 视察 / 调研: the office plans a visit, shares its materials, writes the 视察报告 and closes it; each invited delegate
// answers the invitation, checks in on the day, keeps field notes and photos (all offline, all their own rows), and
// may start a 提议 from what they saw. Every write is one transaction through the repository, logged for the
// timeline and the sync; nothing is deleted without a tombstone. Rules that need no storage live in shared/visits.
import { newId, pairId, type Attachment, type Proposal, type Visit, type VisitParticipation, type VisitPhoto } from '../../shared/domain';
import { toCalendarDate } from '../../shared/lifecycle';
import {
  checkInRefusal,
  hasErrors,
  normalizeVisitPlan,
  recordRefusal,
  validateClosing,
  validatePhotoDetails,
  validateVisitPlan,
  type FieldErrors,
  type VisitPlanForm,
} from '../../shared/visits';
import { LifecycleRefusal, MAX_ATTACHMENT_BYTES, type Acting, type AttachmentFile } from './proposalCommands';
import { prepareBlob, type PreparedBlob, type Repository, type Writer } from './repository';
import { ownParticipation } from './visitQueries';

export type { VisitPlanForm } from '../../shared/visits';

const OFFICE_ONLY = '只有常任办可以安排、修改或结束视察';
const DELEGATE_ONLY = '视察的答复、签到、记录和照片只能由党代表本人在自己的设备上填写';

function requireOffice(acting: Acting): void {
  if (acting.role !== 'office') throw new LifecycleRefusal('wrongRole', OFFICE_ONLY);
}

function requireDelegate(acting: Acting): void {
  if (acting.role !== 'delegate') throw new LifecycleRefusal('wrongRole', DELEGATE_ONLY);
}

function refuseFields(errors: FieldErrors): never {
  throw new LifecycleRefusal('invalidData', Object.values(errors)[0]!, errors);
}

async function liveVisit(w: Writer, visitId: string): Promise<Visit> {
  const visit = await w.db.visit.get(visitId);
  if (!visit || visit.deletedAt) throw new LifecycleRefusal('invalidData', '找不到这次视察（可能已被常任办取消）');
  return visit;
}

/** The visit, for a delegate it invites. */
async function invitingVisit(w: Writer, visitId: string, acting: Acting): Promise<Visit> {
  requireDelegate(acting);
  const visit = await liveVisit(w, visitId);
  if (!visit.invitedDelegateIds.includes(acting.actorId)) throw new LifecycleRefusal('notInvited', '您没有受邀参加这次视察');
  return visit;
}

function refuseIfClosed(visit: Visit): void {
  const refusal = recordRefusal(visit);
  if (refusal) throw new LifecycleRefusal('wrongState', refusal);
}

function checkFileSize(file: AttachmentFile): void {
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new LifecycleRefusal('invalidData', `文件“${file.name}”超过 20 MB，请压缩后再添加`);
  }
}

/** Active delegates and activity groups of the roster, for checking a plan. */
async function rosterIds(w: Writer) {
  const [delegates, groups] = await Promise.all([w.db.delegate.toArray(), w.db.activityGroup.toArray()]);
  return {
    activeDelegateIds: new Set(delegates.filter((d) => !d.deletedAt && d.status === 'active').map((d) => d.id)),
    activityGroupIds: new Set(groups.filter((g) => !g.deletedAt).map((g) => g.id)),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// The office: plan, materials, report, close

/** 计划视察: kind, topic, sites, dates, organising group, invited delegates, agenda. Refused beside the fields. */
export async function planVisit(repo: Repository, acting: Acting, form: VisitPlanForm): Promise<Visit> {
  requireOffice(acting);
  return repo.write(async (w) => {
    const errors = validateVisitPlan(form, await rosterIds(w));
    if (hasErrors(errors)) refuseFields(errors);
    const plan = normalizeVisitPlan(form);
    return w.create('visit', { ...plan, status: 'planned' }, { action: 'planVisit', reason: plan.topic });
  });
}

/**
 * Changes the plan of a visit not yet closed; a cleared agenda or group is cleared on every machine. Invitees
 * taken off keep their records (the attendance shows them apart).
 */
export async function updateVisitPlan(repo: Repository, visitId: string, acting: Acting, form: VisitPlanForm): Promise<Visit> {
  requireOffice(acting);
  return repo.write(async (w) => {
    const visit = await liveVisit(w, visitId);
    if (visit.status === 'closed') throw new LifecycleRefusal('wrongState', '视察已结束并归档，请先重新打开再修改计划');
    const errors = validateVisitPlan(form, await rosterIds(w));
    if (hasErrors(errors)) refuseFields(errors);
    const plan = normalizeVisitPlan(form);
    return w.update('visit', visitId, { ...plan, organisingGroupId: plan.organisingGroupId, agenda: plan.agenda }, { action: 'updateVisitPlan' });
  });
}

/** 取消视察: a tombstone with the reason (required); the delegates' records stay. */
export async function cancelVisit(repo: Repository, visitId: string, acting: Acting, reason: string): Promise<void> {
  requireOffice(acting);
  if (!reason.trim()) refuseFields({ reason: '请填写取消原因' });
  await repo.write(async (w) => {
    const visit = await liveVisit(w, visitId);
    if (visit.status === 'closed') throw new LifecycleRefusal('wrongState', '视察已结束并归档，不能取消');
    await w.remove('visit', visitId, { action: 'cancelVisit', reason: reason.trim() });
  });
}

/** 视察材料 (汇报材料, 路线图…): an attachment of the visit, published with it to every delegate. */
export async function addVisitMaterial(repo: Repository, visitId: string, acting: Acting, file: AttachmentFile): Promise<Attachment> {
  requireOffice(acting);
  checkFileSize(file);
  const blob = await prepareBlob(file.bytes, file.type || 'application/octet-stream');
  return repo.write(async (w) => {
    const visit = await liveVisit(w, visitId);
    if (visit.status === 'closed') throw new LifecycleRefusal('wrongState', '视察已结束并归档，不能再添加材料');
    const sha256 = await w.putBlob(blob);
    return w.create(
      'attachment',
      { ownerEntity: 'visit', ownerId: visitId, fileName: file.name, mimeType: blob.mimeType, size: file.bytes.byteLength, sha256 },
      { action: 'addVisitMaterial' },
    );
  });
}

export async function removeVisitMaterial(repo: Repository, attachmentId: string, acting: Acting): Promise<void> {
  requireOffice(acting);
  await repo.write(async (w) => {
    const attachment = await w.db.attachment.get(attachmentId);
    if (!attachment || attachment.ownerEntity !== 'visit') return;
    const visit = await liveVisit(w, attachment.ownerId);
    if (visit.status === 'closed') throw new LifecycleRefusal('wrongState', '视察已结束并归档，不能再删除材料');
    await w.remove('attachment', attachmentId, { action: 'removeVisitMaterial', reason: attachment.fileName });
  });
}

/** 视察报告, saved as it is typed (autosave); the office writes it from the delegates' notes and photos. */
export async function saveVisitSummary(repo: Repository, visitId: string, acting: Acting, summary: string): Promise<Visit> {
  requireOffice(acting);
  return repo.write(async (w) => {
    const visit = await liveVisit(w, visitId);
    if (visit.status === 'closed') throw new LifecycleRefusal('wrongState', '视察已结束并归档，请先重新打开再修改报告');
    const text = summary.trim();
    return w.update('visit', visitId, { summary: text || undefined });
  });
}

/** 结束视察: needs the report, and the visit must have begun. */
export async function closeVisit(repo: Repository, visitId: string, acting: Acting, now: Date = new Date()): Promise<Visit> {
  requireOffice(acting);
  return repo.write(async (w) => {
    const visit = await liveVisit(w, visitId);
    if (visit.status === 'closed') return visit;
    if (toCalendarDate(now) < visit.startDate) throw new LifecycleRefusal('wrongState', `视察于 ${visit.startDate} 开始，尚未进行，不能结束（如不再举行，请取消）`);
    const errors = validateClosing(visit.summary);
    if (hasErrors(errors)) refuseFields(errors);
    return w.update('visit', visitId, { status: 'closed' }, { action: 'closeVisit' });
  });
}

/** 重新打开: a closed visit back to 计划中, e.g. to correct the report; the reason goes in the log. */
export async function reopenVisit(repo: Repository, visitId: string, acting: Acting, reason?: string): Promise<Visit> {
  requireOffice(acting);
  return repo.write(async (w) => {
    const visit = await liveVisit(w, visitId);
    if (visit.status !== 'closed') return visit;
    return w.update('visit', visitId, { status: 'planned' }, { action: 'reopenVisit', ...(reason?.trim() ? { reason: reason.trim() } : {}) });
  });
}

/** The congress-wide setting: do photo originals travel by sync too (default: no, they stay on the laptop). */
export async function setSyncPhotoOriginals(repo: Repository, acting: Acting, value: boolean): Promise<void> {
  requireOffice(acting);
  await repo.write(async (w) => {
    const settings = (await w.db.congressSettings.toArray()).find((s) => !s.deletedAt);
    if (!settings) throw new Error('congress settings missing');
    await w.update('congressSettings', settings.id, { syncPhotoOriginals: value }, { action: 'setSyncPhotoOriginals' });
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The delegate: answer, check in, notes, photos — each their own row, written on their own machine

/**
 * Writes the acting delegate's own 视察参加记录, creating it on first use. Its id is derived from the visit and the
 * delegate, so the same record is updated whichever of their devices writes first.
 */
async function writeOwnParticipation(
  w: Writer,
  visit: Visit,
  delegateId: string,
  patch: Partial<Pick<VisitParticipation, 'response' | 'checkedInAt' | 'notes'>>,
  action?: string,
): Promise<VisitParticipation> {
  const existing = await ownParticipation(w.db, visit.id, delegateId);
  const options = action ? { action } : {};
  if (existing) return w.update('visitParticipation', existing.id, patch, options);
  const derived = pairId('visitParticipation', visit.id, delegateId);
  const id = (await w.db.visitParticipation.get(derived)) ? newId() : derived;
  return w.create('visitParticipation', { id, visitId: visit.id, delegateId, notes: '', ...patch }, { action: action ?? 'createVisitRecord' });
}

/** 参加 / 不参加: may change until the office closes the visit. */
export async function respondToVisit(repo: Repository, visitId: string, acting: Acting, answer: 'accepted' | 'declined'): Promise<VisitParticipation> {
  return repo.write(async (w) => {
    const visit = await invitingVisit(w, visitId, acting);
    refuseIfClosed(visit);
    const existing = await ownParticipation(w.db, visitId, acting.actorId);
    if (existing?.checkedInAt && answer === 'declined') throw new LifecycleRefusal('alreadyResponded', '您已签到，不能再改为不参加');
    return writeOwnParticipation(w, visit, acting.actorId, { response: answer }, answer === 'accepted' ? 'acceptVisit' : 'declineVisit');
  });
}

/** 签到: on the days of the visit only, once (a second check-in keeps the first time); counts as 参加. */
export async function checkInToVisit(repo: Repository, visitId: string, acting: Acting, now: Date = new Date()): Promise<VisitParticipation> {
  return repo.write(async (w) => {
    const visit = await invitingVisit(w, visitId, acting);
    const existing = await ownParticipation(w.db, visitId, acting.actorId);
    if (existing?.checkedInAt) return existing;
    const refusal = checkInRefusal(visit, toCalendarDate(now));
    if (refusal) throw new LifecycleRefusal('wrongState', refusal);
    return writeOwnParticipation(w, visit, acting.actorId, { response: 'accepted', checkedInAt: now.toISOString() }, 'checkInVisit');
  });
}

/** 视察记录: the delegate's field notes, saved as they type (autosave). */
export async function saveVisitNotes(repo: Repository, visitId: string, acting: Acting, notes: string): Promise<VisitParticipation> {
  return repo.write(async (w) => {
    const visit = await invitingVisit(w, visitId, acting);
    refuseIfClosed(visit);
    return writeOwnParticipation(w, visit, acting.actorId, { notes });
  });
}

export interface PhotoInput {
  /** The resized copy (JPEG): an attachment of the delegate's visit record, so it syncs (sealed to the office) */
  resized: AttachmentFile;
  /** The file as taken: kept in this machine's blob store; an attachment too only when settings.syncPhotoOriginals */
  original?: AttachmentFile;
  caption?: string;
  /** ISO instant */
  takenAt?: string;
}

/**
 * 视察照片: one photo in one transaction (a long batch keeps what is done if the machine stops). The resized copy
 * becomes an attachment owned by the delegate's own visit record (created if needed), which is what lets the
 * office's machine accept it; the original's bytes stay local unless the congress syncs originals.
 */
export async function addVisitPhoto(repo: Repository, visitId: string, acting: Acting, photo: PhotoInput): Promise<VisitPhoto> {
  requireDelegate(acting);
  checkFileSize(photo.resized);
  const errors = validatePhotoDetails(photo);
  if (hasErrors(errors)) refuseFields(errors);
  // Hashed before the transaction: awaiting WebCrypto inside it would let IndexedDB commit early.
  const resized = await prepareBlob(photo.resized.bytes, photo.resized.type || 'image/jpeg');
  const original: PreparedBlob | undefined = photo.original
    ? await prepareBlob(photo.original.bytes, photo.original.type || 'application/octet-stream')
    : undefined;
  return repo.write(async (w) => {
    const visit = await invitingVisit(w, visitId, acting);
    refuseIfClosed(visit);
    const record = await writeOwnParticipation(w, visit, acting.actorId, {});
    const caption = photo.caption?.trim() ?? '';
    const attachment = await w.create(
      'attachment',
      {
        ownerEntity: 'visitNote',
        ownerId: record.id,
        fileName: photo.resized.name,
        mimeType: resized.mimeType,
        size: resized.bytes.byteLength,
        sha256: await w.putBlob(resized),
        ...(caption ? { caption } : {}),
      },
      { action: 'addVisitPhoto' },
    );
    let originalAttachmentId: string | undefined;
    if (original && photo.original) {
      await w.putBlob(original);
      const settings = (await w.db.congressSettings.toArray()).find((s) => !s.deletedAt);
      if (settings?.syncPhotoOriginals) {
        const row = await w.create(
          'attachment',
          { ownerEntity: 'visitNote', ownerId: record.id, fileName: photo.original.name, mimeType: original.mimeType, size: original.bytes.byteLength, sha256: original.sha256 },
          { action: 'addVisitPhotoOriginal' },
        );
        originalAttachmentId = row.id;
      }
    }
    return w.create(
      'visitPhoto',
      {
        visitId,
        delegateId: acting.actorId,
        attachmentId: attachment.id,
        ...(originalAttachmentId ? { originalAttachmentId } : {}),
        ...(original ? { originalSha256: original.sha256 } : {}),
        caption,
        ...(photo.takenAt ? { takenAt: new Date(photo.takenAt).toISOString() } : {}),
      },
      { action: 'addVisitPhoto' },
    );
  });
}

async function ownPhoto(w: Writer, photoId: string, acting: Acting): Promise<{ photo: VisitPhoto; visit: Visit }> {
  requireDelegate(acting);
  const photo = await w.db.visitPhoto.get(photoId);
  if (!photo || photo.deletedAt) throw new LifecycleRefusal('invalidData', '找不到这张照片');
  if (photo.delegateId !== acting.actorId) throw new LifecycleRefusal('notOwner', '只能修改自己拍摄的照片');
  const visit = await liveVisit(w, photo.visitId);
  refuseIfClosed(visit);
  return { photo, visit };
}

/** A photo's caption and time (说明 / 拍摄时间), by the delegate who added it. */
export async function updateVisitPhoto(
  repo: Repository,
  photoId: string,
  acting: Acting,
  details: { caption?: string; takenAt?: string },
): Promise<VisitPhoto> {
  const errors = validatePhotoDetails(details);
  if (hasErrors(errors)) refuseFields(errors);
  return repo.write(async (w) => {
    const { photo } = await ownPhoto(w, photoId, acting);
    const patch: Partial<VisitPhoto> = {};
    if (details.caption !== undefined) patch.caption = details.caption.trim();
    if (details.takenAt !== undefined) patch.takenAt = new Date(details.takenAt).toISOString();
    const updated = await w.update('visitPhoto', photo.id, patch, { action: 'editVisitPhoto' });
    if (details.caption !== undefined) {
      const attachment = await w.db.attachment.get(photo.attachmentId);
      if (attachment && !attachment.deletedAt) await w.update('attachment', attachment.id, { caption: patch.caption || undefined });
    }
    return updated;
  });
}

/** Removes a photo: tombstones for the photo and its attachment rows; the local bytes stay in the blob store. */
export async function removeVisitPhoto(repo: Repository, photoId: string, acting: Acting): Promise<void> {
  await repo.write(async (w) => {
    const { photo } = await ownPhoto(w, photoId, acting);
    await w.remove('visitPhoto', photo.id, { action: 'removeVisitPhoto' });
    for (const id of [photo.attachmentId, photo.originalAttachmentId]) {
      if (id) await w.remove('attachment', id, { action: 'removeVisitPhoto' });
    }
  });
}

/**
 * 据此提出提议: a new draft 提议 (kind 'proposal', the recess kind) led by the acting delegate and linked to the
 * visit (sourceVisitId), written in one transaction with the same fields as createDraft in proposalCommands.
 */
export async function startProposalFromVisit(repo: Repository, visitId: string, acting: Acting): Promise<Proposal> {
  return repo.write(async (w) => {
    const visit = await invitingVisit(w, visitId, acting);
    return w.create(
      'proposal',
      {
        kind: 'proposal',
        sourceVisitId: visit.id,
        title: '',
        background: '',
        recommendations: '',
        suggestedUnitIds: [],
        leadDelegateId: acting.actorId,
        invitedCosignerIds: [],
        status: 'draft',
        isKey: false,
        isSupervised: false,
      },
      { action: 'create', reason: `来自${visit.kind === 'research' ? '调研' : '视察'}：${visit.topic}` },
    );
  });
}
