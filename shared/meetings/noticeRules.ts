// 重大事项通报 / 征求意见: who a notice is for, when opinions may still be given, and the office's form.
// Pure; the notice screens and the commands that write notices and receipts both use it.
import type { Delegate, Notice, NoticeReceipt } from '../domain';
import { formatChinaDateTime } from '../lifecycle/calendar';
import { isBlank, LONG_TEXT_MAX, SHORT_TEXT_MAX, type FieldErrors } from './fieldErrors';

export type NoticeAudience = Notice['audience'];

/** Is the delegate among the notice's readers (everyone, their 活动组, or named)? */
export function isInAudience(audience: NoticeAudience, delegate: Pick<Delegate, 'id' | 'activityGroupId'>): boolean {
  switch (audience.kind) {
    case 'all':
      return true;
    case 'groups':
      return delegate.activityGroupId !== undefined && audience.activityGroupIds.includes(delegate.activityGroupId);
    case 'list':
      return audience.delegateIds.includes(delegate.id);
  }
}

/** A delegate sees a notice once the office has published it, while it is not withdrawn, if it is for them. */
export function isVisibleTo(notice: Pick<Notice, 'audience' | 'publishedAt' | 'deletedAt'>, delegate: Pick<Delegate, 'id' | 'activityGroupId'>): boolean {
  return !notice.deletedAt && notice.publishedAt !== undefined && isInAudience(notice.audience, delegate);
}

/** The serving delegates a notice is addressed to, in the order given. */
export function audienceMembers<D extends Pick<Delegate, 'id' | 'activityGroupId' | 'status' | 'deletedAt'>>(audience: NoticeAudience, delegates: readonly D[]): D[] {
  return delegates.filter((d) => !d.deletedAt && d.status === 'active' && isInAudience(audience, d));
}

export type ReplyWindow =
  /** Opinions are asked for and may be given (or changed) now */
  | { state: 'open'; dueAt?: string }
  /** A 通报: for information, no opinions asked */
  | { state: 'notAsked'; message: string }
  | { state: 'closed'; dueAt: string; message: string };

/** May a delegate give (or change) an opinion on this notice at `now`? With the Chinese reason when not. */
export function replyWindow(notice: Pick<Notice, 'kind' | 'repliesDueAt'>, now: Date): ReplyWindow {
  if (notice.kind !== 'consultation') return { state: 'notAsked', message: '本通报仅供知悉，不征求意见' };
  const due = notice.repliesDueAt;
  if (!due) return { state: 'open' };
  if (now.getTime() > Date.parse(due)) {
    return { state: 'closed', dueAt: due, message: `征求意见已于 ${formatChinaDateTime(due)} 截止，不能再提交或修改意见` };
  }
  return { state: 'open', dueAt: due };
}

/** A delegate's opinion: some text, within the longest a record keeps. */
export function validateNoticeReply(text: string | undefined): FieldErrors {
  if (isBlank(text)) return { reply: '请填写您的意见建议' };
  if (text!.trim().length > LONG_TEXT_MAX) return { reply: `意见建议不能超过 ${LONG_TEXT_MAX} 个字` };
  return {};
}

export interface NoticeForm {
  kind?: Notice['kind'];
  title?: string;
  body?: string;
  audienceKind?: NoticeAudience['kind'];
  activityGroupIds?: string[];
  delegateIds?: string[];
  /** ISO instant; required when opinions are asked (征求意见) */
  repliesDueAt?: string;
}

export interface NoticeFormContext {
  now: Date;
  activityGroupIds: ReadonlySet<string>;
  delegateIds: ReadonlySet<string>;
  /** The due date stored before this edit: an unchanged one may already have passed */
  previousDueAt?: string;
}

/**
 * The office's notice: kind, title, text, an audience with at least one known group or delegate, and for 征求意见
 * a due date still ahead (unless an edit keeps the date it had).
 */
