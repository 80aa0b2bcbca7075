import { describe, expect, it } from 'vitest';
import { buildHandlingReport } from './handlingReport';
import { applyDraft, parseReportDraft, prefillNarratives, reportDraftKey, reportIssuerOf, reportTitleOf, withDraftField, withSectionText, withoutSectionText } from './narrative';
import { reportFixture } from './reportFixtures';

const { input, categories } = reportFixture();
const report = buildHandlingReport(input);
const NOW = new Date('2026-09-01T02:00:00.000Z');

describe('narrative sections', () => {
  it('prefills an opening, one theme per category with items (counts and example titles), and a closing', () => {
    const sections = prefillNarratives(report);
    expect(sections.map((s) => s.id)).toEqual(['opening', `theme:${categories.party.id}`, `theme:${categories.economy.id}`, 'theme:uncategorised', 'closing']);
    const party = sections[1]!;
    expect(party.heading).toBe('党的建设方面');
    // 4 items, all handled (3 立案 + 1 转为意见建议); examples in number order after the 重点提案; A/B/C once each.
    expect(party.text).toBe(
      '党的建设方面，代表们共提出4件，立案及转为意见建议4件，主要有《关于加强农村饮水安全保障的提案》《关于加强基层党组织书记队伍建设的提案》' +
        '《关于完善党代表联系群众制度的提案》等。承办单位已答复3件，其中已解决或采纳的1件，正在解决或列入计划的1件，留作参考的1件。',
    );
    // 经济发展: the 重点提案 (第4号) comes first, then the one answered A (第3号), then 第5号; the merged one is not an example.
    expect(sections[2]!.text).toBe(
      '经济发展方面，代表们共提出5件，立案及转为意见建议3件，主要有《关于推动县域商贸物流发展的提案》《关于解决中小微企业融资难问题的提案》' +
        '《关于发展全域旅游的提案》等。承办单位已答复1件，其中已解决或采纳的1件。',
    );
    expect(sections[3]!.text).toBe('未分类方面，代表们共提出1件，立案及转为意见建议0件。');
    expect(sections.every((s) => !s.edited && s.text === s.prefilled)).toBe(true);
  });

  it("lays the staff's edits over the prefilled text and can go back to it", () => {
    const sections = prefillNarratives(report);
    let draft = withSectionText(undefined, input.meeting.id, 'closing', '明年将重点督办超期事项。', NOW);
    draft = withSectionText(draft, input.meeting.id, 'opening', sections[0]!.prefilled, NOW);
    const applied = applyDraft(sections, draft);
    expect(applied.find((s) => s.id === 'closing')).toMatchObject({ text: '明年将重点督办超期事项。', edited: true });
    // An edit identical to the prefilled text is no edit.
    expect(applied.find((s) => s.id === 'opening')).toMatchObject({ edited: false });
    const restored = applyDraft(sections, withoutSectionText(draft, input.meeting.id, 'closing', NOW));
    expect(restored.find((s) => s.id === 'closing')).toMatchObject({ text: sections.at(-1)!.prefilled, edited: false });
  });

  it('reads back only a well-formed draft of the same meeting', () => {
    const draft = withSectionText(undefined, input.meeting.id, 'closing', '文字', NOW);
    expect(parseReportDraft(JSON.parse(JSON.stringify(draft)), input.meeting.id)).toEqual(draft);
    expect(parseReportDraft(draft, 'another-meeting')).toBeUndefined();
    expect(parseReportDraft({ version: 2 }, input.meeting.id)).toBeUndefined();
    expect(parseReportDraft(undefined, input.meeting.id)).toBeUndefined();
    expect(reportDraftKey('m1')).toBe('reportDraft/m1');
  });

  it('uses the edited title, else the default one', () => {
    expect(reportTitleOf(report, undefined)).toBe('关于某某县第十五届党代会第一次年会代表提案和闭会期间代表提议、意见建议办理情况的报告');
    const draft = withDraftField(withSectionText(undefined, input.meeting.id, 'closing', '文字', NOW), input.meeting.id, 'title', ' 关于办理情况的报告 ', NOW);
    expect(reportTitleOf(report, draft)).toBe('关于办理情况的报告');
    // Setting a field keeps the edited texts.
    expect(draft.texts).toEqual({ closing: '文字' });
    expect(reportIssuerOf(draft, '常任办')).toBe('常任办');
    expect(reportIssuerOf(withDraftField(draft, input.meeting.id, 'issuer', '县委常任办', NOW), '常任办')).toBe('县委常任办');
  });
});
