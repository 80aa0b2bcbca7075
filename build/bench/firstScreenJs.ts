import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/**
 * What the first screen downloads and parses: the entry script of index.html, the stylesheets, and every chunk the
 * entry imports statically (transitively). Chunks reached only through `import()` (the Word/Excel builders,
 * ECharts, exceljs) are listed as lazy.
 */
export interface ChunkSize {
  file: string;
  bytes: number;
  gzip: number;
}

export interface FirstScreenJs {
  firstScreen: ChunkSize[];
  css: ChunkSize[];
  lazy: ChunkSize[];
  totals: { firstScreenGzip: number; firstScreenBytes: number; lazyGzip: number };
}

const STATIC_IMPORT = /(?:^|[;\n}])\s*import\s*(?:[\w*${}\s,]+from\s*)?["'](\.\/[^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /import\(\s*["'](\.\/[^"']+\.js)["']\s*\)/g;

export async function measureFirstScreenJs(rendererDir: string): Promise<FirstScreenJs> {
  const html = await readFile(path.join(rendererDir, 'index.html'), 'utf8');
  const entries = [...html.matchAll(/<script[^>]+src="\.\/([^"]+\.js)"/g)].map((m) => m[1]!);
  const styles = [...html.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="\.\/([^"]+\.css)"/g)].map((m) => m[1]!);
  const preloads = [...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="\.\/([^"]+\.js)"/g)].map((m) => m[1]!);

  const sizes = new Map<string, ChunkSize>();
  const source = new Map<string, string>();
  const load = async (file: string) => {
    if (!source.has(file)) {
      const bytes = await readFile(path.join(rendererDir, file));
      source.set(file, bytes.toString('utf8'));
      sizes.set(file, { file, bytes: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength });
    }
    return source.get(file)!;
  };

  const firstScreen = new Set<string>();
  const lazy = new Set<string>();
  const queue = [...entries, ...preloads];
  while (queue.length) {
    const file = queue.shift()!;
    if (firstScreen.has(file)) continue;
    firstScreen.add(file);
    const text = await load(file);
    const dir = path.posix.dirname(file);
    for (const match of text.matchAll(STATIC_IMPORT)) queue.push(path.posix.join(dir, match[1]!));
    for (const match of text.matchAll(DYNAMIC_IMPORT)) lazy.add(path.posix.join(dir, match[1]!));
  }
  // Lazy chunks may import further chunks statically: they load with them, later
  const lazyQueue = [...lazy];
  while (lazyQueue.length) {
    const file = lazyQueue.shift()!;
    const text = await load(file);
    const dir = path.posix.dirname(file);
    for (const match of [...text.matchAll(STATIC_IMPORT), ...text.matchAll(DYNAMIC_IMPORT)]) {
      const next = path.posix.join(dir, match[1]!);
      if (!firstScreen.has(next) && !lazy.has(next)) {
        lazy.add(next);
        lazyQueue.push(next);
      }
    }
  }
  for (const file of firstScreen) lazy.delete(file);
  const css: ChunkSize[] = [];
  for (const file of styles) {
    const bytes = await readFile(path.join(rendererDir, file));
    css.push({ file, bytes: bytes.byteLength, gzip: gzipSync(bytes, { level: 9 }).byteLength });
  }
  const pick = (files: Iterable<string>) => [...files].map((f) => sizes.get(f)!).sort((a, b) => b.gzip - a.gzip);
  const first = pick(firstScreen);
  const later = pick(lazy);
  return {
    firstScreen: first,
    css,
    lazy: later,
    totals: {
      firstScreenGzip: first.reduce((sum, c) => sum + c.gzip, 0),
      firstScreenBytes: first.reduce((sum, c) => sum + c.bytes, 0),
      lazyGzip: later.reduce((sum, c) => sum + c.gzip, 0),
    },
  };
}
