import {
  congressSettingsSchema,
  ENTITY_NAMES,
  newId,
  type Actor,
  type EntityName,
  type EntityRecord,
} from '../../shared/domain';
import { generateDemoCongress } from '../../shared/demo';
import type { ExistingRoster, RosterImportResult } from '../../shared/roster-import';
import { buildCongressProfile, serializeCongressProfile, type CongressProfile } from '../../shared/profile/congressProfile';
import type { DelegateDeskDb } from './db';
import type { Repository, Writer } from './repository';

/** Who writes during first start when no staff member exists yet (joining, demo data). */
export const SETUP_ACTOR: Actor = { kind: 'system', id: 'setup', name: '初始化' };

/** The current annual meeting (年会), entered while creating the congress. */
export interface NewMeetingInput {
  /** 第N次会议 within the term */
  session: number;
  name: string;
  startDate: string;
  endDate: string;
  /** 提案截止时间, ISO date-time */
  proposalDeadline: string;
}

export interface NewCongressInput {
  name: string;
  /** 届次 */
  term: number;
  region?: string;
  /** The office staff member setting the congress up on this computer */
  staffName: string;
  categories: readonly string[];
  handlingUnits: readonly string[];
  /** Good rows of an imported roster; rows with errors were already left out by the importer */
  roster: RosterImportResult | null;
  meeting?: NewMeetingInput;
}

/** Trimmed, non-empty, each name once, in the order given. */
function cleanNames(names: readonly string[]): string[] {
  return [...new Set(names.map((n) => n.trim()).filter((n) => n.length > 0))];
}

async function storeRoster(w: Writer, roster: RosterImportResult, actor: Actor, action: string): Promise<void> {
  await w.createMany('delegation', roster.delegations, { action, actor });
  await w.createMany('activityGroup', roster.activityGroups, { action, actor });
  await w.createMany('delegate', roster.delegates, { action, actor });
}

/**
 * 创建党代会: the office's first start. Stores the congress, its settings (defaults), categories, handling units,
 * the staff member, the imported roster and the current annual meeting in one transaction: all or nothing.
 */
export async function createCongress(repo: Repository, input: NewCongressInput): Promise<{ congressId: string; staffId: string }> {
  const congressId = newId();
  const staffId = newId();
  const staffName = input.staffName.trim();
  const actor: Actor = { kind: 'staff', id: staffId, name: staffName };
  const options = { action: 'createCongress', actor };
  await repo.write(async (w) => {
    await w.create('congress', { id: congressId, name: input.name.trim(), term: input.term, region: input.region?.trim() || undefined }, options);
    const { createdAt: _c, updatedAt: _u, ...settings } = congressSettingsSchema.parse({ id: congressId, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() });
    await w.create('congressSettings', settings, options);
    await w.create('staff', { id: staffId, name: staffName }, options);
    await w.createMany('category', cleanNames(input.categories).map((name, sortOrder) => ({ name, sortOrder })), options);
    await w.createMany('handlingUnit', cleanNames(input.handlingUnits).map((name, sortOrder) => ({ name, sortOrder, active: true })), options);
    if (input.roster) await storeRoster(w, input.roster, actor, 'importRoster');
    if (input.meeting) await w.create('annualMeeting', { ...input.meeting, congressId }, options);
  });
  return { congressId, staffId };
}

/** What is stored already, so a later roster import keeps 代表证号 unique and reuses delegations and groups. */
export async function loadExistingRoster(db: DelegateDeskDb): Promise<ExistingRoster> {
  const [delegates, delegations, activityGroups] = await Promise.all([db.delegate.toArray(), db.delegation.toArray(), db.activityGroup.toArray()]);
  return { delegates, delegations, activityGroups };
}

/** 导入名册 later on: appends the good rows of an import to the stored roster, in one transaction. */
export async function appendRoster(repo: Repository, roster: RosterImportResult): Promise<number> {
  await repo.write((w) => storeRoster(w, roster, repo.currentActor(), 'importRoster'));
  return roster.delegates.length;
}

/** Creates the rows whose ids are not stored yet, so opening the same profile again adds only what is new. */
async function createMissing<E extends EntityName>(w: Writer, entity: E, rows: readonly EntityRecord<E>[], actor: Actor): Promise<void> {
  if (rows.length === 0) return;
  const table = w.tx.table(entity);
  const stored = await table.bulkGet(rows.map((r) => r.id));
  const missing = rows.filter((_, i) => stored[i] === undefined);
  await w.createMany(entity, missing, { action: 'joinFromProfile', actor });
}

