// A small congress with one of everything the handling report counts, for the reports' tests. Every figure the
// tests expect can be worked out by hand from the comments here. Used only by *.test.ts.
import {
  categorySchema,
  handlingUnitSchema,
  newId,
  type AnnualMeeting,
  type Category,
  type Cosignature,
  type HandlingAssignment,
  type HandlingUnit,
  type Proposal,
  type Reply,
  type ReplyRating,
} from '../domain';
import { buildAssignment, buildCosignature, buildMeeting, buildProposal, buildRating, buildReply, buildSettings, cast } from '../lifecycle/fixtures';
import type { HandlingReportInput } from './handlingReport';

const STAMP = '2026-03-01T00:00:00.000Z';

export function reportFixture() {
  const people = cast();
  const congressId = newId();
  const m1: AnnualMeeting = buildMeeting({ congressId, name: '某某县第十五届党代会第一次年会', startDate: '2026-03-10', endDate: '2026-03-12' });
  const m2: AnnualMeeting = buildMeeting({ congressId, name: '某某县第十五届党代会第二次年会', session: 2, startDate: '2027-03-10', endDate: '2027-03-12' });
  const category = (name: string, sortOrder: number): Category => categorySchema.parse({ id: newId(), createdAt: STAMP, updatedAt: STAMP, name, sortOrder });
  const party = category('党的建设', 0);
  const economy = category('经济发展', 1);
  const law = category('政法', 2); // nothing filed: an empty category
  const unit = (id: string, name: string): HandlingUnit => handlingUnitSchema.parse({ id, createdAt: STAMP, updatedAt: STAMP, name });
  const units = [unit(people.unitA, '县教育局'), unit(people.unitB, '县财政局'), unit(people.unitC, '县卫生健康局')];
  const delegates = [
    { id: people.lead, name: '张三' },
    { id: people.invitees[0], name: '李四' },
    { id: people.invitees[1], name: '王五' },
    { id: people.invitees[2], name: '赵六' },
  ];
  const decided = (decision: 'accept' | 'merge' | 'convert' | 'reject', extra: Partial<NonNullable<Proposal['review']>> = {}) => ({
    review: { decision, decidedBy: people.staff, decidedAt: '2026-03-20T02:00:00.000Z', ...extra },
  });
  let received = 0;
  const motion = (overrides: Partial<Proposal>): Proposal =>
    buildProposal(people, {
      kind: 'motion',
      meetingId: m1.id,
      categoryId: party.id,
      receivedAt: `2026-03-10T0${received++}:00:00.000Z`,
      ...overrides,
    });

  // 提案 of the first meeting: 5 立案, 1 转为意见建议, 1 并案, 1 不予立案 (no category), 1 withdrawn, 1 draft.
  const p1 = motion({ title: '关于加强农村饮水安全保障的提案', status: 'closed', number: 1, isKey: true, ...decided('accept') });
  const p2 = motion({ title: '关于加强基层党组织书记队伍建设的提案', status: 'closed', number: 2, ...decided('accept') });
  const p3 = motion({ title: '关于解决中小微企业融资难问题的提案', status: 'closed', number: 3, categoryId: economy.id, ...decided('accept') });
  const p4 = motion({ title: '关于推动县域商贸物流发展的提案', status: 'assigned', number: 4, categoryId: economy.id, isKey: true, isSupervised: true, ...decided('accept') });
  const p5 = motion({ title: '关于发展全域旅游的提案', status: 'assigned', number: 5, categoryId: economy.id, ...decided('accept') });
  const p6 = motion({ title: '关于完善党代表联系群众制度的提案', status: 'replied', kind: 'suggestion', ...decided('convert') });
  const p7 = motion({ title: '关于缓解小微企业融资困难的提案', status: 'merged', categoryId: economy.id, ...decided('merge', { mergedIntoId: p1.id }) });
  const p8 = motion({ title: '关于解决本人子女就业问题的提案', status: 'rejected', categoryId: undefined, ...decided('reject', { reasonCode: 'personal' }) });
  const withdrawn = motion({ status: 'withdrawn' });
  const draft = buildProposal(people, { kind: 'motion', meetingId: m1.id, status: 'draft' });
  // Recess: one 提议 立案 (2026年第1号) waiting for 交办, one 意见建议 in review; two outside the period.
  const r1 = buildProposal(people, { kind: 'proposal', categoryId: party.id, status: 'accepted', number: 1, receivedAt: '2026-04-20T02:00:00.000Z', ...decided('accept', { decidedAt: '2026-05-01T02:00:00.000Z' }) });
  const r2 = buildProposal(people, { kind: 'suggestion', categoryId: economy.id, status: 'inReview', receivedAt: '2026-05-02T02:00:00.000Z' });
  const tooLate = buildProposal(people, { kind: 'proposal', categoryId: party.id, status: 'received', receivedAt: '2027-04-01T02:00:00.000Z' });
  const tooEarly = buildProposal(people, { kind: 'proposal', categoryId: party.id, status: 'received', receivedAt: '2026-03-01T02:00:00.000Z' });
  const otherMeeting = buildProposal(people, { kind: 'motion', meetingId: m2.id, categoryId: party.id, status: 'received', receivedAt: '2027-03-10T02:00:00.000Z' });

  const cosignatures: Cosignature[] = [
    buildCosignature(p1, people.invitees[0], 'confirmed'),
    buildCosignature(p1, people.invitees[1], 'confirmed'),
    buildCosignature(p1, people.invitees[2], 'declined'),
  ];

  const assignments: HandlingAssignment[] = [];
  const replies: Reply[] = [];
  const ratings: ReplyRating[] = [];
  const assign = (p: Proposal, overrides: Partial<HandlingAssignment>) => {
    const a = buildAssignment(p, people, { assignedAt: '2026-03-25T02:00:00.000Z', deadline: '2026-06-10', coUnitIds: [], ...overrides });
    assignments.push(a);
    return a;
  };
  const reply = (a: HandlingAssignment, unitId: string, resultClass: Reply['resultClass'], repliedOn: string) => {
    const r = buildReply(a, unitId, { resultClass, repliedOn });
    replies.push(r);
    return r;
  };

  // p1: 教育局 主办 + 财政局 协办; A on time; 满意 (work 满意, result 基本满意).
  const a1 = assign(p1, { leadUnitId: people.unitA, coUnitIds: [people.unitB] });
  ratings.push(buildRating(reply(a1, people.unitA, 'A', '2026-06-01'), people.lead, { overall: 'satisfied', handlingWork: 'satisfied', result: 'basicallySatisfied' }));
  // p2: 分办 教育局 (B, on time) + 卫健局 (C, late): the item is C, and not on time; 基本满意.
  const a2 = assign(p2, { mode: 'split', leadUnitId: undefined, splitUnitIds: [people.unitA, people.unitC] });
  reply(a2, people.unitA, 'B', '2026-06-05');
  ratings.push(buildRating(reply(a2, people.unitC, 'C', '2026-06-12'), people.lead, { overall: 'basicallySatisfied' }));
  // p3: 财政局; round 1 C on time, 不满意 → 重新办理; round 2 A, 满意 → closed.
  const a3 = assign(p3, { leadUnitId: people.unitB });
  ratings.push(buildRating(reply(a3, people.unitB, 'C', '2026-06-08'), people.lead, { overall: 'unsatisfied', updatedAt: '2026-06-15T02:00:00.000Z' }));
  const a3b = assign(p3, { leadUnitId: people.unitB, round: 2, assignedAt: '2026-06-15T02:00:00.000Z', deadline: '2026-07-10' });
  ratings.push(buildRating(reply(a3b, people.unitB, 'A', '2026-07-05'), people.lead, { overall: 'satisfied', updatedAt: '2026-07-20T02:00:00.000Z' }));
  // p4: 财政局, deadline 2026-08-01 passed without a reply: 31 days overdue on 2026-09-01.
  assign(p4, { leadUnitId: people.unitB, deadline: '2026-08-01' });
  // p5: 卫健局 returned it (退回); 教育局 has it now, due 2026-09-10 (within 15 days).
  assign(p5, { leadUnitId: people.unitC, returned: { unitId: people.unitC, reason: '职责不符', at: '2026-03-27T02:00:00.000Z' } });
  assign(p5, { leadUnitId: people.unitA, assignedAt: '2026-03-30T02:00:00.000Z', deadline: '2026-09-10' });
  // p6 (转为意见建议): 卫健局, 延期 to 2026-07-10, B on 2026-07-01 (on time after the extension); not rated yet.
  const a6 = assign(p6, { leadUnitId: people.unitC, extensions: [{ newDeadline: '2026-07-10', reason: '需协调', at: '2026-06-01T02:00:00.000Z', by: people.staff }] });
  reply(a6, people.unitC, 'B', '2026-07-01');

  const settings = buildSettings();
  const input: HandlingReportInput = {
    meeting: m1,
    meetings: [m2, m1],
    proposals: [p1, p2, p3, p4, p5, p6, p7, p8, withdrawn, draft, r1, r2, tooLate, tooEarly, otherMeeting],
    cosignatures,
    assignments,
    replies,
    ratings,
    categories: [law, economy, party],
    units,
    delegates,
    settings,
    today: '2026-09-01',
  };
  return { input, people, meetings: { m1, m2 }, categories: { party, economy, law }, proposals: { p1, p2, p3, p4, p5, p6, p7, p8, r1, r2 } };
}
