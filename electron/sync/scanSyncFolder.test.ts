import { mkdir, mkdtemp, readdir, rm, symlink, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type * as FsPromises from 'node:fs/promises';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_BUNDLE_BYTES } from '../../shared/sync/types';
import { scanSyncFolder } from './scanSyncFolder';
import { bundleBytes, DEVICE_A, DEVICE_B, DEVICE_C, placeBundle } from './testFolder';

// Every file the scanner opens, to prove that refused names are never opened
const opened = vi.hoisted(() => [] as string[]);
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof FsPromises>();
  return {
    ...actual,
    open: (filePath: Parameters<typeof actual.open>[0], ...rest: [flags?: string | number, mode?: number]) => {
      opened.push(String(filePath));
      return actual.open(filePath, ...rest);
    },
  };
});

let root: string;
let folder: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-scan-'));
  folder = path.join(root, 'sync');
  await mkdir(folder);
  opened.length = 0;
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const bundlesOf = (deviceId: string) => path.join(folder, 'devices', deviceId, 'bundles');
const summary = (result: Awaited<ReturnType<typeof scanSyncFolder>>) => result.bundles.map((b) => `${b.deviceId.slice(-2)}#${b.seq}`);

describe('scanSyncFolder: layout', () => {
  it('returns later bundles in (device, seq) order with their bytes and relative paths', async () => {
    for (const seq of [1, 2, 3]) await placeBundle(folder, DEVICE_B, seq);
    for (const seq of [1, 2]) await placeBundle(folder, DEVICE_A, seq);
    await writeFile(path.join(folder, 'delegatedesk-sync.json'), JSON.stringify({ format: 'delegatedesk-sync-folder', version: 1, congressId: 'c-1' }));

    const result = await scanSyncFolder(folder, { [DEVICE_B]: 1 }, 1024 * 1024);

    expect(result.reachable).toBe(true);
    expect(result.marker).toEqual({ format: 'delegatedesk-sync-folder', version: 1, congressId: 'c-1' });
    expect(summary(result)).toEqual(['DA#1', 'DA#2', 'DB#2', 'DB#3']);
    expect(result.bundles[0]?.file).toBe(`devices/${DEVICE_A}/bundles/0000000001.ddb`);
    expect([...(result.bundles[3]?.bytes ?? [])]).toEqual([...bundleBytes(DEVICE_B, 3)]);
    expect(result.truncated).toBe(false);
    expect(result.problems).toEqual([]);
    // Already-known bundles are not even opened (and the open() spy does see the new ones)
    expect(opened.some((p) => p.includes(DEVICE_B) && p.endsWith('0000000002.ddb'))).toBe(true);
    expect(opened.some((p) => p.includes(DEVICE_B) && p.endsWith('0000000001.ddb'))).toBe(false);
  });

  it('answers an empty folder with no marker, no bundles and no problems', async () => {
    expect(await scanSyncFolder(folder, {}, 1000)).toEqual({ reachable: true, marker: null, bundles: [], truncated: false, problems: [] });
  });

  it('reports a malformed or odd marker as a problem, never failing the scan', async () => {
    await placeBundle(folder, DEVICE_A, 1);
    await writeFile(path.join(folder, 'delegatedesk-sync.json'), '{"format":"delegatedesk-sync-folder",');
    const result = await scanSyncFolder(folder, {}, 1000);
    expect(result.marker).toBeNull();
    expect(result.problems).toEqual([{ file: 'delegatedesk-sync.json', code: 'unreadable', detail: expect.stringContaining('malformed') }]);
    expect(summary(result)).toEqual(['DA#1']);

    await writeFile(path.join(folder, 'delegatedesk-sync.json'), JSON.stringify({ format: 'something-else', version: 1, congressId: 'c' }));
    expect((await scanSyncFolder(folder, {}, 1000)).problems[0]?.code).toBe('unreadable');
  });
});

