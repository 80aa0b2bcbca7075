// Test builders for the review data layer: an office machine with a small congress, and proposals that have
// reached the office. Used only by *.test.ts(x).
import { DEFAULT_CATEGORIES, newId, type Proposal } from '../../shared/domain';
import { importRoster } from '../../shared/roster-import';
import { createCongress, SETUP_ACTOR } from './congressSetup';
import { openDatabase, type DelegateDeskDb } from './db';
import { Repository } from './repository';

const ROSTER = [
  ['姓名', '性别', '代表证号', '代表团'],
  ['张建国', '男', '001', '城关镇代表团'],
  ['李晓梅', '女', '002', '教育系统代表团'],
  ['王德明', '男', '003', '城关镇代表团'],
];

/** The office PC that created the congress (so, by default, the numbering machine), with one annual meeting. */
export async function officeMachine() {
  const db: DelegateDeskDb = openDatabase(`review-${newId()}`);
  await db.open();
  const deviceId = newId();
  const repo = new Repository(db, deviceId, SETUP_ACTOR);
  const { congressId, staffId } = await createCongress(repo, {
    name: '中国共产党某某县第十五次代表大会',
    term: 15,
    staffName: '刘秘书',
    categories: [...DEFAULT_CATEGORIES],
    handlingUnits: ['县教育局'],
    roster: importRoster(ROSTER),
    meeting: { session: 3, name: '十五届三次会议', startDate: '2026-03-10', endDate: '2026-03-12', proposalDeadline: '2099-03-11T10:00:00.000Z' },
  });
  repo.setActor({ kind: 'staff', id: staffId, name: '刘秘书' });
  const [meeting] = await db.annualMeeting.toArray();
  const delegates = (await db.delegate.toArray()).sort((a, b) => a.delegateNumber.localeCompare(b.delegateNumber));
  const categories = (await db.category.toArray()).sort((a, b) => a.sortOrder - b.sortOrder);
  return { db, repo, deviceId, congressId, staffId, meetingId: meeting!.id, delegates, categories, acting: { role: 'office' as const, actorId: staffId } };
}

export type OfficeMachine = Awaited<ReturnType<typeof officeMachine>>;

/** A proposal as it stands once the office has it (已接收 unless told otherwise). */
export async function proposalAtOffice(office: OfficeMachine, fields: Partial<Proposal> & { title: string }): Promise<Proposal> {
  const at = new Date().toISOString();
  return office.repo.write((w) =>
    w.create(
      'proposal',
      {
        kind: 'proposal',
        background: '部分山区村组仍存在季节性缺水，供水设施老化，水质检测覆盖不足。',
        recommendations: '一是加快供水管网改造；二是建立水质定期检测和公示制度。',
        suggestedUnitIds: [],
        leadDelegateId: office.delegates[0]!.id,
        invitedCosignerIds: [],
        categoryId: office.categories[0]!.id,
        status: 'received',
        submittedAt: at,
        receivedAt: at,
        isKey: false,
        isSupervised: false,
        ...fields,
      },
      { action: 'create' },
    ),
  );
}
