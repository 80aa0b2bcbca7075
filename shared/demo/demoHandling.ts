// 交办 → 办前面商 → 答复 → 满意度测评 → 办结 / 重新办理, for accepted (立案 or 转为意见建议) demo proposals.
// Each step happens only if its time is before `now`; late replies leave some proposals overdue (督办).
import type { HandlingAssignment, ReplyClass, Satisfaction } from '../domain';
import { addMonths, handlingDeadline, rehandlingDeadline } from '../lifecycle';
import type { DemoContext, ProposalSim } from './demoContext';
import { touch } from './demoContext';
import type { DemoUnit } from './demoRoster';
import { composeConsultationNotes, composeReply, EXTENSION_REASONS, RATING_COMMENTS, RETURN_REASONS } from './proposalText';
import type { Rng } from './rng';
import { addWeekdays, chinaDate, chinaTime, DAY_MS, iso, officeHoursOn } from './store';

const CLASS_WEIGHTS: readonly (readonly [ReplyClass, number])[] = [['A', 0.5], ['B', 0.35], ['C', 0.15]];
const REHANDLING_CLASS_WEIGHTS: readonly (readonly [ReplyClass, number])[] = [['A', 0.6], ['B', 0.35], ['C', 0.05]];
const RATING_WEIGHTS: Record<ReplyClass, readonly (readonly [Satisfaction, number])[]> = {
  A: [['satisfied', 0.85], ['basicallySatisfied', 0.13], ['unsatisfied', 0.02]],
  B: [['satisfied', 0.72], ['basicallySatisfied', 0.24], ['unsatisfied', 0.04]],
  C: [['satisfied', 0.45], ['basicallySatisfied', 0.4], ['unsatisfied', 0.15]],
  D: [['satisfied', 0.5], ['basicallySatisfied', 0.4], ['unsatisfied', 0.1]],
};
const SECOND_ROUND_RATING: readonly (readonly [Satisfaction, number])[] = [['satisfied', 0.7], ['basicallySatisfied', 0.3]];

interface UnitPlan {
  mode: 'lead' | 'split';
  lead?: DemoUnit;
  co: DemoUnit[];
  split: DemoUnit[];
}

/** Per unit and year, the running number of its reply letters (…函〔2025〕12号). */
export class LetterNumbers {
  private readonly next = new Map<string, number>();

  take(unitId: string, year: string): number {
    const key = `${unitId}:${year}`;
    const n = (this.next.get(key) ?? 0) + 1;
    this.next.set(key, n);
    return n;
  }
}

export function handleProposal(ctx: DemoContext, sim: ProposalSim, assignMs: number, letters: LetterNumbers): void {
  const { rng, nowMs } = ctx;
  const p = sim.proposal;
  if (p.status !== 'accepted' || assignMs > nowMs) return;

  let plan: UnitPlan = planUnits(ctx, sim) ?? { mode: 'lead', lead: rng.pick(ctx.roster.units), co: [], split: [] };
  let assignment = addAssignment(ctx, sim, plan, assignMs, 1);
  p.status = 'assigned';
  touch(p, assignMs);
  // 重点提案 / 重点督办 are marked at 交办.
  if (rng.chance(0.06)) {
    p.isKey = true;
    p.isSupervised = rng.chance(0.5);
  } else if (rng.chance(0.02)) {
    p.isSupervised = true;
  }

  // 退回: a unit sends a wrong assignment back within the window, and the office assigns again.
  if (rng.chance(0.03)) {
    const returningUnit = plan.mode === 'lead' ? plan.lead : plan.split[0];
    const alternative = planUnits(ctx, sim, returningUnit?.record.id);
    const returnMs = officeHoursOn(rng, assignMs + rng.int(1, 5) * DAY_MS);
    if (returningUnit && alternative && returnMs <= nowMs) {
      assignment.returned = { unitId: returningUnit.record.id, reason: rng.pick(RETURN_REASONS), at: iso(returnMs) };
      touch(assignment, returnMs);
      p.status = 'accepted';
      touch(p, returnMs);
      const reassignMs = officeHoursOn(rng, returnMs + rng.int(1, 4) * DAY_MS);
      if (reassignMs > nowMs) return;
      plan = alternative;
      assignment = addAssignment(ctx, sim, plan, reassignMs, 1);
      p.status = 'assigned';
      touch(p, reassignMs);
    }
  }

  for (let round = 1; ; round++) {
    const finished = handleRound(ctx, sim, plan, assignment, round, letters);
    if (finished.outcome !== 'rehandle') return;
    // 不满意 → 重新办理: the next round opens at the rating, with the shorter deadline.
    p.status = 'rehandling';
    touch(p, finished.atMs);
    assignment = addAssignment(ctx, sim, plan, finished.atMs, round + 1);
  }
}

