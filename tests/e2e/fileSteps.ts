// Steps for journeys that write files through the app and read them back in Node: a temporary folder, a save or
// open answered through the web bridge's path prompt, the app's toast, a .docx's parts, the text of a PDF's pages,
// and a damaged copy of a file.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import JSZip from 'jszip';
import type { Locator, Page } from 'playwright-core';
import { answerNextPrompt } from './harness';
import { SLOW } from './syncSteps';

/** A fresh temporary folder; `remove()` deletes it with everything in it. */
export async function tempFolder(prefix: string): Promise<{ dir: string; remove(): Promise<void> }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/**
 * Clicks `button`, which makes the web bridge ask for a file path (window.prompt: a browser has no file dialog),
 * and answers `file`. Resolves with the prompt's question once it was answered.
 */
export async function answerPathPrompt(page: Page, button: Locator, file: string): Promise<string> {
  const answered = answerNextPrompt(page, file);
  await button.click();
  return answered;
}

/** Waits for the app's toast (antd message) matching `text` and returns its text. */
export async function waitForToast(page: Page, text: RegExp, timeout = SLOW): Promise<string> {
  const toast = page.locator('.ant-message-notice', { hasText: text }).last();
  await toast.waitFor({ timeout });
  return toast.innerText();
}

export interface DocxParts {
  /** word/document.xml */
  documentXml: string;
  /** Paths of the pictures in the package (word/media/…) */
  media: string[];
  /** The bytes of one part */
  part(name: string): Promise<Uint8Array>;
}

export async function readDocx(file: string): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const document = zip.file('word/document.xml');
  if (!document) throw new Error(`${file}: no word/document.xml — not a Word document`);
  return {
    documentXml: await document.async('string'),
    media: Object.keys(zip.files).filter((name) => name.startsWith('word/media/')),
    async part(name) {
      const entry = zip.file(name);
      if (!entry) throw new Error(`${file}: no part ${name}`);
      return entry.async('uint8array');
    },
  };
}

/** The text of a run-level XML fragment: the contents of its <w:t> elements, joined. */
export function wordText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => unescapeXml(m[1] ?? '')).join('');
}

const unescapeXml = (text: string) => text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** A copy of `source` at `target` with bytes in the middle flipped: same length, damaged content. */
export async function damagedCopy(source: string, target: string, count = 16): Promise<void> {
  const bytes = await readFile(source);
  const middle = Math.floor(bytes.length / 2);
  for (let i = middle; i < Math.min(bytes.length, middle + count); i++) bytes[i] = (bytes[i] ?? 0) ^ 0xff;
  await writeFile(target, bytes);
}

// ---- PDF ---------------------------------------------------------------------------------------------------------

export interface PdfPage {
  /** [x0, y0, x1, y1] in points */
  mediaBox: number[];
  /** The page's text in drawing order, without spacing (enough to find a Chinese title) */
  text: string;
  /** How many pictures the page draws (Do operators) */
  images: number;
}

interface PdfObject {
  dict: string;
  stream?: Buffer;
}

/**
 * The pages of a PDF as Chromium (Skia) writes it: the page tree from the catalog, each page's content streams
 * decoded through its fonts' ToUnicode maps. Chinese text is stored as glyph codes, not as searchable bytes, so
 * this is the smallest reader that lets a test check what a printed page says. Not a general PDF parser.
 */
export function readPdfPages(bytes: Uint8Array): PdfPage[] {
  const objects = pdfObjects(Buffer.from(bytes));
  const get = (id: string | undefined): PdfObject => {
    const object = id === undefined ? undefined : objects.get(id);
    if (!object) throw new Error(`PDF: object ${id} is missing`);
    return object;
  };
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog\b/.test(o.dict));
  const root = catalog?.dict.match(/\/Pages\s+(\d+)\s+0\s+R/)?.[1];
  const pageIds: string[] = [];
  const walk = (id: string) => {
    const node = get(id);
    if (/\/Type\s*\/Pages\b/.test(node.dict)) {
      const kids = node.dict.match(/\/Kids\s*\[([^\]]*)\]/)?.[1] ?? '';
      for (const kid of kids.matchAll(/(\d+)\s+0\s+R/g)) walk(kid[1]!);
    } else pageIds.push(id);
  };
  if (!root) throw new Error('PDF: no page tree');
  walk(root);

  const cmaps = new Map<string, ToUnicode>();
  const toUnicodeOf = (fontId: string): ToUnicode | undefined => {
    const ref = get(fontId).dict.match(/\/ToUnicode\s+(\d+)\s+0\s+R/)?.[1];
    if (!ref) return undefined;
    if (!cmaps.has(ref)) cmaps.set(ref, parseToUnicode(streamText(get(ref))));
    return cmaps.get(ref);
  };

  return pageIds.map((id) => {
    const page = get(id);
    const resourcesRef = page.dict.match(/\/Resources\s+(\d+)\s+0\s+R/)?.[1];
    const resources = resourcesRef ? get(resourcesRef).dict : page.dict;
    const fontDict = resources.match(/\/Font\s*<<([^>]*)>>/)?.[1] ?? '';
    const fonts = new Map([...fontDict.matchAll(/\/([^\s/]+)\s+(\d+)\s+0\s+R/g)].map((m) => [m[1]!, m[2]!]));
    const contentsField = page.dict.match(/\/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)/)?.[1] ?? '';
    const content = [...contentsField.matchAll(/(\d+)\s+0\s+R/g)].map((m) => streamText(get(m[1]))).join('\n');
    const mediaBox = (page.dict.match(/\/MediaBox\s*\[([^\]]*)\]/)?.[1] ?? '').trim().split(/\s+/).map(Number);
    return {
      mediaBox,
      text: contentText(content, (name) => {
        const fontId = fonts.get(name);
        return fontId ? toUnicodeOf(fontId) : undefined;
      }),
      images: (content.match(/\/[^\s/]+\s+Do\b/g) ?? []).length,
    };
  });
}

