import { decodeHlc, OFFICE_ONLY_ENTITIES, type EntityName } from '../domain';
import { STATUS_LABELS } from '../lifecycle';
import type { DeviceBinding, SyncChange } from './types';

/**
 * Who may make which change, checked for every change read from the sync folder (docs/sync-format.md,
 * "Authorisation"). A bundle with one refused change is refused whole by the caller.
 *
 * A refusal marked `retryable` may be an artefact of arrival order: the record it depends on (the proposal a
 * rating refers to, the invitation a co-signature answers) has not reached this machine yet. The engine should
 * keep that bundle — and the same device's later ones — waiting, try again after other devices' bundles were
 * applied, and report it only if it is still refused when nothing else is left to apply.
 */
export type Authorization = { ok: true } | { ok: false; reason: string; retryable?: boolean };

export interface AuthorizationLookups {
  /** A proposal as this machine has it (tombstones included), or undefined if it has never seen it. */
  proposal(id: string): Record<string, unknown> | undefined;
  /**
   * Any row of this machine. Only attachments of a visit note / notice reply need it (to find whose
   * 视察参加记录 / 通报回执 they belong to); without it a delegate's such attachments are refused.
   */
  row?(entity: EntityName, id: string): Record<string, unknown> | undefined;
}

/** Names in refusals; the field is named as well, in the reason's parentheses. */
export const ENTITY_LABELS: Readonly<Record<EntityName, string>> = {
  congress: '届次',
  congressSettings: '系统设置',
  delegation: '代表团',
  activityGroup: '活动组',
  delegate: '党代表名册',
  staff: '工作人员',
  handlingUnit: '承办单位',
  category: '类别',
  deviceBinding: '设备绑定',
  annualMeeting: '年会',
  agendaItem: '年会议程',
  resolution: '决议',
  proposal: '提案',
  cosignature: '附议',
  attachment: '附件',
  handlingAssignment: '交办',
  consultation: '办前面商',
  reply: '答复',
  replyRating: '满意度测评',
  visit: '视察',
  visitParticipation: '视察参加记录',
  visitPhoto: '视察照片',
  evaluationRound: '评议',
  ballot: '评议票',
  notice: '通报',
  noticeReceipt: '通报回执',
};

/** Records that speak for a delegate personally: the office never writes them (no forged 附议, rating or vote). */
export const DELEGATE_PERSONAL_ENTITIES: ReadonlySet<EntityName> = new Set<EntityName>([
  'cosignature', 'replyRating', 'ballot', 'visitParticipation', 'visitPhoto', 'noticeReceipt',
]);

/** The field naming the delegate a row belongs to; a delegate writes only rows where it names themselves. */
const OWNER_FIELD: Partial<Record<EntityName, { field: string; label: string }>> = {
  proposal: { field: 'leadDelegateId', label: '领衔人' },
  cosignature: { field: 'delegateId', label: '附议人' },
  replyRating: { field: 'delegateId', label: '测评人' },
  ballot: { field: 'voterId', label: '投票人' },
  visitParticipation: { field: 'delegateId', label: '党代表' },
  visitPhoto: { field: 'delegateId', label: '党代表' },
  noticeReceipt: { field: 'delegateId', label: '党代表' },
};

/** Links that never change once a delegate's row exists: a 附议 or a photo cannot be moved to another record. */
const LINK_FIELDS: Partial<Record<EntityName, readonly string[]>> = {
  cosignature: ['proposalId'],
  replyRating: ['proposalId', 'replyId'],
  ballot: ['roundId'],
  visitParticipation: ['visitId'],
  visitPhoto: ['visitId'],
  noticeReceipt: ['noticeId'],
  attachment: ['ownerEntity', 'ownerId'],
};

/** Proposal fields a delegate edits (the lead author's draft, its submission or withdrawal). */
export const DELEGATE_PROPOSAL_FIELDS: ReadonlySet<string> = new Set([
  'id', 'kind', 'meetingId', 'title', 'categoryId', 'background', 'recommendations', 'suggestedUnitIds',
  'leadDelegateId', 'invitedCosignerIds', 'cosignDeadline', 'sourceVisitId', 'status', 'submittedAt',
  'createdAt', 'updatedAt', 'deletedAt',
]);

