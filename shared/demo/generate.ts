// The deterministic demo congress: same seed and `now` → byte-identical dataset. Used for demos, manual
// testing, performance work (province-10y) and as realistic fixtures in tests.
import { ENTITY_NAMES } from '../domain';
import type { EntityName, EntityRecord, Staff } from '../domain';
import { addMonths } from '../lifecycle';
import type { DemoContext, ProposalSim } from './demoContext';
import { createEvaluationRounds } from './demoEvaluations';
import { handleProposal, LetterNumbers } from './demoHandling';
import { createMeetings, meetingStartDates } from './demoMeetings';
import { createNotices } from './demoNotices';
import { draftProposal, MergeTargets, numberRecessItems, reviewMeeting, reviewRecessItem } from './demoProposals';
import { createRoster } from './demoRoster';
import { createVisits } from './demoVisits';
import { COUNTY, PROVINCE } from './jurisdiction';
import type { Level } from './jurisdiction';
import { createRng } from './rng';
import type { Rng } from './rng';
import { chinaTime, DAY_MS, HOUR_MS, iso, officeHoursOn } from './store';
import { DemoStore } from './store';

export type DemoSizeName = 'county-1y' | 'county-10y' | 'province-10y';
export interface CustomDemoSize {
  delegates: number;
  years: number;
  proposalsPerYear: number;
}

export interface GenerateDemoOptions {
  seed?: number;
  size?: DemoSizeName | CustomDemoSize;
  /** Everything happens before this instant; default: the current time (pass it for reproducible output) */
  now?: Date;
}

export interface DemoSizeProfile extends CustomDemoSize {
  level: Level;
  activityGroups: number;
  visitsPerYear: number;
  /** 评议 rounds per annual meeting year, at least 2 (民主评议 + 办理满意度测评) */
  evaluationRoundsPerYear: number;
  noticesPerYear: number;
}

export const DEMO_SIZES: Readonly<Record<DemoSizeName, DemoSizeProfile>> = {
  'county-1y': { level: 'county', delegates: 251, years: 1, proposalsPerYear: 300, activityGroups: 11, visitsPerYear: 3, evaluationRoundsPerYear: 2, noticesPerYear: 4 },
  'county-10y': { level: 'county', delegates: 251, years: 10, proposalsPerYear: 300, activityGroups: 11, visitsPerYear: 3, evaluationRoundsPerYear: 2, noticesPerYear: 4 },
  'province-10y': { level: 'province', delegates: 800, years: 10, proposalsPerYear: 3000, activityGroups: 40, visitsPerYear: 200, evaluationRoundsPerYear: 25, noticesPerYear: 8 },
};

export interface DemoMeta {
  seed: number;
  size: DemoSizeName | CustomDemoSize;
  profile: DemoSizeProfile;
  /** The `now` everything was generated against */
  now: string;
  region: string;
  congressName: string;
  /** A busy delegate to sign in as when demonstrating the delegate role */
  sampleDelegateId: string;
  counts: Record<EntityName, number>;
  /** 立案号 scopes: motions per annual meeting; recess items per calendar year (北京时间) of the decision */
  numbering: { motions: 'perMeeting'; recessItems: 'perDecisionYear' };
  notes: string[];
}

export type DemoRecordSet = { [E in EntityName]?: EntityRecord<E>[] };
export type DemoDataset = DemoRecordSet & { officeStaff: Staff; meta: DemoMeta };

const MOTION_SHARE = 0.82;

