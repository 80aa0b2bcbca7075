// The report as a sequence of blocks — title, headings, paragraphs, tables, charts — in the order of a real
// handling report. The Word builder and the print view both lay out these same blocks, so the .docx, the PDF and
// the screen say the same thing.
import type { ReplyClass } from '../domain';
import { chartHasData, reportCharts, type ChartKey } from './charts';
import type { DetailRow, HandlingReport } from './handlingReport';
import { chineseDate, DECISION_KEYS, FILED_KIND_LABELS, FILED_KINDS, PROGRESS_LABELS, SATISFACTION_LABELS, SATISFACTIONS, type DecisionKey } from './labels';
import type { NarrativeSection } from './narrative';
import { countWithShare, formatPercent } from './shares';
import { categorySentence, handlingSentences, keyItemSentence, openSentences, reviewSentences, satisfactionSentences } from './wording';

export interface ReportTableColumn {
  title: string;
  /** Relative width; the layouts scale them to the text block */
  width: number;
  align?: 'left' | 'center';
}

export interface ReportTable {
  id: 'review' | 'categories' | 'units' | 'satisfaction' | 'keyItems' | 'overdue' | 'detail';
  columns: ReportTableColumn[];
  rows: string[][];
  /** Smaller type (the wide detail table) */
  compact?: boolean;
}

export type ReportBlock =
  | { type: 'title'; text: string }
  | { type: 'salutation'; text: string }
  | { type: 'heading1'; text: string }
  | { type: 'heading2'; text: string }
  | { type: 'paragraph'; text: string }
  | { type: 'caption'; text: string }
  | { type: 'table'; table: ReportTable }
  | { type: 'chart'; chart: ChartKey; caption: string }
  | { type: 'signature'; lines: string[] }
  | { type: 'pageBreak' }
  /** "附件" at the top left of the attachment's first page, then its own title */
  | { type: 'attachmentLabel'; text: string }
  | { type: 'attachmentTitle'; text: string };

export interface ReportOutline {
  title: string;
  blocks: ReportBlock[];
}

export interface OutlineOptions {
  title: string;
  /** 落款 */
  issuer: string;
  narratives: readonly NarrativeSection[];
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五 (headings never go past 99). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

/** Paragraphs of a narrative: one per non-empty line. */
function paragraphsOf(text: string): ReportBlock[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => ({ type: 'paragraph', text: line }) as const);
}

const paragraphs = (lines: readonly string[]): ReportBlock[] => lines.filter(Boolean).map((text) => ({ type: 'paragraph', text }) as const);

/** Relative widths: the names of up to a dozen co-signers take the most room, then the 案由. */
export const DETAIL_COLUMNS: ReportTableColumn[] = [
  { title: '编号', width: 4.5, align: 'center' },
  { title: '案由', width: 11 },
  { title: '领衔人、附议人', width: 12 },
  { title: '类别', width: 4.5, align: 'center' },
  { title: '审查结果', width: 4.5, align: 'center' },
  { title: '承办单位', width: 8 },
  { title: '答复日期', width: 5, align: 'center' },
  { title: '办理结果', width: 3.5, align: 'center' },
  { title: '满意度', width: 3.5, align: 'center' },
];

/** The detail table's cells for one item (Word and print; the workbook has its own, finer columns). */
export function detailCells(row: DetailRow): string[] {
  const people = row.cosignerNames.length ? `${row.leadName}\n附议：${row.cosignerNames.join('、')}` : row.leadName;
  const number = row.filedKind === 'motion' ? row.numberLabel : `${FILED_KIND_LABELS[row.filedKind]}\n${row.numberLabel}`;
  const result = row.resultClass ? `${row.resultClass}类` : row.progress === 'notHandled' ? '' : PROGRESS_LABELS[row.progress];
  return [
    number,
    row.title,
    people,
    row.categoryName,
    row.decisionLabel,
    row.unitsLabel,
    row.repliedOn ?? '',
    result,
    row.satisfaction ? SATISFACTION_LABELS[row.satisfaction] : '',
  ];
}

