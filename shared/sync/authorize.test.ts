import { describe, expect, it } from 'vitest';
import { encodeHlc, OFFICE_ONLY_ENTITIES, type EntityName } from '../domain';
import { authorizeChange, DELEGATE_PERSONAL_ENTITIES, ENTITY_LABELS, type Authorization, type AuthorizationLookups } from './authorize';
import { MemoryReplica } from './replica';
import type { DeviceBinding, SyncChange } from './types';

const BASE_MS = Date.UTC(2026, 2, 4, 2);
const iso = (offsetMs = 0) => new Date(BASE_MS + offsetMs).toISOString();

function binding(deviceId: string, role: 'office' | 'delegate', actorId: string): DeviceBinding {
  return { deviceId, role, actorId, signPublicKey: 'sign', boxPublicKey: 'box' };
}
const OFFICE = binding('DEVOFFICE', 'office', 'staff1');
const LEAD = binding('DEVLEAD', 'delegate', 'delLead');
const INVITEE = binding('DEVINVITEE', 'delegate', 'delInvitee');
const STRANGER = binding('DEVSTRANGER', 'delegate', 'delStranger');

let tick = 0;
/** A change as the signer's own device would write it. */
function by(signer: DeviceBinding, entity: EntityName, entityId: string, fields: Record<string, unknown>, extra: Partial<SyncChange> = {}): SyncChange {
  const hlc = encodeHlc({ wallMs: BASE_MS + ++tick, counter: 0, deviceId: signer.deviceId });
  return {
    id: `${signer.deviceId}:${hlc}`,
    entity,
    entityId,
    op: 'put',
    fields,
    hlc,
    deviceId: signer.deviceId,
    actor: signer.role === 'office' ? { kind: 'staff', id: signer.actorId } : { kind: 'delegate', id: signer.actorId },
    at: iso(tick),
    ...extra,
  };
}

const draft = (lead = LEAD.actorId, extra: Record<string, unknown> = {}) => ({
  kind: 'proposal',
  title: '关于加强农村饮水安全保障的建议',
  background: '部分山区村组仍存在季节性缺水。',
  recommendations: '加快供水管网改造。',
  suggestedUnitIds: [],
  leadDelegateId: lead,
  invitedCosignerIds: [INVITEE.actorId],
  status: 'collecting',
  isKey: false,
  isSupervised: false,
  createdAt: iso(),
  updatedAt: iso(),
  ...extra,
});

const PROPOSAL = { id: 'P1', ...draft() };
const lookupsWith = (rows: Record<string, Record<string, unknown>> = { P1: PROPOSAL }, others: Record<string, Record<string, unknown>> = {}): AuthorizationLookups => ({
  proposal: (id) => rows[id],
  row: (entity, id) => others[`${entity}/${id}`],
});

function check(change: SyncChange, signer: DeviceBinding, current?: Record<string, unknown>, lookups = lookupsWith()): Authorization {
  return authorizeChange(change, signer, current, lookups);
}

function expectRefused(result: Authorization, reason: string | RegExp, retryable = false) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  if (typeof reason === 'string') expect(result.reason).toBe(reason);
  else expect(result.reason).toMatch(reason);
  expect(result.retryable ?? false).toBe(retryable);
}

