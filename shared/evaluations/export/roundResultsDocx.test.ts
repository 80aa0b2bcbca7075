import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildRoundResultsDocx } from './roundResultsDocx';
import { gradesFixture, scoreFixture } from './exportFixtures';

async function unpack(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const document = await zip.file('word/document.xml')!.async('string');
  /** Every part of the package as text (XML, properties, relationships) */
  const everything = (await Promise.all(Object.values(zip.files).filter((f) => !f.dir).map((f) => f.async('string')))).join('\n');
  return { zip, document, everything };
}

/** The text of each row of each table, cells joined by "|". */
function tableRows(xml: string): string[][] {
  return [...xml.matchAll(/<w:tbl>(.*?)<\/w:tbl>/g)].map((table) =>
    [...table[1]!.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((row) =>
      [...row[1]!.matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((cell) => [...cell[1]!.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')).join('|'),
    ),
  );
}

const paragraphsText = (xml: string) => [...xml.matchAll(/<w:p[ >].*?<\/w:p>/g)].map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

describe('buildRoundResultsDocx', () => {
  it('title in 2号 方正小标宋简体, the round’s facts and turnout, 落款 and date, on the GB/T 9704 page', async () => {
    const { document } = await unpack(await buildRoundResultsDocx(gradesFixture().source));
    const title = /<w:r>(?:(?!<\/w:r>).)*2026年度县委领导班子及成员民主评议结果(?:(?!<\/w:r>).)*<\/w:r>/.exec(document)![0];
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    const text = paragraphsText(document);
    expect(text).toContain('一、基本情况');
    expect(text).toContain('评议时间：2026年3月2日 09:00 至 2026年3月9日 17:00（北京时间）');
    expect(text).toContain('评议对象：县委领导班子、县委书记（主持县委全面工作）');
    expect(text).toContain('投票情况：应参评代表5人，实际投票3人，参评率60.0%。');
    expect(text).toContain('中共某某县委党代会常任制工作办公室');
    expect(text).toContain('2026年3月10日');
  });

  it('a table row per question, a column per option with votes and share', async () => {
    const { document } = await unpack(await buildRoundResultsDocx(gradesFixture().source));
    const [rows, ...others] = tableRows(document);
    expect(others).toHaveLength(0);
    expect(rows).toEqual([
      '序号|评议对象|有效票|优秀|称职|基本称职|不称职',
      '1|县委领导班子|3|2（66.7%）|1（33.3%）|0（0.0%）|0（0.0%）',
      '2|县委书记|3|0（0.0%）|2（66.7%）|0（0.0%）|1（33.3%）',
    ]);
  });

  it('never holds a voter’s id or name or a comment, anywhere in the package', async () => {
    const { source, secrets } = gradesFixture();
    const { everything } = await unpack(await buildRoundResultsDocx(source));
    expect(everything).toContain('县委书记');
    for (const secret of secrets) expect(everything).not.toContain(secret);
  });

  it('score scales: mean, median and range, then the distribution by band', async () => {
    const { document } = await unpack(await buildRoundResultsDocx(scoreFixture().source));
    const [stats, bands] = tableRows(document);
    expect(stats).toEqual(['序号|评议对象|有效票|平均分|中位数|最高分|最低分', '1|县委领导班子|3|79.3|82|95|61', '2|县委书记|3|79.3|82|95|61']);
    expect(bands![0]).toBe('序号|评议对象|有效票|0–59分|60–69分|70–79分|80–89分|90–100分');
    expect(bands![1]).toBe('1|县委领导班子|3|0（0.0%）|1（33.3%）|0（0.0%）|1（33.3%）|1（33.3%）');
    expect(paragraphsText(document)).toContain('三、分数分布');
  });

  it('warns in the document when fewer than 3 voted', async () => {
    const { source } = gradesFixture();
    const { document } = await unpack(await buildRoundResultsDocx({ ...source, tally: { ...source.tally, smallGroup: true } }));
    expect(paragraphsText(document).some((p) => p.startsWith('注意：实际投票人数少于3人'))).toBe(true);
  });
});
