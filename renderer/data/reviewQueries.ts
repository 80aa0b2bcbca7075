// 收件箱与审查: what the office reads to review submissions — the inbox, the 立案 numbering scope and machine,
// merge links both ways, and the context pieces the state machine needs for review decisions.
import type { Proposal, ProposalKind, ProposalStatus } from '../../shared/domain';
import { nextProposalNumber, toCalendarDate, type LifecycleContext, type ProposalAction } from '../../shared/lifecycle';
import type { DelegateDeskDb } from './db';
import { searchProposalIds } from './searchIndex';

/** What the office still has to deal with: 已提交, 已接收, 审查中. */
export const INBOX_STATUSES: readonly ProposalStatus[] = ['submitted', 'received', 'inReview'];

/** Review decisions are taken from these states (see shared/lifecycle/rules/review.ts). */
const DECIDABLE_STATUSES: readonly ProposalStatus[] = ['received', 'inReview'];

/** A merge target must have reached the office and still be alive (the lifecycle refuses the others). */
export const MERGE_TARGET_STATUSES: readonly ProposalStatus[] = ['submitted', 'received', 'inReview', 'accepted', 'assigned', 'replied', 'rehandling', 'closed'];

// ---------------------------------------------------------------------------------------------------------------
// 立案号: scope and next number

/**
 * The numbering scope of a proposal, as the demo generator numbers them (shared/demo/demoProposals.ts):
 * 提案 filed for an annual meeting are numbered per meeting; recess items (no meeting) per calendar year of the
 * 立案 decision, in 北京时间.
 */
export type NumberingScope = { kind: 'meeting'; meetingId: string } | { kind: 'year'; year: string };

export function numberingScopeOf(proposal: Pick<Proposal, 'meetingId'>, decidedAt: Date): NumberingScope {
  return proposal.meetingId ? { kind: 'meeting', meetingId: proposal.meetingId } : { kind: 'year', year: beijingYear(decidedAt) };
}

function beijingYear(instant: Date): string {
  return toCalendarDate(instant).slice(0, 4);
}

function inScope(p: Proposal, scope: NumberingScope): boolean {
  if (scope.kind === 'meeting') return p.meetingId === scope.meetingId;
  if (p.meetingId) return false;
  const decidedAt = p.review?.decidedAt ?? p.updatedAt;
  return beijingYear(new Date(decidedAt)) === scope.year;
}

/**
 * Numbers already given in the proposal's scope if it were decided at `now`. Deleted rows count too: a number once
 * given is never handed out again.
 */
export async function usedNumbersFor(db: DelegateDeskDb, proposal: Pick<Proposal, 'id' | 'meetingId'>, now: Date): Promise<number[]> {
  const scope = numberingScopeOf(proposal, now);
  const numbered = await db.proposal.where('number').above(0).toArray();
  return numbered.filter((p) => p.id !== proposal.id && p.number !== undefined && inScope(p, scope)).map((p) => p.number as number);
}

/** The number 立案 would give this proposal now (第N号). */
export async function nextNumberFor(db: DelegateDeskDb, proposal: Pick<Proposal, 'id' | 'meetingId'>, now: Date = new Date()): Promise<number> {
  return nextProposalNumber(await usedNumbersFor(db, proposal, now));
}

/** One 立案号 held by more than one proposal of a scope: only possible if two machines numbered at once. */
export interface DuplicateNumber {
  scope: NumberingScope;
  number: number;
  proposals: Proposal[];
}

/**
 * The safety net behind the numbering machine: numbers given twice in one scope (e.g. after the numbering machine
 * was changed before the old one's 立案 had synced). The inbox shows them for a person to renumber.
 */