/**
 * 以党代表身份加入: stores the congress as the office published it in the profile file, keeping the office's ids
 * and timestamps, so this laptop and the office speak of the same records.
 */
export async function joinFromProfile(repo: Repository, profile: CongressProfile, delegateId: string): Promise<{ congressId: string }> {
  const delegate = profile.delegates.find((d) => d.id === delegateId);
  if (!delegate) throw new Error('所选代表不在该代表名册文件中');
  if (delegate.status === 'ended') throw new Error(`${delegate.name}的代表资格已终止，不能以其身份加入`);
  const actor = SETUP_ACTOR;
  await repo.write(async (w) => {
    await createMissing(w, 'congress', [profile.congress], actor);
    await createMissing(w, 'congressSettings', [profile.settings], actor);
    await createMissing(w, 'category', profile.categories, actor);
    await createMissing(w, 'handlingUnit', profile.handlingUnits, actor);
    await createMissing(w, 'delegation', profile.delegations, actor);
    await createMissing(w, 'activityGroup', profile.activityGroups, actor);
    await createMissing(w, 'delegate', profile.delegates, actor);
    await createMissing(w, 'staff', profile.staff, actor);
    await createMissing(w, 'annualMeeting', profile.meetings, actor);
    await createMissing(w, 'deviceBinding', profile.officeDevices, actor);
  });
  return { congressId: profile.congress.id };
}

/** 导出代表名册文件: the document delegates join with, as UTF-8 JSON bytes. */
export async function exportCongressProfile(db: DelegateDeskDb, congressId: string, now: Date = new Date()): Promise<Uint8Array<ArrayBuffer>> {
  const profile = await readCongressProfile(db, congressId, now);
  return new TextEncoder().encode(serializeCongressProfile(profile));
}

export async function readCongressProfile(db: DelegateDeskDb, congressId: string, now: Date = new Date()): Promise<CongressProfile> {
  const tables = [db.congress, db.congressSettings, db.category, db.handlingUnit, db.delegation, db.activityGroup, db.delegate, db.staff, db.annualMeeting, db.deviceBinding];
  return db.transaction('r', tables, async () => {
    const [congress, settings, categories, handlingUnits, delegations, activityGroups, delegates, staff, meetings, deviceBindings] = await Promise.all([
      db.congress.get(congressId),
      db.congressSettings.get(congressId),
      db.category.toArray(),
      db.handlingUnit.toArray(),
      db.delegation.toArray(),
      db.activityGroup.toArray(),
      db.delegate.toArray(),
      db.staff.toArray(),
      db.annualMeeting.where('congressId').equals(congressId).toArray(),
      db.deviceBinding.where('role').equals('office').toArray(),
    ]);
    if (!congress || congress.deletedAt) throw new Error('本机没有该党代会的数据');
    if (!settings) throw new Error('党代会设置缺失，无法导出代表名册文件');
    return buildCongressProfile({ congress, settings, categories, handlingUnits, delegations, activityGroups, delegates, staff, meetings, deviceBindings }, now);
  });
}

export interface DemoCongressLoaded {
  congressId: string;
  /** The office staff member to act as when using the demo as 常任办 */
  staffId: string;
  /** A busy delegate to act as when using the demo as a delegate */
  sampleDelegateId: string;
}

/**
 * 载入演示数据: a year of a county congress from the seeded generator, stored in one transaction, keeping the
 * generator's ids and timestamps. Loading it again into the same database (same seed and time) stores nothing.
 */
export async function loadDemoCongress(repo: Repository, options: { seed?: number; now?: Date } = {}): Promise<DemoCongressLoaded> {
  const dataset = generateDemoCongress({ seed: options.seed, now: options.now, size: 'county-1y' });
  const congress = dataset.congress?.[0];
  if (!congress) throw new Error('演示数据中没有党代会');
  const loaded = { congressId: congress.id, staffId: dataset.officeStaff.id, sampleDelegateId: dataset.meta.sampleDelegateId };
  const writeOptions = { action: 'loadDemo', actor: SETUP_ACTOR };
  await repo.write(async (w) => {
    if (await w.tx.table('congress').get(congress.id)) return;
    // ENTITY_NAMES lists the roster first, then what refers to it.
    for (const entity of ENTITY_NAMES) {
      const rows = dataset[entity] as EntityRecord<EntityName>[] | undefined;
      if (rows && rows.length > 0) await w.createMany(entity, rows, writeOptions);
    }
  });
  return loaded;
}
