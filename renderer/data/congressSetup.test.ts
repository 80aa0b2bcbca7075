import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_CATEGORIES, ENTITY_NAMES, type EntityName } from '../../shared/domain';
import { importRoster } from '../../shared/roster-import';
import { parseCongressProfile } from '../../shared/profile/congressProfile';
import { openDatabase, type DelegateDeskDb } from './db';
import { Repository, RecordValidationError } from './repository';
import { generateDemoCongress } from '../../shared/demo';
import { appendRoster, createCongress, exportCongressProfile, joinFromProfile, loadDemoCongress, loadExistingRoster, SETUP_ACTOR } from './congressSetup';

const opened: DelegateDeskDb[] = [];

function freshRepo(): Repository {
  const db = openDatabase('t-' + Math.random().toString(36).slice(2));
  opened.push(db);
  return new Repository(db, 'device-test-1', SETUP_ACTOR);
}

afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

const HEADER = ['姓名', '性别', '代表证号', '代表团', '活动组', '工作单位及职务', '联系电话'];
const ROSTER_ROWS = [
  HEADER,
  ['张三', '男', '001', '城关镇代表团', '第一活动组', '城关镇党委书记', '13800000001'],
  ['李晓梅', '女', '002', '教育系统代表团', '第二活动组', '县第一中学教师', ''],
  ['王五', '男', '003', '城关镇代表团', '第一活动组', '', ''],
];

const MEETING = { session: 3, name: '十五届三次会议', startDate: '2026-03-10', endDate: '2026-03-12', proposalDeadline: '2026-03-11T10:00:00.000Z' };

async function rowCounts(db: DelegateDeskDb): Promise<Partial<Record<EntityName, number>>> {
  const counts: Partial<Record<EntityName, number>> = {};
  for (const entity of ENTITY_NAMES) {
    const n = await db.table(entity).count();
    if (n > 0) counts[entity] = n;
  }
  return counts;
}

/** Every stored row has exactly one change record naming it. */
async function expectOneChangePerRow(db: DelegateDeskDb): Promise<void> {
  const changes = await db.changes.toArray();
  const rows: string[] = [];
  for (const entity of ENTITY_NAMES) {
    for (const row of await db.table(entity).toArray()) rows.push(`${entity}:${(row as { id: string }).id}`);
  }
  expect(changes.map((c) => `${c.entity}:${c.entityId}`).sort()).toEqual(rows.sort());
}

async function createSample(repo: Repository) {
  return createCongress(repo, {
    name: '中国共产党某某县第十五次代表大会',
    term: 15,
    region: '某某县',
    staffName: '王干事',
    categories: [...DEFAULT_CATEGORIES, '  ', '其他'],
    handlingUnits: ['县教育局', '县交通运输局', '县教育局'],
    roster: importRoster(ROSTER_ROWS),
    meeting: MEETING,
  });
}

describe('createCongress', () => {
  it('stores congress, default settings, lists, staff, roster and meeting, each with a change record', async () => {
    const repo = freshRepo();
    const { congressId, staffId } = await createSample(repo);
    const db = repo.db;

    expect(await rowCounts(db)).toEqual({
      congress: 1, congressSettings: 1, staff: 1, category: DEFAULT_CATEGORIES.length, handlingUnit: 2,
      delegation: 2, activityGroup: 2, delegate: 3, annualMeeting: 1,
    });
    expect(await db.congress.get(congressId)).toMatchObject({ name: '中国共产党某某县第十五次代表大会', term: 15, region: '某某县' });
    expect(await db.congressSettings.get(congressId)).toMatchObject({ minCosignersMeeting: 9, handlingMonths: 3 });
    expect(await db.staff.get(staffId)).toMatchObject({ name: '王干事' });
    expect((await db.category.orderBy('sortOrder').toArray()).map((c) => c.name)).toEqual([...DEFAULT_CATEGORIES]);
    const zhang = await db.delegate.where('delegateNumber').equals('001').first();
    const group = await db.activityGroup.get(zhang!.activityGroupId!);
    expect(group?.name).toBe('第一活动组');
    expect(await db.annualMeeting.toArray()).toEqual([expect.objectContaining({ ...MEETING, congressId })]);

    await expectOneChangePerRow(db);
    const actors = new Set((await db.changes.toArray()).map((c) => `${c.actor.kind}:${c.actor.id}`));
    expect([...actors]).toEqual([`staff:${staffId}`]);
  });

  it('stores nothing when one row fails its schema', async () => {
    const repo = freshRepo();
    const roster = importRoster(ROSTER_ROWS);
    roster.delegates[1] = { ...roster.delegates[1]!, name: '' };
    await expect(createCongress(repo, { name: '某某县党代会', term: 15, staffName: '王干事', categories: ['其他'], handlingUnits: [], roster })).rejects.toBeInstanceOf(
      RecordValidationError,
    );
    expect(await rowCounts(repo.db)).toEqual({});
    expect(await repo.db.changes.count()).toBe(0);
  });
});