/** Proposal fields only the office sets, with their names for the refusal. */
const OFFICE_PROPOSAL_FIELD_LABELS: Readonly<Record<string, string>> = {
  number: '立案编号',
  review: '审查决定',
  receivedAt: '接收时间',
  isKey: '重点提案标记',
  isSupervised: '重点督办标记',
};

/** The states a delegate's own actions lead to: 草稿, 征集附议, 已提交, 已撤回. Every later state is the office's. */
const DELEGATE_STATUSES: ReadonlySet<string> = new Set(['draft', 'collecting', 'submitted', 'withdrawn']);

type Refusal = Extract<Authorization, { ok: false }>;
const ALLOWED: Authorization = { ok: true };
const refuse = (reason: string, retryable = false): Refusal => (retryable ? { ok: false, reason, retryable } : { ok: false, reason });

const has = (fields: Record<string, unknown>, field: string): boolean => Object.hasOwn(fields, field);
const labelOf = (entity: EntityName): string => ENTITY_LABELS[entity] ?? entity;

/** Is this change really the signer's: its device, its clock, its person. */
function checkSigner(change: SyncChange, signer: DeviceBinding): Refusal | undefined {
  const what = `${labelOf(change.entity)}（${change.entity}）的变更`;
  if (change.deviceId !== signer.deviceId) {
    return refuse(`${what}写明的设备（deviceId ${change.deviceId}）不是签名的设备（${signer.deviceId}）`);
  }
  let clockDevice: string;
  try {
    clockDevice = decodeHlc(change.hlc).deviceId;
  } catch {
    return refuse(`${what}的时钟（hlc）格式无效`);
  }
  if (clockDevice !== signer.deviceId) return refuse(`${what}的时钟（hlc）不属于签名的设备`);

  const { actor } = change;
  if (signer.role === 'delegate') {
    if (actor.kind !== 'delegate' || actor.id !== signer.actorId) {
      return refuse(`${what}署名的操作人（actor ${actor.kind}:${actor.id}）不是这台设备绑定的党代表`);
    }
  } else {
    // Office devices sign their staff's writes, and the app's own ('system': congress set-up, roster import);
    // both carry the office's rights and nothing more, because the device signature is what is trusted.
    const staff = actor.kind === 'staff' && actor.id === signer.actorId;
    if (!staff && actor.kind !== 'system') {
      return refuse(`${what}署名的操作人（actor ${actor.kind}:${actor.id}）不是这台设备绑定的常任办工作人员`);
    }
  }
  return undefined;
}

/** Structural rules for everyone: the row id, field names, and snapshot clocks that cannot be from the future. */
function checkShape(change: SyncChange): Refusal | undefined {
  const label = labelOf(change.entity);
  if (has(change.fields, '__proto__')) return refuse(`${label}的变更含有无效的字段名（__proto__）`);
  if (has(change.fields, 'id') && change.fields.id !== change.entityId) {
    return refuse(`${label}变更中的编号（id）与记录编号（entityId）不一致`);
  }
  for (const [field, clock] of Object.entries(change.fieldHlcs ?? {})) {
    // A snapshot can only restate writes its author had seen, all of them older than the snapshot itself;
    // a later clock would let a field win every future edit.
    if (clock > change.hlc) return refuse(`${label}的字段时钟（fieldHlcs.${field}）晚于变更本身的时钟（hlc）`);
  }
  return undefined;
}

function checkOffice(change: SyncChange): Refusal | undefined {
  if (DELEGATE_PERSONAL_ENTITIES.has(change.entity)) {
    return refuse(`常任办不能代替党代表填写${labelOf(change.entity)}（${change.entity}）：只能由党代表本人在自己的设备上填写`);
  }
  return undefined;
}

