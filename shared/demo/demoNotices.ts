// 重大事项通报 / 征求意见 from the office, with delegates' read receipts and (for 征求意见) some replies.
import type { Delegate, Notice } from '../domain';
import type { DemoContext } from './demoContext';
import { chineseDate } from './proposalText';
import { chinaDate, DAY_MS, HOUR_MS, iso, officeHoursOn } from './store';

const BRIEFINGS = [
  '关于{year}年{committee}重点工作安排的通报',
  '关于{committee}全会召开情况的通报',
  '关于{whole}经济运行情况的通报',
  '关于{year}年上半年党风廉政建设工作情况的通报',
  '关于重大项目建设进展情况的通报',
];
const CONSULTATIONS = [
  '关于征求《{region}{year}年党建工作要点（征求意见稿）》意见的通知',
  '关于征求对{committee}常委会工作报告意见建议的通知',
  '关于征求《{region}国民经济和社会发展规划（征求意见稿）》意见的通知',
];
const REPLIES = ['建议进一步细化基层党建工作的考核指标。', '同意征求意见稿内容，建议加大对村级组织的经费保障。', '建议增加关于乡村振兴人才队伍建设的内容。', '无意见。'];

export function createNotices(ctx: DemoContext, count: number, fromMs: number, toMs: number): void {
  const { rng, store, jur, roster, nowMs } = ctx;
  if (count <= 0 || toMs <= fromMs) return;
  const slot = (toMs - fromMs) / count;
  // Each title once per batch, in random order.
  const briefings = rng.shuffle(BRIEFINGS);
  const consultations = rng.shuffle(CONSULTATIONS);
  let briefingsUsed = 0;
  let consultationsUsed = 0;
  for (let i = 0; i < count; i++) {
    const publishedMs = officeHoursOn(rng, fromMs + slot * (i + rng.next()));
    const createdMs = publishedMs - rng.int(1, 3) * DAY_MS;
    if (publishedMs > nowMs) continue;
    const consultation = rng.chance(0.4);
    const year = chinaDate(publishedMs).slice(0, 4);
    const template = consultation ? consultations[consultationsUsed++ % consultations.length] : briefings[briefingsUsed++ % briefings.length];
    const title = (template as string)
      .replace('{year}', year)
      .replace('{committee}', jur.committee)
      .replace('{whole}', jur.whole)
      .replace('{region}', jur.region);
    const groups = rng.chance(0.2) ? rng.sample(roster.activityGroups, rng.int(2, 3)) : [];
    const audience: Notice['audience'] = groups.length > 0 ? { kind: 'groups', activityGroupIds: groups.map((g) => g.id) } : { kind: 'all' };
    const repliesDueMs = publishedMs + 10 * DAY_MS;
    const notice = store.add('notice', {
      id: store.id(createdMs),
      createdAt: iso(createdMs),
      updatedAt: iso(publishedMs),
      kind: consultation ? 'consultation' : 'briefing',
      title,
      body: consultation
        ? `为充分发扬党内民主，现将有关材料印发给各位党代表，请认真研究并于${chineseDate(chinaDate(repliesDueMs))}前反馈意见建议。`
        : `根据重大事项向党代表通报制度，现将有关情况通报如下，请各位代表了解掌握，并做好向党员群众的宣传解释工作。`,
      audience,
      publishedAt: iso(publishedMs),
      ...(consultation ? { repliesDueAt: iso(repliesDueMs) } : {}),
    });
    const readers: Delegate[] =
      audience.kind === 'groups' ? groups.flatMap((g) => roster.activeByGroup.get(g.id) ?? []) : roster.active;
    for (const delegate of readers) {
      if (!rng.chance(0.88)) continue;
      const readMs = publishedMs + rng.int(1, 10 * 24) * HOUR_MS;
      if (readMs > nowMs) continue;
      const replies = consultation && rng.chance(0.2);
      const repliedMs = Math.min(readMs + rng.int(1, 72) * HOUR_MS, repliesDueMs);
      const replied = replies && repliedMs <= nowMs && repliedMs >= readMs;
      const readAt = iso(readMs);
      store.add('noticeReceipt', {
        id: store.id(readMs),
        createdAt: readAt,
        updatedAt: replied ? iso(repliedMs) : readAt,
        noticeId: notice.id,
        delegateId: delegate.id,
        readAt,
        ...(replied ? { reply: rng.pick(REPLIES), repliedAt: iso(repliedMs) } : {}),
      });
    }
  }
}
