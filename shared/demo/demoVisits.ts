// 视察 / 调研 organised by the office in the recess: invitations to an activity group (and a few others),
// replies, check-ins and field notes. Photos are not generated (they would need binary blobs).
import type { Delegate, Visit } from '../domain';
import { addDays } from '../lifecycle';
import type { DemoContext } from './demoContext';
import { chineseDate } from './proposalText';
import { chinaDate, chinaTime, DAY_MS, HOUR_MS, iso } from './store';
import { VISIT_TOPICS } from './topics';

export interface DemoVisit {
  record: Visit;
  endMs: number;
  /** Delegates who checked in, who may turn findings into a 提议 */
  attendees: Delegate[];
}

const NOTES = [
  '现场看到项目推进总体顺利，但配套设施建设相对滞后，建议加快进度。',
  '群众反映较为集中的是后续管护问题，建议明确管护主体和经费来源。',
  '座谈中基层干部提出资金缺口较大，建议积极争取上级支持。',
  '示范点经验值得推广，建议总结后在面上推开。',
  '部分设施建成后使用率不高，建议加强运营管理。',
];

/** Visits between `fromMs` and `toMs`, evenly spread with some jitter; a visit still ahead of `now` stays 计划中. */
export function createVisits(ctx: DemoContext, count: number, fromMs: number, toMs: number): DemoVisit[] {
  const { rng, store, jur, roster, nowMs } = ctx;
  const visits: DemoVisit[] = [];
  if (count <= 0 || toMs <= fromMs) return visits;
  const slot = (toMs - fromMs) / count;
  for (let i = 0; i < count; i++) {
    const startDate = chinaDate(fromMs + slot * (i + 0.2 + rng.next() * 0.6));
    const days = rng.int(1, 2);
    const endDate = addDays(startDate, days - 1);
    const startMs = chinaTime(startDate, 8, 30);
    const endMs = chinaTime(endDate, 17, 30);
    // Planned 2–4 weeks ahead; a visit ahead of `now` was planned by now if it is coming soon enough.
    let createdMs = startMs - rng.int(14, 25) * DAY_MS;
    if (createdMs > nowMs && startMs - nowMs < 30 * DAY_MS) createdMs = nowMs - rng.int(1, 3) * DAY_MS;
    if (createdMs > nowMs) continue;
    const group = rng.pick(roster.activityGroups);
    const members = roster.activeByGroup.get(group.id) ?? [];
    const guests = rng.sample(roster.active, rng.int(0, 4)).filter((d) => !members.includes(d));
    const invited = [...members, ...guests];
    if (invited.length === 0) continue;
    const { topic, kind } = rng.pick(VISIT_TOPICS);
    const sites = [...new Set(Array.from({ length: rng.int(2, 3) }, () => jur.visitSite(rng)))];
    const closed = endMs + 10 * DAY_MS <= nowMs;
    const record = store.add('visit', {
      id: store.id(createdMs),
      createdAt: iso(createdMs),
      updatedAt: iso(closed ? endMs + 10 * DAY_MS : createdMs),
      kind,
      topic: `${group.name}${topic}`,
      sites,
      startDate,
      endDate,
      organisingGroupId: group.id,
      invitedDelegateIds: invited.map((d) => d.id),
      agenda: `1. 听取有关部门情况汇报；\n2. 实地察看${sites.join('、')}；\n3. 召开座谈会，交流意见建议。`,
      status: closed ? 'closed' : 'planned',
    });
    const attendees: Delegate[] = [];
    for (const delegate of invited) {
      const respondedMs = createdMs + rng.int(2, 7 * 24) * HOUR_MS;
      if (respondedMs > nowMs || rng.chance(0.05)) continue; // some never answer
      const accepted = rng.chance(0.85);
      const checkedInMs = chinaTime(startDate, 8, 0) + rng.int(0, 75) * 60_000;
      const checkedIn = accepted && checkedInMs <= nowMs && rng.chance(0.92);
      if (checkedIn) attendees.push(delegate);
      const wroteNotes = checkedIn && endMs <= nowMs && rng.chance(0.4);
      const lastMs = wroteNotes ? endMs + rng.int(1, 48) * HOUR_MS : checkedIn ? checkedInMs : respondedMs;
      store.add('visitParticipation', {
        id: store.id(respondedMs),
        createdAt: iso(respondedMs),
        updatedAt: iso(Math.min(lastMs, nowMs)),
        visitId: record.id,
        delegateId: delegate.id,
        response: accepted ? 'accepted' : 'declined',
        ...(checkedIn ? { checkedInAt: iso(checkedInMs) } : {}),
        notes: wroteNotes ? rng.pick(NOTES) : '',
      });
    }
    if (closed) {
      record.summary =
        `${chineseDate(startDate)}，${group.name}${attendees.length}名党代表实地察看了${sites.join('、')}，听取了有关情况汇报。` +
        `代表们认为相关工作取得了积极成效，同时指出了后续管护、资金保障等方面存在的问题，并提出了具体建议。`;
    }
    visits.push({ record, endMs, attendees });
  }
  return visits;
}
