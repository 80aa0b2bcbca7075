// Drafting, co-signing, submission, receipt and review of demo proposals, following the lifecycle rules:
// a proposal only reaches a state when every earlier step happened before `now`, so the set shows every
// stage from 草稿 to 办结 with data that matches (附议 confirmed before submission, 立案号 1..N per meeting).
import type { Cosignature, Delegate, Proposal, ProposalKind, ReviewDecisionKind } from '../domain';
import { cosignDeadlineFrom, minimumCosigners } from '../lifecycle';
import type { DemoContext, ProposalSim } from './demoContext';
import { touch } from './demoContext';
import type { DemoMeeting } from './demoMeetings';
import { composeProposal, CONVERT_TEXT, MERGE_TEXT, REJECTION_TEXTS } from './proposalText';
import type { Rng } from './rng';
import { chinaDate, DAY_MS, HOUR_MS, iso, officeHoursOn, sortedInstants } from './store';
import type { Topic } from './topics';
import { TOPICS } from './topics';

const TOPIC_WEIGHTS = TOPICS.map((t) => [t, t.weight] as const);

export interface DraftSpec {
  kind: ProposalKind;
  meeting?: DemoMeeting;
  /** Drafting starts */
  createdMs: number;
  /** Submission must happen by then (a motion's 提案截止时间) */
  submitByMs: number;
  lead?: Delegate;
  sourceVisitId?: string;
  /** Chance the author gives up and 撤回 while collecting co-signers */
  withdrawChance: number;
  /** Chance the draft is left unfinished for good */
  abandonChance: number;
}

/** Creates the proposal and plays it up to 已接收 (or as far as `now` allows). */
export function draftProposal(ctx: DemoContext, spec: DraftSpec): ProposalSim {
  const { rng, store, jur, roster, nowMs } = ctx;
  const topic: Topic = rng.weighted(TOPIC_WEIGHTS);
  const text = composeProposal(rng, topic, jur, spec.kind);
  const lead = spec.lead ?? roster.pickLead(rng);
  const t0 = spec.createdMs;
  const suggestedUnitIds = topic.units
    .map((key) => roster.unitByKey.get(key)?.record.id)
    .filter((id): id is string => id !== undefined)
    .slice(0, rng.int(1, 2));
  const proposal = store.add('proposal', {
    id: store.id(t0),
    createdAt: iso(t0),
    updatedAt: iso(t0),
    kind: spec.kind,
    ...(spec.meeting ? { meetingId: spec.meeting.record.id } : {}),
    title: text.title,
    categoryId: roster.categoryIdByName.get(topic.category) as string,
    background: text.background,
    recommendations: text.recommendations,
    suggestedUnitIds,
    leadDelegateId: lead.id,
    invitedCosignerIds: [],
    ...(spec.sourceVisitId ? { sourceVisitId: spec.sourceVisitId } : {}),
    status: 'draft',
    isKey: false,
    isSupervised: false,
  });
  const sim: ProposalSim = { proposal, topic, text };
  if (rng.chance(spec.abandonChance)) return sim;

  const minimum = minimumCosigners(proposal, roster.settings);
  const solo = minimum === 0 && rng.chance(0.7);
  const confirmCount = solo ? 0 : Math.max(minimum, 1) + rng.weighted([[0, 3], [1, 3], [2, 2], [3, 1], [5, 1]]);
  const declineCount = solo ? 0 : rng.weighted([[0, 7], [1, 2], [2, 1]]);
  const span = Math.min(spec.submitByMs - t0, (spec.kind === 'motion' ? 3 : 6) * DAY_MS);
  // invite, each response, submit — in that order
  const steps = sortedInstants(rng, confirmCount + declineCount + 2, t0 + 10 * 60_000, t0 + span);
  const submitMs = steps[steps.length - 1] as number;

  if (!solo) {
    const inviteMs = steps[0] as number;
    if (inviteMs > nowMs) return sim;
    const invitees = chooseCosigners(ctx, lead, confirmCount + declineCount);
    proposal.invitedCosignerIds = invitees.map((d) => d.id);
    proposal.cosignDeadline = cosignDeadlineFrom(new Date(inviteMs), roster.settings);
    proposal.status = 'collecting';
    touch(proposal, inviteMs);

    const withdrawMs = rng.chance(spec.withdrawChance) ? inviteMs + rng.next() * (submitMs - inviteMs) : Infinity;
    const answers = rng.shuffle([...Array<'confirmed'>(confirmCount).fill('confirmed'), ...Array<'declined'>(declineCount).fill('declined')]);
    invitees.forEach((delegate, i) => {
      const respondedMs = steps[i + 1] as number;
      if (respondedMs > nowMs || respondedMs > withdrawMs) return;
      addCosignature(ctx, proposal, delegate, answers[i] as Cosignature['status'], respondedMs);
    });
    if (withdrawMs <= nowMs) {
      proposal.status = 'withdrawn';
      touch(proposal, withdrawMs);
      return sim;
    }
  }

  if (submitMs > nowMs) return sim;
  proposal.status = 'submitted';
  proposal.submittedAt = iso(submitMs);
  touch(proposal, submitMs);

  // At the meeting the office takes submissions in within hours; in the recess they arrive by the next sync.
  const receivedMs = spec.kind === 'motion' && spec.meeting ? submitMs + rng.int(10, 20 * 60) * 60_000 : submitMs + rng.int(12, 6 * 24) * HOUR_MS;
  if (receivedMs > nowMs) return sim;
  proposal.status = 'received';
  proposal.receivedAt = iso(receivedMs);
  touch(proposal, receivedMs);
  sim.receivedMs = receivedMs;
  return sim;
}