export async function duplicateNumbers(db: DelegateDeskDb): Promise<DuplicateNumber[]> {
  const numbered = (await db.proposal.where('number').above(0).toArray()).filter((p) => !p.deletedAt && p.review?.decision === 'accept');
  const groups = new Map<string, DuplicateNumber>();
  for (const p of numbered) {
    const scope = numberingScopeOf(p, new Date(p.review?.decidedAt ?? p.updatedAt));
    const key = `${scope.kind === 'meeting' ? scope.meetingId : scope.year}#${p.number}`;
    const group = groups.get(key) ?? { scope, number: p.number as number, proposals: [] };
    group.proposals.push(p);
    groups.set(key, group);
  }
  return [...groups.values()].filter((g) => g.proposals.length > 1).sort((a, b) => a.number - b.number);
}

// ---------------------------------------------------------------------------------------------------------------
// 立案编号专用电脑

export interface NumberingDevice {
  /** The designated machine; absent when none can be determined (several office machines, no setting) */
  deviceId?: string;
  /** Who works at it, and the end of its device id, for messages: "刘秘书 · …A1B2C3" */
  name?: string;
  isThisDevice: boolean;
  /** How it was found: the congress setting, the machine that created the congress, the only office device */
  source: 'setting' | 'creator' | 'onlyOfficeDevice' | 'thisDevice' | 'none';
}

/** "刘秘书 · …A1B2C3": a person recognises the machine by who sits at it; the id tail tells two of theirs apart. */
export function numberingDeviceName(deviceId: string, actorName: string | undefined): string {
  const tail = `…${deviceId.slice(-6)}`;
  return actorName ? `${actorName} · ${tail}` : tail;
}

/**
 * Which office machine gives 立案 numbers: `settings.numberingDeviceId` when set; otherwise the machine that created
 * the congress (the device of the congress row's first change); otherwise the only office device bound; otherwise,
 * with no office device bound at all, this machine (a lone office PC that has never synced).
 */
export async function resolveNumberingDevice(db: DelegateDeskDb, thisDeviceId: string): Promise<NumberingDevice> {
  const [settingsRows, congresses, bindings] = await Promise.all([db.congressSettings.toArray(), db.congress.toArray(), db.deviceBinding.toArray()]);
  const officeBindings = bindings.filter((b) => b.role === 'office' && !b.deletedAt);
  // Who sits at it: the staff member its binding names, else (this machine) the local profile, else the staff
  // member who created the congress there.
  const nameOf = async (deviceId: string, creatorName?: string) => {
    let actorName = officeBindings.find((b) => b.id === deviceId)?.actorName;
    if (!actorName && deviceId === thisDeviceId) {
      const profile = await db.meta.get('profile');
      actorName = (profile?.value as { actorName?: string } | undefined)?.actorName;
    }
    return numberingDeviceName(deviceId, actorName ?? creatorName);
  };
  const found = async (deviceId: string, source: NumberingDevice['source'], creatorName?: string): Promise<NumberingDevice> => ({
    deviceId,
    name: await nameOf(deviceId, creatorName),
    isThisDevice: deviceId === thisDeviceId,
    source,
  });

  const configured = settingsRows.find((s) => !s.deletedAt)?.numberingDeviceId;
  if (configured) return found(configured, 'setting');
  const congress = congresses.find((c) => !c.deletedAt);
  if (congress) {
    const creations = await db.changes.where('[entity+entityId]').equals(['congress', congress.id]).toArray();
    const first = creations.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0))[0];
    if (first) return found(first.deviceId, 'creator', first.actor.kind === 'staff' ? first.actor.name : undefined);
  }
  if (officeBindings.length === 1) return found(officeBindings[0]!.id, 'onlyOfficeDevice');
  if (officeBindings.length === 0) return found(thisDeviceId, 'thisDevice');
  return { isThisDevice: false, source: 'none' };
}

// ---------------------------------------------------------------------------------------------------------------
// The state machine's context for review decisions

export interface ReviewContextOptions {
  now: Date;
  /** This installation's device id: with it, 立案 is checked against the numbering machine */
  deviceId?: string;
  /** The action about to be decided: a merge loads its target */
  action?: ProposalAction;
}

