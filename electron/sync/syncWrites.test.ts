import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BridgeError } from '../ipc/bridgeError';
import { getBlob, putBlob } from './blobs';
import { writeBundle } from './bundleFiles';
import { readMarker, writeMarker } from './marker';
import { scanSyncFolder } from './scanSyncFolder';
import { DEVICE_A } from './testFolder';

let root: string;
let folder: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-syncwrite-'));
  folder = path.join(root, 'sync');
  await mkdir(folder);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const bundlesFolder = () => path.join(folder, 'devices', DEVICE_A, 'bundles');
const text = (value: string) => new TextEncoder().encode(value);
const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
/** A file system without hard links (FAT/exFAT stick): link() fails as Linux vfat does. */
const noHardLinks = () => Promise.reject(Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' }));

async function bridgeErrorOf(promise: Promise<unknown>): Promise<BridgeError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(BridgeError);
  expect((error as BridgeError).message).toMatch(/[\u4e00-\u9fff]/);
  return error as BridgeError;
}

describe.each([
  ['with hard links', {}],
  ['without hard links (FAT stick)', { link: noHardLinks }],
])('writeBundle %s', (_label, options) => {
  it('creates the layout and publishes the complete file, leaving no temporary file', async () => {
    expect(await writeBundle(folder, DEVICE_A, 1, text('bundle one'), options)).toEqual({ file: `devices/${DEVICE_A}/bundles/0000000001.ddb` });
    expect(await readFile(path.join(bundlesFolder(), '0000000001.ddb'), 'utf8')).toBe('bundle one');
    expect(await readdir(bundlesFolder())).toEqual(['0000000001.ddb']);
    const scanned = await scanSyncFolder(folder, {}, 1000);
    expect(scanned.bundles.map((b) => [b.seq, new TextDecoder().decode(b.bytes)])).toEqual([[1, 'bundle one']]);
  });

  it('never overwrites: another bundle under the same seq is fileExists and the first stays', async () => {
    await writeBundle(folder, DEVICE_A, 7, text('first'), options);
    const error = await bridgeErrorOf(writeBundle(folder, DEVICE_A, 7, text('second'), options));
    expect(error.code).toBe('fileExists');
    expect(await readFile(path.join(bundlesFolder(), '0000000007.ddb'), 'utf8')).toBe('first');
    expect(await readdir(bundlesFolder())).toEqual(['0000000007.ddb']);
  });

  it('accepts writing the identical bundle again (a retry after a lost answer)', async () => {
    await writeBundle(folder, DEVICE_A, 2, text('same'), options);
    expect(await writeBundle(folder, DEVICE_A, 2, text('same'), options)).toEqual({ file: `devices/${DEVICE_A}/bundles/0000000002.ddb` });
  });

  it('lets exactly one of several concurrent writers of the same seq win', async () => {
    const contenders = ['alpha', 'bravo', 'charlie', 'delta'];
    const outcomes = await Promise.allSettled(contenders.map((name) => writeBundle(folder, DEVICE_A, 3, text(name), options)));
    const winners = contenders.filter((_name, i) => outcomes[i]?.status === 'fulfilled');
    expect(winners).toHaveLength(1);
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') expect((outcome.reason as BridgeError).code).toBe('fileExists');
    }
    expect(await readFile(path.join(bundlesFolder(), '0000000003.ddb'), 'utf8')).toBe(winners[0]);
    expect(await readdir(bundlesFolder())).toEqual(['0000000003.ddb']);
  });
});

describe('writeBundle: refusals', () => {
  it('is folderUnreachable for a missing folder and creates nothing there (stick pulled)', async () => {
    const gone = path.join(root, 'USB-STICK');
    expect((await bridgeErrorOf(writeBundle(gone, DEVICE_A, 1, text('x')))).code).toBe('folderUnreachable');
    expect((await bridgeErrorOf(writeBundle('relative/sync', DEVICE_A, 1, text('x')))).code).toBe('folderUnreachable');
    expect(await readdir(root)).toEqual(['sync']);
  });

  it('does not follow a planted symlink out of the folder', async () => {
    const outside = path.join(root, 'outside');
    await mkdir(outside);
    await mkdir(path.join(folder, 'devices'));
    await symlink(outside, path.join(folder, 'devices', DEVICE_A));
    expect((await bridgeErrorOf(writeBundle(folder, DEVICE_A, 1, text('x')))).code).toBe('fileUnwritable');
    expect(await readdir(outside)).toEqual([]);
  });

  it('refuses with fileUnwritable when a file sits where the devices folder belongs', async () => {
    await writeFile(path.join(folder, 'devices'), 'x');
    expect((await bridgeErrorOf(writeBundle(folder, DEVICE_A, 1, text('x')))).code).toBe('fileUnwritable');
    expect(await readFile(path.join(folder, 'devices'), 'utf8')).toBe('x');
  });
});