export function validateNotice(form: NoticeForm, ctx: NoticeFormContext): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.kind) errors.kind = '请选择通报类型';
  if (isBlank(form.title)) errors.title = '请填写标题';
  else if (form.title!.trim().length > SHORT_TEXT_MAX) errors.title = `标题不能超过 ${SHORT_TEXT_MAX} 个字`;
  if (isBlank(form.body)) errors.body = '请填写通报内容';
  else if (form.body!.trim().length > LONG_TEXT_MAX) errors.body = `通报内容不能超过 ${LONG_TEXT_MAX} 个字`;

  switch (form.audienceKind) {
    case 'all':
      break;
    case 'groups': {
      const ids = form.activityGroupIds ?? [];
      if (ids.length === 0) errors.activityGroupIds = '请选择至少一个活动组';
      else if (ids.some((id) => !ctx.activityGroupIds.has(id))) errors.activityGroupIds = '所选活动组中有不存在的活动组';
      break;
    }
    case 'list': {
      const ids = form.delegateIds ?? [];
      if (ids.length === 0) errors.delegateIds = '请选择至少一名党代表';
      else if (ids.some((id) => !ctx.delegateIds.has(id))) errors.delegateIds = '所选党代表中有不在名册中的人员';
      break;
    }
    default:
      errors.audienceKind = '请选择通报对象';
  }

  if (form.kind === 'consultation') {
    const due = form.repliesDueAt;
    if (isBlank(due) || Number.isNaN(Date.parse(due!))) errors.repliesDueAt = '征求意见请选择反馈截止时间';
    else if (due !== ctx.previousDueAt && Date.parse(due!) <= ctx.now.getTime()) errors.repliesDueAt = '反馈截止时间须晚于现在';
  }
  return errors;
}

/** The audience as stored, from a valid form (ids once each). */
export function audienceOfForm(form: NoticeForm): NoticeAudience {
  if (form.audienceKind === 'groups') return { kind: 'groups', activityGroupIds: [...new Set(form.activityGroupIds ?? [])] };
  if (form.audienceKind === 'list') return { kind: 'list', delegateIds: [...new Set(form.delegateIds ?? [])] };
  return { kind: 'all' };
}

/**
 * A delegate's receipt for a notice as it stands: the latest live row (two devices of one delegate may each have
 * written one before syncing), or undefined.
 */
export function receiptOf(receipts: readonly NoticeReceipt[], noticeId: string, delegateId: string): NoticeReceipt | undefined {
  let latest: NoticeReceipt | undefined;
  for (const r of receipts) {
    if (r.deletedAt || r.noticeId !== noticeId || r.delegateId !== delegateId) continue;
    if (!latest || r.updatedAt > latest.updatedAt) latest = r;
  }
  return latest;
}

export interface ReceiptRow {
  delegateId: string;
  /** The receipt in force, when the delegate has one (its id owns the reply's attachments) */
  receiptId?: string;
  readAt?: string;
  reply?: string;
  repliedAt?: string;
  /** False for someone who answered but is no longer in the audience (the office changed it) */
  inAudience: boolean;
}

export interface ReceiptSummary {
  rows: ReceiptRow[];
  audience: number;
  read: number;
  replied: number;
}

/** The office's view of a notice: one row per addressee (then anyone else who answered), read and replied counts. */
export function receiptSummary(
  notice: Pick<Notice, 'id' | 'audience'>,
  delegates: readonly Pick<Delegate, 'id' | 'activityGroupId' | 'status' | 'deletedAt'>[],
  receipts: readonly NoticeReceipt[],
): ReceiptSummary {
  const members = audienceMembers(notice.audience, delegates).map((d) => d.id);
  const memberSet = new Set(members);
  const others = [...new Set(receipts.filter((r) => !r.deletedAt && r.noticeId === notice.id).map((r) => r.delegateId))].filter((id) => !memberSet.has(id));
  const rows = [...members, ...others].map((delegateId): ReceiptRow => {
    const r = receiptOf(receipts, notice.id, delegateId);
    return {
      delegateId,
      ...(r ? { receiptId: r.id } : {}),
      ...(r?.readAt ? { readAt: r.readAt } : {}),
      ...(r?.reply && r.reply.trim() ? { reply: r.reply } : {}),
      ...(r?.repliedAt && r.reply?.trim() ? { repliedAt: r.repliedAt } : {}),
      inAudience: memberSet.has(delegateId),
    };
  });
  return {
    rows,
    audience: members.length,
    read: rows.filter((r) => r.inAudience && r.readAt).length,
    replied: rows.filter((r) => r.reply).length,
  };
}
