// 年会: one per year, with its agenda (报告审议, 专题发言, 票决) and resolutions, plus the office's working
// dates around it: the review committee's sitting and the 交办会 that hands accepted motions to units.
import type { AnnualMeeting } from '../domain';
import { addDays, addMonths } from '../lifecycle';
import { chineseNumber } from './chineseNames';
import type { Jurisdiction } from './jurisdiction';
import { chineseDate } from './proposalText';
import type { DemoRoster } from './demoRoster';
import type { Rng } from './rng';
import { chinaDate, chinaTime, DAY_MS, iso } from './store';
import type { DemoStore } from './store';
import { TOPICS } from './topics';

export interface DemoMeeting {
  record: AnnualMeeting;
  session: number;
  startMs: number;
  endMs: number;
  /** 提案截止时间 */
  deadlineMs: number;
  /** 提案审查委员会 sitting: all 立案/并案/… decisions of the meeting */
  committeeMs: number;
  /** 交办会: accepted motions handed to the units */
  handoverMs: number;
}

/** Days between the latest meeting's opening and `now`: long enough for most handling to finish, not all. */
export const LATEST_MEETING_DAYS_AGO = 130;

/** The opening date of each session, one year apart, the latest LATEST_MEETING_DAYS_AGO days before now. */
export function meetingStartDates(nowMs: number, years: number): string[] {
  const latest = chinaDate(nowMs - LATEST_MEETING_DAYS_AGO * DAY_MS);
  return Array.from({ length: years }, (_, i) => addMonths(latest, -12 * (years - 1 - i)));
}

export function createMeetings(store: DemoStore, rng: Rng, jur: Jurisdiction, roster: DemoRoster, startDates: readonly string[]): DemoMeeting[] {
  return startDates.map((startDate, index) => {
    const session = index + 1;
    const endDate = addDays(startDate, 2);
    const startMs = chinaTime(startDate, 8, 30);
    const endMs = chinaTime(endDate, 17, 30);
    const createdMs = startMs - 45 * DAY_MS;
    const name = `${jur.region}第${chineseNumber(jur.term)}届党代会第${chineseNumber(session)}次年会`;
    const record = store.add('annualMeeting', {
      id: store.id(createdMs),
      createdAt: iso(createdMs),
      updatedAt: iso(createdMs),
      congressId: roster.congress.id,
      session,
      name,
      startDate,
      endDate,
      // Motions are due at noon on the second day, so the committee can sort them before the meeting closes.
      proposalDeadline: iso(chinaTime(addDays(startDate, 1), 12, 0)),
    });
    const committeeDate = addDays(endDate, rng.int(3, 8));
    const meeting: DemoMeeting = {
      record,
      session,
      startMs,
      endMs,
      deadlineMs: Date.parse(record.proposalDeadline),
      committeeMs: chinaTime(committeeDate, 9, 0),
      handoverMs: chinaTime(addDays(committeeDate, rng.int(7, 14)), 9, 30),
    };
    addAgenda(store, rng, jur, roster, meeting);
    return meeting;
  });
}

function addAgenda(store: DemoStore, rng: Rng, jur: Jurisdiction, roster: DemoRoster, meeting: DemoMeeting): void {
  const createdMs = meeting.startMs - 10 * DAY_MS;
  const stamp = { createdAt: iso(createdMs), updatedAt: iso(createdMs) };
  const { committee, disciplineCommittee } = jur;
  const secretary = roster.leaders[0];
  const items: { kind: 'reportReview' | 'speech' | 'vote' | 'other'; title: string; vote?: boolean }[] = [
    { kind: 'reportReview', title: `审议${committee}工作报告` },
    { kind: 'reportReview', title: `审议${disciplineCommittee}工作报告` },
    { kind: 'reportReview', title: `听取${secretary?.title ?? committee + '书记'}${secretary?.name ?? ''}履行全面从严治党第一责任人职责情况报告` },
    ...(meeting.session > 1 ? [{ kind: 'other' as const, title: '听取上一年度党代表提案办理情况报告' }] : []),
    ...rng.sample(TOPICS, 2).map((t) => ({ kind: 'speech' as const, title: `代表专题发言：${t.subject}` })),
    { kind: 'vote', title: `表决通过关于${committee}工作报告的决议`, vote: true },
    { kind: 'vote', title: `表决通过关于${disciplineCommittee}工作报告的决议`, vote: true },
  ];
  const present = Math.round(roster.active.length * (0.92 + rng.next() * 0.06));
  items.forEach((item, sortOrder) => {
    const against = rng.int(0, 2);
    const abstain = rng.int(0, 4);
    store.add('agendaItem', {
      id: store.id(createdMs),
      ...stamp,
      meetingId: meeting.record.id,
      kind: item.kind,
      title: item.title,
      sortOrder,
      ...(item.vote ? { vote: { for: Math.max(0, present - against - abstain), against, abstain, outcome: 'passed' as const } } : {}),
    });
  });

  const adoptedMs = meeting.endMs - 2 * 60 * 60 * 1000;
  for (const body of [committee, disciplineCommittee]) {
    store.add('resolution', {
      id: store.id(adoptedMs),
      createdAt: iso(adoptedMs),
      updatedAt: iso(adoptedMs),
      meetingId: meeting.record.id,
      title: `${meeting.record.name}关于${body}工作报告的决议`,
      text:
        `${meeting.record.name}于${chineseDate(meeting.record.startDate)}至${chineseDate(meeting.record.endDate)}召开。会议听取和审议了${body}工作报告，` +
        `同意报告对过去一年工作的总结和对今后工作的部署。会议号召，${jur.whole}各级党组织和广大党员要紧密团结在以习近平同志为核心的党中央周围，` +
        `凝心聚力、真抓实干，为推动${jur.region}高质量发展而努力奋斗。`,
      adoptedOn: meeting.record.endDate,
    });
  }
}