function addCosignature(ctx: DemoContext, proposal: Proposal, delegate: Delegate, status: Cosignature['status'], ms: number): void {
  const at = iso(ms);
  ctx.store.add('cosignature', { id: ctx.store.id(ms), createdAt: at, updatedAt: at, proposalId: proposal.id, delegateId: delegate.id, status, respondedAt: at });
}

/** Co-signers come mostly from the lead author's own 代表团, as they do in practice. */
function chooseCosigners(ctx: DemoContext, lead: Delegate, count: number): Delegate[] {
  const { rng, roster } = ctx;
  const local = roster.activeByDelegation.get(lead.delegationId ?? '') ?? [];
  const chosen = new Set<string>([lead.id]);
  const out: Delegate[] = [];
  for (let attempt = 0; out.length < count && attempt < count * 30; attempt++) {
    const pool = local.length > count && rng.chance(0.7) ? local : roster.active;
    const candidate = rng.pick(pool);
    if (chosen.has(candidate.id)) continue;
    chosen.add(candidate.id);
    out.push(candidate);
  }
  return out;
}

/** Proposals accepted so far, by topic, so 并案 can point at a real earlier proposal on the same subject. */
export class MergeTargets {
  private readonly byTopic = new Map<string, ProposalSim[]>();

  add(sim: ProposalSim): void {
    const list = this.byTopic.get(sim.topic.key);
    if (list) list.push(sim);
    else this.byTopic.set(sim.topic.key, [sim]);
  }

  /** A recent accepted proposal on the same topic decided before `beforeMs`, if any. */
  pick(rng: Rng, topicKey: string, beforeMs: number, sameMeetingId?: string): ProposalSim | undefined {
    const list = this.byTopic.get(topicKey) ?? [];
    const candidates: ProposalSim[] = [];
    for (let i = list.length - 1; i >= 0 && candidates.length < 20; i--) {
      const sim = list[i] as ProposalSim;
      if ((sim.decidedMs ?? Infinity) >= beforeMs) continue;
      if (sameMeetingId !== undefined && sim.proposal.meetingId !== sameMeetingId) continue;
      candidates.push(sim);
    }
    return candidates.length > 0 ? rng.pick(candidates) : undefined;
  }
}

const MEETING_DECISIONS: readonly (readonly [ReviewDecisionKind, number])[] = [['accept', 0.7], ['convert', 0.14], ['merge', 0.09], ['reject', 0.07]];
const RECESS_DECISIONS: readonly (readonly [ReviewDecisionKind, number])[] = [['accept', 0.8], ['convert', 0.05], ['merge', 0.05], ['reject', 0.1]];
const REJECTION_WEIGHTS: Record<string, number> = { empty: 35, personal: 25, outOfScope: 25, litigation: 10, secret: 5 };

/**
 * The committee's sitting for one meeting: every received motion is decided in order of receipt,
 * accepted ones numbered 1, 2, 3 … without gaps.
 */
