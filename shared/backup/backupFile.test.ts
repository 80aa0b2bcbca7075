import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildBackupFile, openBackupFile } from './backupFile';
import type { HeaderFields } from './container';
import { BackupRefusal } from './format';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';

const fields: HeaderFields = {
  createdAt: '2026-11-23T08:00:00.000Z',
  reason: 'manual',
  appVersion: '0.1.0',
  schemaVersion: 3,
  deviceId: '01JDEVICE00000000000000000',
  congressId: 'congress-1',
  congressName: '某县第十五次党代会',
  role: 'office',
  actorName: '常任办',
};

const photo = new Uint8Array([0xff, 0xd8, 1, 2, 3, 4, 5, 0xff, 0xd9]);
const photoSha = bytesToHex(sha256(photo));

async function sampleFile(): Promise<Uint8Array> {
  return buildBackupFile(fields, {
    tables: {
      proposal: [{ id: 'p1', title: '关于加强农村饮水安全的提案', cosigners: ['d1', 'd2'] }],
      outbox: [{ seq: 1, hash: 'ab', bytes: new Uint8Array([9, 8, 7]) }],
      blobs: [{ sha256: photoSha, size: photo.byteLength, mimeType: 'image/jpeg' }],
      syncProblems: [],
    },
    blobs: [{ sha256: photoSha, bytes: photo }],
  });
}

async function refusalOf(file: Uint8Array): Promise<BackupRefusal> {
  const error = await openBackupFile(file).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(BackupRefusal);
  return error as BackupRefusal;
}

describe('backup file', () => {
  it('gives back every row, byte array and attachment it was given', async () => {
    const opened = await openBackupFile(await sampleFile());
    expect(opened.header).toMatchObject({ ...fields, format: 'delegatedesk-backup', formatVersion: 1 });
    expect(opened.tables.proposal).toEqual([{ id: 'p1', title: '关于加强农村饮水安全的提案', cosigners: ['d1', 'd2'] }]);
    expect(opened.tables.syncProblems).toEqual([]);
    const outbox = opened.tables.outbox as { bytes: Uint8Array }[];
    expect(outbox[0]!.bytes).toBeInstanceOf(Uint8Array);
    expect([...outbox[0]!.bytes]).toEqual([9, 8, 7]);
    expect([...opened.blobs.get(photoSha)!]).toEqual([...photo]);
  });

  it('refuses a file that is not a backup', async () => {
    expect((await refusalOf(new TextEncoder().encode('PK\u0003\u0004 a zip file, not ours'))).code).toBe('notBackup');
  });

  it('refuses a file cut off at any point, as truncated or damaged, never opening it', async () => {
    const file = await sampleFile();
    for (const length of [21, 30, Math.floor(file.byteLength / 2), file.byteLength - 33, file.byteLength - 1]) {
      const refusal = await refusalOf(file.slice(0, length));
      expect(['truncated', 'damaged']).toContain(refusal.code);
    }
  });

  it('refuses a file with any single byte changed', async () => {
    const file = await sampleFile();
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 20, max: file.byteLength - 1 }), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
        const damaged = file.slice();
        damaged[at] = damaged[at]! ^ flip;
        const refusal = await refusalOf(damaged);
        // A flipped digit in the header's formatVersion reads as a newer format: refused all the same
        expect(['damaged', 'truncated', 'notBackup', 'newerFormat']).toContain(refusal.code);
      }),
      { numRuns: 150 },
    );
  });

  it('names the damaged section when the payload is altered', async () => {
    const file = await sampleFile();
    const damaged = file.slice();
    // the last payload byte before the trailer is the photo's last byte
    damaged[file.byteLength - 33] = damaged[file.byteLength - 33]! ^ 0x01;
    const refusal = await refusalOf(damaged);
    expect(refusal.code).toBe('damaged');
    expect(refusal.detail).toContain(`blob:${photoSha}`);
  });

  it('refuses extra bytes after the trailer', async () => {
    const file = await sampleFile();
    const longer = new Uint8Array(file.byteLength + 3);
    longer.set(file);
    expect((await refusalOf(longer)).code).toBe('damaged');
  });

  it('refuses a backup from a newer format version', async () => {
    const file = await sampleFile();
    const text = new TextDecoder().decode(file);
    const at = text.indexOf('"formatVersion":1');
    expect(at).toBeGreaterThan(0);
    const altered = file.slice();
    altered.set(new TextEncoder().encode('"formatVersion":9'), at);
    // The header is checked before the trailer, so the newer version is what the user is told about
    expect((await refusalOf(altered)).code).toBe('newerFormat');
  });
});

describe('gunzip limit', () => {
  it('stops inflating a section beyond the limit instead of filling memory', async () => {
    const { gzip, gunzip } = await import('./gzip');
    const bomb = await gzip(new Uint8Array(5 * 1024 * 1024));
    expect(bomb.byteLength).toBeLessThan(10_000);
    await expect(gunzip(bomb, 1024 * 1024)).rejects.toThrow(/inflates beyond/);
    expect((await gunzip(bomb)).byteLength).toBe(5 * 1024 * 1024);
  });
});
