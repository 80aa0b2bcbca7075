import { describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, ENTITY_NAMES, entitySchemas, ID_PATTERN } from '../domain';
import type { EntityName } from '../domain';
import { generateDemoCongress, resolveDemoSize } from './generate';
import type { DemoDataset } from './generate';
import { recessNumberingYear } from './demoProposals';

const NOW = new Date('2026-11-23T08:00:00.000Z');
const SMALL = { delegates: 40, years: 2, proposalsPerYear: 40 };
const county = generateDemoCongress({ seed: 7, size: 'county-1y', now: NOW });

function all<E extends EntityName>(ds: DemoDataset, entity: E) {
  return ds[entity] ?? [];
}

describe('generateDemoCongress: determinism', () => {
  it('gives byte-identical output for the same seed and now', () => {
    const a = JSON.stringify(generateDemoCongress({ seed: 3, size: SMALL, now: NOW }));
    const b = JSON.stringify(generateDemoCongress({ seed: 3, size: SMALL, now: NOW }));
    expect(a).toBe(b);
  });

  it('gives different data for a different seed, and for a different now', () => {
    const base = JSON.stringify(generateDemoCongress({ seed: 3, size: SMALL, now: NOW }));
    expect(JSON.stringify(generateDemoCongress({ seed: 4, size: SMALL, now: NOW }))).not.toBe(base);
    expect(JSON.stringify(generateDemoCongress({ seed: 3, size: SMALL, now: new Date('2027-02-01T00:00:00Z') }))).not.toBe(base);
  });

  it('rejects nonsense sizes with a Chinese message', () => {
    expect(() => resolveDemoSize({ delegates: 3, years: 1, proposalsPerYear: 10 })).toThrow(/代表人数/);
    expect(() => resolveDemoSize({ delegates: 50, years: 0, proposalsPerYear: 10 })).toThrow(/年数/);
  });
});

