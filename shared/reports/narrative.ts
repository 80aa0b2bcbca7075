// 分主题的文字部分: prefilled from the data (counts and example titles), then edited by staff before export. The
// figures sections are never editable — they are computed — but these words are the office's own.
import { z } from 'zod';
import type { HandlingReport } from './handlingReport';
import { CLASS_LABELS } from './labels';
import { defaultReportTitle } from './wording';

export type NarrativeKind = 'opening' | 'theme' | 'closing';

export interface NarrativeSection {
  /** Stable key for the draft: 'opening', 'closing', or `theme:<categoryId | uncategorised>` */
  id: string;
  kind: NarrativeKind;
  heading: string;
  /** The text in force: the staff's edit, or the prefilled text */
  text: string;
  /** What the data suggests; "恢复" goes back to it */
  prefilled: string;
  edited: boolean;
}

/** Saved locally (meta table) per meeting; only what staff changed. */
export const reportDraftSchema = z.object({
  version: z.literal(1),
  meetingId: z.string().min(1),
  title: z.string().max(200).optional(),
  /** 落款: issuing office and date line */
  issuer: z.string().max(200).optional(),
  texts: z.record(z.string(), z.string().max(20_000)).default({}),
  savedAt: z.string(),
});
export type ReportDraft = z.infer<typeof reportDraftSchema>;

export const REPORT_DRAFT_KEY_PREFIX = 'reportDraft/';
export const reportDraftKey = (meetingId: string): string => `${REPORT_DRAFT_KEY_PREFIX}${meetingId}`;

/** A stored value as a draft, or undefined when it is missing or not one (never throws: a bad row is ignored). */
export function parseReportDraft(value: unknown, meetingId: string): ReportDraft | undefined {
  const parsed = reportDraftSchema.safeParse(value);
  return parsed.success && parsed.data.meetingId === meetingId ? parsed.data : undefined;
}

const EXAMPLE_TITLES = 3;

/** "《关于……的建议》" — titles quoted the way reports cite them. */
const quoted = (title: string) => `《${title.replace(/^《|》$/g, '')}》`;

function themeText(report: HandlingReport, categoryName: string): string {
  const rows = report.rows.filter((r) => r.categoryName === categoryName);
  const handled = rows.filter((r) => r.decision === 'accept' || r.decision === 'convert');
  // Example titles: 重点提案 first, then those answered A, then the lowest numbers.
  const rank = (r: (typeof rows)[number]) => (r.isKey ? 0 : r.resultClass === 'A' ? 1 : 2);
  const examples = [...handled].sort((a, b) => rank(a) - rank(b)).slice(0, EXAMPLE_TITLES).map((r) => quoted(r.title));
  const replied = handled.filter((r) => r.resultClass);
  const count = (c: 'A' | 'B' | 'C' | 'D') => replied.filter((r) => r.resultClass === c).length;
  const parts = [
    `${categoryName}方面，代表们共提出${rows.length}件，立案及转为意见建议${handled.length}件`,
    // Book titles follow one another without a 顿号: 《甲》《乙》等.
    examples.length ? `，主要有${examples.join('')}等` : '',
    '。',
  ];
  if (replied.length > 0) {
    const classes = (['A', 'B', 'C', 'D'] as const)
      .filter((c) => count(c) > 0)
      .map((c) => `${CLASS_LABELS[c]}的${count(c)}件`)
      .join('，');
    parts.push(`承办单位已答复${replied.length}件，其中${classes}。`);
  } else if (handled.length > 0) {
    parts.push('相关承办单位正在抓紧办理。');
  }
  return parts.join('');
}

/** The sections, prefilled from the figures; themes are the categories that have items, in the office's order. */
export function prefillNarratives(report: HandlingReport): NarrativeSection[] {
  const section = (id: string, kind: NarrativeKind, heading: string, prefilled: string): NarrativeSection => ({
    id,
    kind,
    heading,
    text: prefilled,
    prefilled,
    edited: false,
  });
  const opening = section(
    'opening',
    'opening',
    '',
    `根据党代表大会常任制有关规定，现将${report.period.meetingName}代表提案和闭会期间代表提议、意见建议办理情况报告如下，请予审议。`,
  );
  const themes = report.categories
    .filter((c) => c.received > 0)
    .map((c) => section(`theme:${c.categoryId ?? 'uncategorised'}`, 'theme', `${c.name}方面`, themeText(report, c.name)));
  const closing = section(
    'closing',
    'closing',
    '下一步工作',
    '下一步，我们将继续加强与承办单位的沟通协调，对尚未办结和列入计划解决的事项跟踪督办，对超期未答复的事项逐件督促，' +
      '进一步提高办理质量和代表满意度，推动代表提案、意见建议更好地转化为推动发展的具体举措。',
  );
  return [opening, ...themes, closing];
}

/** The staff's edits laid over the prefilled sections. An edit back to the prefilled text counts as unedited. */
export function applyDraft(sections: readonly NarrativeSection[], draft: ReportDraft | undefined): NarrativeSection[] {
  return sections.map((s) => {
    const text = draft?.texts[s.id];
    return text !== undefined && text !== s.prefilled ? { ...s, text, edited: true } : { ...s, text: s.prefilled, edited: false };
  });
}

/** The draft after one section's text changed (an empty edit is kept: staff may delete a section's words). */
export function withSectionText(draft: ReportDraft | undefined, meetingId: string, sectionId: string, text: string, now: Date): ReportDraft {
  return { version: 1, meetingId, ...stripUndefined(draft), texts: { ...(draft?.texts ?? {}), [sectionId]: text }, savedAt: now.toISOString() };
}

/** Drops one section's edit ("恢复为自动生成"). */
export function withoutSectionText(draft: ReportDraft | undefined, meetingId: string, sectionId: string, now: Date): ReportDraft {
  const texts = { ...(draft?.texts ?? {}) };
  delete texts[sectionId];
  return { version: 1, meetingId, ...stripUndefined(draft), texts, savedAt: now.toISOString() };
}

/** The draft with a new title or 落款 (an empty one falls back to the default when exported). */
export function withDraftField(draft: ReportDraft | undefined, meetingId: string, field: 'title' | 'issuer', value: string, now: Date): ReportDraft {
  return { version: 1, meetingId, ...stripUndefined(draft), texts: { ...(draft?.texts ?? {}) }, [field]: value, savedAt: now.toISOString() };
}

function stripUndefined(draft: ReportDraft | undefined): Pick<ReportDraft, 'title' | 'issuer'> {
  return { ...(draft?.title !== undefined ? { title: draft.title } : {}), ...(draft?.issuer !== undefined ? { issuer: draft.issuer } : {}) };
}

export function reportTitleOf(report: HandlingReport, draft: ReportDraft | undefined): string {
  return draft?.title?.trim() || defaultReportTitle(report.period.meetingName);
}

export function reportIssuerOf(draft: ReportDraft | undefined, fallback: string): string {
  return draft?.issuer?.trim() || fallback;
}
