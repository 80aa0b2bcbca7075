/**
 * `npm run bench:report [-- --proposals 1000] [--runs 3] [--now ISO]`
 *
 * The handling-report benchmark (issue 6), a benchmark and never a pass/fail test: one annual meeting of a demo
 * congress with at least `--proposals` received items (default 1,000), then, per run, the report's figures, the
 * Word document (GB/T 9704 layout, one detail row per item, four chart pictures) and the Excel workbook, timed
 * separately. Target: Word + Excel under 3 s. Charts are drawn by ECharts in the renderer and are not timed here;
 * placeholder pictures stand in for them so the embedding is.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { generateDemoCongress } from '../../shared/demo';
import { buildHandlingReport, CHART_KEYS, composeReport, defaultReportTitle, prefillNarratives, type ChartImage, type ChartKey } from '../../shared/reports';
import { buildReportDocx } from '../../shared/reports/docx';
import { buildReportXlsx } from '../../shared/reports/xlsx';

const TARGET_MS = 3000;
/** A 1 × 1 PNG: the picture's bytes barely matter to the build time. */
const PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

const { values } = parseArgs({
  options: {
    proposals: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '3' },
    now: { type: 'string', default: '2026-11-01T00:00:00.000Z' },
  },
});
const wanted = Number(values.proposals);
const runs = Number(values.runs);
if (!Number.isInteger(wanted) || wanted < 1 || !Number.isInteger(runs) || runs < 1) throw new Error('--proposals and --runs must be positive whole numbers');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`;

// About 85 % of a year's items are received motions and recess items of the meeting's period: ask for a little more.
const dataset = generateDemoCongress({ seed: 1, now: new Date(values.now), size: { delegates: 251, years: 1, proposalsPerYear: Math.ceil(wanted / 0.8) } });
const meeting = dataset.annualMeeting![0]!;
const input = {
  meeting,
  meetings: dataset.annualMeeting!,
  proposals: dataset.proposal!,
  cosignatures: dataset.cosignature!,
  assignments: dataset.handlingAssignment!,
  replies: dataset.reply!,
  ratings: dataset.replyRating!,
  categories: dataset.category!,
  units: dataset.handlingUnit!,
  delegates: dataset.delegate!,
  settings: dataset.congressSettings![0]!,
  today: values.now.slice(0, 10),
};
const charts = Object.fromEntries(CHART_KEYS.map((k) => [k, { png: PNG, width: 760, height: 400 }])) as Record<ChartKey, ChartImage>;
// No pause between steps: the benchmark measures the work, not the event loop.
const yieldNow = async () => {};

const results: { figures: number; word: number; excel: number; wordBytes: number; excelBytes: number }[] = [];
let rows = 0;
for (let run = 0; run < runs; run++) {
  const t0 = performance.now();
  const report = buildHandlingReport(input);
  const outline = composeReport(report, { title: defaultReportTitle(meeting.name), issuer: '党代会常任制工作办公室', narratives: prefillNarratives(report) });
  const t1 = performance.now();
  const word = await buildReportDocx(outline, { charts, yieldNow });
  const t2 = performance.now();
  const excel = await buildReportXlsx(report, { yieldNow });
  const t3 = performance.now();
  rows = report.rows.length;
  results.push({ figures: t1 - t0, word: t2 - t1, excel: t3 - t2, wordBytes: word.byteLength, excelBytes: excel.byteLength });
  console.log(`run ${run + 1}: figures ${ms(t1 - t0)}, Word ${ms(t2 - t1)}, Excel ${ms(t3 - t2)}`);
}

const figures = median(results.map((r) => r.figures));
const word = median(results.map((r) => r.word));
const excel = median(results.map((r) => r.excel));
const total = median(results.map((r) => r.word + r.excel));
console.log('');
console.log(`办理情况报告 benchmark — ${rows} items in the report (${meeting.name}), median of ${runs} run(s)`);
console.log(`  figures + outline   ${ms(figures)}`);
console.log(`  Word (.docx)        ${ms(word)}   ${(results[0]!.wordBytes / 1024).toFixed(0)} KB`);
console.log(`  Excel (.xlsx)       ${ms(excel)}   ${(results[0]!.excelBytes / 1024).toFixed(0)} KB`);
console.log(`  Word + Excel        ${ms(total)}   target < ${ms(TARGET_MS)}: ${total < TARGET_MS ? 'met' : 'NOT met'}`);
if (rows < wanted) console.log(`  (only ${rows} items in the period; ask for more with --proposals)`);
