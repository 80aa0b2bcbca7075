import { activityGroupSchema, delegateSchema, delegationSchema, newId } from '../domain';
import type { ActivityGroup, Delegate, Delegation } from '../domain';
import { formatCsv } from './formatCsv';
import { mapHeader, REQUIRED_ROSTER_FIELDS, ROSTER_FIELD_LABELS } from './rosterHeader';
import type { ColumnMap, RosterField } from './rosterHeader';
import { checkPhone, parseGender } from './rosterFields';

export interface RosterImportError {
  /** 1-based row number as Excel shows it; the header is row 1 */
  row: number;
  field?: RosterField;
  /** Chinese, shown to the office as is */
  message: string;
}

export interface RosterImportResult {
  /** Valid rows as delegate records ready to store */
  delegates: Delegate[];
  /** Delegations named in the file that did not exist yet (existing ones are reused, not repeated here) */
  delegations: Delegation[];
  /** Activity groups named in the file that did not exist yet */
  activityGroups: ActivityGroup[];
  /** One entry per problem; a row with any error is left out of `delegates` */
  errors: RosterImportError[];
}

/** What is already stored, so numbers stay unique and names resolve to existing records. */
export interface ExistingRoster {
  delegates?: readonly Pick<Delegate, 'delegateNumber' | 'name' | 'deletedAt'>[];
  delegations?: readonly Pick<Delegation, 'id' | 'name' | 'sortOrder' | 'deletedAt'>[];
  activityGroups?: readonly Pick<ActivityGroup, 'id' | 'name' | 'sortOrder' | 'deletedAt'>[];
}

export interface RosterImportOptions {
  now?: Date;
  /** Id factory, for deterministic tests; defaults to a fresh time-ordered id */
  makeId?: (nowMs: number) => string;
}

/** Columns of the template, in order. 姓名 and 代表证号 are required. */
export const ROSTER_TEMPLATE_HEADERS = ['姓名', '性别', '代表证号', '代表团', '活动组', '工作单位及职务', '联系电话'] as const;

/** A CSV template with two sample rows the office replaces with its roster (UTF-8 with BOM, CRLF). */
export function rosterTemplateCsv(): string {
  return formatCsv([
    [...ROSTER_TEMPLATE_HEADERS],
    ['张三', '男', '001', '城关镇代表团', '第一活动组', '城关镇党委书记', '13800000001'],
    ['李晓梅', '女', '002', '教育系统代表团', '第二活动组', '县第一中学教师', '0790-1234567'],
  ]);
}

/**
 * Reads a roster table (from CSV or XLSX): the first non-blank row is the header, every later non-blank
 * row is one delegate. Rows with problems are reported with their Excel row number and left out; the
 * other rows are kept. A header without 姓名 or 代表证号 yields one error and no rows.
 */
