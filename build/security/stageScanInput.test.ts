import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stageScanInput } from './stageScanInput';

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-stage-'));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function put(relativePath: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, relativePath)), { recursive: true });
  await writeFile(path.join(root, relativePath), text);
}

describe('stageScanInput', () => {
  it('stages shipped main-process sources, the renderer build and package.json; leaves tests out', async () => {
    await put('repo/package.json', '{}');
    await put('repo/electron/main.ts', 'main');
    await put('repo/electron/shell/guard.ts', 'guard');
    await put('repo/electron/shell/guard.test.ts', 'test');
    await put('repo/shared/bridge.ts', 'bridge');
    await put('repo/shared/bridge.test.ts', 'test');
    await put('repo/shared/types.d.ts', 'declare');
    await put('build/index.html', '<html>');
    await put('build/assets/index-1.js', 'js');

    const staged = await stageScanInput({ repoRoot: path.join(root, 'repo'), rendererDir: path.join(root, 'build'), into: path.join(root, 'scan') });

    const expected = ['electron/main.ts', 'electron/shell/guard.ts', 'package.json', 'renderer/assets/index-1.js', 'renderer/index.html', 'shared/bridge.ts'];
    expect(staged.files).toEqual(expected);
    const onDisk = (await readdir(path.join(root, 'scan'), { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(path.join(root, 'scan'), path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
      .sort();
    expect(onDisk).toEqual(expected);
    expect(staged.inlineSuppressions).toEqual([]);
  });

  it("finds Electronegativity's inline eng-disable comments, in sources and in the renderer build", async () => {
    await put('repo/package.json', '{}');
    await put('repo/electron/main.ts', 'const a = 1;\nnew BrowserWindow(options); // eng-disable SANDBOX_JS_CHECK\n');
    await put('repo/shared/x.ts', 'x');
    await put('build/index.html', '<!-- eng-disable CSP_GLOBAL_CHECK -->\n<html>');

    const staged = await stageScanInput({ repoRoot: path.join(root, 'repo'), rendererDir: path.join(root, 'build'), into: path.join(root, 'scan') });

    expect(staged.inlineSuppressions.map(({ file, line }) => `${file}:${line}`)).toEqual(['electron/main.ts:2', 'renderer/index.html:1']);
  });
});
