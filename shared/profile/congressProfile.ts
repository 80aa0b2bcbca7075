import { z } from 'zod';
import {
  activityGroupSchema,
  annualMeetingSchema,
  categorySchema,
  congressSchema,
  congressSettingsSchema,
  dateTimeSchema,
  delegateSchema,
  delegationSchema,
  handlingUnitSchema,
  staffSchema,
  deviceBindingSchema,
  type DeviceBinding,
  type ActivityGroup,
  type AnnualMeeting,
  type Category,
  type Congress,
  type CongressSettings,
  type Delegate,
  type Delegation,
  type HandlingUnit,
  type Staff,
} from '../domain';

/**
 * 代表名册文件 (`.ddprofile.json`): what the congress office hands a delegate so the delegate's laptop knows
 * the congress, its settings and lists, and who the delegates are. A delegate joins by opening it and picking
 * themselves. Versioned so an older app refuses a file it cannot understand instead of misreading it.
 */
export const CONGRESS_PROFILE_FORMAT = 'delegatedesk-profile';
export const CONGRESS_PROFILE_VERSION = 1;
export const CONGRESS_PROFILE_EXTENSION = '.ddprofile.json';

/** Office staff as delegates see them: who they are, nothing else (no device keys). */
export const profileStaffSchema = staffSchema.pick({ id: true, createdAt: true, updatedAt: true, name: true, title: true });
export type ProfileStaff = z.infer<typeof profileStaffSchema>;

export const congressProfileSchema = z.object({
  format: z.literal(CONGRESS_PROFILE_FORMAT),
  version: z.literal(CONGRESS_PROFILE_VERSION),
  exportedAt: dateTimeSchema,
  congress: congressSchema,
  settings: congressSettingsSchema,
  categories: z.array(categorySchema),
  handlingUnits: z.array(handlingUnitSchema),
  delegations: z.array(delegationSchema),
  activityGroups: z.array(activityGroupSchema),
  delegates: z.array(delegateSchema),
  staff: z.array(profileStaffSchema),
  meetings: z.array(annualMeetingSchema),
  /**
   * The office's own device bindings: the trust root of sync. A delegate's machine verifies the office's signed
   * bundles with these keys, and seals what it sends to the office with them.
   */
  officeDevices: z.array(deviceBindingSchema.refine((b) => b.role === 'office', '只能包含常任办设备')).default([]),
  /**
   * Reserved: the sync issue will sign the document with the office key (Ed25519 over the document without
   * this field). Unsigned files are accepted until then; nothing reads this field yet.
   */
  signature: z.string().optional(),
});
export type CongressProfile = z.infer<typeof congressProfileSchema>;

export interface CongressProfileContents {
  congress: Congress;
  settings: CongressSettings;
  categories: readonly Category[];
  handlingUnits: readonly HandlingUnit[];
  delegations: readonly Delegation[];
  activityGroups: readonly ActivityGroup[];
  delegates: readonly Delegate[];
  staff: readonly Staff[];
  meetings: readonly AnnualMeeting[];
  deviceBindings?: readonly DeviceBinding[];
}

const alive = <T extends { deletedAt?: string }>(records: readonly T[]): T[] => records.filter((r) => !r.deletedAt);
const bySortOrder = <T extends { sortOrder: number }>(a: T, b: T) => a.sortOrder - b.sortOrder;

/** The document for the given records. Deleted (tombstoned) records are left out; staff keep only their names. */
export function buildCongressProfile(contents: CongressProfileContents, exportedAt: Date = new Date()): CongressProfile {
  return congressProfileSchema.parse({
    format: CONGRESS_PROFILE_FORMAT,
    version: CONGRESS_PROFILE_VERSION,
    exportedAt: exportedAt.toISOString(),
    congress: contents.congress,
    settings: contents.settings,
    categories: alive(contents.categories).sort(bySortOrder),
    handlingUnits: alive(contents.handlingUnits).sort(bySortOrder),
    delegations: alive(contents.delegations).sort(bySortOrder),
    activityGroups: alive(contents.activityGroups).sort(bySortOrder),
    delegates: alive(contents.delegates).sort((a, b) => a.delegateNumber.localeCompare(b.delegateNumber, 'zh-CN', { numeric: true })),
    staff: alive(contents.staff).map(({ id, createdAt, updatedAt, name, title }) => ({ id, createdAt, updatedAt, name, title })),
    meetings: alive(contents.meetings).filter((m) => m.congressId === contents.congress.id),
    officeDevices: alive(contents.deviceBindings ?? []).filter((b) => b.role === 'office'),
  });
}

