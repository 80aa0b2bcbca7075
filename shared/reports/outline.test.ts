import { describe, expect, it } from 'vitest';
import { buildHandlingReport } from './handlingReport';
import { prefillNarratives } from './narrative';
import { chineseNumeral, composeReport, detailCells } from './outline';
import { reportFixture } from './reportFixtures';

const { input } = reportFixture();
const report = buildHandlingReport(input);

describe('composeReport', () => {
  const outline = composeReport(report, { title: '关于办理情况的报告', issuer: '某某县党代会常任制工作办公室', narratives: prefillNarratives(report) });

  it('orders the report as real ones are: totals, handling, satisfaction, themes, next steps, then the attachment', () => {
    const headings = outline.blocks.filter((b) => b.type === 'heading1' || b.type === 'heading2').map((b) => ('text' in b ? b.text : ''));
    expect(headings).toEqual([
      '一、提案和意见建议审查情况',
      '二、交办和办理情况',
      '（一）交办和答复情况',
      '（二）满意度测评情况',
      '（三）重点提案办理情况',
      '（四）尚未办结和超期事项',
      '三、主要办理成效',
      '（一）党的建设方面',
      '（二）经济发展方面',
      '（三）未分类方面',
      '四、下一步工作',
    ]);
    expect(outline.blocks[0]).toEqual({ type: 'title', text: '关于办理情况的报告' });
    expect(outline.blocks.filter((b) => b.type === 'chart').map((b) => (b.type === 'chart' ? b.chart : ''))).toEqual(['byCategory', 'byClass', 'unitOnTime', 'satisfaction']);
    const tables = outline.blocks.flatMap((b) => (b.type === 'table' ? [b.table] : []));
    expect(tables.map((t) => t.id)).toEqual(['review', 'categories', 'units', 'satisfaction', 'keyItems', 'overdue', 'detail']);
    expect(tables.at(-1)!.rows).toHaveLength(report.rows.length);
    expect(outline.blocks.find((b) => b.type === 'signature')).toEqual({ type: 'signature', lines: ['某某县党代会常任制工作办公室', '2026年9月1日'] });
  });

  it('puts counts with their shares in the review table, the empty category included', () => {
    const review = outline.blocks.flatMap((b) => (b.type === 'table' && b.table.id === 'review' ? [b.table] : []))[0]!;
    expect(review.columns.map((c) => c.title)).toEqual(['类型', '收到', '立案', '并案', '转为意见建议', '不予立案', '审查中']);
    expect(review.rows.at(-1)).toEqual(['合计', '10', '6（60%）', '1（10%）', '1（10%）', '1（10%）', '1（10%）']);
    const categories = outline.blocks.flatMap((b) => (b.type === 'table' && b.table.id === 'categories' ? [b.table] : []))[0]!;
    expect(categories.rows.find((r) => r[0] === '政法')).toEqual(['政法', '0', '0%', '0', '0', '0']);
  });

  it('a detail row names the lead author and co-signers, the kind for recess items, and where it stands', () => {
    expect(detailCells(report.rows[0]!)).toEqual([
      '第1号',
      '关于加强农村饮水安全保障的提案',
      '张三\n附议：李四、王五',
      '党的建设',
      '立案',
      '县教育局（主办）、县财政局（协办）',
      '2026-06-01',
      'A类',
      '满意',
    ]);
    expect(detailCells(report.rows[8]!).slice(0, 1)).toEqual(['提议\n2026年第1号']);
    expect(detailCells(report.rows[8]!)[7]).toBe('待交办');
  });

  it('leaves a chart out when it has nothing to show', () => {
    const empty = buildHandlingReport({ ...input, proposals: [], assignments: [], replies: [], ratings: [] });
    const o = composeReport(empty, { title: 't', issuer: '', narratives: prefillNarratives(empty) });
    expect(o.blocks.some((b) => b.type === 'chart')).toBe(false);
    expect(o.blocks.flatMap((b) => (b.type === 'table' && b.table.id === 'detail' ? b.table.rows : []))).toEqual([]);
  });
});

describe('chineseNumeral', () => {
  it('writes heading numbers in Chinese', () => {
    expect([1, 4, 10, 11, 20, 35, 99].map(chineseNumeral)).toEqual(['一', '四', '十', '十一', '二十', '三十五', '九十九']);
  });
});
