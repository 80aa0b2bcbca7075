// The workbook's sheets as plain tables: the detail (一览表) first, then one sheet per breakdown, then 概况 with the
// report's sentences. Numbers stay numbers (so staff can sum and filter); shares are fractions shown as percent.
import type { ReplyClass } from '../../domain';
import type { HandlingReport, Tally } from '../handlingReport';
import { DECISION_KEYS, DECISION_LABELS, FILED_KIND_LABELS, FILED_KINDS, PROGRESS_LABELS, SATISFACTION_LABELS, SATISFACTIONS, type DecisionKey } from '../labels';
import { categorySentence, handlingSentences, keyItemSentence, openSentences, reviewSentences, satisfactionSentences } from '../wording';

export type CellValue = string | number | null;
export type ColumnKind = 'text' | 'longText' | 'number' | 'percent';

export interface SheetColumn {
  header: string;
  kind: ColumnKind;
}

export interface SheetSpec {
  name: string;
  columns: SheetColumn[];
  rows: CellValue[][];
}

const text = (header: string): SheetColumn => ({ header, kind: 'text' });
const long = (header: string): SheetColumn => ({ header, kind: 'longText' });
const num = (header: string): SheetColumn => ({ header, kind: 'number' });
const pct = (header: string): SheetColumn => ({ header, kind: 'percent' });

/** A share in percent (70.3) as the fraction Excel formats as "70.3%"; null where there is nothing to measure. */
const fraction = (percent: number | undefined): number | null => (percent === undefined ? null : Math.round(percent * 10) / 1000);

function classKeys(report: HandlingReport): ReplyClass[] {
  return Object.keys(report.handling.classes.counts) as ReplyClass[];
}

export function detailSheet(report: HandlingReport): SheetSpec {
  return {
    name: '一览表',
    columns: [
      num('序号'),
      text('类型'),
      text('编号'),
      long('案由'),
      text('领衔人'),
      long('附议人'),
      text('类别'),
      text('审查结果'),
      long('承办单位'),
      text('答复日期'),
      text('办理结果'),
      text('满意度'),
      text('办理进度'),
      text('重点提案'),
    ],
    rows: report.rows.map((r, i) => [
      i + 1,
      FILED_KIND_LABELS[r.filedKind],
      r.numberLabel === '—' ? '' : r.numberLabel,
      r.title,
      r.leadName,
      r.cosignerNames.join('、'),
      r.categoryName,
      r.decisionLabel,
      r.unitsLabel,
      r.repliedOn ?? '',
      r.resultClass ? `${r.resultClass}类` : '',
      r.satisfaction ? SATISFACTION_LABELS[r.satisfaction] : '',
      r.progress === 'notHandled' ? '' : PROGRESS_LABELS[r.progress],
      r.isKey ? '是' : '',
    ]),
  };
}

function reviewSheet(report: HandlingReport): SheetSpec {
  const line = (label: string, t: Tally<DecisionKey>): CellValue[] => [
    label,
    t.total,
    ...DECISION_KEYS.flatMap((k) => [t.counts[k], t.total ? fraction(t.shares[k]) : null]),
  ];
  return {
    name: '审查情况',
    columns: [text('类型'), num('收到'), ...DECISION_KEYS.flatMap((k) => [num(DECISION_LABELS[k]), pct(`${DECISION_LABELS[k]}占比`)])],
    rows: [...FILED_KINDS.map((k) => line(FILED_KIND_LABELS[k], report.byKind[k])), line('合计', report.total)],
  };
}

function categorySheet(report: HandlingReport): SheetSpec {
  const keys = classKeys(report);
  return {
    name: '类别',
    columns: [text('类别'), num('件数'), pct('占比'), num('立案'), num('转为意见建议'), num('已答复'), ...keys.map((c) => num(`${c}类`))],
    rows: report.categories.map((c) => [c.name, c.received, report.total.total ? fraction(c.share) : null, c.accepted, c.converted, c.replied, ...keys.map((k) => c.classes[k])]),
  };
}

