import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodeHlc, newId } from '../../../shared/domain';
import { bundlePath, encodeBundle } from '../../../shared/sync/bundle';
import { fingerprintOf } from '../../../shared/sync/crypto';
import { makeBody, makeTestDevice, proposalChange, signerFor, TEST_AT } from '../../../shared/sync/formatTesting';
import type { TestDevice } from '../../../shared/sync/formatTesting';
import { plainSection } from '../../../shared/sync/sections';
import type { SyncChange } from '../../../shared/sync/types';
import { runSyncDoctor } from '../sync-doctor';
import { diagnoseSyncFolder } from './diagnose';

const CONGRESS = newId();

let root: string;
let folder: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-doctor-'));
  folder = path.join(root, 'sync');
  await mkdir(folder);
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** The office binding `device`'s keys to a delegate (设备绑定), as a change in a plain section. */
function bindingChange(office: TestDevice, device: TestDevice, keys = device.keys): SyncChange {
  const hlc = encodeHlc({ wallMs: Date.parse(TEST_AT), counter: 1, deviceId: office.deviceId });
  return {
    id: `${office.deviceId}:${hlc}`,
    entity: 'deviceBinding',
    entityId: device.deviceId,
    op: 'put',
    fields: {
      id: device.deviceId,
      createdAt: TEST_AT,
      updatedAt: TEST_AT,
      role: 'delegate',
      actorId: newId(),
      signPublicKey: keys.signPublicKey,
      boxPublicKey: keys.boxPublicKey,
      fingerprint: fingerprintOf(keys),
    },
    hlc,
    deviceId: office.deviceId,
    actor: { kind: 'staff', id: newId(), name: '王主任' },
    at: TEST_AT,
  };
}

/** Writes a real, signed, chained series of bundles for `device`; returns each file's bytes. */
async function writeChain(device: TestDevice, changesPerBundle: SyncChange[][], signer: TestDevice = device): Promise<Uint8Array[]> {
  const files: Uint8Array[] = [];
  let prevHash: string | null = null;
  for (const [index, changes] of changesPerBundle.entries()) {
    const body = makeBody(device, { congressId: CONGRESS, seq: index + 1, prevHash, sections: [plainSection({ changes })] });
    const { fileBytes, bodyHash } = await encodeBundle(body, signerFor(signer));
    await placeFile(bundlePath(device.deviceId, index + 1), fileBytes);
    files.push(fileBytes);
    prevHash = bodyHash;
  }
  return files;
}

async function placeFile(relative: string, bytes: Uint8Array | string): Promise<string> {
  const target = path.join(folder, ...relative.split('/'));
  await mkdir(path.dirname(target), { recursive: true });
  await writeFile(target, bytes);
  return target;
}

async function healthyFolder() {
  const office = makeTestDevice();
  const delegate = makeTestDevice();
  await placeFile('delegatedesk-sync.json', JSON.stringify({ format: 'delegatedesk-sync-folder', version: 1, congressId: CONGRESS }));
  await writeChain(office, [[bindingChange(office, delegate)], [proposalChange(office)]]);
  await writeChain(delegate, [[proposalChange(delegate)], [proposalChange(delegate)], [proposalChange(delegate)]]);
  const photo = new TextEncoder().encode('JPEG bytes of a visit photo');
  const sha = createHash('sha256').update(photo).digest('hex');
  await placeFile(`blobs/${sha.slice(0, 2)}/${sha}`, photo);
  return { office, delegate, sha };
}

async function run(...argv: string[]) {
  let output = '';
  const exitCode = await runSyncDoctor(argv, (text) => {
    output += text;
  });
  return { exitCode, output };
}

describe('sync doctor on a healthy folder', () => {
  it('verifies every chain, the bindings and the blobs, and exits 0', async () => {
    const { office, delegate } = await healthyFolder();
    const diagnosis = await diagnoseSyncFolder(folder);

    expect(diagnosis.problemCount).toBe(0);
    expect(diagnosis.marker?.congressId).toBe(CONGRESS);
    expect(diagnosis.blobs.files).toBe(1);
    const byId = new Map(diagnosis.devices.map((d) => [d.deviceId, d]));
    expect(byId.get(delegate.deviceId)).toMatchObject({ bundleFiles: 3, firstSeq: 1, lastSeq: 3, verifiedThrough: 3, signPublicKey: delegate.keys.signPublicKey, fingerprint: fingerprintOf(delegate.keys), problems: 0 });
    expect(byId.get(delegate.deviceId)?.binding).toMatchObject({ role: 'delegate', publishedBy: office.deviceId, revoked: false });
    expect(byId.get(office.deviceId)).toMatchObject({ verifiedThrough: 2, binding: null });

    const { exitCode, output } = await run(folder);
    expect(exitCode).toBe(0);
    expect(output).toContain('未发现问题 / no problems found');
    expect(output).toContain(delegate.deviceId);
    expect(output).toContain('已验证 verified: seq 1–3');
  });

  it('prints the diagnosis as JSON with --json', async () => {
    await healthyFolder();
    const { exitCode, output } = await run('--json', folder);
    expect(exitCode).toBe(0);
    expect((JSON.parse(output) as { problemCount: number; devices: unknown[] }).devices).toHaveLength(2);
  });
});

