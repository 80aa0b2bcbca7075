import { describe, expect, it } from 'vitest';
import { buildHandlingReport } from './handlingReport';
import { reportFixture } from './reportFixtures';
import {
  categorySentence,
  countAndShare,
  defaultReportTitle,
  handlingSentences,
  keyItemSentence,
  openSentences,
  reviewSentences,
  satisfactionSentences,
} from './wording';

const { input } = reportFixture();
const report = buildHandlingReport(input);

describe('report wording (as real handling reports write their figures)', () => {
  it('opens with the totals and shares by kind, leaving out outcomes that did not occur', () => {
    expect(reviewSentences(report)).toEqual([
      '某某县第十五届党代会第一次年会共收到代表提案8件，经提案审查委员会审查，立案5件，占62.5%；并案处理1件，占12.5%；转为意见建议1件，占12.5%；不予立案1件，占12.5%。',
      '闭会期间（2026年3月10日至2027年3月9日），共收到代表提议1件、意见建议1件，经审查，立案1件，占50%；尚在审查1件，占50%。',
      '另有1件在审查前由领衔代表撤回，未计入以上数字。',
    ]);
    expect(countAndShare(329, 70.3)).toBe('329件，占70.3%');
  });

  it('categories largest first, empty ones named at the end', () => {
    expect(categorySentence(report)).toBe('按类别分，经济发展类5件，占50%；党的建设类4件，占40%；未分类的1件，占10%；政法类暂无。');
  });

  it('handling: assignment, classes with their meaning, on-time rate, re-handling', () => {
    expect(handlingSentences(report)).toEqual([
      '立案及转为意见建议的7件中，已交办6件，涉及承办单位3个，尚待交办1件。',
      '目前已答复4件，其中A类（已解决或采纳）2件，占50%；B类（正在解决或列入计划）1件，占25%；C类（留作参考）1件，占25%。',
      '已到办理期限的5件中，按期答复3件，按期答复率60%。',
      '因领衔代表对答复不满意而重新办理1件，其中已办结1件。',
    ]);
  });

  it('satisfaction overall, for the work and for the result', () => {
    expect(satisfactionSentences(report)).toEqual([
      '领衔代表已对3件答复进行满意度测评，满意2件，占66.7%；基本满意1件，占33.3%。满意和基本满意率100%。',
      '其中，对办理工作：满意2件，占66.7%；基本满意1件，占33.3%。',
      '对办理结果：满意1件，占33.3%；基本满意2件，占66.7%。',
    ]);
  });

  it('what is still open, and overdue', () => {
    expect(openSentences(report)).toEqual([
      '截至2026年9月1日，尚未办结4件，其中待交办1件、正在办理2件、已答复待测评1件。',
      '超过办理期限尚未答复1件，已列入督办，详见下表。',
      '另有1件将在15日内到期。',
    ]);
    expect(keyItemSentence(report)).toBe('本期确定重点提案2件，列入重点督办1件。重点提案已答复1件，已办结1件。');
  });

  it('says so plainly when there is nothing yet', () => {
    const empty = buildHandlingReport({ ...input, proposals: [], assignments: [], replies: [], ratings: [], meetings: [input.meeting] });
    expect(reviewSentences(empty)).toEqual(['某某县第十五届党代会第一次年会未收到代表提案。', '闭会期间（2026年3月10日以来），未收到代表提议和意见建议。']);
    expect(categorySentence(empty)).toBe('');
    expect(handlingSentences(empty)).toEqual(['本期无立案或转为意见建议的事项需交办。']);
    expect(satisfactionSentences(empty)).toEqual(['领衔代表尚未对答复进行满意度测评。']);
    expect(openSentences(empty)).toEqual([]);
    expect(keyItemSentence(empty)).toBe('本期未确定重点提案。');
  });

  it('titles the report after the meeting', () => {
    expect(defaultReportTitle('某某县第十五届党代会第一次年会')).toBe('关于某某县第十五届党代会第一次年会代表提案和闭会期间代表提议、意见建议办理情况的报告');
  });
});
