// What the office must get right when defining a 评议 round. Messages in Chinese, keyed by the form's fields.
import type { EvaluationRound } from '../domain';

/** A round as the office defines it in the form (times as ISO instants, '' when not picked). */
export interface RoundInput {
  kind: EvaluationRound['kind'];
  title: string;
  subjects: { id?: string; name: string; description?: string }[];
  criteria: string[];
  rateCriteria: boolean;
  scale: EvaluationRound['scale'];
  voters: EvaluationRound['voters'];
  opensAt: string;
  closesAt: string;
}

/**
 * Field errors of a round definition, by field name: `title`, `subjects`, `subjects.<i>.name`, `criteria`,
 * `scale`, `voters`, `opensAt`, `closesAt`. Empty when the round may be saved.
 */
export function checkRoundInput(input: RoundInput): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!input.title.trim()) errors.title = '请填写评议名称';
  else if (input.title.trim().length > 200) errors.title = '评议名称不能超过 200 字';

  const named = input.subjects.filter((s) => s.name.trim());
  if (named.length === 0) errors.subjects = '请至少添加一个评议对象';
  input.subjects.forEach((s, i) => {
    if (!s.name.trim() && input.subjects.length > 1) errors[`subjects.${i}.name`] = '请填写评议对象名称，或删除这一行';
  });
  const names = named.map((s) => s.name.trim());
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate && !errors.subjects) errors.subjects = `评议对象“${duplicate}”重复了`;

  const criteria = input.criteria.map((c) => c.trim()).filter(Boolean);
  if (input.rateCriteria && criteria.length === 0) errors.criteria = '选择“逐项评价”时，请至少填写一项评议内容';

  if (input.scale.kind === 'grades') {
    const options = input.scale.options.map((o) => o.trim()).filter(Boolean);
    if (options.length < 2) errors.scale = '评价等次至少需要 2 个';
    else if (new Set(options).size !== options.length) errors.scale = '评价等次不能重复';
  } else if (!(Number.isInteger(input.scale.min) && Number.isInteger(input.scale.max) && input.scale.min < input.scale.max)) {
    errors.scale = '分数范围无效：最低分须小于最高分';
  }

  if (input.voters.kind === 'groups' && input.voters.activityGroupIds.length === 0) errors.voters = '请选择参加评议的活动组';
  if (input.voters.kind === 'list' && input.voters.delegateIds.length === 0) errors.voters = '请选择参加评议的党代表';

  const opens = Date.parse(input.opensAt);
  const closes = Date.parse(input.closesAt);
  if (!input.opensAt || Number.isNaN(opens)) errors.opensAt = '请选择开始时间';
  if (!input.closesAt || Number.isNaN(closes)) errors.closesAt = '请选择截止时间';
  else if (!Number.isNaN(opens) && closes <= opens) errors.closesAt = '截止时间须晚于开始时间';
  return errors;
}