export function resolveDemoSize(size: DemoSizeName | CustomDemoSize = 'county-1y'): DemoSizeProfile {
  if (typeof size === 'string') {
    const profile = DEMO_SIZES[size];
    if (!profile) throw new Error(`未知的演示数据规模：${String(size)}`);
    return profile;
  }
  const { delegates, years, proposalsPerYear } = size;
  if (!Number.isInteger(delegates) || delegates < 12 || delegates > 5000) throw new Error('演示数据的代表人数须为 12–5000 的整数');
  if (!Number.isInteger(years) || years < 1 || years > 20) throw new Error('演示数据的年数须为 1–20 的整数');
  if (!Number.isInteger(proposalsPerYear) || proposalsPerYear < 0 || proposalsPerYear > 20000) throw new Error('每年提案数须为 0–20000 的整数');
  const province = delegates >= 500;
  return {
    level: province ? 'province' : 'county',
    delegates,
    years,
    proposalsPerYear,
    activityGroups: Math.max(1, Math.min(60, Math.round(delegates / 23))),
    visitsPerYear: province ? Math.max(3, Math.round(proposalsPerYear / 15)) : 3,
    evaluationRoundsPerYear: 2,
    noticesPerYear: province ? 8 : 4,
  };
}

export function generateDemoCongress(options: GenerateDemoOptions = {}): DemoDataset {
  const seed = options.seed ?? 1;
  const nowMs = (options.now ?? new Date()).getTime();
  if (!Number.isFinite(nowMs)) throw new Error('演示数据的 now 不是有效时间');
  const profile = resolveDemoSize(options.size);
  const jur = profile.level === 'province' ? PROVINCE : COUNTY;

  // Separate streams per part, so more visits do not reshuffle the proposals and so on.
  const root = createRng(seed);
  const rngs = {
    ids: root.fork('ids'),
    roster: root.fork('roster'),
    meetings: root.fork('meetings'),
    proposals: root.fork('proposals'),
    visits: root.fork('visits'),
    evaluations: root.fork('evaluations'),
    notices: root.fork('notices'),
  };
  const store = new DemoStore(rngs.ids);
  const startDates = meetingStartDates(nowMs, profile.years);
  const firstStartMs = chinaTime(startDates[0] as string, 8, 30);
  const roster = createRoster(store, rngs.roster, jur, {
    delegates: profile.delegates,
    activityGroups: profile.activityGroups,
    createdMs: firstStartMs - 60 * DAY_MS,
    termStart: startDates[0] as string,
    termEnd: addMonths(startDates[0] as string, 12 * Math.max(5, profile.years)),
  });
  const meetings = createMeetings(store, rngs.meetings, jur, roster, startDates);
  const context = (rng: Rng): DemoContext => ({ rng, store, jur, roster, nowMs });
  const proposalsCtx = context(rngs.proposals);
  const r = rngs.proposals;

  const targets = new MergeTargets();
  const allSims: ProposalSim[] = [];
  const handling: { sim: ProposalSim; assignMs: number }[] = [];

  meetings.forEach((meeting, k) => {
    const next = meetings[k + 1];
    const visitsTo = next ? next.startMs - 20 * DAY_MS : nowMs + 40 * DAY_MS;
    const visits = createVisits(context(rngs.visits), profile.visitsPerYear, meeting.endMs + 20 * DAY_MS, visitsTo);

    // 提案 drafted in the weeks before the meeting, due by its 提案截止时间.
    const motionCount = Math.round(profile.proposalsPerYear * MOTION_SHARE * (0.92 + r.next() * 0.16));
    const motionFrom = meeting.startMs - 25 * DAY_MS;
    const motionTo = meeting.deadlineMs - 6 * HOUR_MS;
    const motions: ProposalSim[] = [];
    for (let i = 0; i < motionCount; i++) {
      const createdMs = Math.round(motionFrom + r.next() * (motionTo - motionFrom));
      motions.push(
        draftProposal(proposalsCtx, { kind: 'motion', meeting, createdMs, submitByMs: meeting.deadlineMs - 10 * 60_000, withdrawChance: 0.01, abandonChance: 0 }),
      );
    }
    reviewMeeting(proposalsCtx, meeting, motions, targets);
    motions.forEach((sim, i) => {
      if (sim.proposal.status === 'accepted') handling.push({ sim, assignMs: meeting.handoverMs + i * 20_000 });
    });
    allSims.push(...motions);

    // 提议 / 意见建议 in the recess that follows, some born from a visit.
    const recessFrom = meeting.endMs + 7 * DAY_MS;
    const recessTo = next ? next.startMs - 30 * DAY_MS : nowMs - 6 * HOUR_MS;
    const recess: ProposalSim[] = [];
    if (recessTo > recessFrom) {
      for (const visit of visits) {
        const createdMs = visit.endMs + r.int(3, 20) * DAY_MS;
        if (visit.attendees.length === 0 || createdMs > recessTo || !r.chance(jur.level === 'county' ? 0.7 : 0.1)) continue;
        recess.push(
          draftProposal(proposalsCtx, {
            kind: 'proposal',
            createdMs,
            submitByMs: createdMs + 10 * DAY_MS,
            lead: r.pick(visit.attendees),
            sourceVisitId: visit.record.id,
            withdrawChance: 0.01,
            abandonChance: 0.02,
          }),
        );
      }
      const recessCount = Math.round(profile.proposalsPerYear * (1 - MOTION_SHARE) * (0.9 + r.next() * 0.2));
      for (let i = 0; i < recessCount; i++) {
        const createdMs = Math.round(recessFrom + r.next() * (recessTo - recessFrom));
        const kind = r.chance(0.6) ? 'proposal' : 'suggestion';
        recess.push(draftProposal(proposalsCtx, { kind, createdMs, submitByMs: createdMs + 10 * DAY_MS, withdrawChance: 0.015, abandonChance: 0.02 }));
      }
    }
    recess.sort((a, b) => (a.receivedMs ?? Infinity) - (b.receivedMs ?? Infinity));
    for (const sim of recess) {
      reviewRecessItem(proposalsCtx, sim, targets);
      if (sim.proposal.status === 'accepted' && sim.decidedMs !== undefined) {
        handling.push({ sim, assignMs: officeHoursOn(r, sim.decidedMs + r.int(3, 20) * DAY_MS) });
      }
    }
    allSims.push(...recess);

    createEvaluationRounds(context(rngs.evaluations), meeting, profile.evaluationRoundsPerYear, k === meetings.length - 1);
    createNotices(context(rngs.notices), profile.noticesPerYear, meeting.startMs - 20 * DAY_MS, next ? next.startMs - 20 * DAY_MS : nowMs);
  });

  numberRecessItems(allSims);
  const letters = new LetterNumbers();
  for (const { sim, assignMs } of handling) handleProposal(proposalsCtx, sim, assignMs, letters);

  const counts = Object.fromEntries(ENTITY_NAMES.map((name) => [name, store.records[name].length])) as Record<EntityName, number>;
  const officeStaff = roster.staff[0] as Staff;
  return {
    ...store.records,
    officeStaff,
    meta: {
      seed,
      size: options.size ?? 'county-1y',
      profile,
      now: iso(nowMs),
      region: jur.region,
      congressName: roster.congress.name,
      sampleDelegateId: busiestLead(allSims) ?? (roster.active[0]?.id as string),
      counts,
      numbering: { motions: 'perMeeting', recessItems: 'perDecisionYear' },
      notes: [
        '不含视察照片（visitPhoto）和附件（attachment）：演示数据不生成二进制文件。',
        profile.years <= 5
          ? `共 ${profile.years} 次年会，届期五年。`
          : `共 ${profile.years} 次年会：为演示较大数据量，一届按 ${profile.years} 年计（实际届期为五年）。`,
        '闭会期间的提议、意见建议立案号按审查决定所在年度（北京时间）连续编号；大会提案按年会连续编号。',
      ],
    },
  };
}

function busiestLead(sims: readonly ProposalSim[]): string | undefined {
  const counts = new Map<string, number>();
  let best: string | undefined;
  let bestCount = 0;
  for (const { proposal } of sims) {
    const n = (counts.get(proposal.leadDelegateId) ?? 0) + 1;
    counts.set(proposal.leadDelegateId, n);
    if (n > bestCount) {
      best = proposal.leadDelegateId;
      bestCount = n;
    }
  }
  return best;
}
