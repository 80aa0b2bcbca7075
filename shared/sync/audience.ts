import type { EntityName } from '../domain';

/**
 * Who may read a change once it is in the sync folder. `all`: a plain section every member reads (the office's
 * publications); `office`: sealed to the office devices; `officeAnd`: sealed to the office and the named
 * delegates' devices. Authorisation (authorize.ts) decides who may *write*; this decides who may *read*.
 */
export type Audience = { kind: 'all' } | { kind: 'office' } | { kind: 'officeAnd'; delegateIds: string[] };

/** Rows the rule for one row may consult: for an attachment or a 附议, the proposal it belongs to. */
export interface AudienceContext {
  proposal?: Record<string, unknown>;
  /** The record an attachment hangs on when it is not a proposal (a notice's files follow the notice) */
  owner?: Record<string, unknown>;
  /** The delegates now in these activity groups (a notice addressed to groups is sealed to their members) */
  membersOfGroups?: (activityGroupIds: readonly string[]) => string[];
}

type Rule = (row: Record<string, unknown>, context: AudienceContext) => Audience;

const ALL: Audience = { kind: 'all' };
const OFFICE: Audience = { kind: 'office' };

/** The office plus everyone a proposal in 征集附议 is shared with: its lead author and invited co-signers. */
function cosigningCircle(proposal: Record<string, unknown>): Audience {
  const invited = Array.isArray(proposal.invitedCosignerIds) ? proposal.invitedCosignerIds : [];
  const ids = [proposal.leadDelegateId, ...invited].filter((id): id is string => typeof id === 'string');
  return { kind: 'officeAnd', delegateIds: [...new Set(ids)].sort() };
}

const isCollecting = (proposal: Record<string, unknown> | undefined): proposal is Record<string, unknown> =>
  proposal?.status === 'collecting';

/** What a delegate writes: private to the office, except what co-signing needs to share. */
const DELEGATE_WRITES: Partial<Record<EntityName, Rule>> = {
  // 提案: the office; while 征集附议, also the lead author and the invited co-signers, who must read the draft
  // they are asked to co-sign. Drafts and later states stay between the author and the office.
  proposal: (row) => (isCollecting(row) ? cosigningCircle(row) : OFFICE),
  // 附件 of a proposal travel with its text: shared with the co-signers while it is in 征集附议.
  attachment: (row, { proposal }) => (row.ownerEntity === 'proposal' && isCollecting(proposal) ? cosigningCircle(proposal) : OFFICE),
  // 附议: while collecting, the lead author counts the answers before submitting, and co-signers see each other.
  cosignature: (_row, { proposal }) => (isCollecting(proposal) ? cosigningCircle(proposal) : OFFICE),
  // 评议票: only ever the office; results are published as tallies, a ballot never.
  ballot: () => OFFICE,
  // 满意度测评 of a reply: the office records and reports it.
  replyRating: () => OFFICE,
  // 视察 attendance, notes and photos: the office writes the visit summary from them.
  visitParticipation: () => OFFICE,
  visitPhoto: () => OFFICE,
  // 通报回执 / 征求意见 replies: answers to the office.
  noticeReceipt: () => OFFICE,
};

/**
 * A notice for everyone is published; one for some groups or a list of delegates is sealed to the office and
 * them, so other members with access to the folder cannot read it. Group membership is taken when the notice is
 * exported: a delegate who joins a group later does not receive its earlier notices.
 */
function noticeAudience(notice: Record<string, unknown>, context: AudienceContext): Audience {
  const audience = notice.audience as { kind?: unknown; delegateIds?: unknown; activityGroupIds?: unknown } | undefined;
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  if (audience?.kind === 'list') return { kind: 'officeAnd', delegateIds: [...new Set(strings(audience.delegateIds))].sort() };
  if (audience?.kind === 'groups') {
    const members = context.membersOfGroups?.(strings(audience.activityGroupIds)) ?? [];
    return { kind: 'officeAnd', delegateIds: [...new Set(members)].sort() };
  }
  return ALL;
}

/** What the office writes is published to every member — except rows it never writes but that are private. */
const OFFICE_WRITES: Partial<Record<EntityName, Rule>> = {
  notice: (row, context) => noticeAudience(row, context),
  // A notice's files go where the notice goes; every other attachment the office writes is public.
  attachment: (row, context) => (row.ownerEntity === 'notice' && context.owner ? noticeAudience(context.owner, context) : ALL),
  // Ballots and notice receipts are the delegates' own; should one ever come from an office device, keep it private.
  ballot: () => OFFICE,
  noticeReceipt: () => OFFICE,
};

/**
 * Who may read a change to `row` written by a device of `authorRole`. Pass the row as it is after the change
 * (its status decides), and for an attachment or a 附议 the proposal it belongs to in `context` — without it
 * they go to the office only, which is safe but keeps co-signers and the lead author from seeing them.
 * Anything not in the tables: office writes → all, delegate writes → office.
 */
export function audienceOf(
  entity: EntityName,
  row: Record<string, unknown>,
  authorRole: 'office' | 'delegate',
  context: AudienceContext = {},
): Audience {
  const rule = authorRole === 'office' ? OFFICE_WRITES[entity] : DELEGATE_WRITES[entity];
  if (rule) return rule(row, context);
  return authorRole === 'office' ? ALL : OFFICE;
}