describe('sync doctor on a damaged folder', () => {
  it('reports every kind of damage and exits 1, changing nothing', async () => {
    const { office, delegate, sha } = await healthyFolder();
    // A bundle altered after signing
    const tamperedPath = path.join(folder, ...bundlePath(delegate.deviceId, 2).split('/'));
    const tampered = JSON.parse(await readFile(tamperedPath, 'utf8')) as { signature: string };
    tampered.signature = Buffer.alloc(64, 1).toString('base64');
    await writeFile(tamperedPath, JSON.stringify(tampered));
    // A gap: seq 3 of the office missing, seq 4 present
    const officeFour = makeBody(office, { congressId: CONGRESS, seq: 4, prevHash: 'a'.repeat(64), sections: [] });
    await placeFile(bundlePath(office.deviceId, 4), (await encodeBundle(officeFour, signerFor(office))).fileBytes);
    // A device signing with keys other than those the office bound for it
    const impostor = makeTestDevice();
    const realKeys = makeTestDevice().keys;
    const officeThree = makeTestDevice();
    await writeChain(officeThree, [[bindingChange(officeThree, impostor, { ...realKeys, deviceId: impostor.deviceId })]]);
    await writeChain(impostor, [[proposalChange(impostor)]]);
    // A damaged blob, an odd name, an empty bundle, a leftover temporary file, an unknown top-level file
    await writeFile(path.join(folder, 'blobs', sha.slice(0, 2), sha), 'replaced');
    await placeFile(`devices/${delegate.deviceId}/bundles/0000000004.ddb.bak`, 'x');
    const emptyDevice = makeTestDevice();
    await placeFile(bundlePath(emptyDevice.deviceId, 1), '');
    await placeFile(`devices/${delegate.deviceId}/bundles/.0000000004.ddb.tmp-0123456789abcdef`, 'half');
    await placeFile('notes.txt', 'hello');
    const before = await readFile(tamperedPath);

    const diagnosis = await diagnoseSyncFolder(folder);
    const problems = diagnosis.issues.filter((i) => i.severity === 'problem').map((i) => `${i.code} ${i.file}`);
    const notes = diagnosis.issues.filter((i) => i.severity === 'note').map((i) => i.code);

    expect(problems).toEqual(
      expect.arrayContaining([
        `badSignature ${bundlePath(delegate.deviceId, 2)}`,
        `gap devices/${office.deviceId}/bundles`,
        `keyMismatch devices/${impostor.deviceId}`,
        `blobCorrupt blobs/${sha.slice(0, 2)}/${sha}`,
        `badName devices/${delegate.deviceId}/bundles/0000000004.ddb.bak`,
        `emptyFile ${bundlePath(emptyDevice.deviceId, 1)}`,
      ]),
    );
    expect(diagnosis.problemCount).toBe(problems.length);
    expect(diagnosis.devices.find((d) => d.deviceId === delegate.deviceId)?.verifiedThrough).toBe(1);
    expect(notes).toEqual(expect.arrayContaining(['leftoverTemp', 'oddFile', 'uncheckedAfterProblem']));

    const { exitCode, output } = await run(folder);
    expect(exitCode).toBe(1);
    expect(output).toContain('签名无效 / bad signature');
    expect(output).toContain('序号缺失 / seq gap');
    expect(output).toContain('missing seq 3');
    expect(output).toMatch(/发现 \d+ 个问题/);
    // Read-only: nothing was repaired, moved or deleted
    expect(await readFile(tamperedPath)).toEqual(before);
  });

  it('exits 2 for a folder that is not there, and for bad usage', async () => {
    const gone = await run(path.join(root, 'USB'));
    expect(gone.exitCode).toBe(2);
    expect(gone.output).toContain('folder unreachable');
    expect((await run()).exitCode).toBe(2);
    expect((await run('a', 'b')).exitCode).toBe(2);
  });

  it('flags bundles without a folder marker', async () => {
    await writeChain(makeTestDevice(), [[]]);
    const diagnosis = await diagnoseSyncFolder(folder);
    expect(diagnosis.issues.map((i) => i.code)).toContain('markerMissing');
  });
});
