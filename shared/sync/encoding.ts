/**
 * Byte ↔ text encodings of the sync format (docs/sync-format.md §2). Readers are strict on purpose: every
 * byte string has exactly one accepted spelling, so two implementations can never read one file differently.
 */

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const PAD = 61; // '='

/** char code → 6-bit value, or -1 for a character outside the RFC 4648 §4 alphabet */
const BASE64_VALUES = (() => {
  const table = new Int16Array(128).fill(-1);
  for (let i = 0; i < BASE64_ALPHABET.length; i++) table[BASE64_ALPHABET.charCodeAt(i)] = i;
  return table;
})();
const BASE64_CODES = Uint8Array.from(BASE64_ALPHABET, (c) => c.charCodeAt(0));

const encoder = new TextEncoder();
// fatal: a damaged byte sequence is an error, never silently U+FFFD. ignoreBOM: a leading BOM is kept as
// U+FEFF (and then fails JSON parsing) instead of vanishing, so decoding never hides bytes.
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Standard base64 (RFC 4648 §4: `A–Z a–z 0–9 + /`) with `=` padding, no line breaks. */
export function toBase64(bytes: Uint8Array): string {
  const out = new Uint8Array(Math.ceil(bytes.length / 3) * 4);
  let o = 0;
  let i = 0;
  for (; i + 2 < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    out[o++] = BASE64_CODES[n >> 18]!;
    out[o++] = BASE64_CODES[(n >> 12) & 63]!;
    out[o++] = BASE64_CODES[(n >> 6) & 63]!;
    out[o++] = BASE64_CODES[n & 63]!;
  }
  const rest = bytes.length - i;
  if (rest > 0) {
    const n = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    out[o++] = BASE64_CODES[n >> 18]!;
    out[o++] = BASE64_CODES[(n >> 12) & 63]!;
    out[o++] = rest === 2 ? BASE64_CODES[(n >> 6) & 63]! : PAD;
    out[o++] = PAD;
  }
  return decoder.decode(out); // ASCII is valid UTF-8: the native decoder is the fastest way to a string
}

const STRICT_ALPHABET = /^[A-Za-z0-9+/]*={0,2}$/;
type NativeFromBase64 = (text: string, options: { lastChunkHandling: 'strict' }) => Uint8Array;
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: NativeFromBase64 }).fromBase64?.bind(Uint8Array);

/**
 * Strict base64: the RFC 4648 §4 alphabet only, length a multiple of 4, `=` only as final padding, and the
 * unused bits of the last character zero (the canonical spelling). Throws on anything else — including
 * whitespace, line breaks and the URL-safe alphabet.
 */
export function fromBase64(text: string): Uint8Array {
  if (typeof text !== 'string' || text.length % 4 !== 0) throw new Error('base64: length is not a multiple of 4');
  // Where the engine has it (Chromium 140+, so Electron 45), the native decoder: bundles are megabytes of base64.
  // Its own rules are looser (it skips whitespace), so only text already in the strict alphabet reaches it, and
  // 'strict' refuses non-zero unused bits as the loop below does.
  if (nativeFromBase64 && STRICT_ALPHABET.test(text)) {
    try {
      return nativeFromBase64(text, { lastChunkHandling: 'strict' });
    } catch {
      throw new Error('base64: non-canonical final character');
    }
  }
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - padding);
  const valueAt = (index: number): number => {
    const code = text.charCodeAt(index);
    const value = code < 128 ? BASE64_VALUES[code]! : -1;
    if (value < 0) throw new Error(`base64: invalid character at ${index}`);
    return value;
  };
  let o = 0;
  const fullQuads = padding > 0 ? text.length - 4 : text.length;
  for (let i = 0; i < fullQuads; i += 4) {
    const n = (valueAt(i) << 18) | (valueAt(i + 1) << 12) | (valueAt(i + 2) << 6) | valueAt(i + 3);
    out[o++] = n >> 16;
    out[o++] = (n >> 8) & 255;
    out[o++] = n & 255;
  }
  if (padding > 0) {
    const i = text.length - 4;
    const a = valueAt(i);
    const b = valueAt(i + 1);
    if (padding === 2) {
      if ((b & 15) !== 0) throw new Error('base64: non-canonical final character');
      out[o++] = (a << 2) | (b >> 4);
    } else {
      const c = valueAt(i + 2);
      if ((c & 3) !== 0) throw new Error('base64: non-canonical final character');
      out[o++] = (a << 2) | (b >> 4);
      out[o++] = ((b & 15) << 4) | (c >> 2);
    }
  }
  return out;
}

/**
 * Whether `text` is canonical base64 as fromBase64 accepts it, without decoding (cheap enough for the megabytes
 * of a sealed section's ciphertext).
 */
export function isCanonicalBase64(text: string): boolean {
  if (typeof text !== 'string' || text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(?:[A-Za-z0-9+/]==|[A-Za-z0-9+/]{2}=)?$/.test(text)) return false;
  if (!text.endsWith('=')) return true;
  const padding = text.endsWith('==') ? 2 : 1;
  const last = BASE64_VALUES[text.charCodeAt(text.length - padding - 1)]!;
  return (last & (padding === 2 ? 15 : 3)) === 0;
}

const HEX_DIGITS = '0123456789abcdef';

/** Lower-case hexadecimal, two digits per byte. */
export function toHex(bytes: Uint8Array): string {
  let text = '';
  for (const b of bytes) text += HEX_DIGITS[b >> 4]! + HEX_DIGITS[b & 15]!;
  return text;
}

/** Strict: even length, lower-case `0–9 a–f` only (the format writes hex in lower case). Throws otherwise. */
export function fromHex(text: string): Uint8Array {
  if (typeof text !== 'string' || text.length % 2 !== 0 || !/^[0-9a-f]*$/.test(text)) throw new Error('hex: expected lower-case hex digits in pairs');
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(text.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** UTF-8 bytes of a string (a lone surrogate becomes U+FFFD, as TextEncoder does). */
export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Decodes UTF-8; throws on any invalid byte sequence. A leading byte-order mark is kept, not dropped. */
export function fromUtf8(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}

/**
 * Reads JSON that must be in its canonical form (docs/sync-format.md §2.2): valid UTF-8, and byte for byte what
 * ECMAScript `JSON.stringify` writes for the value it denotes — no whitespace, no duplicate keys, one spelling
 * of every string and number. Different parsers then can never read one signed text differently. Never throws.
 */
export function parseCanonicalJson(bytes: Uint8Array): { ok: true; value: unknown } | { ok: false; detail: string } {
  let text: string;
  try {
    text = fromUtf8(bytes);
  } catch {
    return { ok: false, detail: 'not valid UTF-8' };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, detail: 'not valid JSON' };
  }
  let canonical: string | undefined;
  try {
    canonical = JSON.stringify(value);
  } catch {
    canonical = undefined;
  }
  if (canonical !== text) return { ok: false, detail: 'JSON is not in canonical form (whitespace, duplicate keys or escapes)' };
  return { ok: true, value };
}