/** The row's delegate must be the signer, both as stored here and as the change would leave it. */
function checkOwner(change: SyncChange, delegateId: string, current: Record<string, unknown> | undefined): Refusal | undefined {
  const owner = OWNER_FIELD[change.entity];
  if (!owner) return undefined;
  const label = labelOf(change.entity);
  const currentOwner = current?.[owner.field];
  if (currentOwner !== undefined && currentOwner !== null && currentOwner !== delegateId) {
    return refuse(`这条${label}属于其他党代表（${owner.field}），党代表只能修改自己的${label}`);
  }
  if (has(change.fields, owner.field) && change.fields[owner.field] !== delegateId) {
    return refuse(`党代表不能把${label}的${owner.label}（${owner.field}）设为他人`);
  }
  if (!has(change.fields, owner.field) && (currentOwner === undefined || currentOwner === null)) {
    return refuse(`本机还没有这条${label}，变更也未写明${owner.label}（${owner.field}），暂时无法确认是本人的记录`, true);
  }
  return undefined;
}

function checkLinks(change: SyncChange, current: Record<string, unknown> | undefined): Refusal | undefined {
  for (const field of LINK_FIELDS[change.entity] ?? []) {
    const stored = current?.[field];
    if (stored !== undefined && has(change.fields, field) && change.fields[field] !== stored) {
      return refuse(`不能把已有的${labelOf(change.entity)}改挂到其他记录（${field}）`);
    }
  }
  return undefined;
}

/** The value of a field after the change: the change's, else the stored one. */
function resulting(change: SyncChange, current: Record<string, unknown> | undefined, field: string): unknown {
  return has(change.fields, field) ? change.fields[field] : current?.[field];
}

function checkProposalFields(change: SyncChange): Refusal | undefined {
  // The row's first write carries the schema defaults of a new draft (重点 flags false); that is not setting them.
  const createsRow = has(change.fields, 'createdAt') && has(change.fields, 'leadDelegateId');
  for (const [field, value] of Object.entries(change.fields)) {
    if (DELEGATE_PROPOSAL_FIELDS.has(field)) continue;
    if (createsRow && (field === 'isKey' || field === 'isSupervised') && value === false) continue;
    const officeLabel = OFFICE_PROPOSAL_FIELD_LABELS[field];
    if (officeLabel) return refuse(`党代表不能设置提案的${officeLabel}（${field}）`);
    return refuse(`党代表不能修改提案的字段（${field}）`);
  }
  if (has(change.fields, 'status')) {
    const status = change.fields.status;
    if (typeof status !== 'string' || !DELEGATE_STATUSES.has(status)) {
      const name = STATUS_LABELS[status as keyof typeof STATUS_LABELS] ?? String(status);
      return refuse(`党代表不能把提案的状态（status）设为“${name}”`);
    }
  }
  return undefined;
}

function checkCosignature(
  change: SyncChange,
  delegateId: string,
  current: Record<string, unknown> | undefined,
  lookups: AuthorizationLookups,
): Refusal | undefined {
  if (change.op === 'delete') return undefined;
  const proposalId = resulting(change, current, 'proposalId');
  const proposal = typeof proposalId === 'string' ? lookups.proposal(proposalId) : undefined;
  // A proposal this machine has never seen: skip the invitation check instead of refusing an honest bundle
  // because the lead author's bundle simply has not been read yet. It is defence in depth only: the lifecycle
  // counts only invited co-signers (shared/lifecycle/cosigners.ts), and a 附议 without its proposal shows nowhere.
  if (!proposal) return undefined;
  const invited = Array.isArray(proposal.invitedCosignerIds) ? (proposal.invitedCosignerIds as unknown[]) : [];
  if (!invited.includes(delegateId)) {
    // Retryable: the invitation may be in a bundle of the lead author not read yet.
    return refuse('提案的领衔人没有邀请该党代表附议（invitedCosignerIds）', true);
  }
  return undefined;
}

