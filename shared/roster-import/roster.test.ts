import { describe, expect, it } from 'vitest';
import { delegateSchema, delegationSchema, activityGroupSchema, newId } from '../domain';
import { parseCsv } from './parseCsv';
import { importRoster, rosterTemplateCsv, ROSTER_TEMPLATE_HEADERS } from './roster';

const NOW = new Date('2026-03-01T02:00:00.000Z');
let counter = 0;
const options = { now: NOW, makeId: (ms: number) => newId(ms, (bytes) => bytes.fill(++counter % 256)) };
const HEADER = ['姓名', '性别', '代表证号', '代表团', '活动组', '工作单位及职务', '联系电话'];

function rowsOf(...body: string[][]): string[][] {
  return [HEADER, ...body];
}

describe('importRoster: header', () => {
  it('recognises the Chinese template header and builds delegates', () => {
    const result = importRoster(rowsOf(['张三', '男', '001', '城关镇代表团', '第一活动组', '城关镇党委书记', '13800000001']), {}, options);
    expect(result.errors).toEqual([]);
    expect(result.delegates).toHaveLength(1);
    const [delegate] = result.delegates;
    expect(delegate).toMatchObject({ name: '张三', gender: 'male', delegateNumber: '001', workplace: '城关镇党委书记', phone: '13800000001', status: 'active' });
    expect(delegateSchema.parse(delegate)).toEqual(delegate);
    expect(delegate?.createdAt).toBe(NOW.toISOString());
  });

  it('recognises English headers, header hints like （男/女）, and separate 工作单位 + 职务 columns', () => {
    const english = importRoster([['Name', 'Gender', 'Delegate No.', 'Delegation', 'Activity Group', 'Phone'], ['Li Si', 'female', 'A-7', 'Education', 'Group 1', '0790-1234567']], {}, options);
    expect(english.errors).toEqual([]);
    expect(english.delegates[0]).toMatchObject({ name: 'Li Si', gender: 'female', delegateNumber: 'A-7', phone: '0790-1234567' });
    expect(english.delegations.map((d) => d.name)).toEqual(['Education']);

    const split = importRoster([['*姓名', '性别（男/女）', '代表证号*', '工作单位', '职务'], ['王五', '女', '9', '县教育局', '局长']], {}, options);
    expect(split.errors).toEqual([]);
    expect(split.delegates[0]).toMatchObject({ gender: 'female', workplace: '县教育局局长' });
  });

  it('accepts the columns in any order and ignores unknown columns', () => {
    const result = importRoster([['备注', '代表证号', '姓名'], ['随便写', '010', '周七']], {}, options);
    expect(result.errors).toEqual([]);
    expect(result.delegates[0]).toMatchObject({ name: '周七', delegateNumber: '010' });
  });

  it('reports one clear error and no rows when a required column is missing', () => {
    const result = importRoster([['姓名', '性别', '单位'], ['张三', '男', '县委']], {}, options);
    expect(result.delegates).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.row).toBe(1);
    expect(result.errors[0]?.message).toContain('代表证号');
  });

  it('uses the first non-blank row as the header and reports an empty file', () => {
    const result = importRoster([[''], ['姓名', '代表证号'], ['张三', '1']], {}, options);
    expect(result.errors).toEqual([]);
    expect(result.delegates).toHaveLength(1);
    expect(importRoster([], {}, options).errors[0]?.message).toContain('文件为空');
  });
});

