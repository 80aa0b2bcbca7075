// 通报 / 征求意见: the office publishes a notice (text, attachments, audience, optionally asking for opinions by a
// due date), edits or withdraws it; a delegate's machine writes only that delegate's receipt — read when they open
// it, and their opinion before the due date. The office never writes a receipt (shared/sync/authorize.ts refuses
// it: a receipt speaks for the delegate). Each command writes in one transaction with its change log.
import { pairId, type Attachment, type Notice, type NoticeReceipt } from '../../shared/domain';
import {
  audienceOfForm,
  hasErrors,
  isVisibleTo,
  receiptOf,
  replyWindow,
  validateNotice,
  validateNoticeReply,
  type FieldErrors,
  type NoticeForm,
} from '../../shared/meetings';
import { LifecycleRefusal, MAX_ATTACHMENT_BYTES, type Acting, type AttachmentFile } from './proposalCommands';
import { prepareBlob, type PreparedBlob, type Repository, type Writer } from './repository';

export type { NoticeForm } from '../../shared/meetings';

function refuseFields(errors: FieldErrors): void {
  if (hasErrors(errors)) throw new LifecycleRefusal('invalidData', Object.values(errors)[0]!, errors);
}

function officeOnly(acting: Acting): void {
  if (acting.role !== 'office') throw new LifecycleRefusal('wrongRole', '通报由常任办发布，党代表只能阅读和回复');
}

type NamedBlob = PreparedBlob & { name: string };

/** Checks sizes and hashes the files before the transaction (awaiting WebCrypto inside it would commit it early). */
async function prepareFiles(files: readonly AttachmentFile[] | undefined, field: string): Promise<NamedBlob[]> {
  const tooLarge = (files ?? []).find((f) => f.bytes.byteLength > MAX_ATTACHMENT_BYTES);
  if (tooLarge) {
    const message = `附件“${tooLarge.name}”超过 20 MB，请压缩后再添加`;
    throw new LifecycleRefusal('invalidData', message, { [field]: message });
  }
  return Promise.all((files ?? []).map(async (f) => ({ ...(await prepareBlob(f.bytes, f.type || 'application/octet-stream')), name: f.name })));
}

async function storeFiles(w: Writer, ownerEntity: Attachment['ownerEntity'], ownerId: string, blobs: readonly NamedBlob[]): Promise<void> {
  for (const blob of blobs) {
    const sha256 = await w.putBlob(blob);
    await w.create('attachment', { ownerEntity, ownerId, fileName: blob.name, mimeType: blob.mimeType, size: blob.bytes.byteLength, sha256 }, { action: 'addAttachment' });
  }
}

async function formContext(w: Writer, now: Date, previousDueAt?: string) {
  const [groups, delegates] = await Promise.all([w.db.activityGroup.toArray(), w.db.delegate.toArray()]);
  return {
    now,
    activityGroupIds: new Set(groups.filter((g) => !g.deletedAt).map((g) => g.id)),
    delegateIds: new Set(delegates.filter((d) => !d.deletedAt).map((d) => d.id)),
    ...(previousDueAt ? { previousDueAt } : {}),
  };
}

const noticeFields = (form: NoticeForm) => ({
  kind: form.kind!,
  title: form.title!.trim(),
  body: form.body!.trim(),
  audience: audienceOfForm(form),
  repliesDueAt: form.kind === 'consultation' ? new Date(form.repliesDueAt!).toISOString() : undefined,
});

/** 发布: the notice goes out now (publishedAt), with its attachments, to every machine at the next sync. */
export async function publishNotice(repo: Repository, acting: Acting, form: NoticeForm & { files?: readonly AttachmentFile[] }): Promise<Notice> {
  officeOnly(acting);
  const blobs = await prepareFiles(form.files, 'files');
  return repo.write(async (w) => {
    const now = new Date();
    refuseFields(validateNotice(form, await formContext(w, now)));
    const { repliesDueAt, ...fields } = noticeFields(form);
    const notice = await w.create('notice', { ...fields, ...(repliesDueAt ? { repliesDueAt } : {}), publishedAt: now.toISOString() }, { action: 'publishNotice' });
    await storeFiles(w, 'notice', notice.id, blobs);
    return notice;
  });
}

/**
 * Corrects a published notice: text, audience, due date (an unchanged due date may already have passed; a new one
 * must be ahead), more attachments, and attachments taken off (`removeAttachmentIds`).
 */
