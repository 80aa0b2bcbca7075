// Builders for lifecycle tests: small, valid records with readable overrides. Used only by *.test.ts.
import {
  annualMeetingSchema,
  congressSettingsSchema,
  cosignatureSchema,
  handlingAssignmentSchema,
  newId,
  proposalSchema,
  replyRatingSchema,
  replySchema,
  type AnnualMeeting,
  type CongressSettings,
  type Cosignature,
  type HandlingAssignment,
  type Proposal,
  type Reply,
  type ReplyRating,
  type Role,
} from '../domain';
import type { LifecycleContext } from './types';

/** Wednesday 2026-03-04, 10:00 北京时间. */
export const NOW = new Date('2026-03-04T02:00:00.000Z');
const STAMP = NOW.toISOString();

export const hoursFrom = (base: Date, hours: number): Date => new Date(base.getTime() + hours * 3_600_000);

/** The people of a test: one lead author, five invitees, an uninvited delegate, a staff member, three units. */
export function cast() {
  return {
    lead: newId(),
    invitees: [newId(), newId(), newId(), newId(), newId()] as const,
    stranger: newId(),
    staff: newId(),
    unitA: newId(),
    unitB: newId(),
    unitC: newId(),
  };
}
export type Cast = ReturnType<typeof cast>;

export function buildSettings(overrides: Partial<CongressSettings> = {}): CongressSettings {
  return congressSettingsSchema.parse({ id: newId(), createdAt: STAMP, updatedAt: STAMP, ...overrides });
}

export function buildProposal(people: Cast, overrides: Partial<Proposal> = {}): Proposal {
  return proposalSchema.parse({
    id: newId(),
    createdAt: STAMP,
    updatedAt: STAMP,
    kind: 'proposal',
    title: '关于加强农村饮水安全保障的建议',
    categoryId: newId(),
    background: '部分山区村组仍存在季节性缺水，供水设施老化，水质检测覆盖不足。',
    recommendations: '一是加快供水管网改造；二是建立水质定期检测和公示制度。',
    leadDelegateId: people.lead,
    invitedCosignerIds: [...people.invitees],
    status: 'draft',
    ...overrides,
  });
}

export function buildCosignature(proposal: Proposal, delegateId: string, status: Cosignature['status'], respondedAt: Date = NOW): Cosignature {
  return cosignatureSchema.parse({
    id: newId(),
    createdAt: respondedAt.toISOString(),
    updatedAt: respondedAt.toISOString(),
    proposalId: proposal.id,
    delegateId,
    status,
    respondedAt: respondedAt.toISOString(),
  });
}

export function buildMeeting(overrides: Partial<AnnualMeeting> = {}): AnnualMeeting {
  return annualMeetingSchema.parse({
    id: newId(),
    createdAt: STAMP,
    updatedAt: STAMP,
    congressId: newId(),
    session: 3,
    name: '第十五届第三次年会',
    startDate: '2026-03-10',
    endDate: '2026-03-12',
    proposalDeadline: '2026-03-10T10:00:00.000Z',
    ...overrides,
  });
}

export function buildAssignment(proposal: Proposal, people: Cast, overrides: Partial<HandlingAssignment> = {}): HandlingAssignment {
  return handlingAssignmentSchema.parse({
    id: newId(),
    createdAt: STAMP,
    updatedAt: STAMP,
    proposalId: proposal.id,
    mode: 'lead',
    leadUnitId: people.unitA,
    coUnitIds: [people.unitB],
    assignedAt: STAMP,
    deadline: '2026-06-04',
    ...overrides,
  });
}

export function buildReply(assignment: HandlingAssignment, unitId: string, overrides: Partial<Reply> = {}): Reply {
  return replySchema.parse({
    id: newId(),
    createdAt: STAMP,
    updatedAt: STAMP,
    proposalId: assignment.proposalId,
    assignmentId: assignment.id,
    unitId,
    round: assignment.round,
    text: '经研究，已将供水管网改造列入今年民生实事项目。',
    repliedOn: '2026-04-01',
    resultClass: 'B',
    ...overrides,
  });
}

/** The lead author's 满意度测评 of `reply` (满意 unless told otherwise). */
export function buildRating(reply: Reply, delegateId: string, overrides: Partial<ReplyRating> = {}): ReplyRating {
  return replyRatingSchema.parse({
    id: newId(),
    createdAt: STAMP,
    updatedAt: STAMP,
    proposalId: reply.proposalId,
    replyId: reply.id,
    delegateId,
    overall: 'satisfied',
    ...overrides,
  });
}

export function buildContext(role: Role, actorId: string, proposal: Proposal, rest: Partial<LifecycleContext> = {}): LifecycleContext {
  return { role, actorId, proposal, cosignatures: [], settings: buildSettings(), now: NOW, ...rest };
}
