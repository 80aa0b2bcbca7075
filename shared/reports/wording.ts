// The report's figures as the sentences real handling reports are written in:
// "共收到提案468件，经审查立案329件，占70.3%；……A类165件，占50.2%". Parts that are zero are left out of a
// list rather than printed as "0件，占0%", except where the reader expects the number (立案).
import type { ReplyClass, Satisfaction } from '../domain';
import { UNCATEGORISED, type HandlingReport, type Tally } from './handlingReport';
import { CLASS_LABELS, chineseDate, SATISFACTION_LABELS, SATISFACTIONS, type DecisionKey } from './labels';
import { formatPercent } from './shares';

/** "329件，占70.3%" */
export function countAndShare(count: number, share: number | undefined): string {
  return `${count}件，占${formatPercent(share)}`;
}

/** Joins clauses with "；" and ends the sentence with "。". */
function sentence(clauses: readonly string[]): string {
  return clauses.length ? `${clauses.join('；')}。` : '';
}

/** "立案M件，占X%；并案处理…；转为意见建议…；不予立案…；尚在审查…" over one kind's received items. */
export function decisionClauses(t: Tally<DecisionKey>): string[] {
  const part = (key: DecisionKey, label: string, always = false) =>
    t.counts[key] > 0 || always ? [`${label}${countAndShare(t.counts[key], t.shares[key])}`] : [];
  return [
    ...part('accept', '立案', true),
    ...part('merge', '并案处理'),
    ...part('convert', '转为意见建议'),
    ...part('reject', '不予立案'),
    ...part('pending', '尚在审查'),
  ];
}

/** The opening totals: the meeting's 提案, then the recess items, then withdrawals. */
export function reviewSentences(report: HandlingReport): string[] {
  const { period, byKind } = report;
  const motions = byKind.motion;
  const out: string[] = [];
  if (motions.total > 0) {
    const [first, ...rest] = decisionClauses(motions);
    out.push(`${period.meetingName}共收到代表提案${motions.total}件，经提案审查委员会审查，${sentence([first!, ...rest])}`);
  } else {
    out.push(`${period.meetingName}未收到代表提案。`);
  }
  const proposals = byKind.proposal.total;
  const suggestions = byKind.suggestion.total;
  const span = period.until ? `（${chineseDate(period.from)}至${chineseDate(previousDay(period.until))}）` : `（${chineseDate(period.from)}以来）`;
  if (proposals + suggestions > 0) {
    const received = [proposals > 0 ? `代表提议${proposals}件` : '', suggestions > 0 ? `意见建议${suggestions}件` : ''].filter(Boolean).join('、');
    out.push(`闭会期间${span}，共收到${received}，经审查，${sentence(decisionClauses(report.recess))}`);
  } else {
    out.push(`闭会期间${span}，未收到代表提议和意见建议。`);
  }
  if (report.withdrawnAfterReceipt > 0) out.push(`另有${report.withdrawnAfterReceipt}件在审查前由领衔代表撤回，未计入以上数字。`);
  return out;
}

/** "经济发展类"; an item without a category is "未分类的". */
export function categoryPhrase(name: string): string {
  if (name === UNCATEGORISED) return '未分类的';
  return name.endsWith('类') ? name : `${name}类`;
}

/** "按类别分，经济发展类52件，占17.3%；……政法类暂无。" — largest first; empty categories named at the end. */
export function categorySentence(report: HandlingReport): string {
  const present = report.categories.filter((c) => c.received > 0).sort((a, b) => b.received - a.received);
  if (present.length === 0) return '';
  const empty = report.categories.filter((c) => c.received === 0).map((c) => categoryPhrase(c.name));
  const clauses = present.map((c) => `${categoryPhrase(c.name)}${countAndShare(c.received, c.share)}`);
  return `按类别分，${clauses.join('；')}${empty.length ? `；${empty.join('、')}暂无` : ''}。`;
}

export function classClauses(classes: Tally<ReplyClass>, keys: readonly ReplyClass[]): string[] {
  return keys.filter((k) => k in classes.counts).map((k) => `${k}类（${CLASS_LABELS[k]}）${countAndShare(classes.counts[k], classes.shares[k])}`);
}

