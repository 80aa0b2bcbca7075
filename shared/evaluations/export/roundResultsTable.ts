// 评议结果 as the Word and Excel exports both present it: the round's facts, turnout, and one row of tallies per
// question. Built from aggregates only — the source type has no room for a ballot, and of a tally it reads the
// counts and shares alone (a RoundTally handed in whole keeps its voter ids and comments to itself). The voters
// of a 'list' round are named by their number, never by id. Always in Chinese: it is an official document.
import type { EvaluationKind, EvaluationRound, QuestionTally } from '../../domain';
import { formatChinaDateTime, toCalendarDate } from '../../lifecycle';
import { chineseDate } from '../../reports/labels';
import { ratedCriteria } from '../questions';
import { scoreBands } from '../scales';
import { SMALL_GROUP_MIN_BALLOTS } from '../tally';

export const KIND_LABELS: Readonly<Record<EvaluationKind, string>> = {
  democratic: '民主评议',
  reporting: '述职评议',
  handlingSatisfaction: '提案办理满意度测评',
  custom: '其他评议',
};

type RoundFacts = Pick<EvaluationRound, 'title' | 'kind' | 'subjects' | 'criteria' | 'rateCriteria' | 'scale' | 'voters' | 'opensAt' | 'closesAt'>;

export interface RoundResultsSource {
  round: RoundFacts;
  /** The tally's aggregates: turnout counts and per-question counts and shares */
  tally: { eligible: number; voted: number; questions: readonly QuestionTally[]; smallGroup: boolean };
  /** Names of the activity groups of a 'groups' round (the round holds only their ids) */
  groupNames?: readonly string[];
  /** 落款: who issues the document */
  issuer?: string;
  /** When the export is made (ISO instant): the document's date */
  exportedAt: string;
}

/** One option of a grades scale, or one band of a score scale. */
export interface DistributionCell {
  count: number;
  share: number;
}

export interface ResultRow {
  subject: string;
  /** The criterion answered, when the round rates criteria one by one */
  criterion?: string;
  /** 有效票 */
  answered: number;
  /** Aligned with RoundResultsTable.distributionLabels */
  distribution: DistributionCell[];
  /** Score scales: mean, median, range (absent when nobody answered) */
  score?: { mean?: number; median?: number; min?: number; max?: number };
}

export interface RoundResultsTable {
  /** "…民主评议结果" */
  documentTitle: string;
  roundTitle: string;
  /** 评议类型, 评议时间, 评议对象, … as label and value */
  facts: { label: string; value: string }[];
  turnout: { eligible: number; voted: number; share: number };
  /** "应参评代表5人，实际投票3人，参评率60.0%。" */
  turnoutSentence: string;
  /** Set when so few voted that the tallies may reveal individual votes */
  smallGroupNote?: string;
  scaleKind: 'grades' | 'score';
  /** Grade options (优秀 / 称职 / …) or score bands ("90–100分") */
  distributionLabels: string[];
  /** Rows carry a criterion (the round rates criteria one by one) */
  withCriteria: boolean;
  rows: ResultRow[];
  issuer?: string;
  /** 成文日期 "2026年3月10日" */
  dateLine: string;
}