describe('blobs', () => {
  const bytes = text('照片的字节');
  const hash = sha(bytes);

  it('stores under blobs/<hh>/<sha256> once and reads it back', async () => {
    expect(await putBlob(folder, hash, bytes)).toEqual({ file: `blobs/${hash.slice(0, 2)}/${hash}`, existed: false });
    expect(await putBlob(folder, hash, bytes)).toEqual({ file: `blobs/${hash.slice(0, 2)}/${hash}`, existed: true });
    expect(await readdir(path.join(folder, 'blobs', hash.slice(0, 2)))).toEqual([hash]);
    expect(new TextDecoder().decode((await getBlob(folder, hash)) ?? new Uint8Array())).toBe('照片的字节');
  });

  it('refuses bytes that do not hash to the name, writing nothing', async () => {
    const error = await bridgeErrorOf(putBlob(folder, sha(text('other')), bytes));
    expect(error.code).toBe('invalidArguments');
    expect(await readdir(folder)).toEqual([]);
  });

  it('returns null for a missing blob and for one whose content no longer matches its name', async () => {
    const logged: string[] = [];
    expect(await getBlob(folder, hash, (m) => logged.push(m))).toBeNull();
    await putBlob(folder, hash, bytes);
    await writeFile(path.join(folder, 'blobs', hash.slice(0, 2), hash), 'tampered');
    expect(await getBlob(folder, hash, (m) => logged.push(m))).toBeNull();
    expect(logged).toEqual([expect.stringContaining('does not hash to its name')]);
  });

  it('does not follow a symlink planted under a blob name', async () => {
    await writeFile(path.join(root, 'secret'), bytes);
    await mkdir(path.join(folder, 'blobs', hash.slice(0, 2)), { recursive: true });
    await symlink(path.join(root, 'secret'), path.join(folder, 'blobs', hash.slice(0, 2), hash));
    expect(await getBlob(folder, hash)).toBeNull();
  });

  it('is folderUnreachable (not "missing") when the folder is gone', async () => {
    expect((await bridgeErrorOf(getBlob(path.join(root, 'gone'), hash))).code).toBe('folderUnreachable');
    expect((await bridgeErrorOf(putBlob(path.join(root, 'gone'), hash, bytes))).code).toBe('folderUnreachable');
  });
});

describe('writeMarker', () => {
  it('creates the marker when absent and returns it', async () => {
    expect(await writeMarker(folder, 'congress-1')).toEqual({ format: 'delegatedesk-sync-folder', version: 1, congressId: 'congress-1' });
    expect(JSON.parse(await readFile(path.join(folder, 'delegatedesk-sync.json'), 'utf8'))).toEqual({
      format: 'delegatedesk-sync-folder',
      version: 1,
      congressId: 'congress-1',
    });
  });

  it("returns another congress's marker untouched (the renderer reports wrongCongress)", async () => {
    await writeMarker(folder, 'congress-1');
    const before = await stat(path.join(folder, 'delegatedesk-sync.json'));
    expect((await writeMarker(folder, 'congress-2')).congressId).toBe('congress-1');
    expect((await stat(path.join(folder, 'delegatedesk-sync.json'))).mtimeMs).toBe(before.mtimeMs);
  });

  it('lets the first of two simultaneous machines decide', async () => {
    const [one, two] = await Promise.all([writeMarker(folder, 'congress-1'), writeMarker(folder, 'congress-2')]);
    expect(one).toEqual(two);
    const state = await readMarker(folder);
    expect(state.state === 'ok' ? state.marker.congressId : null).toBe(one.congressId);
  });

  it('never replaces a damaged marker', async () => {
    await writeFile(path.join(folder, 'delegatedesk-sync.json'), 'not json');
    expect((await bridgeErrorOf(writeMarker(folder, 'congress-1'))).code).toBe('fileUnreadable');
    expect(await readFile(path.join(folder, 'delegatedesk-sync.json'), 'utf8')).toBe('not json');
  });

  it('is folderUnreachable for a missing folder', async () => {
    expect((await bridgeErrorOf(writeMarker(path.join(root, 'gone'), 'c'))).code).toBe('folderUnreachable');
    expect(await readdir(root)).toEqual(['sync']);
  });
});