/** 交办、答复、按期、重新办理. */
export function handlingSentences(report: HandlingReport): string[] {
  const h = report.handling;
  const out: string[] = [];
  if (h.handled === 0) return ['本期无立案或转为意见建议的事项需交办。'];
  const assigned =
    h.awaitingAssignment === 0
      ? `立案及转为意见建议的${h.handled}件已全部交办，涉及承办单位${h.unitsInvolved}个`
      : `立案及转为意见建议的${h.handled}件中，已交办${h.assigned}件，涉及承办单位${h.unitsInvolved}个，尚待交办${h.awaitingAssignment}件`;
  out.push(`${assigned}。`);
  if (h.replied > 0) {
    const keys = (Object.keys(h.classes.counts) as ReplyClass[]).filter((k) => k !== 'D' || report.allowClassD);
    out.push(`目前已答复${h.replied}件，其中${sentence(classClauses(h.classes, keys))}`);
  } else {
    out.push('目前承办单位尚未答复。');
  }
  if (h.due > 0) out.push(`已到办理期限的${h.due}件中，按期答复${h.onTime}件，按期答复率${formatPercent(h.onTimeRate)}。`);
  if (h.rehandled > 0) out.push(`因领衔代表对答复不满意而重新办理${h.rehandled}件，其中已办结${h.rehandledClosed}件。`);
  return out;
}

function satisfactionClauses(t: Tally<Satisfaction>): string[] {
  return SATISFACTIONS.filter((k) => t.counts[k] > 0).map((k) => `${SATISFACTION_LABELS[k]}${countAndShare(t.counts[k], t.shares[k])}`);
}

/** 满意度测评: overall, then 对办理工作 and 对办理结果. */
export function satisfactionSentences(report: HandlingReport): string[] {
  const s = report.satisfaction;
  if (s.rated === 0) return ['领衔代表尚未对答复进行满意度测评。'];
  return [
    `领衔代表已对${s.rated}件答复进行满意度测评，${sentence(satisfactionClauses(s.overall))}满意和基本满意率${formatPercent(s.satisfiedRate)}。`,
    `其中，对办理工作：${sentence(satisfactionClauses(s.work))}`,
    `对办理结果：${sentence(satisfactionClauses(s.result))}`,
  ];
}

/** 尚未办结 and 超期. */
export function openSentences(report: HandlingReport): string[] {
  const o = report.open;
  const asOf = `截至${chineseDate(report.today)}`;
  if (o.total === 0) return report.handling.handled > 0 ? [`${asOf}，交办事项已全部办结。`] : [];
  const parts = [
    o.awaitingAssignment ? `待交办${o.awaitingAssignment}件` : '',
    o.handling ? `正在办理${o.handling}件` : '',
    o.awaitingRating ? `已答复待测评${o.awaitingRating}件` : '',
    o.rehandling ? `重新办理${o.rehandling}件` : '',
  ].filter(Boolean);
  const out = [`${asOf}，尚未办结${o.total}件${parts.length ? `，其中${parts.join('、')}` : ''}。`];
  if (o.overdue.length > 0) out.push(`超过办理期限尚未答复${o.overdue.length}件，已列入督办，详见下表。`);
  else out.push('目前没有超过办理期限尚未答复的事项。');
  if (o.dueSoon > 0) out.push(`另有${o.dueSoon}件将在15日内到期。`);
  return out;
}

/** 重点提案. */
export function keyItemSentence(report: HandlingReport): string {
  const items = report.keyItems;
  if (items.length === 0) return '本期未确定重点提案。';
  const replied = items.filter((r) => r.resultClass).length;
  const closed = items.filter((r) => r.progress === 'closed').length;
  const supervised = report.supervisedCount ? `，列入重点督办${report.supervisedCount}件` : '';
  return `本期确定重点提案${items.length}件${supervised}。重点提案已答复${replied}件，已办结${closed}件。`;
}

/** "第十五届第一次年会" → "关于……办理情况的报告". */
export function defaultReportTitle(meetingName: string): string {
  return `关于${meetingName}代表提案和闭会期间代表提议、意见建议办理情况的报告`;
}

function previousDay(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`) - 86_400_000;
  return new Date(ms).toISOString().slice(0, 10);
}