function unitSheet(report: HandlingReport): SheetSpec {
  const keys = classKeys(report);
  return {
    name: '承办单位',
    columns: [
      text('承办单位'),
      num('主办（分办）'),
      num('协办'),
      num('已答复'),
      num('按期答复'),
      num('超期未答复'),
      pct('按期答复率'),
      ...keys.map((c) => num(`${c}类`)),
      ...SATISFACTIONS.map((s) => num(SATISFACTION_LABELS[s])),
      pct('满意和基本满意率'),
      num('退回'),
    ],
    rows: report.units.map((u) => [
      u.unitName,
      u.assigned,
      u.coHandling,
      u.replied,
      u.repliedOnTime,
      u.overdue,
      fraction(u.onTimeRate),
      ...keys.map((k) => u.classes[k]),
      ...SATISFACTIONS.map((s) => u.satisfaction[s]),
      fraction(u.satisfiedRate),
      u.returned,
    ]),
  };
}

function classSheet(report: HandlingReport): SheetSpec {
  const c = report.handling.classes;
  return {
    name: '答复类别',
    columns: [text('答复类别'), num('件数'), pct('占比')],
    rows: [...classKeys(report).map((k) => [`${k}类`, c.counts[k], c.total ? fraction(c.shares[k]) : null]), ['合计', c.total, c.total ? 1 : null]],
  };
}

function satisfactionSheet(report: HandlingReport): SheetSpec {
  const s = report.satisfaction;
  const line = (label: string, t: Tally<(typeof SATISFACTIONS)[number]>): CellValue[] => [
    label,
    ...SATISFACTIONS.flatMap((k) => [t.counts[k], t.total ? fraction(t.shares[k]) : null]),
    t.total,
  ];
  return {
    name: '满意度',
    columns: [text('测评项目'), ...SATISFACTIONS.flatMap((k) => [num(SATISFACTION_LABELS[k]), pct(`${SATISFACTION_LABELS[k]}占比`)]), num('已测评')],
    rows: [line('总体评价', s.overall), line('办理工作', s.work), line('办理结果', s.result)],
  };
}

function overdueSheet(report: HandlingReport): SheetSpec {
  return {
    name: '超期事项',
    columns: [text('编号'), long('案由'), long('尚未答复的单位'), text('办理期限'), num('超期天数')],
    rows: report.open.overdue.map((o) => [o.numberLabel, o.title, o.unitNames.join('、'), o.deadline, o.daysOverdue]),
  };
}

function keySheet(report: HandlingReport): SheetSpec {
  return {
    name: '重点提案',
    columns: [text('编号'), long('案由'), text('领衔人'), long('承办单位'), text('办理结果'), text('满意度'), text('办理进度')],
    rows: report.keyItems.map((r) => [
      r.numberLabel,
      r.title,
      r.leadName,
      r.unitsLabel,
      r.resultClass ? `${r.resultClass}类` : '',
      r.satisfaction ? SATISFACTION_LABELS[r.satisfaction] : '',
      PROGRESS_LABELS[r.progress],
    ]),
  };
}

function summarySheet(report: HandlingReport): SheetSpec {
  const lines = [
    ...reviewSentences(report),
    categorySentence(report),
    ...handlingSentences(report),
    ...satisfactionSentences(report),
    keyItemSentence(report),
    ...openSentences(report),
  ].filter(Boolean);
  return { name: '概况', columns: [long('办理情况概述')], rows: lines.map((l) => [l]) };
}

export function reportSheets(report: HandlingReport): SheetSpec[] {
  return [
    detailSheet(report),
    reviewSheet(report),
    categorySheet(report),
    unitSheet(report),
    classSheet(report),
    satisfactionSheet(report),
    overdueSheet(report),
    keySheet(report),
    summarySheet(report),
  ];
}

/** Display width of text in Excel's character units: CJK and full-width characters take two. */
export function displayWidth(value: CellValue): number {
  if (value === null) return 0;
  const s = typeof value === 'number' ? String(value) : value;
  let width = 0;
  for (const ch of s) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(ch) ? 2 : 1;
  return width;
}

/** Column widths that fit header and content: short columns fit exactly, long text is capped and wraps. */
export function fittedWidths(sheet: SheetSpec): number[] {
  return sheet.columns.map((column, i) => {
    let widest = displayWidth(column.header);
    for (const row of sheet.rows) {
      const cell = row[i] ?? null;
      const w = column.kind === 'percent' ? 7 : displayWidth(cell);
      if (w > widest) widest = w;
    }
    const cap = column.kind === 'longText' ? 50 : 30;
    return Math.max(6, Math.min(cap, widest + 2));
  });
}
