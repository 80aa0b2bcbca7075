import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { indexTerms, normalizeText, parseQuery, searchableText, MAX_WORD_TERM_LENGTH } from './tokenize';

describe('normalizeText / searchableText', () => {
  it('turns full-width letters, digits and spaces into lower-case half-width', () => {
    expect(normalizeText('ＡＢＣ１２３')).toBe('abc123');
    expect(normalizeText('ＰＭ２．５\u3000浓度')).toBe('pm2.5 浓度');
  });

  it('collapses punctuation and whitespace runs to one space and keeps decimal points between digits', () => {
    expect(searchableText('关于加强农村饮水安全保障的提案。\n（第12号）')).toBe('关于加强农村饮水安全保障的提案 第12号');
    expect(searchableText('PM2.5、5G……《条例》 2. 5')).toBe('pm2.5 5g 条例 2 5');
    expect(searchableText('“”，。！')).toBe('');
  });
});

describe('indexTerms', () => {
  it('indexes each pair of adjacent Han characters, once', () => {
    expect(indexTerms('水质水质').sort()).toEqual(['水质', '质水'].sort());
  });

  it('indexes a character alone only when no pair of the document starts with it', () => {
    // 水 ends the run 饮水 but starts 水质; 质 ends a run and starts no pair; 县 is a run of its own.
    expect(indexTerms('水质。饮水，县').sort()).toEqual(['水质', '饮水', '质', '县'].sort());
  });

  it('does not pair characters across punctuation or a Latin word', () => {
    const terms = indexTerms('饮水，安全5G网络');
    expect(terms).toContain('饮水');
    expect(terms).toContain('安全');
    expect(terms).toContain('网络');
    expect(terms).toContain('水');
    expect(terms).toContain('全');
    expect(terms).not.toContain('水安');
    expect(terms).not.toContain('全网');
  });

  it('indexes Latin/digit words whole and by their letter/digit parts, lower-cased', () => {
    const terms = indexTerms('推进5G基站建设，治理ＰＭ２．５，2024年');
    expect(terms).toEqual(expect.arrayContaining(['5g', '5', 'g', 'pm2.5', 'pm', '2.5', '2024']));
    expect(terms).not.toContain('PM2.5');
    expect(terms.some((t) => /[，。．]/.test(t))).toBe(false);
  });

  it('caps very long Latin words', () => {
    const long = 'a'.repeat(100);
    expect(indexTerms(long)).toEqual(['a'.repeat(MAX_WORD_TERM_LENGTH)]);
  });

  it('keeps characters outside the BMP whole', () => {
    const rare = '\u{20000}'; // CJK extension B
    expect(indexTerms(`${rare}水，水${rare}`).sort()).toEqual([`${rare}水`, `水${rare}`].sort());
  });
});

describe('parseQuery', () => {
  it('a one-character word looks up terms starting with it', () => {
    expect(parseQuery('水')).toEqual([{ text: '水', terms: [], prefixes: ['水'] }]);
  });

  it('a two-character word looks up its bigram, a longer word all its bigrams', () => {
    expect(parseQuery('水质')[0]!.terms).toEqual(['水质']);
    expect(parseQuery('自来水管网')[0]!.terms).toEqual(['自来', '来水', '水管', '管网']);
  });

  it('splits words at spaces and punctuation, drops duplicates and normalises', () => {
    expect(parseQuery(' 农村\u3000饮水，农村 ').map((w) => w.text)).toEqual(['农村', '饮水']);
    expect(parseQuery('！？')).toEqual([]);
    expect(parseQuery('')).toEqual([]);
  });

  it('turns Latin/digit parts into prefixes and keeps Han runs as terms', () => {
    expect(parseQuery('５Ｇ网络')).toEqual([{ text: '5g网络', terms: ['网络'], prefixes: ['5g'] }]);
    expect(parseQuery('PM2.5')).toEqual([{ text: 'pm2.5', terms: [], prefixes: ['pm2.5'] }]);
    expect(parseQuery('5g网')).toEqual([{ text: '5g网', terms: [], prefixes: ['5g', '网'] }]);
  });

  it('a document containing a Han query word has all its terms and a term starting with each prefix', () => {
    const han = fc.constantFrom('水', '质', '农', '村', '饮', '安', '全', '，', ' ', '。');
    fc.assert(
      fc.property(fc.array(han, { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const doc = chars.join('');
        const chunks = searchableText(doc).split(' ').filter((c) => c !== '');
        if (chunks.length === 0) return;
        const chunk = Array.from(chunks[a % chunks.length]!);
        const start = b % chunk.length;
        const word = chunk.slice(start, start + 1 + (a % (chunk.length - start))).join('');
        const docTerms = new Set(indexTerms(doc));
        const { terms, prefixes } = parseQuery(word)[0]!;
        for (const term of terms) expect(docTerms.has(term)).toBe(true);
        for (const prefix of prefixes) expect([...docTerms].some((t) => t.startsWith(prefix))).toBe(true);
      }),
    );
  });
});