export function reviewMeeting(ctx: DemoContext, meeting: DemoMeeting, sims: readonly ProposalSim[], targets: MergeTargets): void {
  const { rng, nowMs } = ctx;
  const received = sims
    .filter((s) => s.proposal.status === 'received' && s.receivedMs !== undefined)
    .sort((a, b) => (a.receivedMs as number) - (b.receivedMs as number) || (a.proposal.id < b.proposal.id ? -1 : 1));
  // 预审 by the office when the meeting closes; the committee sits some days later.
  if (meeting.endMs > nowMs) return;
  for (const sim of received) {
    sim.proposal.status = 'inReview';
    touch(sim.proposal, meeting.endMs);
  }
  if (meeting.committeeMs > nowMs) return;
  const step = Math.min(40_000, (8 * HOUR_MS) / Math.max(1, received.length));
  let number = 0;
  received.forEach((sim, i) => {
    const decidedMs = Math.round(meeting.committeeMs + i * step);
    let decision = rng.weighted(MEETING_DECISIONS);
    const target = decision === 'merge' ? targets.pick(rng, sim.topic.key, decidedMs, meeting.record.id) : undefined;
    if (decision === 'merge' && !target) decision = 'accept';
    if (decision === 'accept') number++;
    decide(ctx, sim, decision, decidedMs, decision === 'accept' ? number : undefined, target);
    if (decision === 'accept') targets.add(sim);
  });
}

/** 预审 and decision of one recess item, some days after it arrives. Numbers are given later, per year. */
export function reviewRecessItem(ctx: DemoContext, sim: ProposalSim, targets: MergeTargets): void {
  const { rng, nowMs } = ctx;
  if (sim.receivedMs === undefined || sim.proposal.status !== 'received') return;
  const preReviewMs = officeHoursOn(rng, sim.receivedMs + rng.int(1, 4) * DAY_MS);
  if (preReviewMs > nowMs) return;
  sim.proposal.status = 'inReview';
  touch(sim.proposal, preReviewMs);
  const decidedMs = officeHoursOn(rng, preReviewMs + rng.int(2, 15) * DAY_MS);
  if (decidedMs > nowMs) return;
  let decision = rng.weighted(RECESS_DECISIONS);
  if (decision === 'convert' && sim.proposal.kind === 'suggestion') decision = 'accept';
  const target = decision === 'merge' ? targets.pick(rng, sim.topic.key, decidedMs) : undefined;
  if (decision === 'merge' && !target) decision = 'accept';
  decide(ctx, sim, decision, decidedMs, undefined, target);
  if (decision === 'accept') targets.add(sim);
}

function decide(ctx: DemoContext, sim: ProposalSim, decision: ReviewDecisionKind, decidedMs: number, number: number | undefined, target: ProposalSim | undefined): void {
  const { rng, roster } = ctx;
  const p = sim.proposal;
  const decidedBy = (rng.chance(0.7) ? roster.staff[0] : rng.pick(roster.staff))?.id as string;
  const base = { decidedBy, decidedAt: iso(decidedMs) };
  sim.decidedMs = decidedMs;
  touch(p, decidedMs);
  switch (decision) {
    case 'accept':
      p.status = 'accepted';
      p.review = { decision, ...base };
      if (number !== undefined) p.number = number;
      return;
    case 'merge':
      p.status = 'merged';
      p.review = { decision, mergedIntoId: (target as ProposalSim).proposal.id, reasonText: MERGE_TEXT, ...base };
      return;
    case 'convert':
      // 转为意见建议: no 立案号, but still handled and answered.
      p.status = 'accepted';
      p.kind = 'suggestion';
      p.review = { decision, reasonText: CONVERT_TEXT, ...base };
      return;
    case 'reject': {
      const reasons = roster.settings.rejectionReasons;
      const code = rng.weighted(reasons.map((r) => [r.code, REJECTION_WEIGHTS[r.code] ?? 5] as const));
      p.status = 'rejected';
      p.review = { decision, reasonCode: code, reasonText: REJECTION_TEXTS[code] ?? reasons.find((r) => r.code === code)?.label ?? '', ...base };
      return;
    }
  }
}

/**
 * 立案号 for recess items: one gap-free sequence per calendar year (北京时间) of the decision.
 * (Motions are numbered per annual meeting in reviewMeeting.)
 */
export function numberRecessItems(sims: readonly ProposalSim[]): void {
  const byYear = new Map<string, ProposalSim[]>();
  for (const sim of sims) {
    if (sim.proposal.meetingId || sim.proposal.review?.decision !== 'accept' || sim.decidedMs === undefined) continue;
    const year = recessNumberingYear(sim.decidedMs);
    const list = byYear.get(year);
    if (list) list.push(sim);
    else byYear.set(year, [sim]);
  }
  for (const list of byYear.values()) {
    list.sort((a, b) => (a.decidedMs as number) - (b.decidedMs as number) || (a.proposal.id < b.proposal.id ? -1 : 1));
    list.forEach((sim, i) => {
      sim.proposal.number = i + 1;
    });
  }
}

/** The numbering scope of a recess item: the year of its 立案 decision in 北京时间. */
export function recessNumberingYear(decidedMs: number): string {
  return chinaDate(decidedMs).slice(0, 4);
}