describe('scanSyncFolder: untrusted names', () => {
  it.each([
    ['a short seq', '1.ddb'],
    ['seq 0', '0000000000.ddb'],
    ['eleven digits', '00000000001.ddb'],
    ['a dot-dot prefix', '..0000000001.ddb'],
    ['a trailing space', '0000000001.ddb '],
    ['a second extension', '0000000001.ddb.bak'],
    ['upper-case extension', '0000000001.DDB'],
    ['full-width digits', '０００００００００１.ddb'],
    ['a right-to-left override', '0000000001\u202ebdd.exe'],
    ['a newline', '0000000001.ddb\nx'],
  ])('a bundle name with %s is badName and never opened', async (_label, name) => {
    await mkdir(bundlesOf(DEVICE_A), { recursive: true });
    await writeFile(path.join(bundlesOf(DEVICE_A), name), 'planted');
    const result = await scanSyncFolder(folder, {}, 1000);
    expect(result.bundles).toEqual([]);
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]?.code).toBe('badName');
    expect(result.problems[0]?.file).toMatch(new RegExp(`^devices/${DEVICE_A}/bundles/`));
    // Shown safely: no raw control or bidi characters reach the UI
    expect([...(result.problems[0]?.file ?? '')].some((c) => c.charCodeAt(0) < 0x20 || c === '\u202e')).toBe(false);
    expect(opened.filter((p) => p.includes(`${DEVICE_A}${path.sep}bundles${path.sep}`))).toEqual([]);
  });

  it('reports device folders and extra entries outside the layout', async () => {
    await placeBundle(folder, DEVICE_A, 1);
    await mkdir(path.join(folder, 'devices', 'not-a-device'), { recursive: true });
    await mkdir(path.join(folder, 'devices', DEVICE_B.toLowerCase()), { recursive: true });
    await writeFile(path.join(folder, 'devices', DEVICE_C), 'a file, not a folder');
    await writeFile(path.join(folder, 'devices', DEVICE_A, 'notes.txt'), 'x');

    const result = await scanSyncFolder(folder, {}, 1000);

    expect(summary(result)).toEqual(['DA#1']);
    expect(result.problems.map((p) => [p.file, p.code]).sort()).toEqual(
      [
        [`devices/${DEVICE_A}/notes.txt`, 'badName'],
        [`devices/${DEVICE_B.toLowerCase()}`, 'badName'],
        [`devices/${DEVICE_C}`, 'badName'],
        ['devices/not-a-device', 'badName'],
      ].sort(),
    );
  });

  it('never follows symlinks: bundle, bundles folder, device folder, devices folder', async () => {
    const outside = path.join(root, 'outside');
    await mkdir(outside);
    await writeFile(path.join(outside, 'secret.txt'), 'TOP SECRET');
    await placeBundle(folder, DEVICE_A, 1);
    await symlink(path.join(outside, 'secret.txt'), path.join(bundlesOf(DEVICE_A), '0000000002.ddb'));
    await mkdir(path.join(folder, 'devices', DEVICE_B));
    await symlink(outside, path.join(folder, 'devices', DEVICE_B, 'bundles'));
    await symlink(outside, path.join(folder, 'devices', DEVICE_C));

    const result = await scanSyncFolder(folder, {}, 1000);

    expect(summary(result)).toEqual(['DA#1']);
    expect(result.problems.map((p) => [p.file, p.code, p.detail])).toEqual([
      [`devices/${DEVICE_A}/bundles/0000000002.ddb`, 'badName', 'symlink (not followed)'],
      [`devices/${DEVICE_B}/bundles`, 'badName', 'symlink (not followed)'],
      [`devices/${DEVICE_C}`, 'badName', 'symlink (not followed)'],
    ]);
    expect(opened.some((p) => p.startsWith(outside) || p.endsWith('0000000002.ddb'))).toBe(false);

    // The devices folder itself as a link
    const other = path.join(root, 'other-sync');
    await mkdir(other);
    await symlink(path.join(folder, 'devices'), path.join(other, 'devices'));
    const linked = await scanSyncFolder(other, {}, 1000);
    expect(linked.bundles).toEqual([]);
    expect(linked.problems).toEqual([{ file: 'devices', code: 'badName', detail: 'symlink (not followed)' }]);
  });

  it('skips in-progress temporary files and OS metadata silently', async () => {
    await placeBundle(folder, DEVICE_A, 1);
    await writeFile(path.join(bundlesOf(DEVICE_A), '.0000000002.ddb.tmp-0123456789abcdef'), 'half written');
    await writeFile(path.join(bundlesOf(DEVICE_A), '._0000000001.ddb'), 'AppleDouble');
    await writeFile(path.join(bundlesOf(DEVICE_A), '.DS_Store'), 'x');
    await writeFile(path.join(bundlesOf(DEVICE_A), 'Thumbs.db'), 'x');
    const result = await scanSyncFolder(folder, {}, 1000);
    expect(summary(result)).toEqual(['DA#1']);
    expect(result.problems).toEqual([]);
  });
});