describe('importRoster: row errors with Excel row numbers', () => {
  it('reports each kind of bad row and keeps the good ones', () => {
    const result = importRoster(
      rowsOf(
        ['张三', '男', '001', '', '', '', ''], //            row 2: good
        ['', '女', '002', '', '', '', ''], //                row 3: no name
        ['李四', '男', '', '', '', '', ''], //                row 4: no number
        ['王五', '未知', '003', '', '', '', ''], //           row 5: bad gender
        ['赵六', '女', '004', '', '', '', '12345'], //        row 6: bad phone
        ['', '', '', '', '', '', ''], //                       row 7: blank, ignored
        ['孙七', '', '005', '', '', '', '1.38E+10'], //       row 8: phone mangled by Excel
        ['周八', 'Female', '006', '', '', '', '+86 138 0000 0002'], // row 9: good
      ),
      {},
      options,
    );
    expect(result.delegates.map((d) => d.name)).toEqual(['张三', '周八']);
    expect(result.delegates[1]?.gender).toBe('female');
    expect(result.errors.map((e) => [e.row, e.field])).toEqual([
      [3, 'name'],
      [4, 'delegateNumber'],
      [5, 'gender'],
      [6, 'phone'],
      [8, 'phone'],
    ]);
    expect(result.errors[0]?.message).toBe('第 3 行：姓名为空');
    expect(result.errors[2]?.message).toContain('未知');
    expect(result.errors[4]?.message).toContain('科学计数法');
  });

  it('reports every problem of a row, not only the first', () => {
    const result = importRoster(rowsOf(['', '?', '', '', '', '', 'abc']), {}, options);
    expect(result.errors.map((e) => e.field)).toEqual(['name', 'delegateNumber', 'gender', 'phone']);
    expect(result.errors.every((e) => e.row === 2)).toBe(true);
  });

  it('reports a duplicate 代表证号 within the file against the first row that used it', () => {
    const result = importRoster(rowsOf(['张三', '男', '001', '', '', '', ''], ['李四', '男', '002', '', '', '', ''], ['王五', '男', ' 001 ', '', '', '', '']), {}, options);
    expect(result.delegates.map((d) => d.delegateNumber)).toEqual(['001', '002']);
    expect(result.errors).toEqual([{ row: 4, field: 'delegateNumber', message: '第 4 行：代表证号“001”与第 2 行重复' }]);
  });

  it('reports a 代表证号 already used by an existing delegate, but not by a deleted one', () => {
    const existing = {
      delegates: [
        { name: '老代表', delegateNumber: '001' },
        { name: '已删除', delegateNumber: '002', deletedAt: '2025-01-01T00:00:00.000Z' },
      ],
    };
    const result = importRoster(rowsOf(['张三', '男', '001', '', '', '', ''], ['李四', '男', '002', '', '', '', '']), existing, options);
    expect(result.delegates.map((d) => d.name)).toEqual(['李四']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ row: 2, field: 'delegateNumber' });
    expect(result.errors[0]?.message).toContain('老代表');
  });

  it('reports over-long values through the schema instead of throwing', () => {
    const result = importRoster(rowsOf(['张'.repeat(250), '男', '001', '团'.repeat(201), '', '', '']), {}, options);
    expect(result.delegates).toEqual([]);
    expect(result.errors.map((e) => e.field)).toEqual(['delegation']);
    const longName = importRoster(rowsOf(['张'.repeat(250), '男', '001', '', '', '', '']), {}, options);
    expect(longName.errors).toEqual([{ row: 2, field: 'name', message: '第 2 行：姓名过长' }]);
  });
});

describe('importRoster: delegations and activity groups', () => {
  it('creates each new name once and reuses existing records', () => {
    const existing = {
      delegations: [delegationSchema.parse({ id: newId(1), createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), name: '城关镇代表团', sortOrder: 4 })],
      activityGroups: [activityGroupSchema.parse({ id: newId(2), createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), name: '第一活动组', sortOrder: 0 })],
    };
    const result = importRoster(
      rowsOf(
        ['张三', '男', '1', '城关镇代表团', '第一活动组', '', ''],
        ['李四', '男', '2', '教育系统代表团', '第二活动组', '', ''],
        ['王五', '女', '3', '教育系统代表团', '第二活动组', '', ''],
        ['赵六', '女', '4', '', '', '', ''],
      ),
      existing,
      options,
    );
    expect(result.errors).toEqual([]);
    expect(result.delegations.map((d) => [d.name, d.sortOrder])).toEqual([['教育系统代表团', 5]]);
    expect(result.activityGroups.map((g) => g.name)).toEqual(['第二活动组']);
    const [zhang, li, wang, zhao] = result.delegates;
    expect(zhang?.delegationId).toBe(existing.delegations[0]?.id);
    expect(zhang?.activityGroupId).toBe(existing.activityGroups[0]?.id);
    expect(li?.delegationId).toBe(result.delegations[0]?.id);
    expect(wang?.delegationId).toBe(li?.delegationId);
    expect(wang?.activityGroupId).toBe(result.activityGroups[0]?.id);
    expect(zhao?.delegationId).toBeUndefined();
    for (const record of result.delegations) expect(delegationSchema.safeParse(record).success).toBe(true);
  });

  it('does not create a delegation for a row that was refused', () => {
    const result = importRoster(rowsOf(['', '男', '1', '新代表团', '', '', '']), {}, options);
    expect(result.delegations).toEqual([]);
  });
});

describe('roster template', () => {
  it('has the template headers and two sample rows that import cleanly', () => {
    const csv = rosterTemplateCsv();
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual([...ROSTER_TEMPLATE_HEADERS]);
    expect(rows).toHaveLength(3);
    const result = importRoster(rows, {}, options);
    expect(result.errors).toEqual([]);
    expect(result.delegates).toHaveLength(2);
    expect(result.delegations).toHaveLength(2);
  });
});