describe('authorizeChange: the change must be the signer’s own', () => {
  it('refuses a change naming another device than the signer', () => {
    const change = { ...by(LEAD, 'proposal', 'P1', { title: '甲' }), deviceId: 'DEVOTHER' };
    expectRefused(check(change, LEAD, PROPOSAL), /提案（proposal）的变更写明的设备（deviceId DEVOTHER）不是签名的设备/);
  });

  it('refuses a clock stamped by another device', () => {
    const change = { ...by(LEAD, 'proposal', 'P1', { title: '甲' }), hlc: encodeHlc({ wallMs: BASE_MS, counter: 0, deviceId: 'DEVOTHER' }) };
    expectRefused(check(change, LEAD, PROPOSAL), '提案（proposal）的变更的时钟（hlc）不属于签名的设备');
  });

  it('refuses a malformed clock', () => {
    expectRefused(check({ ...by(LEAD, 'proposal', 'P1', {}), hlc: 'yesterday' }, LEAD, PROPOSAL), /时钟（hlc）格式无效/);
  });

  it('refuses a delegate device writing in another person’s name or as staff', () => {
    const otherName = { ...by(LEAD, 'proposal', 'P1', { title: '甲' }), actor: { kind: 'delegate' as const, id: STRANGER.actorId } };
    expectRefused(check(otherName, LEAD, PROPOSAL), /操作人（actor delegate:delStranger）不是这台设备绑定的党代表/);
    const asStaff = { ...by(LEAD, 'proposal', 'P1', { title: '甲' }), actor: { kind: 'staff' as const, id: LEAD.actorId } };
    expectRefused(check(asStaff, LEAD, PROPOSAL), /不是这台设备绑定的党代表/);
  });

  it('accepts the office device writing as its staff member or as the app itself, nothing else', () => {
    expect(check(by(OFFICE, 'category', 'C1', { name: '其他' }), OFFICE).ok).toBe(true);
    const setup = { ...by(OFFICE, 'category', 'C1', { name: '其他' }), actor: { kind: 'system' as const, id: 'setup' } };
    expect(check(setup, OFFICE).ok).toBe(true);
    const otherStaff = { ...by(OFFICE, 'category', 'C1', { name: '其他' }), actor: { kind: 'staff' as const, id: 'staff2' } };
    expectRefused(check(otherStaff, OFFICE), /不是这台设备绑定的常任办工作人员/);
    const asDelegate = { ...by(OFFICE, 'proposal', 'P1', { title: '甲' }), actor: { kind: 'delegate' as const, id: LEAD.actorId } };
    expectRefused(check(asDelegate, OFFICE, PROPOSAL), /不是这台设备绑定的常任办工作人员/);
  });
});

describe('authorizeChange: shape rules for everyone', () => {
  it('refuses an id field that differs from the row id', () => {
    expectRefused(check(by(OFFICE, 'category', 'C1', { id: 'C2' }), OFFICE), '类别变更中的编号（id）与记录编号（entityId）不一致');
  });

  it('refuses a field named __proto__', () => {
    const fields = JSON.parse('{"__proto__": {"x": 1}}') as Record<string, unknown>;
    expectRefused(check(by(OFFICE, 'category', 'C1', fields), OFFICE), '类别的变更含有无效的字段名（__proto__）');
  });

  it('refuses snapshot clocks later than the change itself', () => {
    const change = by(OFFICE, 'proposal', 'P1', { title: '甲' });
    const future = encodeHlc({ wallMs: BASE_MS + 10_000_000, counter: 0, deviceId: LEAD.deviceId });
    expectRefused(check({ ...change, fieldHlcs: { title: future } }, OFFICE, PROPOSAL), '提案的字段时钟（fieldHlcs.title）晚于变更本身的时钟（hlc）');
    const past = encodeHlc({ wallMs: BASE_MS, counter: 0, deviceId: LEAD.deviceId });
    expect(check({ ...change, fieldHlcs: { title: past } }, OFFICE, PROPOSAL).ok).toBe(true);
  });
});