function reviewTable(report: HandlingReport): ReportTable {
  const showPending = report.total.counts.pending > 0;
  const keys = DECISION_KEYS.filter((k) => k !== 'pending' || showPending);
  const titles: Record<DecisionKey, string> = { accept: '立案', merge: '并案', convert: '转为意见建议', reject: '不予立案', pending: '审查中' };
  const line = (label: string, t: HandlingReport['total']) => [label, String(t.total), ...keys.map((k) => countWithShare(t.counts[k], t.total ? t.shares[k] : undefined))];
  return {
    id: 'review',
    // "176（71.8%）" needs about six characters' room.
    columns: [{ title: '类型', width: 5, align: 'center' }, { title: '收到', width: 3, align: 'center' }, ...keys.map((k) => ({ title: titles[k], width: 6, align: 'center' as const }))],
    rows: [...FILED_KINDS.map((k) => line(FILED_KIND_LABELS[k], report.byKind[k])), line('合计', report.total)],
  };
}

function categoryTable(report: HandlingReport): ReportTable {
  return {
    id: 'categories',
    columns: [
      { title: '类别', width: 8 },
      { title: '件数', width: 3, align: 'center' },
      { title: '占比', width: 3, align: 'center' },
      { title: '立案', width: 3, align: 'center' },
      { title: '转为意见建议', width: 4, align: 'center' },
      { title: '已答复', width: 3, align: 'center' },
    ],
    rows: [
      ...report.categories.map((c) => [c.name, String(c.received), formatPercent(report.total.total ? c.share : undefined), String(c.accepted), String(c.converted), String(c.replied)]),
      ['合计', String(report.total.total), report.total.total ? '100%' : '—', String(report.total.counts.accept), String(report.total.counts.convert), String(report.handling.replied)],
    ],
  };
}

function unitTable(report: HandlingReport): ReportTable {
  const classes = (Object.keys(report.handling.classes.counts) as ReplyClass[]);
  return {
    id: 'units',
    columns: [
      { title: '承办单位', width: 8 },
      { title: '主办（分办）', width: 3.5, align: 'center' },
      { title: '协办', width: 2.5, align: 'center' },
      { title: '已答复', width: 3, align: 'center' },
      { title: '按期答复率', width: 4, align: 'center' },
      ...classes.map((c) => ({ title: `${c}类`, width: 2.2, align: 'center' as const })),
      { title: '满意率', width: 3.5, align: 'center' },
    ],
    rows: report.units.map((u) => [
      u.unitName,
      String(u.assigned),
      String(u.coHandling),
      String(u.replied),
      formatPercent(u.onTimeRate),
      ...classes.map((c) => String(u.classes[c])),
      formatPercent(u.satisfiedRate),
    ]),
  };
}

function satisfactionTable(report: HandlingReport): ReportTable {
  const s = report.satisfaction;
  const line = (label: string, t: typeof s.overall) => [label, ...SATISFACTIONS.map((k) => countWithShare(t.counts[k], t.total ? t.shares[k] : undefined))];
  return {
    id: 'satisfaction',
    columns: [{ title: '测评项目', width: 4 }, ...SATISFACTIONS.map((k) => ({ title: SATISFACTION_LABELS[k], width: 4, align: 'center' as const }))],
    rows: [line('总体评价', s.overall), line('办理工作', s.work), line('办理结果', s.result)],
  };
}

function keyItemTable(report: HandlingReport): ReportTable {
  return {
    id: 'keyItems',
    columns: [
      { title: '编号', width: 4, align: 'center' },
      { title: '案由', width: 12 },
      { title: '承办单位', width: 8 },
      { title: '办理结果', width: 4, align: 'center' },
      { title: '满意度', width: 3.5, align: 'center' },
    ],
    rows: report.keyItems.map((r) => [
      r.numberLabel,
      r.title,
      r.unitsLabel,
      r.resultClass ? `${r.resultClass}类` : PROGRESS_LABELS[r.progress],
      r.satisfaction ? SATISFACTION_LABELS[r.satisfaction] : '',
    ]),
  };
}