describe('appendRoster', () => {
  it('adds the new delegates, reusing stored delegations', async () => {
    const repo = freshRepo();
    await createSample(repo);
    const more = importRoster([HEADER, ['赵六', '女', '004', '城关镇代表团', '', '', ''], ['重复', '男', '001', '', '', '', '']], await loadExistingRoster(repo.db));
    expect(more.errors.map((e) => e.row)).toEqual([3]);
    expect(await appendRoster(repo, more)).toBe(1);
    expect(await repo.db.delegate.count()).toBe(4);
    expect(await repo.db.delegation.count()).toBe(2);
    await expectOneChangePerRow(repo.db);
  });
});

describe('exportCongressProfile and joinFromProfile', () => {
  it('a delegate laptop stores the office records with the same ids, once per row', async () => {
    const office = freshRepo();
    const { congressId } = await createSample(office);
    const bytes = await exportCongressProfile(office.db, congressId);
    const parsed = parseCongressProfile(new TextDecoder().decode(bytes));
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.profile.delegates).toHaveLength(3);
    expect(parsed.profile.meetings).toHaveLength(1);

    const laptop = freshRepo();
    const me = parsed.profile.delegates.find((d) => d.name === '李晓梅')!;
    expect(await joinFromProfile(laptop, parsed.profile, me.id)).toEqual({ congressId });

    expect(await rowCounts(laptop.db)).toEqual(await rowCounts(office.db));
    expect(await laptop.db.delegate.get(me.id)).toEqual(await office.db.delegate.get(me.id));
    await expectOneChangePerRow(laptop.db);

    // Opening the same file again adds nothing.
    await joinFromProfile(laptop, parsed.profile, me.id);
    expect(await laptop.db.changes.count()).toBe(await office.db.changes.count());
  });

  it('refuses a delegate not in the file and rolls back a file with a bad record', async () => {
    const office = freshRepo();
    const { congressId } = await createSample(office);
    const parsed = parseCongressProfile(new TextDecoder().decode(await exportCongressProfile(office.db, congressId)));
    if (!parsed.ok) throw new Error(parsed.message);
    const laptop = freshRepo();
    await expect(joinFromProfile(laptop, parsed.profile, 'NOT-IN-FILE')).rejects.toThrow('所选代表不在该代表名册文件中');

    const broken = { ...parsed.profile, meetings: [{ ...parsed.profile.meetings[0]!, session: 0 }] };
    await expect(joinFromProfile(laptop, broken, parsed.profile.delegates[0]!.id)).rejects.toBeInstanceOf(RecordValidationError);
    expect(await rowCounts(laptop.db)).toEqual({});
    expect(await laptop.db.changes.count()).toBe(0);
  });

  it('export refuses an unknown congress', async () => {
    const repo = freshRepo();
    await expect(exportCongressProfile(repo.db, 'NOPE')).rejects.toThrow('本机没有该党代会的数据');
  });
});

describe('loadDemoCongress', () => {
  const NOW = new Date('2026-06-01T04:00:00.000Z');

  it('stores every generated record with its own id and timestamps, one change record each', async () => {
    const repo = freshRepo();
    const expected = generateDemoCongress({ seed: 7, now: NOW, size: 'county-1y' });
    const loaded = await loadDemoCongress(repo, { seed: 7, now: NOW });

    expect(loaded).toEqual({ congressId: expected.congress![0]!.id, staffId: expected.officeStaff.id, sampleDelegateId: expected.meta.sampleDelegateId });
    const counts = Object.fromEntries(Object.entries(expected.meta.counts).filter(([, n]) => n > 0));
    expect(await rowCounts(repo.db)).toEqual(counts);
    expect(counts.proposal).toBeGreaterThan(250);
    const proposal = expected.proposal![10]!;
    expect(await repo.db.proposal.get(proposal.id)).toEqual(proposal);
    expect(await repo.db.staff.get(loaded.staffId)).toEqual(expected.officeStaff);
    expect((await repo.db.delegate.get(loaded.sampleDelegateId))?.name).toBeTruthy();
    // Proposals are searchable straight away.
    expect(await repo.db.searchIndex.count()).toBe(counts.proposal);
    await expectOneChangePerRow(repo.db);

    // The same dataset again: nothing is added.
    const changes = await repo.db.changes.count();
    await loadDemoCongress(repo, { seed: 7, now: NOW });
    expect(await repo.db.changes.count()).toBe(changes);
  }, 60_000);

  it('stores nothing when the database refuses one row', async () => {
    const repo = freshRepo();
    const expected = generateDemoCongress({ seed: 7, now: NOW, size: 'county-1y' });
    // A delegate already holding one of the demo's 代表证号 (unique index) makes the bulk insert fail midway.
    const { id: _id, createdAt: _c, updatedAt: _u, ...clash } = expected.delegate![5]!;
    await repo.write((w) => w.create('delegate', clash));
    await expect(loadDemoCongress(repo, { seed: 7, now: NOW })).rejects.toThrow();
    expect(await rowCounts(repo.db)).toEqual({ delegate: 1 });
    expect(await repo.db.changes.count()).toBe(1);
  }, 60_000);
});