export function serializeCongressProfile(profile: CongressProfile): string {
  return JSON.stringify(profile, null, 2);
}

export type ProfileParseResult = { ok: true; profile: CongressProfile } | { ok: false; message: string };

const NOT_A_PROFILE = '文件不是有效的代表名册文件';

/** Chinese names of the document's parts, for error messages. */
const PART_LABELS: Record<string, string> = {
  congress: '党代会信息',
  settings: '党代会设置',
  categories: '类别',
  handlingUnits: '承办单位',
  delegations: '代表团',
  activityGroups: '活动组',
  delegates: '代表',
  staff: '常任办工作人员',
  meetings: '年会',
  exportedAt: '导出时间',
  signature: '签名',
};

/**
 * Reads a 代表名册文件. Never throws: a damaged, foreign, too-new or inconsistent file yields a Chinese message
 * the join screen shows as is.
 */
export function parseCongressProfile(text: string): ProfileParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return { ok: false, message: `${NOT_A_PROFILE}：文件内容已损坏或不是 JSON 格式` };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { ok: false, message: NOT_A_PROFILE };
  const header = data as { format?: unknown; version?: unknown };
  if (header.format !== CONGRESS_PROFILE_FORMAT) return { ok: false, message: NOT_A_PROFILE };
  if (typeof header.version !== 'number' || !Number.isInteger(header.version) || header.version < 1) {
    return { ok: false, message: `${NOT_A_PROFILE}：无法识别文件版本` };
  }
  if (header.version > CONGRESS_PROFILE_VERSION) {
    return { ok: false, message: '该代表名册文件由更新版本的软件导出，版本过新，请升级软件后再打开' };
  }

  const parsed = congressProfileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, message: `${NOT_A_PROFILE}：${describeIssuePath(issue?.path ?? [])}不符合要求（${issue?.message ?? ''}）` };
  }
  const problem = findInconsistency(parsed.data);
  if (problem) return { ok: false, message: `${NOT_A_PROFILE}：${problem}` };
  return { ok: true, profile: parsed.data };
}

/** e.g. ['delegates', 3, 'name'] → 第 4 条代表记录的 name 字段 */
function describeIssuePath(path: readonly PropertyKey[]): string {
  const [part, index, field] = path;
  const label = typeof part === 'string' ? (PART_LABELS[part] ?? part) : '内容';
  const where = typeof index === 'number' ? `第 ${index + 1} 条${label}记录` : label;
  const fieldName = typeof index === 'number' ? field : index;
  return fieldName !== undefined ? `${where}的“${String(fieldName)}”字段` : where;
}

/** References inside the document must point at records in it; ids and 代表证号 must be unique. */
function findInconsistency(profile: CongressProfile): string | undefined {
  if (profile.settings.id !== profile.congress.id) return '党代会设置与党代会不对应';
  const ids = new Set<string>();
  const parts = ['categories', 'handlingUnits', 'delegations', 'activityGroups', 'delegates', 'staff', 'meetings'] as const;
  for (const part of parts) {
    for (const record of profile[part]) {
      if (ids.has(record.id)) return `${PART_LABELS[part]}记录编号重复`;
      ids.add(record.id);
    }
  }
  const delegationIds = new Set(profile.delegations.map((d) => d.id));
  const groupIds = new Set(profile.activityGroups.map((g) => g.id));
  const numbers = new Set<string>();
  for (const delegate of profile.delegates) {
    if (numbers.has(delegate.delegateNumber)) return `代表证号“${delegate.delegateNumber}”重复`;
    numbers.add(delegate.delegateNumber);
    if (delegate.delegationId && !delegationIds.has(delegate.delegationId)) return `代表“${delegate.name}”所属的代表团不在文件中`;
    if (delegate.activityGroupId && !groupIds.has(delegate.activityGroupId)) return `代表“${delegate.name}”所属的活动组不在文件中`;
  }
  if (profile.meetings.some((m) => m.congressId !== profile.congress.id)) return '年会不属于该党代会';
  return undefined;
}
