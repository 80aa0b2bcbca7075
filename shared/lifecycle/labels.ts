// zh-CN labels for logs, docs and exports. The renderer's i18n carries its own translations of the same keys.
import type { ProposalKind, ProposalStatus, Role } from '../domain';
import type { ProposalActionType } from './types';

export const STATUS_LABELS: Readonly<Record<ProposalStatus, string>> = {
  draft: '草稿',
  collecting: '征集附议',
  submitted: '已提交',
  received: '已接收',
  inReview: '审查中',
  accepted: '已立案',
  merged: '已并案',
  rejected: '不予立案',
  assigned: '办理中',
  replied: '已答复',
  rehandling: '重新办理',
  closed: '已办结',
  withdrawn: '已撤回',
};

export const ACTION_LABELS: Readonly<Record<ProposalActionType, string>> = {
  edit: '修改',
  inviteCosigners: '邀请附议',
  confirmCosign: '确认附议',
  declineCosign: '谢绝附议',
  submit: '提交',
  withdraw: '撤回',
  receive: '接收',
  preReview: '预审',
  accept: '立案',
  merge: '并案',
  convert: '转为意见建议',
  reject: '不予立案',
  assign: '交办',
  returnAssignment: '退回交办',
  extendDeadline: '延期',
  recordConsultation: '记录办前面商',
  recordReply: '记录答复',
  rate: '满意度测评',
  applyRating: '按测评结果处理',
  close: '办结',
  setFlags: '设置重点标记',
};

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  delegate: '党代表',
  office: '常任办',
  unit: '承办单位',
};

export const PROPOSAL_KIND_LABELS: Readonly<Record<ProposalKind, string>> = {
  motion: '提案',
  proposal: '提议',
  suggestion: '意见建议',
};

/** Every action type, in the order a proposal meets them; the UI lists actions in this order. */
export const ACTION_TYPES = Object.keys(ACTION_LABELS) as ProposalActionType[];

/**
 * The label to show for a proposal: its status, except that a 转为意见建议 decision is shown as such
 * (it waits for 交办 in status 'accepted' but was not 立案).
 */
export function statusLabelOf(proposal: { status: ProposalStatus; review?: { decision: string } }): string {
  if (proposal.status === 'accepted' && proposal.review?.decision === 'convert') return '已转为意见建议';
  return STATUS_LABELS[proposal.status];
}