describe('authorizeChange: the office', () => {
  it.each([
    ['proposal', { status: 'accepted', number: 12, review: { decision: 'accept', decidedBy: 'staff1', decidedAt: iso() } }],
    ['proposal', { isKey: true, isSupervised: true, title: '（常任办修正）' }],
    ['category', { name: '乡村振兴' }],
    ['deviceBinding', { role: 'delegate', actorId: 'delLead' }],
    ['handlingAssignment', { proposalId: 'P1', mode: 'lead', leadUnitId: 'U1' }],
    ['reply', { proposalId: 'P1', resultClass: 'A' }],
    ['attachment', { ownerEntity: 'reply', ownerId: 'R1', fileName: '答复.pdf' }],
  ] as const)('may write %s %j', (entity, fields) => {
    expect(check(by(OFFICE, entity, 'X1', fields), OFFICE, entity === 'proposal' ? PROPOSAL : undefined)).toEqual({ ok: true });
  });

  it.each([...DELEGATE_PERSONAL_ENTITIES])('never writes a delegate’s own %s', (entity) => {
    expectRefused(check(by(OFFICE, entity, 'X1', { delegateId: LEAD.actorId, voterId: LEAD.actorId }), OFFICE), `常任办不能代替党代表填写${ENTITY_LABELS[entity]}（${entity}）：只能由党代表本人在自己的设备上填写`);
    expectRefused(check(by(OFFICE, entity, 'X1', {}, { op: 'delete' }), OFFICE, { id: 'X1', delegateId: LEAD.actorId }), /常任办不能代替党代表/);
  });

  it('lists exactly the six personal records', () => {
    expect([...DELEGATE_PERSONAL_ENTITIES].sort()).toEqual(['ballot', 'cosignature', 'noticeReceipt', 'replyRating', 'visitParticipation', 'visitPhoto']);
  });
});

describe('authorizeChange: a delegate and the office’s records', () => {
  it.each([...OFFICE_ONLY_ENTITIES])('refuses %s', (entity) => {
    expectRefused(check(by(LEAD, entity, 'X1', { name: '甲' }), LEAD), `党代表不能修改${ENTITY_LABELS[entity]}（${entity}）：它由常任办维护`);
  });
});

describe('authorizeChange: a delegate’s proposals', () => {
  it('allows creating one’s own proposal with the defaults of a new draft', () => {
    expect(check(by(LEAD, 'proposal', 'P2', draft()), LEAD, undefined)).toEqual({ ok: true });
  });

  it.each(['kind', 'meetingId', 'title', 'categoryId', 'background', 'recommendations', 'suggestedUnitIds', 'invitedCosignerIds', 'cosignDeadline', 'sourceVisitId', 'submittedAt', 'createdAt', 'updatedAt', 'deletedAt'])(
    'allows editing %s of one’s own proposal',
    (field) => {
      expect(check(by(LEAD, 'proposal', 'P1', { [field]: 'x' }), LEAD, PROPOSAL)).toEqual({ ok: true });
    },
  );

  it.each(['draft', 'collecting', 'submitted', 'withdrawn'])('allows setting the status to %s', (status) => {
    expect(check(by(LEAD, 'proposal', 'P1', { status }), LEAD, PROPOSAL).ok).toBe(true);
  });

  it.each([
    ['accepted', '已立案'],
    ['received', '已接收'],
    ['rejected', '不予立案'],
    ['closed', '已办结'],
    ['rehandling', '重新办理'],
  ])('refuses setting the status to %s', (status, label) => {
    expectRefused(check(by(LEAD, 'proposal', 'P1', { status }), LEAD, PROPOSAL), `党代表不能把提案的状态（status）设为“${label}”`);
  });

  it.each([
    ['number', 12, '党代表不能设置提案的立案编号（number）'],
    ['review', { decision: 'accept' }, '党代表不能设置提案的审查决定（review）'],
    ['receivedAt', iso(), '党代表不能设置提案的接收时间（receivedAt）'],
    ['isKey', true, '党代表不能设置提案的重点提案标记（isKey）'],
    ['isSupervised', false, '党代表不能设置提案的重点督办标记（isSupervised）'],
    ['secretNote', '甲', '党代表不能修改提案的字段（secretNote）'],
  ])('refuses setting %s', (field, value, reason) => {
    expectRefused(check(by(LEAD, 'proposal', 'P1', { [field]: value }), LEAD, PROPOSAL), reason);
  });

  it('refuses flags other than the defaults even when creating', () => {
    expectRefused(check(by(LEAD, 'proposal', 'P2', draft(LEAD.actorId, { isKey: true })), LEAD, undefined), '党代表不能设置提案的重点提案标记（isKey）');
  });

  it('refuses editing another delegate’s proposal', () => {
    expectRefused(check(by(STRANGER, 'proposal', 'P1', { title: '甲' }), STRANGER, PROPOSAL), '这条提案属于其他党代表（leadDelegateId），党代表只能修改自己的提案');
    expectRefused(check(by(STRANGER, 'proposal', 'P1', {}, { op: 'delete' }), STRANGER, PROPOSAL), /属于其他党代表/);
  });

  it('refuses naming someone else as the lead author, or taking over a proposal', () => {
    expectRefused(check(by(STRANGER, 'proposal', 'P2', draft(LEAD.actorId)), STRANGER, undefined), '党代表不能把提案的领衔人（leadDelegateId）设为他人');
    expectRefused(check(by(STRANGER, 'proposal', 'P1', { leadDelegateId: STRANGER.actorId }), STRANGER, PROPOSAL), /属于其他党代表/);
  });

  it('waits for a proposal it has never seen when the change does not name its lead', () => {
    expectRefused(check(by(LEAD, 'proposal', 'P9', { title: '甲' }), LEAD, undefined), '本机还没有这条提案，变更也未写明领衔人（leadDelegateId），暂时无法确认是本人的记录', true);
  });

  it('accepts the lead’s own partial row known here only from the office (no lead stored yet)', () => {
    const partial = { id: 'P1', status: 'received', receivedAt: iso() };
    expect(check(by(LEAD, 'proposal', 'P1', draft()), LEAD, partial).ok).toBe(true);
  });

  it('allows deleting one’s own draft', () => {
    expect(check(by(LEAD, 'proposal', 'P1', { deletedAt: iso(), updatedAt: iso() }, { op: 'delete' }), LEAD, PROPOSAL).ok).toBe(true);
  });
});