function overdueTable(report: HandlingReport): ReportTable {
  return {
    id: 'overdue',
    columns: [
      { title: '编号', width: 4, align: 'center' },
      { title: '案由', width: 12 },
      { title: '尚未答复的单位', width: 7 },
      { title: '办理期限', width: 4.5, align: 'center' },
      { title: '超期天数', width: 3.5, align: 'center' },
    ],
    rows: report.open.overdue.map((o) => [o.numberLabel, o.title, o.unitNames.join('、'), o.deadline, String(o.daysOverdue)]),
  };
}

export function detailTable(report: HandlingReport): ReportTable {
  return { id: 'detail', columns: DETAIL_COLUMNS, rows: report.rows.map(detailCells), compact: true };
}

export function composeReport(report: HandlingReport, options: OutlineOptions): ReportOutline {
  const charts = reportCharts(report);
  const chart = (key: ChartKey, caption: string): ReportBlock[] => (chartHasData(charts[key]) ? [{ type: 'chart', chart: key, caption }] : []);
  const opening = options.narratives.find((n) => n.kind === 'opening');
  const closing = options.narratives.find((n) => n.kind === 'closing');
  const themes = options.narratives.filter((n) => n.kind === 'theme' && n.text.trim());
  const h = report.handling;

  let section = 0;
  const heading1 = (text: string): ReportBlock => ({ type: 'heading1', text: `${chineseNumeral(++section)}、${text}` });
  let sub = 0;
  const heading2 = (text: string): ReportBlock => ({ type: 'heading2', text: `（${chineseNumeral(++sub)}）${text}` });

  const blocks: ReportBlock[] = [
    { type: 'title', text: options.title },
    { type: 'salutation', text: '各位代表：' },
    ...(opening ? paragraphsOf(opening.text) : []),

    heading1('提案和意见建议审查情况'),
    ...paragraphs(reviewSentences(report)),
    { type: 'caption', text: '表1  审查结果' },
    { type: 'table', table: reviewTable(report) },
    ...paragraphs([categorySentence(report)]),
    { type: 'caption', text: '表2  类别分布' },
    { type: 'table', table: categoryTable(report) },
    ...chart('byCategory', '图1  各类别件数'),
  ];

  sub = 0;
  blocks.push(heading1('交办和办理情况'), heading2('交办和答复情况'), ...paragraphs(handlingSentences(report)), ...chart('byClass', '图2  答复类别'));
  if (report.units.length > 0) {
    blocks.push({ type: 'caption', text: '表3  承办单位办理情况' }, { type: 'table', table: unitTable(report) }, ...chart('unitOnTime', '图3  承办单位按期答复率'));
  }
  blocks.push(heading2('满意度测评情况'), ...paragraphs(satisfactionSentences(report)));
  if (report.satisfaction.rated > 0) {
    blocks.push({ type: 'caption', text: '表4  满意度测评' }, { type: 'table', table: satisfactionTable(report) }, ...chart('satisfaction', '图4  满意度测评'));
  }
  blocks.push(heading2('重点提案办理情况'), ...paragraphs([keyItemSentence(report)]));
  if (report.keyItems.length > 0) blocks.push({ type: 'caption', text: '表5  重点提案' }, { type: 'table', table: keyItemTable(report) });
  if (h.handled > 0) {
    blocks.push(heading2('尚未办结和超期事项'), ...paragraphs(openSentences(report)));
    if (report.open.overdue.length > 0) blocks.push({ type: 'caption', text: '表6  超期未答复事项' }, { type: 'table', table: overdueTable(report) });
  }

  if (themes.length > 0) {
    sub = 0;
    blocks.push(heading1('主要办理成效'));
    for (const theme of themes) blocks.push(heading2(theme.heading), ...paragraphsOf(theme.text));
  }
  if (closing && closing.text.trim()) blocks.push(heading1(closing.heading), ...paragraphsOf(closing.text));

  blocks.push(
    { type: 'paragraph', text: '附件：提案和意见建议办理情况一览表' },
    { type: 'signature', lines: [options.issuer, chineseDate(report.today)].filter(Boolean) },
    { type: 'pageBreak' },
    { type: 'attachmentLabel', text: '附件' },
    { type: 'attachmentTitle', text: '提案和意见建议办理情况一览表' },
    { type: 'table', table: detailTable(report) },
  );
  return { title: options.title, blocks };
}
