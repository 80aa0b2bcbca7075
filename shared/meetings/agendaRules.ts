// 议程 of an annual meeting: 审议工作报告, 专题发言, 票决 (with its counts and outcome), other items.
import type { AgendaItem } from '../domain';
import { isBlank, SHORT_TEXT_MAX, type FieldErrors } from './fieldErrors';

export type AgendaKind = AgendaItem['kind'];
export type VoteOutcome = NonNullable<AgendaItem['vote']>['outcome'];

/** A 票决's result as the form holds it: numbers may be missing while the office types. */
export interface VoteForm {
  for?: number | null;
  against?: number | null;
  abstain?: number | null;
  /** 到会代表人数; when given, the majority is counted against it */
  present?: number | null;
  outcome?: VoteOutcome | null;
}

export interface AgendaItemForm {
  kind?: AgendaKind;
  title?: string;
  /** Only for 票决; absent or all blank = not voted yet (an item planned ahead of the meeting) */
  vote?: VoteForm;
}

const COUNT_LABELS = { for: '赞成票数', against: '反对票数', abstain: '弃权票数', present: '到会人数' } as const;
type CountField = keyof typeof COUNT_LABELS;

const given = (n: number | null | undefined): n is number => n !== undefined && n !== null && !(typeof n === 'number' && Number.isNaN(n));
const isCount = (n: unknown): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0;

/** True when the office has entered any part of a vote's result. */
export function voteEntered(vote: VoteForm | undefined): boolean {
  if (!vote) return false;
  return given(vote.for) || given(vote.against) || given(vote.abstain) || given(vote.present) || (vote.outcome !== undefined && vote.outcome !== null);
}

/**
 * The outcome the counts give: 通过 when the votes for are more than half of the delegates present, or of the
 * votes cast when the number present is not recorded (过半数); otherwise 未通过.
 */
export function outcomeOfCounts(vote: { for: number; against: number; abstain: number; present?: number | undefined }): VoteOutcome {
  const base = vote.present ?? vote.for + vote.against + vote.abstain;
  return vote.for * 2 > base ? 'passed' : 'failed';
}

/**
 * A vote's result: each count a non-negative integer, at least one vote, no more votes than delegates present,
 * and an outcome that agrees with the counts. Field keys are `vote.for`, `vote.against`, …, `vote.outcome`.
 */
export function validateVote(vote: VoteForm): FieldErrors {
  const errors: FieldErrors = {};
  for (const field of ['for', 'against', 'abstain'] as const satisfies readonly CountField[]) {
    const value = vote[field];
    if (!given(value)) errors[`vote.${field}`] = `请填写${COUNT_LABELS[field]}`;
    else if (!isCount(value)) errors[`vote.${field}`] = `${COUNT_LABELS[field]}须为不小于 0 的整数`;
  }
  if (given(vote.present) && !isCount(vote.present)) errors['vote.present'] = `${COUNT_LABELS.present}须为不小于 0 的整数`;
  if (!vote.outcome) errors['vote.outcome'] = '请选择表决结果';
  if (Object.keys(errors).some((k) => k !== 'vote.outcome')) return errors;

  const counts = { for: vote.for!, against: vote.against!, abstain: vote.abstain!, ...(given(vote.present) ? { present: vote.present } : {}) };
  const total = counts.for + counts.against + counts.abstain;
  if (total === 0) {
    errors['vote.for'] = '赞成、反对、弃权票数不能都为 0';
    return errors;
  }
  if (counts.present !== undefined && total > counts.present) {
    errors['vote.present'] = `赞成、反对、弃权票数合计 ${total} 超过到会人数 ${counts.present}`;
    return errors;
  }
  if (!vote.outcome) return errors;
  const expected = outcomeOfCounts(counts);
  if (vote.outcome !== expected) {
    const base = counts.present !== undefined ? `到会人数 ${counts.present}` : `投票总数 ${total}`;
    errors['vote.outcome'] =
      expected === 'failed'
        ? `赞成票 ${counts.for} 未超过${base} 的半数，表决结果应为“未通过”`
        : `赞成票 ${counts.for} 已超过${base} 的半数，表决结果应为“通过”`;
  }
  return errors;
}

/** An agenda item: a kind, a title, and for a 票决 a valid result once any of it is entered. */
export function validateAgendaItem(form: AgendaItemForm): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.kind) errors.kind = '请选择议程类型';
  if (isBlank(form.title)) errors.title = '请填写议程名称';
  else if (form.title!.trim().length > SHORT_TEXT_MAX) errors.title = `议程名称不能超过 ${SHORT_TEXT_MAX} 个字`;
  if (form.kind === 'vote' && voteEntered(form.vote)) Object.assign(errors, validateVote(form.vote!));
  return errors;
}

/** The vote to store for a valid form: only for 票决 with a result entered. */
export function voteToStore(form: AgendaItemForm): AgendaItem['vote'] {
  if (form.kind !== 'vote' || !voteEntered(form.vote)) return undefined;
  const v = form.vote!;
  return { for: v.for!, against: v.against!, abstain: v.abstain!, ...(given(v.present) ? { present: v.present } : {}), outcome: v.outcome! };
}