describe('generateDemoCongress: records', () => {
  it('produces records that all pass their schema, with ids, and nothing after now', () => {
    const now = NOW.toISOString();
    for (const entity of ENTITY_NAMES) {
      const schema = entitySchemas[entity];
      for (const record of all(county, entity)) {
        const parsed = schema.safeParse(record);
        if (!parsed.success) throw new Error(`${entity} ${record.id}: ${parsed.error.message}`);
        // What is stored must already be in stored form: parsing adds no defaults.
        expect(parsed.data).toEqual(record);
        expect(record.id).toMatch(ID_PATTERN);
        expect(record.createdAt <= record.updatedAt).toBe(true);
        expect(record.updatedAt <= now).toBe(true);
      }
    }
  });

  it('has no duplicate ids', () => {
    const ids = new Set<string>();
    for (const entity of ENTITY_NAMES) {
      // congressSettings shares the congress id by design
      if (entity === 'congressSettings') continue;
      for (const record of all(county, entity)) {
        expect(ids.has(record.id)).toBe(false);
        ids.add(record.id);
      }
    }
  });

  it('has the county roster of the product brief', () => {
    expect(all(county, 'congress')).toHaveLength(1);
    expect(all(county, 'congress')[0]?.name).toBe('中国共产党临溪县第十五次代表大会');
    expect(all(county, 'congressSettings')[0]?.id).toBe(all(county, 'congress')[0]?.id);
    expect(all(county, 'delegate')).toHaveLength(251);
    expect(all(county, 'activityGroup')).toHaveLength(11);
    expect(all(county, 'delegation').length).toBeGreaterThanOrEqual(8);
    expect(all(county, 'delegation').length).toBeLessThanOrEqual(12);
    expect(all(county, 'handlingUnit').length).toBeGreaterThanOrEqual(18);
    expect(all(county, 'handlingUnit').length).toBeLessThanOrEqual(25);
    expect(all(county, 'staff').length).toBeGreaterThanOrEqual(2);
    expect(all(county, 'category').map((c) => c.name)).toEqual([...DEFAULT_CATEGORIES]);
    expect(all(county, 'annualMeeting')).toHaveLength(1);
    expect(all(county, 'annualMeeting')[0]?.name).toBe('临溪县第十五届党代会第一次年会');
    expect(all(county, 'proposal').length).toBeGreaterThanOrEqual(270);
    expect(all(county, 'proposal').length).toBeLessThanOrEqual(330);
    expect(all(county, 'visit').length).toBeGreaterThanOrEqual(2);
    expect(all(county, 'evaluationRound')).toHaveLength(2);
    expect(all(county, 'ballot').length).toBeGreaterThan(0);
    expect(all(county, 'notice').length).toBeGreaterThan(0);
    expect(county.officeStaff).toEqual(all(county, 'staff')[0]);
    expect(county.meta.counts.proposal).toBe(all(county, 'proposal').length);
  });

  it('gives delegates unique 代表证号 and names, both genders, a workplace and a phone', () => {
    const delegates = all(county, 'delegate');
    expect(new Set(delegates.map((d) => d.delegateNumber)).size).toBe(delegates.length);
    expect(new Set(delegates.map((d) => d.name)).size).toBe(delegates.length);
    const women = delegates.filter((d) => d.gender === 'female').length / delegates.length;
    expect(women).toBeGreaterThan(0.15);
    expect(women).toBeLessThan(0.45);
    for (const d of delegates) {
      expect(d.name).toMatch(/^[\u4e00-\u9fa5]{2,4}$/);
      expect(d.workplace).toBeTruthy();
      expect(d.phone).toMatch(/^1[3-9]\d{9}$/);
    }
  });

  it('covers every proposal kind, review decision and most lifecycle states', () => {
    const proposals = all(county, 'proposal');
    const kinds = new Set(proposals.map((p) => p.kind));
    expect([...kinds].sort()).toEqual(['motion', 'proposal', 'suggestion']);
    const decisions = new Set(proposals.map((p) => p.review?.decision).filter(Boolean));
    expect([...decisions].sort()).toEqual(['accept', 'convert', 'merge', 'reject']);
    const statuses = new Set(proposals.map((p) => p.status));
    for (const status of ['merged', 'rejected', 'assigned', 'replied', 'closed'] as const) expect(statuses).toContain(status);
    // …and some of the short-lived ones (草稿, 征集附议, 审查中, 待交办 …), which depend on where `now` falls.
    expect(statuses.size).toBeGreaterThanOrEqual(9);
    // Mostly 提案 at the meeting
    expect(proposals.filter((p) => p.meetingId).length / proposals.length).toBeGreaterThan(0.6);
    // About 70 % of decided motions are 立案
    const decidedMotions = proposals.filter((p) => p.meetingId && p.review);
    const share = decidedMotions.filter((p) => p.review?.decision === 'accept').length / decidedMotions.length;
    expect(share).toBeGreaterThan(0.6);
    expect(share).toBeLessThan(0.8);
    expect(proposals.some((p) => p.isKey)).toBe(true);
  });

  it('writes plausible Chinese proposal texts that vary', () => {
    const proposals = all(county, 'proposal');
    for (const p of proposals) {
      expect(p.title).toMatch(/^关于.+的(提案|提议|建议)$/);
      expect(p.background.length).toBeGreaterThan(30);
      expect(p.recommendations.split('\n')).toHaveLength(3);
    }
    expect(new Set(proposals.map((p) => p.title)).size).toBeGreaterThan(proposals.length * 0.6);
    expect(new Set(proposals.map((p) => p.background)).size).toBeGreaterThan(proposals.length * 0.9);
  });
});

