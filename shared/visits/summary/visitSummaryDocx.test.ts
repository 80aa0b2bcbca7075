import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { TEXT_WIDTH } from '../../reports/docx/layout';
import { jpegHeader, pngHeader } from './summaryFixtures';
import { buildVisitSummaryDocx, photoCaption, photoDisplaySize, visitSummaryTitle, type VisitSummaryInput, type VisitSummaryPhoto } from './visitSummaryDocx';

const photo = (fields: Partial<VisitSummaryPhoto> = {}): VisitSummaryPhoto => ({
  bytes: jpegHeader(1600, 1200),
  format: 'jpg',
  width: 1600,
  height: 1200,
  caption: '供水站沉淀池',
  takenBy: '张建国',
  takenAt: '2026-05-12T02:15:00.000Z',
  ...fields,
});

const input = (fields: Partial<VisitSummaryInput> = {}): VisitSummaryInput => ({
  kind: 'inspection',
  topic: '农村饮水安全工程建设情况',
  startDate: '2026-05-12',
  endDate: '2026-05-13',
  sites: ['城关镇水厂', '石门村供水站'],
  organiser: '第一活动组',
  agenda: '1. 听取县水利局汇报；\n2. 实地察看。',
  attendees: [
    { name: '张建国', delegateNumber: '001', answer: 'accepted', checkedInAt: '2026-05-12T00:40:00.000Z', invited: true },
    { name: '李晓梅', delegateNumber: '002', answer: 'declined', invited: true },
    { name: '王德明', delegateNumber: '003', answer: 'pending', invited: true },
    { name: '赵丽华', answer: 'accepted', invited: false },
  ],
  summary: '5月12日，第一活动组党代表实地察看了城关镇水厂和石门村供水站。\n\n代表们建议加快管网改造。',
  fieldNotes: [
    { name: '张建国', notes: '石门村供水管网老化，群众反映停水频繁。' },
    { name: '李晓梅', notes: '   ' },
  ],
  proposals: [{ title: '关于加快农村供水管网改造的提议', description: '提议，已立案' }],
  photos: [photo(), photo({ bytes: pngHeader(900, 1600), format: 'png', width: 900, height: 1600, caption: '', takenBy: '王德明', takenAt: undefined })],
  issuer: '中共某某县委党代会常任制工作办公室',
  exportedAt: '2026-05-14T02:00:00.000Z',
  ...fields,
});

async function unpack(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const document = await zip.file('word/document.xml')!.async('string');
  const media = Object.keys(zip.files).filter((p) => p.startsWith('word/media/') && !zip.files[p]!.dir);
  return { zip, document, media };
}

