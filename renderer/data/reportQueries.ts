// 办理情况报告 and the office dashboard: the rows a report for one annual meeting reads, and the report draft (the
// staff's edited texts), kept on this machine in the meta table. Figures are computed in shared/reports.
import type { AnnualMeeting, Proposal } from '../../shared/domain';
import { coveredByPeriod, reportPeriod } from '../../shared/reports';
import type { HandlingReportInput } from '../../shared/reports';
import { parseReportDraft, reportDraftKey, type ReportDraft } from '../../shared/reports/narrative';
import type { DelegateDeskDb } from './db';
import { handlingUnits, officeToday, settingsOf } from './handlingQueries';
import { rowsOfProposals } from './rowsOfProposals';

const alive = <T extends { deletedAt?: string }>(rows: readonly T[]): T[] => rows.filter((r) => !r.deletedAt);

/** Annual meetings, latest first. */
export async function reportMeetings(db: DelegateDeskDb): Promise<AnnualMeeting[]> {
  return alive(await db.annualMeeting.toArray()).sort((a, b) => b.startDate.localeCompare(a.startDate) || b.session - a.session);
}

/**
 * Everything a handling report (or the dashboard) for `meetingId` reads: the meeting's 提案 and every recess item
 * (the report picks those of its period), with their handling rows. `people: false` skips co-signatures and
 * delegates, which only the detail table names. Undefined when the meeting does not exist (or was deleted).
 * Without a `meetingId`, the latest meeting's: the dashboard's start then need not wait for its meeting list first.
 */
export async function loadReportInput(
  db: DelegateDeskDb,
  chosenMeetingId: string | undefined,
  options: { now?: Date; people?: boolean } = {},
): Promise<HandlingReportInput | undefined> {
  const people = options.people ?? true;
  const meetingId = chosenMeetingId ?? (await reportMeetings(db))[0]?.id;
  if (!meetingId) return undefined;
  const [meetings, motions, recessSummaries, settings] = await Promise.all([
    db.annualMeeting.toArray(),
    db.proposal.where('meetingId').equals(meetingId).toArray(),
    // 提议 and 意见建议; a motion converted at review also reads 'suggestion' but keeps its meetingId.
    db.proposalSummary.where('kind').anyOf(['proposal', 'suggestion']).toArray(),
    settingsOf(db),
  ]);
  const meeting = meetings.find((m) => m.id === meetingId && !m.deletedAt);
  if (!meeting) return undefined;
  // Only the items the report covers are read whole, with their handling rows below: a province decade holds ten
  // periods of recess items, and reading every one of them made the office's home take seconds.
  const period = reportPeriod(meeting, meetings);
  const recessIds = recessSummaries.filter((s) => coveredByPeriod(s, period)).map((s) => s.id);
  const recess = await db.proposal.bulkGet(recessIds);
  const byId = new Map<string, Proposal>();
  for (const p of [...motions, ...recess]) if (p && !p.deletedAt && coveredByPeriod(p, period)) byId.set(p.id, p);
  // Targets of 并案 outside the period still name their number ("并入第3号").
  const mergeTargets = [...byId.values()].flatMap((p) => (p.review?.mergedIntoId && !byId.has(p.review.mergedIntoId) ? [p.review.mergedIntoId] : []));
  const proposals = [...byId.values(), ...alive((await db.proposal.bulkGet(mergeTargets)).filter((p): p is Proposal => !!p))];
  const ids = [...byId.keys()];
  const [assignments, replies, ratings, cosignatures, categories, units, delegates] = await Promise.all([
    rowsOfProposals(db.handlingAssignment, ids),
    rowsOfProposals(db.reply, ids),
    rowsOfProposals(db.replyRating, ids),
    people ? rowsOfProposals(db.cosignature, ids) : Promise.resolve([]),
    db.category.toArray(),
    handlingUnits(db),
    people ? db.delegate.toArray() : Promise.resolve([]),
  ]);
  return {
    meeting,
    meetings: alive(meetings),
    proposals,
    cosignatures,
    assignments,
    replies,
    ratings,
    categories: alive(categories),
    // Units kept even when deleted later, so old assignments still have a name.
    units,
    delegates: delegates.map((d) => ({ id: d.id, name: d.name })),
    settings,
    today: officeToday(options.now),
  };
}

/** The default 落款: the office of the congress's region. */
export async function defaultIssuer(db: DelegateDeskDb): Promise<string> {
  const congress = alive(await db.congress.toArray())[0];
  return congress?.region ? `中共${congress.region}委党代会常任制工作办公室` : '党代会常任制工作办公室';
}

export async function loadReportDraft(db: DelegateDeskDb, meetingId: string): Promise<ReportDraft | undefined> {
  const entry = await db.meta.get(reportDraftKey(meetingId));
  return parseReportDraft(entry?.value, meetingId);
}

/** Saved on this machine only (meta is never synced): a draft is the office clerk's working copy. */
export async function saveReportDraft(db: DelegateDeskDb, draft: ReportDraft): Promise<void> {
  await db.meta.put({ key: reportDraftKey(draft.meetingId), value: draft });
}
