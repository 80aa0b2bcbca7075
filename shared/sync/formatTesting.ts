import { encodeHlc, newId } from '../domain';
import { fingerprintOf, generateBoxKeyPair, generateSigningKeyPair, sha256Hex, signBytes, type KeyPair } from './crypto';
import { toBase64, utf8 } from './encoding';
import { bundlePath } from './bundle';
import { BUNDLE_FILE_FORMAT, SYNC_FORMAT_VERSION, type BundleBody, type BundleSection, type DeviceKeys, type SyncChange } from './types';

/**
 * Test support for the sync format: devices with real keys, valid changes and bodies, and a way to sign any
 * text (valid or not) so tests can put hostile but authentic files in front of the reader. Not used by the app.
 */

export const TEST_AT = '2026-03-02T08:00:00.000Z';

export interface TestDevice {
  deviceId: string;
  sign: KeyPair;
  box: KeyPair;
  keys: DeviceKeys;
}

export function makeTestDevice(): TestDevice {
  const deviceId = newId();
  const sign = generateSigningKeyPair();
  const box = generateBoxKeyPair();
  return { deviceId, sign, box, keys: { deviceId, signPublicKey: toBase64(sign.publicKey), boxPublicKey: toBase64(box.publicKey) } };
}

export function signerFor(device: TestDevice): (bytes: Uint8Array) => Promise<Uint8Array> {
  return (bytes) => Promise.resolve(signBytes(bytes, device.sign.secretKey));
}

let counter = 0;

/** A delegate's new proposal as one change (all fields, as on create). */
export function proposalChange(device: TestDevice, overrides: Partial<SyncChange> = {}, fieldOverrides: Record<string, unknown> = {}): SyncChange {
  const id = newId();
  const delegateId = newId();
  const hlc = encodeHlc({ wallMs: Date.parse(TEST_AT), counter: counter++ % 1000, deviceId: device.deviceId });
  return {
    id: `${device.deviceId}:${hlc}`,
    entity: 'proposal',
    entityId: id,
    op: 'put',
    fields: {
      id,
      createdAt: TEST_AT,
      updatedAt: TEST_AT,
      kind: 'proposal',
      title: '关于加强农村饮水安全保障的提议',
      background: '部分村组供水管网老化，夏季用水高峰期经常停水。',
      recommendations: '建议县水利局统筹资金，分批改造老旧管网。',
      suggestedUnitIds: [],
      leadDelegateId: delegateId,
      invitedCosignerIds: [],
      status: 'draft',
      isKey: false,
      isSupervised: false,
      ...fieldOverrides,
    },
    hlc,
    deviceId: device.deviceId,
    actor: { kind: 'delegate', id: delegateId, name: '李晓梅' },
    at: TEST_AT,
    ...overrides,
  };
}

export function makeBody(
  device: TestDevice,
  options: { congressId: string; seq?: number; prevHash?: string | null; sections?: BundleSection[]; enrolment?: BundleBody['enrolment'] },
): BundleBody {
  const seq = options.seq ?? 1;
  return {
    format: BUNDLE_FILE_FORMAT,
    version: SYNC_FORMAT_VERSION,
    congressId: options.congressId,
    deviceId: device.deviceId,
    seq,
    prevHash: options.prevHash === undefined ? null : options.prevHash,
    createdAt: TEST_AT,
    keys: device.keys,
    ...(options.enrolment ? { enrolment: options.enrolment } : {}),
    sections: options.sections ?? [],
  };
}

/** An enrolment request whose fingerprint matches the device's keys. */
export function enrolmentFor(device: TestDevice, actorId: string = newId()): NonNullable<BundleBody['enrolment']> {
  return { actorKind: 'delegate', actorId, actorName: '李晓梅', fingerprint: fingerprintOf(device.keys) };
}

/**
 * A bundle file around any body text, signed with `signer` (the device itself unless told otherwise), bypassing
 * encodeBundle's checks — what a buggy or hostile writer could produce.
 */
export function signedFileFromText(
  bodyText: string,
  signer: TestDevice,
  outer: Record<string, unknown> = {},
): { fileBytes: Uint8Array; bodyHash: string } {
  const bodyBytes = utf8(bodyText);
  const signature = signBytes(bodyBytes, signer.sign.secretKey);
  const file = { format: BUNDLE_FILE_FORMAT, version: SYNC_FORMAT_VERSION, body: toBase64(bodyBytes), signature: toBase64(signature), ...outer };
  return { fileBytes: utf8(JSON.stringify(file)), bodyHash: sha256Hex(bodyBytes) };
}

/** The relative path a device's bundle lives at. */
export function pathOf(device: TestDevice, seq: number): string {
  return bundlePath(device.deviceId, seq);
}