describe('generateDemoCongress: numbering', () => {
  const multiYear = generateDemoCongress({ seed: 11, size: { delegates: 120, years: 3, proposalsPerYear: 120 }, now: NOW });

  it.each([
    ['county-1y', county],
    ['3 years', multiYear],
  ])('numbers accepted motions 1..N without gaps per meeting, and only them (%s)', (_label, ds) => {
    const meetings = all(ds, 'annualMeeting');
    expect(meetings.length).toBeGreaterThan(0);
    for (const meeting of meetings) {
      const motions = all(ds, 'proposal').filter((p) => p.meetingId === meeting.id);
      const numbers = motions.filter((p) => p.number !== undefined).map((p) => p.number as number).sort((a, b) => a - b);
      expect(numbers.length).toBeGreaterThan(0);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      for (const p of motions) expect(p.number !== undefined).toBe(p.review?.decision === 'accept');
    }
    // Recess items: per calendar year of the decision
    const byYear = new Map<string, number[]>();
    for (const p of all(ds, 'proposal')) {
      if (p.meetingId || p.number === undefined) continue;
      expect(p.review?.decision).toBe('accept');
      const year = recessNumberingYear(Date.parse(p.review?.decidedAt as string));
      byYear.set(year, [...(byYear.get(year) ?? []), p.number]);
    }
    for (const numbers of byYear.values()) {
      numbers.sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
  });

  it('gives one annual meeting per year, sessions 1..N, a year apart', () => {
    const meetings = all(multiYear, 'annualMeeting');
    expect(meetings.map((m) => m.session)).toEqual([1, 2, 3]);
    expect(meetings.map((m) => Number(m.startDate.slice(0, 4)))).toEqual([2024, 2025, 2026]);
    for (const m of meetings) {
      expect(m.startDate <= m.endDate).toBe(true);
      expect(m.proposalDeadline.slice(0, 10) >= m.startDate).toBe(true);
    }
  });
});

describe('generateDemoCongress: referential integrity', () => {
  it.each([
    ['county-1y', county],
    ['custom small', generateDemoCongress({ seed: 5, size: SMALL, now: NOW })],
  ])('points every foreign id at an existing record (%s)', (_label, ds) => {
    const ids = (entity: EntityName) => new Set(all(ds, entity).map((r) => r.id));
    const delegates = ids('delegate');
    const units = ids('handlingUnit');
    const staff = ids('staff');
    const proposals = ids('proposal');
    const groups = ids('activityGroup');
    const missing: string[] = [];
    const check = (set: Set<string>, id: string | undefined, what: string) => {
      if (id !== undefined && !set.has(id)) missing.push(`${what} → ${id}`);
    };
    const congressId = all(ds, 'congress')[0]?.id as string;
    for (const d of all(ds, 'delegate')) {
      check(ids('delegation'), d.delegationId, 'delegate.delegationId');
      check(groups, d.activityGroupId, 'delegate.activityGroupId');
    }
    for (const g of all(ds, 'activityGroup')) check(delegates, g.leaderDelegateId, 'activityGroup.leaderDelegateId');
    for (const m of all(ds, 'annualMeeting')) check(new Set([congressId]), m.congressId, 'annualMeeting.congressId');
    for (const a of all(ds, 'agendaItem')) check(ids('annualMeeting'), a.meetingId, 'agendaItem.meetingId');
    for (const r of all(ds, 'resolution')) check(ids('annualMeeting'), r.meetingId, 'resolution.meetingId');
    for (const p of all(ds, 'proposal')) {
      check(ids('annualMeeting'), p.meetingId, 'proposal.meetingId');
      check(ids('category'), p.categoryId, 'proposal.categoryId');
      check(delegates, p.leadDelegateId, 'proposal.leadDelegateId');
      p.invitedCosignerIds.forEach((id) => check(delegates, id, 'proposal.invitedCosignerIds'));
      p.suggestedUnitIds.forEach((id) => check(units, id, 'proposal.suggestedUnitIds'));
      check(ids('visit'), p.sourceVisitId, 'proposal.sourceVisitId');
      check(proposals, p.review?.mergedIntoId, 'proposal.review.mergedIntoId');
      check(staff, p.review?.decidedBy, 'proposal.review.decidedBy');
    }
    for (const c of all(ds, 'cosignature')) {
      check(proposals, c.proposalId, 'cosignature.proposalId');
      check(delegates, c.delegateId, 'cosignature.delegateId');
    }
    for (const a of all(ds, 'handlingAssignment')) {
      check(proposals, a.proposalId, 'handlingAssignment.proposalId');
      [a.leadUnitId, ...a.coUnitIds, ...a.splitUnitIds, a.returned?.unitId].forEach((id) => check(units, id, 'handlingAssignment units'));
      a.extensions.forEach((e) => check(staff, e.by, 'handlingAssignment.extensions.by'));
    }
    for (const c of all(ds, 'consultation')) {
      check(proposals, c.proposalId, 'consultation.proposalId');
      check(units, c.unitId, 'consultation.unitId');
    }
    for (const r of all(ds, 'reply')) {
      check(proposals, r.proposalId, 'reply.proposalId');
      check(ids('handlingAssignment'), r.assignmentId, 'reply.assignmentId');
      check(units, r.unitId, 'reply.unitId');
    }
    for (const r of all(ds, 'replyRating')) {
      check(proposals, r.proposalId, 'replyRating.proposalId');
      check(ids('reply'), r.replyId, 'replyRating.replyId');
      check(delegates, r.delegateId, 'replyRating.delegateId');
    }
    for (const v of all(ds, 'visit')) {
      check(groups, v.organisingGroupId, 'visit.organisingGroupId');
      v.invitedDelegateIds.forEach((id) => check(delegates, id, 'visit.invitedDelegateIds'));
    }
    for (const p of all(ds, 'visitParticipation')) {
      check(ids('visit'), p.visitId, 'visitParticipation.visitId');
      check(delegates, p.delegateId, 'visitParticipation.delegateId');
    }
    const rounds = new Map(all(ds, 'evaluationRound').map((r) => [r.id, r]));
    for (const b of all(ds, 'ballot')) {
      check(new Set(rounds.keys()), b.roundId, 'ballot.roundId');
      check(delegates, b.voterId, 'ballot.voterId');
      const subjects = new Set(rounds.get(b.roundId)?.subjects.map((s) => s.id));
      b.answers.forEach((a) => check(subjects, a.subjectId, 'ballot.answers.subjectId'));
    }
    for (const n of all(ds, 'notice')) {
      if (n.audience.kind === 'groups') n.audience.activityGroupIds.forEach((id) => check(groups, id, 'notice.audience'));
    }
    for (const r of all(ds, 'noticeReceipt')) {
      check(ids('notice'), r.noticeId, 'noticeReceipt.noticeId');
      check(delegates, r.delegateId, 'noticeReceipt.delegateId');
    }
    check(delegates, ds.meta.sampleDelegateId, 'meta.sampleDelegateId');
    expect(missing).toEqual([]);
  });

  it('keeps one ballot per voter per round, and a handling-unit subject list for satisfaction rounds', () => {
    const seen = new Set<string>();
    for (const b of all(county, 'ballot')) {
      const key = `${b.roundId}:${b.voterId}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    }
    const satisfaction = all(county, 'evaluationRound').find((r) => r.kind === 'handlingSatisfaction');
    expect(satisfaction?.subjects.map((s) => s.id).sort()).toEqual(all(county, 'handlingUnit').map((u) => u.id).sort());
  });
});

describe('generateDemoCongress: sizes', () => {
  it('scales a custom size and keeps the roster across the years', () => {
    const ds = generateDemoCongress({ seed: 2, size: SMALL, now: NOW });
    expect(all(ds, 'delegate')).toHaveLength(40);
    expect(all(ds, 'annualMeeting')).toHaveLength(2);
    expect(all(ds, 'proposal').length).toBeGreaterThan(60);
    expect(all(ds, 'proposal').length).toBeLessThan(100);
    expect(ds.meta.profile).toMatchObject({ level: 'county', years: 2 });
  });

  it('uses a province for large rosters', () => {
    const ds = generateDemoCongress({ seed: 2, size: { delegates: 600, years: 1, proposalsPerYear: 30 }, now: NOW });
    expect(ds.meta.region).toBe('江临省');
    expect(all(ds, 'handlingUnit').some((u) => u.name === '省教育厅')).toBe(true);
    expect(all(ds, 'delegation').some((d) => d.name === '省直机关代表团')).toBe(true);
  });
});