function pdfObjects(buffer: Buffer): Map<string, PdfObject> {
  const text = buffer.toString('latin1');
  const objects = new Map<string, PdfObject>();
  const header = /(\d+)\s+0\s+obj\b/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(text))) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    const streamAt = text.indexOf('stream', start);
    if (streamAt >= 0 && streamAt < end) {
      const dict = text.slice(start, streamAt);
      const length = Number(dict.match(/\/Length\s+(\d+)(?!\s+0\s+R)/)?.[1]);
      let from = streamAt + 'stream'.length;
      if (text[from] === '\r') from++;
      if (text[from] === '\n') from++;
      const raw = buffer.subarray(from, Number.isFinite(length) ? from + length : text.indexOf('endstream', from));
      objects.set(match[1]!, { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
      // The stream may contain the word "endobj": continue after the stream, not at the first "endobj".
      header.lastIndex = text.indexOf('endobj', from + raw.length);
    } else {
      objects.set(match[1]!, { dict: text.slice(start, end) });
      header.lastIndex = end;
    }
  }
  return objects;
}

const streamText = (object: PdfObject) => (object.stream ?? Buffer.alloc(0)).toString('latin1');

interface ToUnicode {
  /** Bytes per character code (1 for Skia's Type3 fonts, 2 for its CID fonts) */
  codeBytes: number;
  map: Map<number, string>;
}

const utf16 = (hex: string) => Buffer.from(hex.replace(/\s+/g, ''), 'hex').swap16().toString('utf16le');

function parseToUnicode(cmap: string): ToUnicode {
  const range = cmap.match(/begincodespacerange\s*<([0-9A-Fa-f]+)>/);
  const codeBytes = range?.[1] ? range[1].length / 2 : 2;
  const map = new Map<number, string>();
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1]!, 16), utf16(m[2]!));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]+>|\[[^\]]*\])/g)) {
      const low = parseInt(m[1]!, 16);
      const high = parseInt(m[2]!, 16);
      const target = m[3]!;
      if (target.startsWith('[')) {
        [...target.matchAll(/<([0-9A-Fa-f]+)>/g)].forEach((t, i) => map.set(low + i, utf16(t[1]!)));
      } else {
        const first = parseInt(target.slice(1, -1), 16);
        for (let code = low; code <= high; code++) map.set(code, String.fromCodePoint(first + code - low));
      }
    }
  }
  return { codeBytes, map };
}

/** Text-showing operators in drawing order; marked content with /ActualText replaces the glyphs inside it. */
function contentText(content: string, fontNamed: (name: string) => ToUnicode | undefined): string {
  const token =
    /\/([^\s/<>[\]()]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj|\[([^\]]*)\]\s*TJ|\/ActualText\s*<([0-9A-Fa-f]+)>\s*>>\s*BDC|\bBDC\b|\bBMC\b|\bEMC\b/g;
  let font: ToUnicode | undefined;
  const marked: boolean[] = [];
  let out = '';
  const show = (hex: string) => {
    if (!font || marked.includes(true)) return;
    const clean = hex.replace(/\s+/g, '');
    const step = font.codeBytes * 2;
    for (let i = 0; i + step <= clean.length; i += step) out += font.map.get(parseInt(clean.slice(i, i + step), 16)) ?? '';
  };
  for (const m of content.matchAll(token)) {
    if (m[1] !== undefined) font = fontNamed(m[1]);
    else if (m[2] !== undefined) show(m[2]);
    else if (m[3] !== undefined) for (const part of m[3].matchAll(/<([0-9A-Fa-f\s]*)>/g)) show(part[1]!);
    else if (m[4] !== undefined) {
      if (!marked.includes(true)) out += utf16(m[4]).replace(/^\uFEFF/, '');
      marked.push(true);
    } else if (m[0] === 'EMC') marked.pop();
    else marked.push(false);
  }
  return out;
}