describe('authorizeChange: 附议 (cosignature)', () => {
  const confirm = (signer: DeviceBinding, extra: Record<string, unknown> = {}) =>
    by(signer, 'cosignature', `C-${signer.actorId}`, { proposalId: 'P1', delegateId: signer.actorId, status: 'confirmed', respondedAt: iso(), ...extra });

  it('allows an invited delegate to co-sign for themselves', () => {
    expect(check(confirm(INVITEE), INVITEE)).toEqual({ ok: true });
  });

  it('refuses co-signing in someone else’s name', () => {
    expectRefused(check(confirm(STRANGER, { delegateId: INVITEE.actorId }), STRANGER), '党代表不能把附议的附议人（delegateId）设为他人');
  });

  it('refuses (for now) a delegate the proposal here has not invited', () => {
    expectRefused(check(confirm(STRANGER), STRANGER), '提案的领衔人没有邀请该党代表附议（invitedCosignerIds）', true);
  });

  it('skips the invitation check for a proposal this machine has never seen', () => {
    expect(check(confirm(STRANGER), STRANGER, undefined, lookupsWith({})).ok).toBe(true);
  });

  it('refuses changing another delegate’s co-signature row', () => {
    const theirs = { id: 'C-1', proposalId: 'P1', delegateId: INVITEE.actorId, status: 'confirmed' };
    expectRefused(check(by(STRANGER, 'cosignature', 'C-1', { status: 'declined' }), STRANGER, theirs), '这条附议属于其他党代表（delegateId），党代表只能修改自己的附议');
  });

  it('allows changing one’s answer on one’s own row, and refuses moving it to another proposal', () => {
    const mine = { id: 'C-1', proposalId: 'P1', delegateId: INVITEE.actorId, status: 'confirmed' };
    expect(check(by(INVITEE, 'cosignature', 'C-1', { status: 'declined' }), INVITEE, mine).ok).toBe(true);
    expectRefused(check(by(INVITEE, 'cosignature', 'C-1', { proposalId: 'P2' }), INVITEE, mine), '不能把已有的附议改挂到其他记录（proposalId）');
  });
});