describe('scanSyncFolder: incomplete copies and size limits', () => {
  it('stops a device at a gap or an empty file, reporting nothing, and carries on with other devices', async () => {
    for (const seq of [1, 2, 4, 5]) await placeBundle(folder, DEVICE_A, seq);
    await placeBundle(folder, DEVICE_B, 1);
    await placeBundle(folder, DEVICE_B, 2, new Uint8Array(0));
    await placeBundle(folder, DEVICE_B, 3);
    const result = await scanSyncFolder(folder, {}, 1_000_000);
    expect(summary(result)).toEqual(['DA#1', 'DA#2', 'DB#1']);
    expect(result.problems).toEqual([]);
    // Once seq 3 arrives, the rest follows
    await placeBundle(folder, DEVICE_A, 3);
    expect(summary(await scanSyncFolder(folder, { [DEVICE_A]: 2, [DEVICE_B]: 1 }, 1_000_000))).toEqual(['DA#3', 'DA#4', 'DA#5']);
  });

  it('returns nothing for a device whose next seq is missing entirely', async () => {
    await placeBundle(folder, DEVICE_A, 3);
    expect((await scanSyncFolder(folder, { [DEVICE_A]: 1 }, 1000)).bundles).toEqual([]);
  });

  it('refuses a file over MAX_BUNDLE_BYTES by its size, without opening it, and stops that device there', async () => {
    await placeBundle(folder, DEVICE_A, 1);
    const big = await placeBundle(folder, DEVICE_A, 2);
    await truncate(big, MAX_BUNDLE_BYTES + 1); // sparse: no 64 MB written
    await placeBundle(folder, DEVICE_A, 3);
    const result = await scanSyncFolder(folder, {}, 512 * 1024 * 1024);
    expect(summary(result)).toEqual(['DA#1']);
    expect(result.problems).toEqual([{ file: `devices/${DEVICE_A}/bundles/0000000002.ddb`, code: 'tooLarge', detail: expect.stringContaining(String(MAX_BUNDLE_BYTES + 1)) }]);
    expect(opened.some((p) => p.endsWith('0000000002.ddb'))).toBe(false);
  });

  it('honours maxBytes and continues from the new known seqs', async () => {
    for (const seq of [1, 2, 3]) await placeBundle(folder, DEVICE_A, seq, bundleBytes(DEVICE_A, seq, 100));
    await placeBundle(folder, DEVICE_B, 1, bundleBytes(DEVICE_B, 1, 100));

    const first = await scanSyncFolder(folder, {}, 250);
    expect(summary(first)).toEqual(['DA#1', 'DA#2']);
    expect(first.truncated).toBe(true);

    const second = await scanSyncFolder(folder, { [DEVICE_A]: 2 }, 250);
    expect(summary(second)).toEqual(['DA#3', 'DB#1']);
    expect(second.truncated).toBe(false);
  });

  it('always returns at least one bundle, even one larger than maxBytes', async () => {
    await placeBundle(folder, DEVICE_A, 1, bundleBytes(DEVICE_A, 1, 500));
    await placeBundle(folder, DEVICE_A, 2, bundleBytes(DEVICE_A, 2, 10));
    const result = await scanSyncFolder(folder, {}, 100);
    expect(summary(result)).toEqual(['DA#1']);
    expect(result.truncated).toBe(true);
  });
});

describe('scanSyncFolder: an unreachable folder', () => {
  it.each<[string, () => string]>([
    ['a missing folder (USB stick pulled)', () => path.join(root, 'E-drive-gone')],
    ['a relative path', () => 'sync'],
    ['a file instead of a folder', () => path.join(root, 'file.txt')],
    ['an empty string', () => ''],
  ])('%s is reachable: false, and nothing is created', async (_label, target) => {
    await writeFile(path.join(root, 'file.txt'), 'x');
    const before = (await readdir(root)).sort();
    expect(await scanSyncFolder(target(), {}, 1000)).toEqual({ reachable: false, marker: null, bundles: [], truncated: false, problems: [] });
    expect((await readdir(root)).sort()).toEqual(before);
  });
});
