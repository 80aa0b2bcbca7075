import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoCongress } from '../../shared/demo';
import { toCalendarDate } from '../../shared/lifecycle';
import { ENTITY_NAMES, type EntityName, type EntityRecord } from '../../shared/domain';
import { buildHandlingReport, coveredByPeriod, reportPeriod, withSectionText } from '../../shared/reports';
import { reportDraftKey } from '../../shared/reports/narrative';
import { loadDemoCongress, SETUP_ACTOR } from './congressSetup';
import { openDatabase, type DelegateDeskDb } from './db';
import { defaultIssuer, loadReportDraft, loadReportInput, reportMeetings, saveReportDraft } from './reportQueries';
import { Repository } from './repository';

const NOW = new Date('2026-11-23T04:00:00.000Z');
const opened: DelegateDeskDb[] = [];

async function demoDb(): Promise<DelegateDeskDb> {
  const db = openDatabase('t-' + Math.random().toString(36).slice(2));
  opened.push(db);
  await loadDemoCongress(new Repository(db, 'device-test-1', SETUP_ACTOR), { seed: 3, now: NOW });
  return db;
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('loadReportInput', { timeout: 60_000 }, () => {
  it('reads what the report needs: the same figures as from the whole generated dataset', async () => {
    const db = await demoDb();
    const dataset = generateDemoCongress({ seed: 3, now: NOW, size: 'county-1y' });
    const meeting = dataset.annualMeeting![0]!;
    expect((await reportMeetings(db)).map((m) => m.id)).toEqual([meeting.id]);

    const input = await loadReportInput(db, meeting.id, { now: NOW });
    expect(input).toBeDefined();
    expect(input!.today).toBe(toCalendarDate(NOW));
    const fromDb = buildHandlingReport(input!);
    const fromDataset = buildHandlingReport({
      meeting,
      meetings: dataset.annualMeeting!,
      proposals: dataset.proposal!,
      cosignatures: dataset.cosignature!,
      assignments: dataset.handlingAssignment!,
      replies: dataset.reply!,
      ratings: dataset.replyRating!,
      categories: dataset.category!,
      units: dataset.handlingUnit!,
      delegates: dataset.delegate!,
      settings: dataset.congressSettings![0]!,
      today: toCalendarDate(NOW),
    });
    expect(fromDb.rows.length).toBeGreaterThan(250);
    expect(fromDb).toEqual(fromDataset);
  });

  it('with several years stored, reads the handling of the items of the period only, and the figures stay the same', async () => {
    const db = openDatabase('t-' + Math.random().toString(36).slice(2));
    opened.push(db);
    const dataset = generateDemoCongress({ seed: 5, now: NOW, size: { delegates: 40, years: 3, proposalsPerYear: 30 } });
    const repo = new Repository(db, 'device-test-1', SETUP_ACTOR);
    await repo.write(async (w) => {
      for (const entity of ENTITY_NAMES) {
        const rows = dataset[entity] as EntityRecord<EntityName>[] | undefined;
        if (rows?.length) await w.createMany(entity, rows, { action: 'loadDemo', actor: SETUP_ACTOR });
      }
    });
    const meetings = dataset.annualMeeting!;
    expect(meetings).toHaveLength(3);
    // No meeting named: the latest one's, as the dashboard opens.
    const latest = [...meetings].sort((a, b) => b.startDate.localeCompare(a.startDate))[0]!;
    expect((await loadReportInput(db, undefined, { now: NOW }))?.meeting.id).toBe(latest.id);
    for (const meeting of meetings) {
      const input = (await loadReportInput(db, meeting.id, { now: NOW }))!;
      const period = reportPeriod(meeting, meetings);
      const covered = new Set(dataset.proposal!.filter((p) => !p.deletedAt && coveredByPeriod(p, period)).map((p) => p.id));
      expect(input.assignments.length).toBeGreaterThan(0);
      expect(input.assignments.every((a) => covered.has(a.proposalId))).toBe(true);
      expect(input.replies.every((r) => covered.has(r.proposalId))).toBe(true);
      expect(input.assignments.length).toBeLessThan(dataset.handlingAssignment!.length);
      const fromDataset = buildHandlingReport({
        meeting,
        meetings,
        proposals: dataset.proposal!,
        cosignatures: dataset.cosignature!,
        assignments: dataset.handlingAssignment!,
        replies: dataset.reply!,
        ratings: dataset.replyRating!,
        categories: dataset.category!,
        units: dataset.handlingUnit!,
        delegates: dataset.delegate!,
        settings: dataset.congressSettings![0]!,
        today: toCalendarDate(NOW),
      });
      expect(buildHandlingReport(input)).toEqual(fromDataset);
    }
  });

  it('without people it skips co-signers and names; an unknown meeting gives nothing', async () => {
    const db = await demoDb();
    const meeting = (await reportMeetings(db))[0]!;
    const input = await loadReportInput(db, meeting.id, { now: NOW, people: false });
    expect(input!.cosignatures).toEqual([]);
    expect(input!.delegates).toEqual([]);
    expect(input!.proposals.length).toBeGreaterThan(250);
    expect(await loadReportInput(db, 'no-such-meeting')).toBeUndefined();
    expect(await defaultIssuer(db)).toMatch(/^中共.+委党代会常任制工作办公室$/);
  });
});

describe('report drafts', () => {
  it('are kept per meeting in meta, and a damaged one is ignored', async () => {
    const db = openDatabase('t-' + Math.random().toString(36).slice(2));
    opened.push(db);
    const draft = withSectionText(undefined, 'meeting-1', 'closing', '明年重点督办超期事项。', NOW);
    await saveReportDraft(db, draft);
    expect(await loadReportDraft(db, 'meeting-1')).toEqual(draft);
    expect(await loadReportDraft(db, 'meeting-2')).toBeUndefined();
    await db.meta.put({ key: reportDraftKey('meeting-2'), value: { version: 1, texts: 'not a record' } });
    expect(await loadReportDraft(db, 'meeting-2')).toBeUndefined();
  });
});
