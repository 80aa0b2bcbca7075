import { pairId, type Proposal, type ProposalKind, type Role } from '../../shared/domain';
import { decide } from '../../shared/lifecycle';
import type { LifecycleContext, ProposalAction, RefusalCode } from '../../shared/lifecycle';
import type { DelegateDeskDb } from './db';
import { prepareBlob, type Repository } from './repository';
import { reviewContextPieces, type ReviewContextOptions } from './reviewQueries';

/** The lifecycle refused an action: the code is translated by the UI, fieldErrors go next to the fields. */
export class LifecycleRefusal extends Error {
  constructor(
    readonly code: RefusalCode,
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
    this.name = 'LifecycleRefusal';
  }
}

export interface Acting {
  role: Role;
  actorId: string;
}

/** Fields a delegate edits in a draft. */
export type DraftFields = Pick<
  Proposal,
  'title' | 'categoryId' | 'background' | 'recommendations' | 'suggestedUnitIds' | 'invitedCosignerIds' | 'meetingId' | 'kind'
>;

/**
 * Everything the state machine needs to decide about one proposal. For the office's review decisions it also
 * loads the numbers used in the proposal's numbering scope, whether `options.deviceId` is the numbering machine,
 * and the merge target of `options.action` (see reviewContextPieces). Reads through `source.db`: a Writer inside
 * a write transaction, or the repository for a screen asking `availableActions`.
 */
export async function loadContext(
  source: { db: DelegateDeskDb },
  id: string,
  acting: Acting,
  extra: Partial<LifecycleContext> = {},
  options: Omit<ReviewContextOptions, 'now'> = {},
): Promise<LifecycleContext> {
  const db = source.db;
  const proposal = await db.proposal.get(id);
  if (!proposal || proposal.deletedAt) throw new Error(`proposal ${id} not found`);
  const [cosignatures, settingsRows, meeting] = await Promise.all([
    db.cosignature.where('proposalId').equals(id).toArray(),
    db.congressSettings.toArray(),
    proposal.meetingId ? db.annualMeeting.get(proposal.meetingId) : Promise.resolve(undefined),
  ]);
  const settings = settingsRows[0];
  if (!settings) throw new Error('congress settings missing');
  const now = new Date();
  const review = await reviewContextPieces(db, proposal, acting.role, { now, ...options });
  return {
    role: acting.role,
    actorId: acting.actorId,
    proposal,
    cosignatures: cosignatures.filter((c) => !c.deletedAt),
    settings,
    ...(meeting ? { meeting } : {}),
    ...review,
    now,
    ...extra,
  };
}

/**
 * Applies one lifecycle action: asks the state machine in shared/ whether this actor may do it now, then stores
 * the new state in the same transaction that logs it. Refusals throw LifecycleRefusal and change nothing.
 */
export async function applyProposalAction(
  repo: Repository,
  id: string,
  acting: Acting,
  action: ProposalAction,
  reason?: string,
): Promise<Proposal> {
  return repo.write(async (w) => {
    const ctx = await loadContext(w, id, acting, {}, { deviceId: repo.deviceId, action });
    const result = decide(action, ctx);
    if (!result.ok) throw new LifecycleRefusal(result.code, result.message, result.fieldErrors);
    return w.update('proposal', id, { ...result.patch, status: result.to }, { action: action.type, ...(reason ? { reason } : {}) });
  });
}

/** A new, empty draft led by the acting delegate. */
export async function createDraft(repo: Repository, leadDelegateId: string, kind: ProposalKind, meetingId?: string): Promise<Proposal> {
  return repo.write((w) =>
    w.create(
      'proposal',
      {
        kind,
        ...(meetingId ? { meetingId } : {}),
        title: '',
        background: '',
        recommendations: '',
        suggestedUnitIds: [],
        leadDelegateId,
        invitedCosignerIds: [],
        status: 'draft',
        isKey: false,
        isSupervised: false,
      },
      { action: 'create' },
    ),
  );
}

/** Saves draft fields (autosave); refused once the proposal has left the author's hands. */
export async function saveDraft(repo: Repository, id: string, acting: Acting, fields: Partial<DraftFields>): Promise<Proposal> {
  return repo.write(async (w) => {
    const ctx = await loadContext(w, id, acting);
    const result = decide({ type: 'edit' }, ctx);
    if (!result.ok) throw new LifecycleRefusal(result.code, result.message);
    return w.update('proposal', id, fields);
  });
}

export interface AttachmentFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;

/** Stores the bytes locally (content-addressed) and links them to the draft. */
export async function addAttachment(repo: Repository, proposalId: string, acting: Acting, file: AttachmentFile) {
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES) {
    throw new LifecycleRefusal('invalidData', `附件“${file.name}”超过 20 MB，请压缩后再添加`);
  }
  const blob = await prepareBlob(file.bytes, file.type || 'application/octet-stream');
  return repo.write(async (w) => {
    const ctx = await loadContext(w, proposalId, acting);
    const result = decide({ type: 'edit' }, ctx);
    if (!result.ok) throw new LifecycleRefusal(result.code, result.message);
    const sha256 = await w.putBlob(blob);
    return w.create(
      'attachment',
      {
        ownerEntity: 'proposal',
        ownerId: proposalId,
        fileName: file.name,
        mimeType: file.type || 'application/octet-stream',
        size: file.bytes.byteLength,
        sha256,
      },
      { action: 'addAttachment' },
    );
  });
}

export async function removeAttachment(repo: Repository, attachmentId: string, acting: Acting): Promise<void> {
  await repo.write(async (w) => {
    const attachment = await w.db.attachment.get(attachmentId);
    if (!attachment) return;
    const ctx = await loadContext(w, attachment.ownerId, acting);
    const result = decide({ type: 'edit' }, ctx);
    if (!result.ok) throw new LifecycleRefusal(result.code, result.message);
    await w.remove('attachment', attachmentId, { action: 'removeAttachment' });
  });
}

/**
 * 附议: an invited co-signer confirms or declines on their own machine. Only the co-signer's own answer is written
 * (one row per proposal and co-signer, so a changed mind updates it); the proposal itself stays the lead author's.
 */
export async function respondToInvitation(repo: Repository, proposalId: string, acting: Acting, answer: 'confirmed' | 'declined') {
  return repo.write(async (w) => {
    const ctx = await loadContext(w, proposalId, acting);
    const result = decide({ type: answer === 'confirmed' ? 'confirmCosign' : 'declineCosign' }, ctx);
    if (!result.ok) throw new LifecycleRefusal(result.code, result.message);
    const id = pairId('cosignature', proposalId, acting.actorId);
    const respondedAt = new Date().toISOString();
    const action = answer === 'confirmed' ? 'confirmCosign' : 'declineCosign';
    const existing = await w.db.cosignature.get(id);
    if (existing && !existing.deletedAt) return w.update('cosignature', id, { status: answer, respondedAt }, { action });
    return w.create('cosignature', { id, proposalId, delegateId: acting.actorId, status: answer, respondedAt }, { action });
  });
}
