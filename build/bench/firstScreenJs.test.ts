import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { measureFirstScreenJs } from './firstScreenJs';

let dir: string;
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('measureFirstScreenJs', () => {
  it('counts the entry and what it imports statically as first screen, and import() targets as lazy', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'first-screen-'));
    await mkdir(path.join(dir, 'assets'));
    const files: Record<string, string> = {
      'assets/index-a.js': `import{r as x}from"./react-b.js";import"./side-c.js";const l=()=>import("./exceljs-d.js");x(l);`,
      'assets/react-b.js': 'export const r=(f)=>f;'.repeat(50),
      'assets/side-c.js': 'console.log("side");',
      'assets/exceljs-d.js': `import{z}from"./zip-e.js";export const w=z;`,
      'assets/zip-e.js': 'export const z=1;'.repeat(100),
      'assets/index-f.css': 'body{margin:0}',
    };
    for (const [name, text] of Object.entries(files)) await writeFile(path.join(dir, name), text);
    await writeFile(path.join(dir, 'index.html'), '<script type="module" crossorigin src="./assets/index-a.js"></script><link rel="stylesheet" crossorigin href="./assets/index-f.css">');

    const result = await measureFirstScreenJs(dir);
    expect(result.firstScreen.map((c) => c.file).sort()).toEqual(['assets/index-a.js', 'assets/react-b.js', 'assets/side-c.js']);
    expect(result.lazy.map((c) => c.file).sort()).toEqual(['assets/exceljs-d.js', 'assets/zip-e.js']);
    const gz = (name: string) => gzipSync(Buffer.from(files[name]!), { level: 9 }).byteLength;
    expect(result.totals.firstScreenGzip).toBe(gz('assets/index-a.js') + gz('assets/react-b.js') + gz('assets/side-c.js'));
    expect(result.css).toEqual([{ file: 'assets/index-f.css', bytes: files['assets/index-f.css']!.length, gzip: gz('assets/index-f.css') }]);
  });
});