type RoundOutcome = { outcome: 'pending' } | { outcome: 'closed' } | { outcome: 'rehandle'; atMs: number };

function handleRound(ctx: DemoContext, sim: ProposalSim, plan: UnitPlan, assignment: HandlingAssignment, round: number, letters: LetterNumbers): RoundOutcome {
  const { rng, nowMs, roster } = ctx;
  const p = sim.proposal;
  const assignedMs = Date.parse(assignment.assignedAt);
  let deadline = assignment.deadline;

  const spanDays = Math.max(2, (chinaTime(deadline, 17, 30) - assignedMs) / DAY_MS);
  // Replies come after some weeks of work; after a 延期 they come after it.
  let earliestReplyMs = assignedMs + Math.min(20, spanDays * 0.3) * DAY_MS;

  // 延期, asked for some days before the deadline.
  if (round === 1 && rng.chance(0.06)) {
    const extensionMs = officeHoursOn(rng, chinaTime(deadline, 12) - rng.int(3, 15) * DAY_MS);
    if (extensionMs > assignedMs && extensionMs <= nowMs) {
      deadline = addMonths(deadline, 1);
      assignment.extensions.push({ newDeadline: deadline, reason: rng.pick(EXTENSION_REASONS), at: iso(extensionMs), by: roster.staff[0]?.id as string });
      touch(assignment, extensionMs);
      earliestReplyMs = extensionMs + DAY_MS;
    }
  }

  const deadlineMs = chinaTime(deadline, 17, 30);
  const late = rng.chance(round === 1 ? 0.1 : 0.05);
  const replying = plan.mode === 'lead' && plan.lead ? [plan.lead] : plan.split;
  const leadName = roster.delegateById.get(p.leadDelegateId)?.name ?? '';
  let lastReply: { id: string; ms: number; resultClass: ReplyClass } | undefined;
  let allReplied = true;

  for (const unit of replying) {
    const replyMs = late
      ? officeHoursOn(rng, deadlineMs + rng.int(3, 45) * DAY_MS)
      : officeHoursOn(rng, earliestReplyMs + rng.next() * Math.max(0, deadlineMs - DAY_MS - earliestReplyMs));

    // 办前面商 within the first weeks, before the reply.
    if (rng.chance(0.85)) {
      const consultDate = addWeekdays(chinaDate(assignedMs), rng.int(2, round === 1 ? 15 : 5));
      const consultMs = chinaTime(consultDate, 10) + rng.int(0, 300) * 60_000;
      if (consultMs <= nowMs && consultMs < replyMs) {
        const form = rng.weighted([['faceToFace', 0.5], ['phone', 0.35], ['meeting', 0.15]] as const);
        ctx.store.add('consultation', {
          id: ctx.store.id(consultMs),
          createdAt: iso(consultMs),
          updatedAt: iso(consultMs),
          proposalId: p.id,
          unitId: unit.record.id,
          date: consultDate,
          form,
          notes: composeConsultationNotes(rng, form, leadName, sim.topic),
        });
      }
    }

    if (replyMs > nowMs) {
      allReplied = false;
      continue;
    }
    const resultClass = rng.weighted(round === 1 ? CLASS_WEIGHTS : REHANDLING_CLASS_WEIGHTS);
    const repliedOn = chinaDate(replyMs);
    const year = repliedOn.slice(0, 4);
    const reply = ctx.store.add('reply', {
      id: ctx.store.id(replyMs),
      createdAt: iso(replyMs),
      updatedAt: iso(replyMs),
      proposalId: p.id,
      assignmentId: assignment.id,
      unitId: unit.record.id,
      round,
      text: composeReply(rng, ctx.jur, {
        leadName,
        title: p.title,
        number: p.number,
        unitName: unit.record.name,
        repliedOn,
        resultClass,
        topic: sim.topic,
        place: sim.text.place,
        rehandling: round > 1,
      }),
      documentNumber: `${ctx.jur.abbr}${unit.abbr}函〔${year}〕${letters.take(unit.record.id, year)}号`,
      signer: unit.headName,
      repliedOn,
      resultClass,
      adoptedItems: adoptedItems(rng, resultClass, sim.text.points),
    });
    if (!lastReply || replyMs > lastReply.ms) lastReply = { id: reply.id, ms: replyMs, resultClass };
  }
  if (!allReplied || !lastReply) return { outcome: 'pending' };
  p.status = 'replied';
  touch(p, lastReply.ms);

  const ratedMs = lastReply.ms + rng.int(3 * 24, 25 * 24) * 60 * 60_000;
  if (ratedMs > nowMs) return { outcome: 'pending' };
  const overall = rng.weighted(round === 1 ? RATING_WEIGHTS[lastReply.resultClass] : SECOND_ROUND_RATING);
  const detailed = rng.chance(0.6);
  ctx.store.add('replyRating', {
    id: ctx.store.id(ratedMs),
    createdAt: iso(ratedMs),
    updatedAt: iso(ratedMs),
    proposalId: p.id,
    replyId: lastReply.id,
    delegateId: p.leadDelegateId,
    overall,
    ...(detailed ? { handlingWork: overall, result: overall === 'satisfied' && rng.chance(0.3) ? 'basicallySatisfied' : overall } : {}),
    ...(rng.chance(0.3) ? { comment: rng.pick(RATING_COMMENTS[overall]) } : {}),
  });
  if (overall === 'unsatisfied') return { outcome: 'rehandle', atMs: ratedMs };
  p.status = 'closed';
  touch(p, ratedMs);
  return { outcome: 'closed' };
}

