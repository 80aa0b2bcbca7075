import { describe, expect, it } from 'vitest';
import { generateSigningKeyPair, signBytes } from '../../shared/sync/crypto';
import { toBase64, utf8 } from '../../shared/sync/encoding';
import { verifySignatures, type SignatureJob } from './signatures';

function jobs(): { jobs: SignatureJob[]; expected: boolean[] } {
  const alice = generateSigningKeyPair();
  const bob = generateSigningKeyPair();
  // Uint8Array.from: jsdom's TextEncoder hands out another realm's Uint8Array, which @noble refuses.
  const bytes = Uint8Array.from(utf8('提案 第1号 同步包'));
  const signature = signBytes(bytes, alice.secretKey);
  const flipped = new Uint8Array(signature);
  flipped[10] = flipped[10]! ^ 0x01;
  const otherBytes = Uint8Array.from(utf8('提案 第2号 同步包'));
  const list: [SignatureJob, boolean][] = [
    [{ signature, bytes, publicKey: toBase64(alice.publicKey) }, true],
    [{ signature, bytes, publicKey: toBase64(bob.publicKey) }, false],
    [{ signature: flipped, bytes, publicKey: toBase64(alice.publicKey) }, false],
    [{ signature, bytes: otherBytes, publicKey: toBase64(alice.publicKey) }, false],
    [{ signature: signature.slice(0, 63), bytes, publicKey: toBase64(alice.publicKey) }, false],
    [{ signature, bytes, publicKey: toBase64(alice.publicKey.slice(0, 31)) }, false],
    [{ signature, bytes, publicKey: '不是base64' }, false],
    [{ signature: signBytes(otherBytes, bob.secretKey), bytes: otherBytes, publicKey: toBase64(bob.publicKey) }, true],
  ];
  return { jobs: list.map(([job]) => job), expected: list.map(([, ok]) => ok) };
}

describe('verifySignatures', () => {
  it('gives the same verdicts natively (WebCrypto) and in pure JS, in order', async () => {
    const { jobs: list, expected } = jobs();
    expect(await verifySignatures(list)).toEqual(expected);
    expect(await verifySignatures(list, { native: false })).toEqual(expected);
  });

  it('keeps the verdicts in order across the chunks it verifies in', async () => {
    const { jobs: list, expected } = jobs();
    // 1,200 jobs: more than two chunks, with the bad ones wherever the cycle puts them
    const many = Array.from({ length: 1200 }, (_, i) => i % list.length);
    expect(await verifySignatures(many.map((i) => list[i]!))).toEqual(many.map((i) => expected[i]));
  });

  it('answers nothing for nothing', async () => {
    expect(await verifySignatures([])).toEqual([]);
  });
});