/** 66.7% — shares as the report writes them, one decimal. */
export function percentText(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** Whole numbers as they are, others to one decimal; "—" when there is nothing. */
export function scoreText(value: number | undefined): string {
  if (value === undefined) return '—';
  return Number.isInteger(value) ? String(value) : value.toFixed(1);
}

/** "2026年3月2日 09:00" in 北京时间. */
function chineseDateTime(iso: string): string {
  const [date, time] = formatChinaDateTime(iso).split(' ');
  return `${chineseDate(date!)} ${time}`;
}

function votersText(round: RoundFacts, groupNames: readonly string[] | undefined): string {
  switch (round.voters.kind) {
    case 'all':
      return '全体代表';
    case 'groups':
      return groupNames?.length ? `${groupNames.join('、')}的代表` : `${round.voters.activityGroupIds.length}个活动组的代表`;
    case 'list':
      return `指定代表${round.voters.delegateIds.length}人`;
  }
}

function scaleText(round: RoundFacts): string {
  return round.scale.kind === 'grades' ? round.scale.options.join(' / ') : `评分（${round.scale.min}–${round.scale.max}分）`;
}

function documentTitleOf(title: string): string {
  const trimmed = title.trim();
  return trimmed.endsWith('结果') ? trimmed : `${trimmed}结果`;
}

function rowOf(q: QuestionTally, subjectName: string, labels: readonly string[], round: RoundFacts): ResultRow {
  const distribution: DistributionCell[] =
    round.scale.kind === 'grades'
      ? labels.map((option) => {
          const g = q.grades?.find((x) => x.option === option);
          return { count: g?.count ?? 0, share: g?.share ?? 0 };
        })
      : labels.map((_, i) => {
          const b = q.score?.bands[i];
          return { count: b?.count ?? 0, share: b?.share ?? 0 };
        });
  const score = q.score
    ? {
        ...(q.score.mean !== undefined ? { mean: q.score.mean } : {}),
        ...(q.score.median !== undefined ? { median: q.score.median } : {}),
        ...(q.score.min !== undefined ? { min: q.score.min } : {}),
        ...(q.score.max !== undefined ? { max: q.score.max } : {}),
      }
    : undefined;
  return {
    subject: subjectName,
    ...(q.criterion !== undefined ? { criterion: q.criterion } : {}),
    answered: q.answered,
    distribution,
    ...(score ? { score } : {}),
  };
}

export function roundResultsTable(source: RoundResultsSource): RoundResultsTable {
  const { round, tally } = source;
  const subjectName = new Map(round.subjects.map((s) => [s.id, s.name]));
  const distributionLabels =
    round.scale.kind === 'grades' ? [...round.scale.options] : scoreBands(round.scale.min, round.scale.max).map((b) => (b.from === b.to ? `${b.from}分` : `${b.from}–${b.to}分`));
  const criteria = ratedCriteria(round);
  const share = tally.eligible > 0 ? tally.voted / tally.eligible : 0;
  const criteriaText = round.criteria.map((c) => c.trim()).filter(Boolean).join('、');
  const facts = [
    { label: '评议名称', value: round.title },
    { label: '评议类型', value: KIND_LABELS[round.kind] },
    { label: '评议时间', value: `${chineseDateTime(round.opensAt)} 至 ${chineseDateTime(round.closesAt)}（北京时间）` },
    { label: '评议对象', value: round.subjects.map((s) => (s.description ? `${s.name}（${s.description}）` : s.name)).join('、') },
    ...(criteriaText ? [{ label: '评议内容', value: criteria.length ? `${criteriaText}（逐项评价）` : criteriaText }] : []),
    { label: '评价方式', value: scaleText(round) },
    { label: '参评范围', value: votersText(round, source.groupNames) },
  ];
  return {
    documentTitle: documentTitleOf(round.title),
    roundTitle: round.title,
    facts,
    turnout: { eligible: tally.eligible, voted: tally.voted, share },
    turnoutSentence: `应参评代表${tally.eligible}人，实际投票${tally.voted}人，参评率${percentText(share)}。`,
    ...(tally.smallGroup
      ? { smallGroupNote: `实际投票人数少于${SMALL_GROUP_MIN_BALLOTS}人，统计结果可能反映个人的投票意向，请谨慎使用，不宜公开。` }
      : {}),
    scaleKind: round.scale.kind,
    distributionLabels,
    withCriteria: criteria.length > 0,
    rows: tally.questions.map((q) => rowOf(q, subjectName.get(q.subjectId) ?? q.subjectId, distributionLabels, round)),
    ...(source.issuer?.trim() ? { issuer: source.issuer.trim() } : {}),
    dateLine: chineseDate(toCalendarDate(new Date(source.exportedAt))),
  };
}