const texts = (xml: string) => [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

function tableRows(xml: string): string[] {
  const table = /<w:tbl>(.*?)<\/w:tbl>/.exec(xml)![1]!;
  return [...table.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((cell) => [...cell[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('|'),
  );
}

describe('buildVisitSummaryDocx', () => {
  it('title, time, place, organiser and agenda, the report, notes, proposals and 落款, in order', async () => {
    const { document } = await unpack(await buildVisitSummaryDocx(input()));
    const paragraphs = texts(document).filter(Boolean);
    expect(paragraphs[0]).toBe('关于农村饮水安全工程建设情况的视察纪要');
    const title = /<w:r>(?:(?!<\/w:r>).)*关于农村饮水安全工程建设情况的视察纪要(?:(?!<\/w:r>).)*<\/w:r>/.exec(document)![0];
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    const expected = [
      '一、基本情况',
      '时间：2026年5月12日至2026年5月13日',
      '地点：城关镇水厂、石门村供水站',
      '组织：第一活动组',
      '议程：1. 听取县水利局汇报；',
      '2. 实地察看。',
      '二、参加人员',
      '邀请党代表3人，参加1人，不参加1人，未答复1人；现场签到1人。',
      '三、视察情况',
      '5月12日，第一活动组党代表实地察看了城关镇水厂和石门村供水站。',
      '代表们建议加快管网改造。',
      '四、代表视察记录',
      '（一）张建国',
      '石门村供水管网老化，群众反映停水频繁。',
      '五、由本次视察提出的提议',
      '1. 关于加快农村供水管网改造的提议（提议，已立案）',
      '六、现场照片',
    ];
    const positions = expected.map((text) => paragraphs.indexOf(text));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    // A delegate who wrote nothing gets no heading.
    expect(paragraphs).not.toContain('（二）李晓梅');
    expect(paragraphs.slice(-2)).toEqual(['中共某某县委党代会常任制工作办公室', '2026年5月14日']);
  });

  it('a table row per attendee, with answer and check-in time in 北京时间', async () => {
    const { document } = await unpack(await buildVisitSummaryDocx(input()));
    expect(tableRows(document)).toEqual([
      '序号|姓名|代表证号|答复|签到时间',
      '1|张建国|001|参加|2026-05-12 08:40',
      '2|李晓梅|002|不参加|—',
      '3|王德明|003|未答复|—',
      '4|赵丽华（已不在邀请名单）|—|参加|—',
    ]);
  });

  it('embeds exactly the chosen photos, captioned with who took them and when, within the text width', async () => {
    const { document, media } = await unpack(await buildVisitSummaryDocx(input()));
    expect(document.match(/<w:drawing>/g)).toHaveLength(2);
    expect(media).toHaveLength(2);
    expect(media.some((p) => p.endsWith('.jpg'))).toBe(true);
    expect(media.some((p) => p.endsWith('.png'))).toBe(true);
    const paragraphs = texts(document);
    expect(paragraphs).toContain('图1 供水站沉淀池（张建国 摄，2026年5月12日 10:15）');
    expect(paragraphs).toContain('图2（王德明 摄）');
    // Extents in EMU (914,400 per inch; the text block is TEXT_WIDTH twips, 1,440 per inch).
    const extents = [...document.matchAll(/<wp:extent cx="(\d+)" cy="(\d+)"\/>/g)].map((m) => ({ cx: Number(m[1]), cy: Number(m[2]) }));
    expect(extents).toHaveLength(2);
    const textWidthEmu = (TEXT_WIDTH / 1440) * 914400;
    // The landscape photo spans the text width (to a pixel); the portrait one is narrower, kept in proportion.
    expect(extents[0]!.cx).toBeLessThanOrEqual(textWidthEmu);
    expect(extents[0]!.cx).toBeGreaterThan(textWidthEmu - 2 * 9525);
    expect(extents[0]!.cy / extents[0]!.cx).toBeCloseTo(1200 / 1600, 2);
    expect(extents[1]!.cx).toBeLessThan(textWidthEmu * 0.6);
    expect(extents[1]!.cy / extents[1]!.cx).toBeCloseTo(1600 / 900, 2);
  });

  it('without photos, notes or proposals those sections are left out and the rest renumbered', async () => {
    const { document, media } = await unpack(await buildVisitSummaryDocx(input({ kind: 'research', photos: [], fieldNotes: [], proposals: [], summary: '' })));
    const paragraphs = texts(document).filter(Boolean);
    expect(paragraphs[0]).toBe('关于农村饮水安全工程建设情况的调研纪要');
    expect(paragraphs.filter((p) => /^[一二三四五六]、/.test(p))).toEqual(['一、基本情况', '二、参加人员', '三、调研情况']);
    expect(paragraphs).toContain('（未填写调研报告）');
    expect(document).not.toContain('<w:drawing>');
    expect(media).toHaveLength(0);
  });
});

describe('visit summary wording and sizes', () => {
  it('a topic that already begins with 关于 is not doubled', () => {
    expect(visitSummaryTitle({ kind: 'inspection', topic: '关于饮水安全' })).toBe('关于饮水安全视察纪要');
  });

  it('photos fit the text width, never taller than 60% of the text block', () => {
    const wide = photoDisplaySize({ width: 1600, height: 1200 });
    const tall = photoDisplaySize({ width: 1200, height: 1600 });
    const small = photoDisplaySize({ width: 160, height: 120 });
    expect(wide.width).toBe(small.width);
    expect(tall.height).toBeLessThan(wide.width * 1.1);
    expect(tall.width / tall.height).toBeCloseTo(0.75, 2);
    expect(photoCaption({ caption: '  ', takenBy: '张建国', takenAt: '2026-05-12T02:15:00.000Z' }, 2)).toBe('图3（张建国 摄，2026年5月12日 10:15）');
  });
});
