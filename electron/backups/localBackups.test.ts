import { mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalBackupStore } from './localBackups';

let dir: string;
beforeEach(async () => {
  dir = path.join(await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-backups-')), 'backups');
});
afterEach(async () => {
  await rm(path.dirname(dir), { recursive: true, force: true });
});

const bytes = (n: number) => new Uint8Array(n).fill(n);

describe('local backup store', () => {
  it('writes snapshots under time-sorted names, never over each other, and keeps the newest N of each reason', async () => {
    let clock = new Date(2026, 10, 20, 9, 0, 0);
    const store = createLocalBackupStore(dir, () => clock);
    const first = await store.write({ reason: 'daily', bytes: bytes(1), keep: 2 });
    expect(first.name).toBe('20261120-090000-daily.ddbackup');
    const sameSecond = await store.write({ reason: 'daily', bytes: bytes(2), keep: 2 });
    expect(sameSecond.name).toBe('20261120-090000-2-daily.ddbackup');
    clock = new Date(2026, 10, 21, 8, 0, 0);
    await store.write({ reason: 'beforeRestore', bytes: bytes(3), keep: 2 });
    clock = new Date(2026, 10, 21, 9, 0, 0);
    await store.write({ reason: 'daily', bytes: bytes(4), keep: 2 });

    const listed = await store.list();
    expect(listed.map((b) => b.name)).toEqual(['20261121-090000-daily.ddbackup', '20261121-080000-beforeRestore.ddbackup', '20261120-090000-2-daily.ddbackup']);
    expect(listed[0]).toMatchObject({ reason: 'daily', size: 4 });
    expect([...(await store.read('20261121-090000-daily.ddbackup'))]).toEqual([...bytes(4)]);
  });

  it('lists nothing when the folder does not exist yet, and ignores files and links that are not its own', async () => {
    const store = createLocalBackupStore(dir, () => new Date(2026, 0, 1));
    expect(await store.list()).toEqual([]);
    await store.write({ reason: 'manual', bytes: bytes(1), keep: 5 });
    await writeFile(path.join(dir, 'notes.txt'), 'hello');
    await writeFile(path.join(path.dirname(dir), 'secret'), 'outside');
    await symlink(path.join(path.dirname(dir), 'secret'), path.join(dir, '20260101-000001-daily.ddbackup'));
    expect((await store.list()).map((b) => b.name)).toEqual(['20260101-000000-manual.ddbackup']);
    await expect(store.read('20260101-000001-daily.ddbackup')).rejects.toThrow();
    await expect(store.read('../secret')).rejects.toThrow('not a backup name');
    // pruning never touches what is not a snapshot
    await store.write({ reason: 'daily', bytes: bytes(1), keep: 1 });
    expect(await readdir(dir)).toContain('notes.txt');
  });
});