/**
 * The context pieces the office's review decisions need (see LifecycleContext): numbers used in the proposal's
 * scope, whether this is the numbering machine, and the merge target. Loaded only while a decision is possible,
 * so drafting and handling pay nothing for them.
 */
export async function reviewContextPieces(
  db: DelegateDeskDb,
  proposal: Proposal,
  role: LifecycleContext['role'],
  options: ReviewContextOptions,
): Promise<Pick<LifecycleContext, 'usedNumbers' | 'numberingDevice' | 'mergeTarget'>> {
  if (role !== 'office' || !DECIDABLE_STATUSES.includes(proposal.status)) return {};
  const { now, deviceId, action } = options;
  const [usedNumbers, numbering, target] = await Promise.all([
    usedNumbersFor(db, proposal, now),
    deviceId ? resolveNumberingDevice(db, deviceId) : undefined,
    action?.type === 'merge' ? db.proposal.get(action.targetId) : undefined,
  ]);
  return {
    usedNumbers,
    ...(numbering ? { numberingDevice: { isThisDevice: numbering.isThisDevice, ...(numbering.name ? { name: numbering.name } : {}) } } : {}),
    ...(target && !target.deletedAt ? { mergeTarget: { id: target.id, status: target.status, kind: target.kind } } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// 并案 links, both ways

/** The proposals merged into this one (并入本案的提案): the reverse of `review.mergedIntoId`, oldest decision first. */
export async function proposalsMergedInto(db: DelegateDeskDb, targetId: string): Promise<Proposal[]> {
  const merged = await db.proposal
    .where('status')
    .equals('merged')
    .filter((p) => !p.deletedAt && p.review?.mergedIntoId === targetId)
    .toArray();
  return merged.sort((a, b) => (a.review?.decidedAt ?? '').localeCompare(b.review?.decidedAt ?? ''));
}

/**
 * Proposals one may merge into, for the 并案 picker: by 立案号 ("12", "第12号") or by full text; without a query,
 * the most recently changed. Never the proposal itself.
 */
export async function mergeTargetOptions(db: DelegateDeskDb, query: string, excludeId: string, limit = 20): Promise<Proposal[]> {
  const eligible = (p: Proposal | undefined): p is Proposal => !!p && !p.deletedAt && p.id !== excludeId && MERGE_TARGET_STATUSES.includes(p.status);
  const text = query.trim();
  const number = /^第?\s*(\d+)\s*号?$/.exec(text)?.[1];
  if (number) return (await db.proposal.where('number').equals(Number(number)).toArray()).filter(eligible).slice(0, limit);
  if (!text) {
    const recent = await db.proposal.orderBy('updatedAt').reverse().filter((p) => eligible(p)).limit(limit).toArray();
    return recent;
  }
  const ids = await searchProposalIds(db, text, { limit: limit * 3 });
  return (await db.proposal.bulkGet(ids)).filter(eligible).slice(0, limit);
}

// ---------------------------------------------------------------------------------------------------------------
// 收件箱

export interface InboxRow {
  proposal: Proposal;
  leadName: string;
  /** The lead author's 代表团 */
  delegationId?: string;
  delegationName?: string;
  categoryName?: string;
  /** 附议 confirmed on the co-signers' own machines (their current answer) */
  confirmedCosigners: number;
}

function newestFirst(a: Proposal, b: Proposal): number {
  const ka = a.submittedAt ?? a.updatedAt;
  const kb = b.submittedAt ?? b.updatedAt;
  return ka < kb ? 1 : ka > kb ? -1 : a.id < b.id ? 1 : -1;
}

/** Everything submitted, received or in review, newest submission first, with the names the inbox shows. */
export async function inboxRows(db: DelegateDeskDb): Promise<InboxRow[]> {
  const proposals = (await db.proposal.where('status').anyOf([...INBOX_STATUSES]).toArray()).filter((p) => !p.deletedAt);
  const [delegates, delegations, categories, cosignatures] = await Promise.all([
    db.delegate.bulkGet([...new Set(proposals.map((p) => p.leadDelegateId))]),
    db.delegation.toArray(),
    db.category.toArray(),
    proposals.length ? db.cosignature.where('proposalId').anyOf(proposals.map((p) => p.id)).toArray() : [],
  ]);
  const delegateById = new Map(delegates.filter((d) => !!d).map((d) => [d!.id, d!]));
  const delegationName = new Map(delegations.map((d) => [d.id, d.name]));
  const categoryName = new Map(categories.map((c) => [c.id, c.name]));
  const byId = new Map(proposals.map((p) => [p.id, p]));
  const confirmed = new Map<string, number>();
  for (const c of cosignatures) {
    const proposal = byId.get(c.proposalId);
    if (c.deletedAt || c.status !== 'confirmed' || !proposal?.invitedCosignerIds.includes(c.delegateId)) continue;
    confirmed.set(c.proposalId, (confirmed.get(c.proposalId) ?? 0) + 1);
  }
  return proposals.sort(newestFirst).map((proposal) => {
    const lead = delegateById.get(proposal.leadDelegateId);
    const delegationId = lead?.delegationId;
    const categoryId = proposal.categoryId;
    return {
      proposal,
      leadName: lead?.name ?? '—',
      ...(delegationId ? { delegationId, delegationName: delegationName.get(delegationId) ?? '—' } : {}),
      ...(categoryId && categoryName.has(categoryId) ? { categoryName: categoryName.get(categoryId) } : {}),
      confirmedCosigners: confirmed.get(proposal.id) ?? 0,
    };
  });
}

export interface InboxFilter {
  kind?: ProposalKind;
  categoryId?: string;
  delegationId?: string;
  status?: ProposalStatus;
}

/** A facet value with its count; `key` is '' for rows without one (no category, no delegation). */
export interface InboxFacet {
  key: string;
  label: string;
  count: number;
}

export interface InboxCounts {
  total: number;
  kind: InboxFacet[];
  category: InboxFacet[];
  delegation: InboxFacet[];
  status: InboxFacet[];
}

export function filterInbox(rows: readonly InboxRow[], filter: InboxFilter): InboxRow[] {
  return rows.filter(
    (r) =>
      (!filter.kind || r.proposal.kind === filter.kind) &&
      (filter.categoryId === undefined || (r.proposal.categoryId ?? '') === filter.categoryId) &&
      (filter.delegationId === undefined || (r.delegationId ?? '') === filter.delegationId) &&
      (!filter.status || r.proposal.status === filter.status),
  );
}

function facet(rows: readonly InboxRow[], keyOf: (r: InboxRow) => string, labelOf: (r: InboxRow) => string): InboxFacet[] {
  const byKey = new Map<string, InboxFacet>();
  for (const row of rows) {
    const key = keyOf(row);
    const entry = byKey.get(key) ?? { key, label: labelOf(row), count: 0 };
    entry.count += 1;
    byKey.set(key, entry);
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'zh-CN'));
}

/** Counts by kind, category, the lead author's delegation and state, most frequent first. Labels of kinds and
 * states are their keys (the screen translates them). */
export function countInbox(rows: readonly InboxRow[]): InboxCounts {
  return {
    total: rows.length,
    kind: facet(rows, (r) => r.proposal.kind, (r) => r.proposal.kind),
    category: facet(rows, (r) => r.proposal.categoryId ?? '', (r) => r.categoryName ?? ''),
    delegation: facet(rows, (r) => r.delegationId ?? '', (r) => r.delegationName ?? ''),
    status: facet(rows, (r) => r.proposal.status, (r) => r.proposal.status),
  };
}
