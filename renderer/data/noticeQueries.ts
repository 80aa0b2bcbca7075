// 通报 / 征求意见: what the notice screens read. A delegate's list holds the published notices addressed to them,
// each with their own receipt (unread marker, reply); the office's list holds every notice with read and reply
// counts. Pure rules live in shared/meetings/noticeRules.ts.
import type { Delegate, Notice, NoticeReceipt } from '../../shared/domain';
import { audienceMembers, isVisibleTo, receiptOf, receiptSummary, type ReceiptSummary } from '../../shared/meetings';
import type { DelegateDeskDb } from './db';

const alive = <T extends { deletedAt?: string }>(rows: readonly T[]): T[] => rows.filter((r) => !r.deletedAt);
const byNumber = (a: Delegate, b: Delegate) => a.delegateNumber.localeCompare(b.delegateNumber, 'zh-CN', { numeric: true });
const latestFirst = (a: Notice, b: Notice) => (b.publishedAt ?? b.createdAt).localeCompare(a.publishedAt ?? a.createdAt);

export interface DelegateNoticeRow {
  notice: Notice;
  receipt?: NoticeReceipt;
  /** 未读: no read receipt yet */
  unread: boolean;
}

/** A delegate's notices, latest first, with their own receipt. */
export async function noticesForDelegate(db: DelegateDeskDb, delegateId: string): Promise<DelegateNoticeRow[]> {
  const [delegate, notices, receipts] = await Promise.all([
    db.delegate.get(delegateId),
    db.notice.toArray(),
    db.noticeReceipt.where('delegateId').equals(delegateId).toArray(),
  ]);
  const me = delegate ?? { id: delegateId };
  return notices
    .filter((n) => isVisibleTo(n, me))
    .sort(latestFirst)
    .map((notice) => {
      const receipt = receiptOf(receipts, notice.id, delegateId);
      return { notice, ...(receipt ? { receipt } : {}), unread: !receipt?.readAt };
    });
}

/** How many notices a delegate has not opened yet. */
export async function unreadNoticeCount(db: DelegateDeskDb, delegateId: string): Promise<number> {
  return (await noticesForDelegate(db, delegateId)).filter((r) => r.unread).length;
}

export interface OfficeNoticeRow {
  notice: Notice;
  audience: number;
  read: number;
  replied: number;
}

/** Every notice for the office, latest first, with how many addressees have read and replied. */
export async function noticesForOffice(db: DelegateDeskDb): Promise<OfficeNoticeRow[]> {
  const [notices, delegates, receipts] = await Promise.all([db.notice.toArray(), db.delegate.toArray(), db.noticeReceipt.toArray()]);
  const byNotice = new Map<string, NoticeReceipt[]>();
  for (const r of receipts) byNotice.set(r.noticeId, [...(byNotice.get(r.noticeId) ?? []), r]);
  return alive(notices)
    .sort(latestFirst)
    .map((notice) => {
      const summary = receiptSummary(notice, delegates, byNotice.get(notice.id) ?? []);
      return { notice, audience: summary.audience, read: summary.read, replied: summary.replied };
    });
}

/** One notice's receipts for the office: every addressee by 代表证号, read or not, and the replies (names shown). */
export async function noticeReceipts(db: DelegateDeskDb, notice: Notice): Promise<ReceiptSummary> {
  const [delegates, receipts] = await Promise.all([db.delegate.toArray(), db.noticeReceipt.where('noticeId').equals(notice.id).toArray()]);
  return receiptSummary(notice, delegates.sort(byNumber), receipts);
}

/** Serving delegates a notice is addressed to (for the form's preview count). */
export async function addressees(db: DelegateDeskDb, audience: Notice['audience']): Promise<Delegate[]> {
  return audienceMembers(audience, await db.delegate.toArray());
}
