import { describe, expect, it } from 'vitest';
import { encryptWithKey, randomBytes, sha256Hex, unwrapContentKey, wrapContentKey } from './crypto';
import { fromBase64, toBase64, utf8 } from './encoding';
import { makeTestDevice, proposalChange, type TestDevice } from './formatTesting';
import { openSealedBlob, openSealedSection, plainSection, recipientEntry, resealBlob, sealBlob, sealSection } from './sections';
import type { BundleSection, SectionPayload } from './types';

const author = makeTestDevice();
const recipientOf = (d: TestDevice) => ({ deviceId: d.deviceId, boxPublicKey: d.keys.boxPublicKey });

/** What a recipient device does: find its entry, unwrap the key (main process), open the section. */
function openAs(device: TestDevice, section: BundleSection) {
  const entry = recipientEntry(section, device.deviceId);
  if (!entry) return { ok: false as const, detail: 'not addressed to this device' };
  const key = unwrapContentKey(entry, device.box.secretKey);
  if (!key) return { ok: false as const, detail: 'unwrap failed' };
  return openSealedSection(section, key);
}

describe('sealed sections', () => {
  const payload: SectionPayload = { changes: [proposalChange(author, {}, { title: '涉密的提案标题', status: 'submitted' })] };

  it('opens for a single recipient with its own key', () => {
    const office = makeTestDevice();
    const section = sealSection(payload, [recipientOf(office)]);
    expect(openAs(office, section)).toEqual({ ok: true, payload: JSON.parse(JSON.stringify(payload)) });
  });

  it('opens for each of three recipients, and for nobody else', () => {
    const recipients = [makeTestDevice(), makeTestDevice(), makeTestDevice()];
    const section = sealSection(payload, recipients.map(recipientOf));
    for (const device of recipients) {
      const opened = openAs(device, section);
      expect(opened.ok).toBe(true);
      if (opened.ok) expect(opened.payload.changes[0]!.fields.title).toBe('涉密的提案标题');
    }
    const outsider = makeTestDevice();
    expect(recipientEntry(section, outsider.deviceId)).toBeUndefined();
    // Even trying every recipient's wrapped key with the outsider's secret gets nothing.
    if (section.audience !== 'sealed') throw new Error('expected a sealed section');
    for (const entry of section.recipients) expect(unwrapContentKey(entry, outsider.box.secretKey)).toBeNull();
    // And one recipient cannot use another's entry.
    expect(unwrapContentKey(recipientEntry(section, recipients[0]!.deviceId)!, recipients[1]!.box.secretKey)).toBeNull();
  });

  it('does not show the plaintext in the section', () => {
    const section = sealSection(payload, [recipientOf(makeTestDevice())]);
    const text = JSON.stringify(section);
    expect(text).not.toContain('涉密');
    expect(text).not.toContain(toBase64(utf8('涉密')));
    if (section.audience !== 'sealed') throw new Error('expected a sealed section');
    expect(new TextDecoder().decode(fromBase64(section.ciphertext))).not.toContain('涉密');
  });

  it('refuses a wrong content key or a damaged ciphertext', () => {
    const office = makeTestDevice();
    const section = sealSection(payload, [recipientOf(office)]);
    if (section.audience !== 'sealed') throw new Error('expected a sealed section');
    expect(openSealedSection(section, randomBytes(32)).ok).toBe(false);
    expect(openSealedSection(section, new Uint8Array(5)).ok).toBe(false);
    const bytes = fromBase64(section.ciphertext);
    bytes[3]! ^= 0x40;
    expect(openAs(office, { ...section, ciphertext: toBase64(bytes) }).ok).toBe(false);
    expect(openAs(office, { ...section, nonce: toBase64(randomBytes(24)) }).ok).toBe(false);
    expect(openAs(office, { ...section, ciphertext: '%%%%' }).ok).toBe(false);
  });

  it('validates the decrypted payload like a plain one (status “hacked” is refused)', () => {
    const office = makeTestDevice();
    const contentKey = randomBytes(32);
    const seal = (json: string): BundleSection => {
      const { nonce, ciphertext } = encryptWithKey(contentKey, utf8(json));
      return {
        audience: 'sealed',
        recipients: [{ deviceId: office.deviceId, ...wrapContentKey(contentKey, office.box.publicKey) }],
        nonce: toBase64(nonce),
        ciphertext: toBase64(ciphertext),
      };
    };
    const hacked = openAs(office, seal(JSON.stringify({ changes: [proposalChange(author, {}, { status: 'hacked' })] })));
    expect(hacked).toMatchObject({ ok: false, detail: expect.stringContaining('status') });
    expect(openAs(office, seal(JSON.stringify({ changes: [], extra: 1 }))).ok).toBe(false);
    expect(openAs(office, seal('{"changes": []}'))).toMatchObject({ ok: false, detail: expect.stringContaining('canonical') });
    expect(openAs(office, seal('{"changes":['))).toMatchObject({ ok: false, detail: expect.stringContaining('JSON') });
    expect(openAs(office, seal(JSON.stringify({ changes: [] })))).toEqual({ ok: true, payload: { changes: [] } });
  });

  it('refuses to seal what readers would refuse, or to nobody', () => {
    const office = recipientOf(makeTestDevice());
    expect(() => sealSection({ changes: [proposalChange(author, {}, { status: 'hacked' })] }, [office])).toThrow(/refused/);
    expect(() => sealSection(payload, [])).toThrow();
    expect(() => sealSection(payload, [office, office])).toThrow();
  });

  it('reports a plain section as not sealed', () => {
    const section = plainSection(payload);
    expect(section).toEqual({ audience: 'all', payload });
    expect(recipientEntry(section, author.deviceId)).toBeUndefined();
    expect(openSealedSection(section, randomBytes(32))).toEqual({ ok: false, detail: 'section is not sealed' });
  });
});

describe('sealed blobs', () => {
  const photo = utf8('视察照片的字节'.repeat(100));

  it('round-trips and names both hashes', () => {
    const { storedBytes, blobKey } = sealBlob(photo);
    expect(blobKey.sha256).toBe(sha256Hex(photo));
    expect(blobKey.storedSha256).toBe(sha256Hex(storedBytes));
    expect(storedBytes.length).toBe(photo.length + 16);
    expect(openSealedBlob(storedBytes, blobKey)).toEqual({ ok: true, bytes: photo });
  });

  it('refuses damaged bytes, a wrong key or a lying hash', () => {
    const { storedBytes, blobKey } = sealBlob(photo);
    const damaged = storedBytes.slice();
    damaged[0]! ^= 1;
    expect(openSealedBlob(damaged, blobKey).ok).toBe(false);
    expect(openSealedBlob(damaged, { ...blobKey, storedSha256: sha256Hex(damaged) }).ok).toBe(false);
    expect(openSealedBlob(storedBytes, { ...blobKey, key: toBase64(randomBytes(32)) }).ok).toBe(false);
    expect(openSealedBlob(storedBytes, { ...blobKey, sha256: sha256Hex(utf8('other')) }).ok).toBe(false);
    expect(openSealedBlob(storedBytes, { ...blobKey, nonce: '!' }).ok).toBe(false);
  });

  it('re-creates the same stored file from the plaintext and its key (another folder gets the same blob)', () => {
    const { storedBytes, blobKey } = sealBlob(photo);
    expect(resealBlob(photo, blobKey)).toEqual(storedBytes);
    expect(resealBlob(utf8('别的照片'), blobKey)).toBeNull();
  });
});
