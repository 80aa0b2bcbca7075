// The words of demo proposals and replies, built from a topic's sentence pools, a place and a few frames,
// so that hundreds of proposals read differently while those on one topic stay recognisably similar
// (which is what the similar-proposal search and 并案 need).
import type { ProposalKind, ReplyClass } from '../domain';
import type { Jurisdiction } from './jurisdiction';
import type { Rng } from './rng';
import type { Topic } from './topics';

export interface ProposalText {
  title: string;
  background: string;
  recommendations: string;
  /** The recommendation sentences, for 采纳 items in replies */
  points: string[];
  place: string;
}

const KIND_SUFFIX: Record<ProposalKind, string> = { motion: '提案', proposal: '提议', suggestion: '建议' };

export function fill(template: string, rng: Rng, jur: Jurisdiction, place: string): string {
  return template.replace(/\{(\w+)\}(千万|十|百|千)?/g, (whole, key: string, magnitude: string | undefined) => {
    switch (key) {
      case 'place':
        return (place || jur.self) + (magnitude ?? '');
      case 'self':
        return jur.self + (magnitude ?? '');
      case 'whole':
        return jur.whole + (magnitude ?? '');
      case 'lvl':
        return jur.lvl + (magnitude ?? '');
      case 'n': {
        // "{n}十处" → "30处", "{n}千万元" → "3000万元": figures as an official letter writes them.
        const n = rng.int(2, 9);
        if (magnitude === '十') return String(n * 10 + rng.int(0, 9));
        if (magnitude === '百') return String(n * 100 + rng.int(0, 9) * 10);
        if (magnitude === '千') return String(n * 1000 + rng.int(0, 9) * 100);
        if (magnitude === '千万') return `${n * 1000}万`;
        return String(n);
      }
      default:
        return whole;
    }
  });
}

/** The place named in the 案由, or '' for proposals about the whole county / province. */
function titlePlace(rng: Rng, topic: Topic, jur: Jurisdiction): string {
  const locality = rng.pick(jur.localities);
  switch (topic.scope) {
    case 'rural':
      return rng.weighted([[locality, 0.45], [jur.self, 0.3], ['', 0.25]]);
    case 'urban':
      return jur.level === 'province' ? rng.weighted([[locality, 0.5], [jur.self, 0.2], ['', 0.3]]) : rng.weighted([[jur.self, 0.6], ['', 0.4]]);
    case 'general':
      return rng.weighted([[jur.self, 0.45], ['', 0.55]]);
  }
}

const INTROS = [
  '{subject}关系群众切身利益，是{whole}党员群众普遍关心的问题。',
  '近年来，{where}在{subject}方面做了大量工作，取得了一定成效，但与群众的期盼相比仍有不小差距。',
  '在走访调研中，代表了解到{where}在{subject}方面还存在一些突出问题。',
  '{subject}是推进高质量发展的重要内容，{committee}对此高度重视，作出了一系列部署。',
  '从基层党员群众反映的情况看，{where}在{subject}方面还有不少短板。',
];
const CLOSINGS = [
  '这些问题如不及时解决，将直接影响群众的获得感和满意度。',
  '群众对此反映强烈，希望引起有关部门的高度重视。',
  '这在一定程度上制约了{whole}经济社会的健康发展。',
];
const NUMERALS = ['一', '二', '三', '四', '五'];

export function composeProposal(rng: Rng, topic: Topic, jur: Jurisdiction, kind: ProposalKind): ProposalText {
  const place = titlePlace(rng, topic, jur);
  const verb = rng.pick(topic.verbs);
  const measure = verb.endsWith('加大') ? '力度' : '';
  const title = `关于${verb}${place}${topic.subject}${measure}的${KIND_SUFFIX[kind]}`;

  const where = place || jur.self;
  const subject = topic.subject.replace(/工作$/, '');
  const intro = rng
    .pick(INTROS)
    .replace('{subject}', subject)
    .replace('{where}', where)
    .replace('{committee}', jur.committee);
  const problems = rng.sample(topic.problems, rng.int(1, 2));
  const closing = rng.chance(0.5) ? [rng.pick(CLOSINGS)] : [];
  const background = [intro, ...problems, ...closing].map((s) => fill(s, rng, jur, place)).join('');

  const points = rng.sample(topic.recommendations, 3).map((s) => fill(s, rng, jur, place));
  const numbered = rng.chance(0.5)
    ? points.map((p, i) => `${i + 1}. ${p}`).join('\n')
    : points.map((p, i) => `${NUMERALS[i]}是${p.replace(/。$/, '')}${i === points.length - 1 ? '。' : '；'}`).join('\n');
  return { title, background, recommendations: numbered, points, place };
}

