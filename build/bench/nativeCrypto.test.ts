import { describe, expect, it } from 'vitest';
import { unwrapContentKey, verifySignature } from '../../shared/sync/crypto';
import { fromBase64, utf8 } from '../../shared/sync/encoding';
import { openSealedSection } from '../../shared/sync/sections';
import type { SectionPayload } from '../../shared/sync/types';
import { createNativeDeviceKeys, sealSectionNative } from './nativeCrypto';

const payload: SectionPayload = {
  changes: [
    {
      id: '01JP2K7V9XAMP0E0DEV1CE0001:000mm8w2680-00000-01JP2K7V9XAMP0E0DEV1CE0001',
      entity: 'cosignature',
      entityId: '01JP3A4B5C6D7E8F9G0H1J2K3M',
      op: 'put',
      fields: { status: 'confirmed' },
      hlc: '000mm8w2680-00000-01JP2K7V9XAMP0E0DEV1CE0001',
      deviceId: '01JP2K7V9XAMP0E0DEV1CE0001',
      actor: { kind: 'delegate', id: '01JN8F9Q1R2S3T4V5W6X7Y8Z9A' },
      at: '2026-03-02T08:00:00.000Z',
    },
  ],
};

describe('native crypto for demo folders', () => {
  it('signs so that the app verifies the signature with the public key it reports', async () => {
    const keys = createNativeDeviceKeys('01JP2K7V9XAMP0E0DEV1CE0001');
    const bytes = utf8('正文 body bytes');
    const signature = await keys.sign(bytes);
    expect(verifySignature(signature, bytes, fromBase64(keys.signPublicKey))).toBe(true);
    expect(verifySignature(signature, utf8('other bytes'), fromBase64(keys.signPublicKey))).toBe(false);
  });

  it('seals sections that every recipient opens with the app’s own unwrap, and no one else', () => {
    const office = createNativeDeviceKeys('01JN8F7A2B3C4D5E6F7G8H9J0K');
    const cosigner = createNativeDeviceKeys('01JP2K7V9XAMP0E0DEV1CE0002');
    const outsider = createNativeDeviceKeys('01JP2K7V9XAMP0E0DEV1CE0003');
    const section = sealSectionNative(payload, [office, cosigner]);
    if (section.audience !== 'sealed') throw new Error('expected a sealed section');
    expect(section.recipients.map((r) => r.deviceId)).toEqual([office.deviceId, cosigner.deviceId]);
    for (const [reader, entry] of [[office, section.recipients[0]!], [cosigner, section.recipients[1]!]] as const) {
      const key = unwrapContentKey(entry, reader.boxSecretKey);
      expect(key).not.toBeNull();
      expect(openSealedSection(section, key!)).toEqual({ ok: true, payload });
    }
    expect(unwrapContentKey(section.recipients[0]!, outsider.boxSecretKey)).toBeNull();
  });

  it('refuses what readers would refuse, before sealing anything', () => {
    const office = createNativeDeviceKeys('01JN8F7A2B3C4D5E6F7G8H9J0K');
    expect(() => sealSectionNative(payload, [])).toThrow('at least one recipient');
    expect(() => sealSectionNative(payload, [office, office])).toThrow('listed twice');
    const bad = { changes: [{ ...payload.changes[0]!, entity: 'nonsense' }] } as unknown as SectionPayload;
    expect(() => sealSectionNative(bad, [office])).toThrow('would be refused');
  });
});