export function importRoster(rows: readonly (readonly string[])[], existing: ExistingRoster = {}, options: RosterImportOptions = {}): RosterImportResult {
  const nowMs = (options.now ?? new Date()).getTime();
  const makeId = options.makeId ?? ((ms: number) => newId(ms));
  const timestamp = new Date(nowMs).toISOString();
  const result: RosterImportResult = { delegates: [], delegations: [], activityGroups: [], errors: [] };

  const headerIndex = rows.findIndex((row) => !isBlank(row));
  const header = rows[headerIndex];
  if (!header) {
    result.errors.push({ row: 1, message: '文件为空，未找到表头和代表信息' });
    return result;
  }
  const columns = mapHeader(header);
  const missing = REQUIRED_ROSTER_FIELDS.filter((field) => columns[field] === undefined);
  if (missing.length > 0) {
    const names = missing.map((field) => ROSTER_FIELD_LABELS[field]).join('、');
    result.errors.push({
      row: headerIndex + 1,
      message: `表头缺少必填列：${names}。请使用导入模板，表头应包含：${ROSTER_TEMPLATE_HEADERS.join('、')}`,
    });
    return result;
  }

  const delegations = new NameRegistry(existing.delegations ?? [], (name, sortOrder) => {
    const record = delegationSchema.parse({ id: makeId(nowMs), createdAt: timestamp, updatedAt: timestamp, name, sortOrder });
    result.delegations.push(record);
    return record.id;
  });
  const groups = new NameRegistry(existing.activityGroups ?? [], (name, sortOrder) => {
    const record = activityGroupSchema.parse({ id: makeId(nowMs), createdAt: timestamp, updatedAt: timestamp, name, sortOrder });
    result.activityGroups.push(record);
    return record.id;
  });
  const existingNumbers = new Map<string, string>();
  for (const delegate of existing.delegates ?? []) {
    if (!delegate.deletedAt) existingNumbers.set(delegate.delegateNumber.trim(), delegate.name);
  }
  const numbersInFile = new Map<string, number>();

  for (let index = headerIndex + 1; index < rows.length; index++) {
    const row = rows[index] ?? [];
    if (isBlank(row)) continue;
    const rowNumber = index + 1;
    const errors: RosterImportError[] = [];
    const fail = (field: RosterField, message: string) => errors.push({ row: rowNumber, field, message });
    const cell = (field: RosterField) => readCell(row, columns, field);

    const name = cell('name');
    if (!name) fail('name', `第 ${rowNumber} 行：姓名为空`);

    const delegateNumber = cell('delegateNumber');
    if (!delegateNumber) {
      fail('delegateNumber', `第 ${rowNumber} 行：代表证号为空`);
    } else {
      const earlierRow = numbersInFile.get(delegateNumber);
      const existingName = existingNumbers.get(delegateNumber);
      if (earlierRow !== undefined) {
        fail('delegateNumber', `第 ${rowNumber} 行：代表证号“${delegateNumber}”与第 ${earlierRow} 行重复`);
      } else if (existingName !== undefined) {
        fail('delegateNumber', `第 ${rowNumber} 行：代表证号“${delegateNumber}”已被现有代表“${existingName}”使用`);
      } else {
        numbersInFile.set(delegateNumber, rowNumber);
      }
    }

    const genderText = cell('gender');
    const gender = parseGender(genderText);
    if (gender === 'invalid') fail('gender', `第 ${rowNumber} 行：性别“${genderText}”无法识别，请填写“男”或“女”`);

    const phoneCheck = checkPhone(cell('phone'));
    if (!phoneCheck.ok) fail('phone', `第 ${rowNumber} 行：${phoneCheck.message}`);

    const delegationName = cell('delegation');
    const groupName = cell('activityGroup');
    if (delegationName.length > MAX_NAME_LENGTH) fail('delegation', `第 ${rowNumber} 行：代表团名称过长`);
    if (groupName.length > MAX_NAME_LENGTH) fail('activityGroup', `第 ${rowNumber} 行：活动组名称过长`);

    if (errors.length > 0) {
      result.errors.push(...errors);
      continue;
    }

    const candidate = {
      id: makeId(nowMs),
      createdAt: timestamp,
      updatedAt: timestamp,
      name,
      gender: gender === 'invalid' ? undefined : gender,
      delegateNumber,
      workplace: workplaceOf(row, columns),
      phone: phoneCheck.ok ? phoneCheck.phone : undefined,
      status: 'active' as const,
    };
    // Last line of defence: lengths and formats the checks above do not cover (e.g. a 300-character name).
    const parsed = delegateSchema.safeParse(candidate);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as RosterField | undefined;
        const label = field && field in ROSTER_FIELD_LABELS ? ROSTER_FIELD_LABELS[field] : '数据';
        result.errors.push({ row: rowNumber, field, message: `第 ${rowNumber} 行：${label}${issue.code === 'too_big' ? '过长' : '格式不正确'}` });
      }
      continue;
    }
    result.delegates.push({
      ...parsed.data,
      delegationId: delegationName ? delegations.resolve(delegationName) : undefined,
      activityGroupId: groupName ? groups.resolve(groupName) : undefined,
    });
  }
  return result;
}

/** shortText's limit in the domain schemas */
const MAX_NAME_LENGTH = 200;

function isBlank(row: readonly string[]): boolean {
  return row.every((cell) => cell.trim() === '');
}

function readCell(row: readonly string[], columns: ColumnMap, field: RosterField): string {
  const index = columns[field];
  return index === undefined ? '' : (row[index] ?? '').trim();
}

/** 工作单位及职务 from one combined column, or from separate 工作单位 + 职务 columns. */
function workplaceOf(row: readonly string[], columns: ColumnMap): string | undefined {
  const combined = readCell(row, columns, 'workplace');
  if (combined) return combined;
  const joined = readCell(row, columns, 'employer') + readCell(row, columns, 'position');
  return joined || undefined;
}

/** Names → ids: existing (not deleted) records by exact trimmed name, otherwise a new record, created once. */
class NameRegistry {
  private readonly ids = new Map<string, string>();
  private nextSortOrder = 0;

  constructor(
    existing: readonly { id: string; name: string; sortOrder?: number; deletedAt?: string }[],
    private readonly create: (name: string, sortOrder: number) => string,
  ) {
    for (const record of existing) {
      if (record.deletedAt) continue;
      if (!this.ids.has(record.name.trim())) this.ids.set(record.name.trim(), record.id);
      this.nextSortOrder = Math.max(this.nextSortOrder, (record.sortOrder ?? 0) + 1);
    }
  }

  resolve(name: string): string {
    let id = this.ids.get(name);
    if (id === undefined) {
      id = this.create(name, this.nextSortOrder++);
      this.ids.set(name, id);
    }
    return id;
  }
}