/** 2025-03-05 → 2025年3月5日 */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const CLASS_CLOSINGS: Record<ReplyClass, readonly string[]> = {
  A: ['您提出的建议已基本采纳并落实，相关问题已得到解决。', '经认真研究，您的建议已全部采纳，相关工作已落实到位。'],
  B: [
    '上述工作已列入{year}年度工作计划，我们将加大推进力度，力争尽快见到实效。',
    '目前相关工作正在推进中，我们将按计划分步实施，并及时向您反馈进展情况。',
  ],
  C: [
    '受资金、政策等因素制约，部分建议目前尚不具备实施条件，我们将留作今后工作参考，待条件成熟时积极推进。',
    '您的建议对改进我们的工作很有参考价值，因涉及上级政策调整，目前暂难实施，我们将认真研究、积极争取。',
  ],
  D: ['该事项已按有关规定作出说明。'],
};

/** Paragraphs of a Chinese letter open with two full-width spaces. */
const INDENT = '\u3000\u3000';

export interface ReplyTextInput {
  leadName: string;
  title: string;
  number?: number;
  unitName: string;
  repliedOn: string;
  resultClass: ReplyClass;
  topic: Topic;
  place: string;
  rehandling: boolean;
}

/** A reply letter in the usual shape: salutation, acknowledgement, measures, outcome, thanks, sender, date. */
export function composeReply(rng: Rng, jur: Jurisdiction, input: ReplyTextInput): string {
  const numberPart = input.number ? `（第${input.number}号）` : '';
  const opening = input.rehandling
    ? `根据您对前次答复的意见，我单位对您提出的《${input.title}》${numberPart}重新进行了办理，现将有关情况答复如下：`
    : `您提出的《${input.title}》${numberPart}收悉。我单位高度重视，主要负责同志专门作了安排，现将办理情况答复如下：`;
  const measures = rng.sample(input.topic.measures, rng.int(2, 3)).map((m) => fill(m, rng, jur, input.place));
  const body = `${measures.join('；')}。`;
  const closing = rng.pick(CLASS_CLOSINGS[input.resultClass]).replace('{year}', input.repliedOn.slice(0, 4));
  return [
    `${input.leadName}代表：`,
    `${INDENT}${opening}`,
    `${INDENT}${body}`,
    `${INDENT}${closing}`,
    `${INDENT}感谢您对${jur.whole}工作的关心和支持，欢迎继续提出宝贵意见。`,
    '',
    input.unitName,
    chineseDate(input.repliedOn),
  ].join('\n');
}

const CONSULTATION_FORMS = { faceToFace: '登门走访', phone: '电话联系', meeting: '召开座谈会' } as const;

export function composeConsultationNotes(rng: Rng, form: keyof typeof CONSULTATION_FORMS, leadName: string, topic: Topic): string {
  const extra = rng.pick(['代表对办理思路表示认可。', '代表就落实时间表提出了补充意见。', '双方商定在答复前再次沟通办理进展。', '']);
  return `通过${CONSULTATION_FORMS[form]}的方式与领衔代表${leadName}进行了沟通，详细了解了提案的背景和具体诉求，双方就${topic.subject}的办理思路交换了意见。${extra}`;
}

export const RATING_COMMENTS = {
  satisfied: ['办理态度认真，答复具体，措施有力。', '希望继续跟踪落实。', '办前主动沟通，办理效果好。'],
  basicallySatisfied: ['答复总体可以，但部分建议尚未落实。', '希望加快推进进度。'],
  unsatisfied: ['答复内容较为笼统，没有具体措施和时间表。', '办前没有与代表沟通，答复与实际情况不符。', '问题至今未得到解决。'],
} as const;

export const RETURN_REASONS = ['该件主要内容不属于本单位职责范围，建议调整主办单位。', '该件涉及多个部门职责，建议由牵头部门主办。'];
export const EXTENSION_REASONS = ['涉及项目立项和资金安排，需待年度预算批复后答复。', '需会同多个部门现场调研，申请延期答复。', '涉及上级政策调整，需等待上级部门意见。'];
export const REJECTION_TEXTS: Record<string, string> = {
  personal: '所提事项属个人具体诉求，建议通过信访渠道反映。',
  litigation: '所提事项已进入司法程序，不宜作为提案办理。',
  secret: '内容涉及国家秘密，不宜公开办理。',
  empty: '内容较为空泛，缺少具体可行的建议。',
  outOfScope: '所提事项不属于本级党委职权范围。',
};
export const CONVERT_TEXT = '所提事项属于具体工作建议，转为意见建议交有关部门研究办理。';
export const MERGE_TEXT = '与同类提案内容相近，并案办理。';
