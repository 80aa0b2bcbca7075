import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fromBase64, fromHex, fromUtf8, isCanonicalBase64, parseCanonicalJson, toBase64, toHex, utf8 } from './encoding';

describe('base64', () => {
  it('matches the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [['', ''], ['f', 'Zg=='], ['fo', 'Zm8='], ['foo', 'Zm9v'], ['foob', 'Zm9vYg=='], ['fooba', 'Zm9vYmE='], ['foobar', 'Zm9vYmFy']];
    for (const [plain, encoded] of vectors) {
      expect(toBase64(utf8(plain))).toBe(encoded);
      expect(fromUtf8(fromBase64(encoded))).toBe(plain);
    }
  });

  it('round-trips any bytes and agrees with Node’s encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = toBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(fromBase64(text)).toEqual(bytes);
      }),
      { numRuns: 500 },
    );
  });

  it('encodes large inputs without overflowing the stack', () => {
    const bytes = new Uint8Array(300_000).map((_, i) => i * 7);
    expect(fromBase64(toBase64(bytes))).toEqual(bytes);
  });

  it('refuses every spelling but the canonical one', () => {
    const refused = [
      'Zm9v\n', ' Zm9v', 'Zm 9v', 'Zm9', 'Zm9vY', // whitespace, bad lengths
      'Zm-v', 'Zm_v', // URL-safe alphabet
      'Zm9v====', '=Zm9', 'Zg=a', 'Z===', 'Zm=v', // padding out of place
      'Zh==', 'Zm9=', // non-zero unused bits: Zg== and Zm8= are the canonical forms
      'Zm9２', 'Zm9é', '😀😀', // non-ASCII
    ];
    for (const text of refused) expect(() => fromBase64(text), text).toThrow();
  });

  it('tells canonical base64 without decoding, exactly as fromBase64 decides', () => {
    const accepts = (text: string) => {
      try {
        fromBase64(text);
        return true;
      } catch {
        return false;
      }
    };
    const samples = ['', 'Zg==', 'Zh==', 'Zm8=', 'Zm9=', 'Zm9v', 'Zm9v====', 'Z===', '=Zm9', 'Zm-v', 'Zm9vY', 'AAAA', 'AA==', 'AB=='];
    for (const text of samples) expect(isCanonicalBase64(text), text).toBe(accepts(text));
    fc.assert(
      fc.property(fc.string({ maxLength: 12, unit: fc.constantFrom(...'AZaz09+/=-_ gh'.split('')) }), (text) => {
        expect(isCanonicalBase64(text)).toBe(accepts(text));
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(isCanonicalBase64(toBase64(bytes))).toBe(true);
      }),
    );
  });

  it('refuses any string with a character outside the alphabet', () => {
    const alphabet = new Set('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/');
    fc.assert(
      fc.property(fc.string({ minLength: 4, maxLength: 4, unit: 'binary' }), (text) => {
        fc.pre([...text].some((c) => !alphabet.has(c) && c !== '='));
        expect(() => fromBase64(text)).toThrow();
      }),
      { numRuns: 500 },
    );
  });
});

describe('hex', () => {
  it('round-trips in lower case', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        const text = toHex(bytes);
        expect(text).toMatch(/^[0-9a-f]*$/);
        expect(text).toBe(Buffer.from(bytes).toString('hex'));
        expect(fromHex(text)).toEqual(bytes);
      }),
    );
  });

  it('refuses upper case, odd lengths and other characters', () => {
    for (const text of ['ABCD', 'abc', 'zz', '0x12', 'ab cd', '１２']) expect(() => fromHex(text), text).toThrow();
  });
});

describe('UTF-8', () => {
  it('round-trips Chinese text', () => {
    const text = '关于加强农村饮水安全保障的提议（第12号）';
    expect(fromUtf8(utf8(text))).toBe(text);
    expect(utf8('党').length).toBe(3);
  });

  it('refuses invalid and truncated sequences instead of replacing them', () => {
    const damaged = [[0xff], [0xe5, 0x85], [0xc0, 0x80], [0xed, 0xa0, 0x80], [0x61, 0x80]];
    for (const bytes of damaged) expect(() => fromUtf8(Uint8Array.from(bytes)), bytes.join(',')).toThrow();
  });

  it('keeps a byte-order mark rather than hiding it', () => {
    expect(fromUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]))).toBe('\uFEFFa');
  });
});

describe('canonical JSON', () => {
  it('accepts exactly what JSON.stringify writes', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const read = parseCanonicalJson(utf8(JSON.stringify(value)));
        expect(read.ok).toBe(true);
        if (read.ok) expect(JSON.stringify(read.value)).toBe(JSON.stringify(value));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses whitespace, duplicate keys, alternative escapes and number spellings', () => {
    const refused = ['{"a": 1}', ' {"a":1}', '{"a":1,"a":2}', '{"a":"\\u0041"}', '{"a":1.0}', '{"a":1e2}', '{"a":"\\/"}', '\uFEFF{"a":1}', '{"a":1'];
    for (const text of refused) expect(parseCanonicalJson(utf8(text)).ok, text).toBe(false);
    expect(parseCanonicalJson(Uint8Array.from([0x22, 0xff, 0x22])).ok).toBe(false);
  });
});
