// 评议结果 as a Word document in the office's official layout: title, 一、基本情况 (the round and its turnout),
// 二、统计结果 (one table row per question; for score scales a second table with the distribution), 落款 and date.
// Tallies only: see roundResultsTable.
import type { Paragraph, Table } from 'docx';
import { bodyParagraph, headingParagraph, officialTable, packOfficialDocument, signatureParagraphs, smallParagraph, titleParagraph, type OfficialTableColumn } from '../../reports/official/officialDocx';
import { percentText, roundResultsTable, scoreText, type DistributionCell, type ResultRow, type RoundResultsSource, type RoundResultsTable } from './roundResultsTable';

/** "2（66.7%）": votes and their share of the valid votes, as the handling report writes counts. */
const countWithShare = (cell: DistributionCell | undefined, answered: number): string =>
  !cell ? '—' : answered > 0 ? `${cell.count}（${percentText(cell.share)}）` : String(cell.count);

function questionColumns(table: RoundResultsTable): OfficialTableColumn[] {
  return [
    { title: '序号', width: 2, align: 'center' },
    { title: '评议对象', width: table.withCriteria ? 5 : 7 },
    ...(table.withCriteria ? [{ title: '评议内容', width: 3, align: 'center' as const }] : []),
    { title: '有效票', width: 3, align: 'center' },
  ];
}

const questionCells = (table: RoundResultsTable, row: ResultRow, i: number): string[] => [
  String(i + 1),
  row.subject,
  ...(table.withCriteria ? [row.criterion ?? ''] : []),
  String(row.answered),
];

/** Grades: one column per option; scores: the statistics. */
function mainTable(table: RoundResultsTable): Table {
  const first = questionColumns(table);
  if (table.scaleKind === 'grades') {
    return officialTable({
      columns: [...first, ...table.distributionLabels.map((title) => ({ title, width: 4, align: 'center' as const }))],
      rows: table.rows.map((row, i) => [...questionCells(table, row, i), ...row.distribution.map((cell) => countWithShare(cell, row.answered))]),
    });
  }
  const stats: [string, keyof NonNullable<ResultRow['score']>][] = [
    ['平均分', 'mean'],
    ['中位数', 'median'],
    ['最高分', 'max'],
    ['最低分', 'min'],
  ];
  return officialTable({
    columns: [...first, ...stats.map(([title]) => ({ title, width: 3, align: 'center' as const }))],
    rows: table.rows.map((row, i) => [...questionCells(table, row, i), ...stats.map(([, key]) => scoreText(row.score?.[key]))]),
  });
}

function distributionTable(table: RoundResultsTable): Table {
  return officialTable({
    columns: [...questionColumns(table), ...table.distributionLabels.map((title) => ({ title, width: 4, align: 'center' as const }))],
    rows: table.rows.map((row, i) => [...questionCells(table, row, i), ...row.distribution.map((cell) => countWithShare(cell, row.answered))]),
  });
}

function childrenOf(table: RoundResultsTable): (Paragraph | Table)[] {
  const facts = table.facts.filter((f) => f.label !== '评议名称').map((f) => bodyParagraph(`${f.label}：${f.value}`));
  const children: (Paragraph | Table)[] = [
    titleParagraph(table.documentTitle),
    headingParagraph('一、基本情况', 1),
    ...facts,
    bodyParagraph(`投票情况：${table.turnoutSentence}`),
    ...(table.smallGroupNote ? [bodyParagraph(`注意：${table.smallGroupNote}`)] : []),
    headingParagraph('二、统计结果', 1),
    mainTable(table),
  ];
  if (table.scaleKind === 'grades') {
    children.push(smallParagraph('注：表中为票数（占有效票的比例）。'));
  } else {
    children.push(smallParagraph('注：平均分、中位数等按有效票计算。'), headingParagraph('三、分数分布', 1), distributionTable(table), smallParagraph('注：表中为票数（占有效票的比例）。'));
  }
  children.push(...signatureParagraphs([...(table.issuer ? [table.issuer] : []), table.dateLine]));
  return children;
}

/** The 评议结果 document as .docx bytes. */
export async function buildRoundResultsDocx(source: RoundResultsSource): Promise<Uint8Array<ArrayBuffer>> {
  const table = roundResultsTable(source);
  return packOfficialDocument({ title: table.documentTitle, children: childrenOf(table) });
}