describe('authorizeChange: ratings, ballots and personal records', () => {
  const replied = { P1: { ...PROPOSAL, status: 'replied' } };
  const rating = (signer: DeviceBinding, delegateId = signer.actorId) =>
    by(signer, 'replyRating', 'RR1', { proposalId: 'P1', replyId: 'R1', delegateId, overall: 'satisfied' });

  it('lets the lead author rate the reply to their proposal', () => {
    expect(check(rating(LEAD), LEAD, undefined, lookupsWith(replied)).ok).toBe(true);
  });

  it('refuses a rating by anyone else, or in another’s name', () => {
    expectRefused(check(rating(INVITEE), INVITEE, undefined, lookupsWith(replied)), '只有提案的领衔人才能对答复进行满意度测评（proposalId）');
    expectRefused(check(rating(INVITEE, LEAD.actorId), INVITEE, undefined, lookupsWith(replied)), '党代表不能把满意度测评的测评人（delegateId）设为他人');
  });

  it('waits for the proposal before accepting a rating', () => {
    expectRefused(check(rating(LEAD), LEAD, undefined, lookupsWith({})), '本机还没有这条满意度测评所属的提案（proposalId），暂时无法确认领衔人', true);
  });

  it('lets a delegate cast only their own ballot', () => {
    expect(check(by(LEAD, 'ballot', 'B1', { roundId: 'E1', voterId: LEAD.actorId, answers: [] }), LEAD).ok).toBe(true);
    expectRefused(check(by(LEAD, 'ballot', 'B1', { roundId: 'E1', voterId: INVITEE.actorId, answers: [] }), LEAD), '党代表不能把评议票的投票人（voterId）设为他人');
    expectRefused(check(by(LEAD, 'ballot', 'B1', { answers: [] }), LEAD, { id: 'B1', voterId: INVITEE.actorId }), '这条评议票属于其他党代表（voterId），党代表只能修改自己的评议票');
  });

  it.each(['visitParticipation', 'visitPhoto', 'noticeReceipt'] as const)('lets a delegate write only their own %s', (entity) => {
    expect(check(by(LEAD, entity, 'X1', { delegateId: LEAD.actorId }), LEAD).ok).toBe(true);
    expectRefused(check(by(LEAD, entity, 'X1', { delegateId: INVITEE.actorId }), LEAD), `党代表不能把${ENTITY_LABELS[entity]}的党代表（delegateId）设为他人`);
    expectRefused(check(by(LEAD, entity, 'X1', { notes: '甲' }), LEAD, { id: 'X1', delegateId: INVITEE.actorId }), /属于其他党代表（delegateId）/);
  });
});

describe('authorizeChange: attachments', () => {
  const attach = (signer: DeviceBinding, ownerEntity: string, ownerId: string) =>
    by(signer, 'attachment', 'A1', { ownerEntity, ownerId, fileName: '现场照片.jpg', mimeType: 'image/jpeg', size: 10, sha256: 'a'.repeat(64) });

  it('lets the lead author attach files to their proposal, nobody else', () => {
    expect(check(attach(LEAD, 'proposal', 'P1'), LEAD).ok).toBe(true);
    expectRefused(check(attach(INVITEE, 'proposal', 'P1'), INVITEE), '只有提案的领衔人才能添加或修改提案的附件（ownerId）');
    expectRefused(check(by(INVITEE, 'attachment', 'A1', { caption: '甲' }), INVITEE, { id: 'A1', ownerEntity: 'proposal', ownerId: 'P1' }), /只有提案的领衔人/);
  });

  it('waits for an unknown proposal or an attachment row it cannot place', () => {
    expectRefused(check(attach(LEAD, 'proposal', 'P9'), LEAD), /本机还没有这条附件所属的提案（ownerId）/, true);
    expectRefused(check(by(LEAD, 'attachment', 'A1', { caption: '甲' }), LEAD), /ownerEntity \/ ownerId/, true);
  });

  it('refuses attachments to the office’s records', () => {
    expectRefused(check(attach(LEAD, 'reply', 'R1'), LEAD), '党代表不能给reply添加附件（ownerEntity）');
    expectRefused(check(attach(LEAD, 'notice', 'N1'), LEAD), /党代表不能给notice添加附件/);
  });

  it('checks visit notes and notice replies against the delegate’s own record', () => {
    const rows = { 'visitParticipation/V1': { id: 'V1', delegateId: LEAD.actorId }, 'noticeReceipt/NR1': { id: 'NR1', delegateId: INVITEE.actorId } };
    expect(check(attach(LEAD, 'visitNote', 'V1'), LEAD, undefined, lookupsWith(undefined, rows)).ok).toBe(true);
    expectRefused(check(attach(LEAD, 'noticeReply', 'NR1'), LEAD, undefined, lookupsWith(undefined, rows)), '党代表只能给自己的通报回复添加附件（ownerId）');
    expectRefused(check(attach(LEAD, 'visitNote', 'V9'), LEAD, undefined, lookupsWith(undefined, rows)), /本机还没有附件所属的视察记录/, true);
    expectRefused(check(attach(LEAD, 'visitNote', 'V1'), LEAD, undefined, { proposal: () => undefined }), '本机无法核对附件所属的视察记录（ownerId）');
  });

  it('refuses moving an attachment to another record', () => {
    expectRefused(check(attach(LEAD, 'proposal', 'P2'), LEAD, { id: 'A1', ownerEntity: 'proposal', ownerId: 'P1' }, lookupsWith({ P1: PROPOSAL, P2: { ...PROPOSAL, id: 'P2' } })), '不能把已有的附件改挂到其他记录（ownerId）');
  });
});