function addAssignment(ctx: DemoContext, sim: ProposalSim, plan: UnitPlan, assignedMs: number, round: number): HandlingAssignment {
  const settings = ctx.roster.settings;
  return ctx.store.add('handlingAssignment', {
    id: ctx.store.id(assignedMs),
    createdAt: iso(assignedMs),
    updatedAt: iso(assignedMs),
    proposalId: sim.proposal.id,
    mode: plan.mode,
    ...(plan.lead ? { leadUnitId: plan.lead.record.id } : {}),
    coUnitIds: plan.co.map((u) => u.record.id),
    splitUnitIds: plan.split.map((u) => u.record.id),
    assignedAt: iso(assignedMs),
    deadline: round === 1 ? handlingDeadline(new Date(assignedMs), settings) : rehandlingDeadline(new Date(assignedMs), settings),
    extensions: [],
    round,
  });
}

/**
 * 主办 + 协办 (most) or 分办 (some), from the topic's units; after 退回 the returning unit is left out.
 * Undefined when no unit of the topic is left.
 */
function planUnits(ctx: DemoContext, sim: ProposalSim, excludeUnitId?: string): UnitPlan | undefined {
  const { rng, roster } = ctx;
  const candidates = sim.topic.units.map((key) => roster.unitByKey.get(key)).filter((u): u is DemoUnit => u !== undefined && u.record.id !== excludeUnitId);
  if (candidates.length === 0) return undefined;
  if (candidates.length >= 2 && rng.chance(0.15)) {
    return { mode: 'split', co: [], split: rng.sample(candidates, rng.int(2, Math.min(3, candidates.length))) };
  }
  const lead = rng.chance(0.8) ? (candidates[0] as DemoUnit) : rng.pick(candidates);
  const others = candidates.filter((u) => u !== lead);
  return { mode: 'lead', lead, co: rng.sample(others, rng.int(0, Math.min(2, others.length))), split: [] };
}

function adoptedItems(rng: Rng, resultClass: ReplyClass, points: readonly string[]): string[] {
  const count = resultClass === 'A' ? rng.int(2, points.length) : resultClass === 'B' ? rng.int(1, 2) : 0;
  return points.slice(0, Math.min(count, points.length)).map((p) => p.slice(0, 200));
}
