// zh-CN wording of the report's categories of things. The report is an official Chinese document: it is always
// written in Chinese, whatever language the app's screens are in.
import type { ReplyClass, Satisfaction } from '../domain';

/** What a proposal was filed as, before any 转为意见建议. */
export type FiledKind = 'motion' | 'proposal' | 'suggestion';
export const FILED_KINDS: readonly FiledKind[] = ['motion', 'proposal', 'suggestion'];

/** The review's outcome, or 'pending' while the committee has not decided. */
export type DecisionKey = 'accept' | 'merge' | 'convert' | 'reject' | 'pending';
export const DECISION_KEYS: readonly DecisionKey[] = ['accept', 'merge', 'convert', 'reject', 'pending'];

export const REPLY_CLASSES: readonly ReplyClass[] = ['A', 'B', 'C', 'D'];
export const SATISFACTIONS: readonly Satisfaction[] = ['satisfied', 'basicallySatisfied', 'unsatisfied'];

export const FILED_KIND_LABELS: Readonly<Record<FiledKind, string>> = {
  motion: '提案',
  proposal: '提议',
  suggestion: '意见建议',
};

export const DECISION_LABELS: Readonly<Record<DecisionKey, string>> = {
  accept: '立案',
  merge: '并案',
  convert: '转为意见建议',
  reject: '不予立案',
  pending: '审查中',
};

export const CLASS_LABELS: Readonly<Record<ReplyClass, string>> = {
  A: '已解决或采纳',
  B: '正在解决或列入计划',
  C: '留作参考',
  D: '因条件限制暂不能解决',
};

export const SATISFACTION_LABELS: Readonly<Record<Satisfaction, string>> = {
  satisfied: '满意',
  basicallySatisfied: '基本满意',
  unsatisfied: '不满意',
};

/** Where an item stands once decided, for the detail table. */
export type ProgressKey = 'notHandled' | 'awaitingAssignment' | 'handling' | 'awaitingRating' | 'rehandling' | 'closed';

export const PROGRESS_LABELS: Readonly<Record<ProgressKey, string>> = {
  notHandled: '—',
  awaitingAssignment: '待交办',
  handling: '办理中',
  awaitingRating: '已答复待测评',
  rehandling: '重新办理',
  closed: '已办结',
};

/** "2026年7月16日" from "2026-07-16". */
export function chineseDate(date: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return date;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}