describe('MemoryReplica.apply: a bundle is applied whole or not at all', () => {
  const staff = { kind: 'staff' as const, id: OFFICE.actorId };
  const lead = { kind: 'delegate' as const, id: LEAD.actorId };
  let now = BASE_MS;
  const clockNow = () => (now += 1000);

  function setUp() {
    const office = new MemoryReplica(OFFICE.deviceId, OFFICE, clockNow);
    const leadDevice = new MemoryReplica(LEAD.deviceId, LEAD, clockNow);
    leadDevice.localWrite('proposal', 'P1', { ...draft(), status: 'draft' }, lead);
    leadDevice.localWrite('proposal', 'P1', { status: 'submitted', submittedAt: iso() }, lead, 'put', { action: 'submit' });
    expect(office.apply(leadDevice.exportSince(0), LEAD)).toEqual({ applied: 2, refused: [] });
    return { office, leadDevice, exported: leadDevice.changeCount };
  }

  it('refuses a delegate’s bundle that sets 立案 (status and number), and applies nothing of it', () => {
    const { office, leadDevice, exported } = setUp();
    const before = office.stateHash();
    leadDevice.localWrite('proposal', 'P1', { title: '本应生效的修改' }, lead);
    // A forged edit: the lead author's own device marks the proposal 立案 第1号.
    leadDevice.localWrite('proposal', 'P1', { status: 'accepted', number: 1 }, lead, 'put', { action: 'accept' });
    const result = office.apply(leadDevice.exportSince(exported), LEAD);
    expect(result.applied).toBe(0);
    expect(result.refused.map((r) => r.reason)).toEqual(['党代表不能设置提案的立案编号（number）']);
    expect(office.stateHash()).toBe(before);
    expect(office.row('proposal', 'P1')).toMatchObject({ title: PROPOSAL.title, status: 'submitted' });
    expect(office.row('proposal', 'P1')).not.toHaveProperty('number');
  });

  it('refuses status 立案 alone too, naming the status', () => {
    const { office, leadDevice, exported } = setUp();
    leadDevice.localWrite('proposal', 'P1', { status: 'accepted' }, lead);
    const result = office.apply(leadDevice.exportSince(exported), LEAD);
    expect(result.refused[0]?.reason).toBe('党代表不能把提案的状态（status）设为“已立案”');
    expect(office.row('proposal', 'P1')?.status).toBe('submitted');
  });

  it('applies the same decision from the office to the delegate', () => {
    const { office, leadDevice } = setUp();
    office.localWrite('proposal', 'P1', { status: 'accepted', number: 1 }, staff, 'put', { action: 'accept' });
    expect(leadDevice.apply(office.exportSince(0), OFFICE)).toEqual({ applied: 1, refused: [] });
    expect(leadDevice.row('proposal', 'P1')).toMatchObject({ status: 'accepted', number: 1 });
    expect(leadDevice.stateHash()).toBe(office.stateHash());
  });
});