/** The proposal a row hangs on must be led by the signer (ratings of replies, attachments of proposals). */
function checkLeadOf(
  proposalId: unknown,
  delegateId: string,
  lookups: AuthorizationLookups,
  wording: { subject: string; verb: string; field: string },
): Refusal | undefined {
  const proposal = typeof proposalId === 'string' ? lookups.proposal(proposalId) : undefined;
  if (!proposal) return refuse(`本机还没有这条${wording.subject}所属的提案（${wording.field}），暂时无法确认领衔人`, true);
  if (proposal.leadDelegateId !== delegateId) return refuse(`只有提案的领衔人才能${wording.verb}（${wording.field}）`);
  return undefined;
}

/** Which personal row of a delegate an attachment hangs on, by its owner kind. */
const ATTACHMENT_OWNER_ROWS: Readonly<Record<string, { entity: EntityName; what: string }>> = {
  visitNote: { entity: 'visitParticipation', what: '视察记录' },
  noticeReply: { entity: 'noticeReceipt', what: '通报回复' },
};

function checkAttachment(
  change: SyncChange,
  delegateId: string,
  current: Record<string, unknown> | undefined,
  lookups: AuthorizationLookups,
): Refusal | undefined {
  const ownerEntity = resulting(change, current, 'ownerEntity');
  const ownerId = resulting(change, current, 'ownerId');
  if (ownerEntity === undefined || ownerId === undefined) {
    return refuse('本机还没有这个附件，变更也未写明它属于哪条记录（ownerEntity / ownerId）', true);
  }
  if (ownerEntity === 'proposal') return checkLeadOf(ownerId, delegateId, lookups, { subject: '附件', verb: '添加或修改提案的附件', field: 'ownerId' });
  const personal = typeof ownerEntity === 'string' ? ATTACHMENT_OWNER_ROWS[ownerEntity] : undefined;
  if (!personal) return refuse(`党代表不能给${String(ownerEntity)}添加附件（ownerEntity）`);
  if (!lookups.row) return refuse(`本机无法核对附件所属的${personal.what}（ownerId）`);
  const owner = typeof ownerId === 'string' ? lookups.row(personal.entity, ownerId) : undefined;
  if (!owner) return refuse(`本机还没有附件所属的${personal.what}（ownerId），暂时无法确认是本人的记录`, true);
  if (owner.delegateId !== delegateId) return refuse(`党代表只能给自己的${personal.what}添加附件（ownerId）`);
  return undefined;
}

function checkDelegate(
  change: SyncChange,
  delegateId: string,
  current: Record<string, unknown> | undefined,
  lookups: AuthorizationLookups,
): Refusal | undefined {
  const { entity } = change;
  if (OFFICE_ONLY_ENTITIES.has(entity)) return refuse(`党代表不能修改${labelOf(entity)}（${entity}）：它由常任办维护`);
  const generic = checkOwner(change, delegateId, current) ?? checkLinks(change, current);
  if (generic) return generic;
  switch (entity) {
    case 'proposal':
      return checkProposalFields(change);
    case 'cosignature':
      return checkCosignature(change, delegateId, current, lookups);
    case 'replyRating':
      return checkLeadOf(resulting(change, current, 'proposalId'), delegateId, lookups, {
        subject: '满意度测评',
        verb: '对答复进行满意度测评',
        field: 'proposalId',
      });
    case 'attachment':
      return checkAttachment(change, delegateId, current, lookups);
    case 'ballot':
    case 'visitParticipation':
    case 'visitPhoto':
    case 'noticeReceipt':
      return undefined; // the owner check above is the whole rule: one's own vote, visit record, photo, receipt
    default:
      return refuse(`党代表不能修改${labelOf(entity)}（${entity}）`);
  }
}

/**
 * May the device that signed a bundle make this change? `current` is the row as this machine has it (including
 * earlier changes of the same bundle), `lookups` the rows the rules consult. Pure and synchronous.
 */
export function authorizeChange(
  change: SyncChange,
  signer: DeviceBinding,
  current: Record<string, unknown> | undefined,
  lookups: AuthorizationLookups,
): Authorization {
  const refusal =
    checkSigner(change, signer) ??
    checkShape(change) ??
    (signer.role === 'office' ? checkOffice(change) : checkDelegate(change, signer.actorId, current, lookups));
  return refusal ?? ALLOWED;
}