export async function updateNotice(
  repo: Repository,
  acting: Acting,
  noticeId: string,
  form: NoticeForm & { files?: readonly AttachmentFile[]; removeAttachmentIds?: readonly string[] },
): Promise<Notice> {
  officeOnly(acting);
  const blobs = await prepareFiles(form.files, 'files');
  return repo.write(async (w) => {
    const existing = await w.db.notice.get(noticeId);
    if (!existing || existing.deletedAt) throw new LifecycleRefusal('invalidData', '找不到这条通报，可能已被撤回');
    refuseFields(validateNotice(form, await formContext(w, new Date(), existing.repliesDueAt)));
    const notice = await w.update('notice', noticeId, noticeFields(form), { action: 'editNotice' });
    for (const id of form.removeAttachmentIds ?? []) {
      const attachment = await w.db.attachment.get(id);
      if (attachment && attachment.ownerEntity === 'notice' && attachment.ownerId === noticeId) await w.remove('attachment', id, { action: 'removeAttachment' });
    }
    await storeFiles(w, 'notice', noticeId, blobs);
    return notice;
  });
}

/** 撤回: the notice disappears from delegates' lists at their next sync (a tombstone; receipts stay). */
export async function withdrawNotice(repo: Repository, acting: Acting, noticeId: string, reason?: string): Promise<void> {
  officeOnly(acting);
  const why = reason?.trim();
  await repo.write((w) => w.remove('notice', noticeId, { action: 'withdrawNotice', ...(why ? { reason: why } : {}) }));
}

/** A notice the acting delegate may see, or a refusal saying why not. */
async function visibleNotice(w: Writer, noticeId: string, delegateId: string): Promise<Notice> {
  const [notice, delegate] = await Promise.all([w.db.notice.get(noticeId), w.db.delegate.get(delegateId)]);
  if (!notice || !isVisibleTo(notice, delegate ?? { id: delegateId })) throw new LifecycleRefusal('invalidData', '找不到这条通报，可能已被撤回');
  return notice;
}

/** The delegate's receipt for a notice: the one they have, else a new row with an id every device derives alike. */
async function writeReceipt(w: Writer, noticeId: string, delegateId: string, patch: Partial<NoticeReceipt>, action: string): Promise<NoticeReceipt> {
  const existing = receiptOf(await w.db.noticeReceipt.where('noticeId').equals(noticeId).toArray(), noticeId, delegateId);
  if (existing) return w.update('noticeReceipt', existing.id, patch, { action });
  const id = pairId('noticeReceipt', noticeId, delegateId);
  const tombstone = await w.db.noticeReceipt.get(id);
  if (tombstone) throw new LifecycleRefusal('invalidData', '这条通报的回执已被删除，无法再写入');
  return w.create('noticeReceipt', { id, noticeId, delegateId, ...patch }, { action });
}

/**
 * 已读回执: written when a delegate opens a notice, once (the first reading counts). On an office machine, or for a
 * notice already read, nothing is written. Returns the receipt when one was written.
 */
export async function markNoticeRead(repo: Repository, acting: Acting, noticeId: string): Promise<NoticeReceipt | undefined> {
  if (acting.role !== 'delegate') return undefined;
  return repo.write(async (w) => {
    await visibleNotice(w, noticeId, acting.actorId);
    const existing = receiptOf(await w.db.noticeReceipt.where('noticeId').equals(noticeId).toArray(), noticeId, acting.actorId);
    if (existing?.readAt) return undefined;
    return writeReceipt(w, noticeId, acting.actorId, { readAt: new Date().toISOString() }, 'readNotice');
  });
}

/**
 * 反馈意见: the delegate's opinion on a 征求意见, given or changed until the due time; with files if they like
 * (attachments owned by their receipt). Refused for a 通报, after the due time, and for the office.
 */
export async function replyToNotice(
  repo: Repository,
  acting: Acting,
  noticeId: string,
  form: { reply?: string; files?: readonly AttachmentFile[] },
): Promise<NoticeReceipt> {
  if (acting.role !== 'delegate') throw new LifecycleRefusal('wrongRole', '意见建议只能由党代表本人在自己的设备上填写');
  const blobs = await prepareFiles(form.files, 'files');
  return repo.write(async (w) => {
    const notice = await visibleNotice(w, noticeId, acting.actorId);
    const now = new Date();
    const window = replyWindow(notice, now);
    if (window.state !== 'open') throw new LifecycleRefusal('wrongState', window.message);
    refuseFields(validateNoticeReply(form.reply));
    const existing = receiptOf(await w.db.noticeReceipt.where('noticeId').equals(noticeId).toArray(), noticeId, acting.actorId);
    const at = now.toISOString();
    const receipt = await writeReceipt(w, noticeId, acting.actorId, { ...(existing?.readAt ? {} : { readAt: at }), reply: form.reply!.trim(), repliedAt: at }, 'replyNotice');
    await storeFiles(w, 'noticeReply', receipt.id, blobs);
    return receipt;
  });
}
