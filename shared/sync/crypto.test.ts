import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { x25519 } from '@noble/curves/ed25519.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  decryptWithKey,
  encryptWithKey,
  fingerprintOf,
  generateBoxKeyPair,
  generateSigningKeyPair,
  KEY_WRAP_INFO,
  randomBytes,
  sha256Hex,
  signBytes,
  unwrapContentKey,
  verifySignature,
  wrapContentKey,
} from './crypto';
import { fromBase64, fromHex, toBase64, utf8 } from './encoding';

describe('Ed25519 signatures', () => {
  it('matches RFC 8032 test vector 1', () => {
    const secretKey = fromHex('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60');
    const publicKey = fromHex('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a');
    const signature = signBytes(new Uint8Array(0), secretKey);
    expect(signature).toEqual(
      fromHex('e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b'),
    );
    expect(verifySignature(signature, new Uint8Array(0), publicKey)).toBe(true);
  });

  it('verifies only the exact bytes under the signer’s key', () => {
    const alice = generateSigningKeyPair();
    const bob = generateSigningKeyPair();
    const message = utf8('提案 第12号 立案');
    const signature = signBytes(message, alice.secretKey);
    expect(verifySignature(signature, message, alice.publicKey)).toBe(true);
    expect(verifySignature(signature, message, bob.publicKey)).toBe(false);
    expect(verifySignature(signature, utf8('提案 第13号 立案'), alice.publicKey)).toBe(false);
    const flipped = signature.slice();
    flipped[10]! ^= 1;
    expect(verifySignature(flipped, message, alice.publicKey)).toBe(false);
  });

  it('never throws on hostile input', () => {
    const { publicKey, secretKey } = generateSigningKeyPair();
    const message = utf8('x');
    const signature = signBytes(message, secretKey);
    expect(verifySignature(signature.slice(1), message, publicKey)).toBe(false);
    expect(verifySignature(signature, message, publicKey.slice(1))).toBe(false);
    expect(verifySignature(new Uint8Array(64), message, new Uint8Array(32))).toBe(false);
    expect(verifySignature('sig' as unknown as Uint8Array, message, publicKey)).toBe(false);
    expect(verifySignature(signature, null as unknown as Uint8Array, publicKey)).toBe(false);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), fc.uint8Array({ maxLength: 40 }), (sig, key) => {
        expect(verifySignature(sig, message, key)).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses a second spelling of a valid signature (S not reduced mod L)', () => {
    const { publicKey, secretKey } = generateSigningKeyPair();
    const message = utf8('x');
    const signature = signBytes(message, secretKey);
    // S + L (group order) verifies under lax rules but is a second spelling of the same signature.
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    let s = 0n;
    for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(signature[i]!);
    let sPlusL = s + L;
    const malleated = signature.slice();
    for (let i = 32; i < 64; i++) {
      malleated[i] = Number(sPlusL & 255n);
      sPlusL >>= 8n;
    }
    expect(verifySignature(malleated, message, publicKey)).toBe(false);
  });
});

describe('SHA-256', () => {
  it('matches the FIPS 180 "abc" vector, lower-case hex', () => {
    expect(sha256Hex(utf8('abc'))).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('content-key wrap', () => {
  it('round-trips for the recipient and fails for anyone else', () => {
    const recipient = generateBoxKeyPair();
    const stranger = generateBoxKeyPair();
    const contentKey = randomBytes(32);
    const wrapped = wrapContentKey(contentKey, recipient.publicKey);
    expect(unwrapContentKey(wrapped, recipient.secretKey)).toEqual(contentKey);
    expect(unwrapContentKey(wrapped, stranger.secretKey)).toBeNull();
  });

  it('is exactly X25519 → HKDF-SHA256(salt = ephemeral ‖ recipient, info) → XChaCha20-Poly1305, as documented', () => {
    const recipient = generateBoxKeyPair();
    const contentKey = randomBytes(32);
    const wrapped = wrapContentKey(contentKey, recipient.publicKey);
    const ephemeral = fromBase64(wrapped.ephemeralPublicKey);
    const shared = x25519.getSharedSecret(recipient.secretKey, ephemeral);
    const salt = new Uint8Array([...ephemeral, ...recipient.publicKey]);
    const key = hkdf(sha256, shared, salt, utf8(KEY_WRAP_INFO), 32);
    expect(fromBase64(wrapped.nonce)).toHaveLength(24);
    expect(xchacha20poly1305(key, fromBase64(wrapped.nonce)).decrypt(fromBase64(wrapped.wrappedKey))).toEqual(contentKey);
  });

  it('uses a fresh ephemeral key and nonce every time', () => {
    const recipient = generateBoxKeyPair();
    const contentKey = randomBytes(32);
    const a = wrapContentKey(contentKey, recipient.publicKey);
    const b = wrapContentKey(contentKey, recipient.publicKey);
    expect(a.ephemeralPublicKey).not.toBe(b.ephemeralPublicKey);
    expect(a.nonce).not.toBe(b.nonce);
    expect(a.wrappedKey).not.toBe(b.wrappedKey);
  });

  it('returns null for any damaged part, never throws', () => {
    const recipient = generateBoxKeyPair();
    const wrapped = wrapContentKey(randomBytes(32), recipient.publicKey);
    const flip = (text: string) => {
      const bytes = fromBase64(text);
      bytes[0]! ^= 1;
      return toBase64(bytes);
    };
    expect(unwrapContentKey({ ...wrapped, ephemeralPublicKey: flip(wrapped.ephemeralPublicKey) }, recipient.secretKey)).toBeNull();
    expect(unwrapContentKey({ ...wrapped, nonce: flip(wrapped.nonce) }, recipient.secretKey)).toBeNull();
    expect(unwrapContentKey({ ...wrapped, wrappedKey: flip(wrapped.wrappedKey) }, recipient.secretKey)).toBeNull();
    expect(unwrapContentKey({ ...wrapped, wrappedKey: 'not base64!' }, recipient.secretKey)).toBeNull();
    expect(unwrapContentKey({ ...wrapped, nonce: toBase64(new Uint8Array(12)) }, recipient.secretKey)).toBeNull();
    expect(unwrapContentKey({ ...wrapped, ephemeralPublicKey: toBase64(new Uint8Array(32)) }, recipient.secretKey)).toBeNull();
    expect(unwrapContentKey(wrapped, new Uint8Array(31))).toBeNull();
    expect(unwrapContentKey(null as unknown as typeof wrapped, recipient.secretKey)).toBeNull();
  });

  it('refuses to wrap for a low-order recipient key or a key of the wrong size', () => {
    expect(() => wrapContentKey(randomBytes(32), new Uint8Array(32))).toThrow();
    expect(() => wrapContentKey(randomBytes(16), generateBoxKeyPair().publicKey)).toThrow();
  });
});

describe('symmetric sealing', () => {
  it('decrypts only with the same key, nonce and intact ciphertext', () => {
    const key = randomBytes(32);
    const { nonce, ciphertext } = encryptWithKey(key, utf8('选票内容'));
    expect(ciphertext).toHaveLength(utf8('选票内容').length + 16);
    expect(decryptWithKey(key, nonce, ciphertext)).toEqual(utf8('选票内容'));
    expect(decryptWithKey(randomBytes(32), nonce, ciphertext)).toBeNull();
    expect(decryptWithKey(key, randomBytes(24), ciphertext)).toBeNull();
    expect(decryptWithKey(key, nonce, ciphertext.slice(0, -1))).toBeNull();
    expect(decryptWithKey(key.slice(1), nonce, ciphertext)).toBeNull();
  });
});

describe('enrolment fingerprint', () => {
  it('is six digits "123 456" computed as documented', () => {
    const sign = generateSigningKeyPair().publicKey;
    const box = generateBoxKeyPair().publicKey;
    const fingerprint = fingerprintOf({ signPublicKey: toBase64(sign), boxPublicKey: toBase64(box) });
    expect(fingerprint).toMatch(/^[0-9]{3} [0-9]{3}$/);
    const digest = sha256(new Uint8Array([...utf8('delegatedesk-sync/v1/fingerprint'), ...sign, ...box]));
    const n = new DataView(digest.buffer, digest.byteOffset).getUint32(0, false) % 1_000_000;
    expect(fingerprint.replace(' ', '')).toBe(String(n).padStart(6, '0'));
  });

  it('changes when either key changes and depends on their order', () => {
    const a = toBase64(new Uint8Array(32).fill(1));
    const b = toBase64(new Uint8Array(32).fill(2));
    const c = toBase64(new Uint8Array(32).fill(3));
    const ab = fingerprintOf({ signPublicKey: a, boxPublicKey: b });
    expect(fingerprintOf({ signPublicKey: a, boxPublicKey: b })).toBe(ab);
    expect(new Set([ab, fingerprintOf({ signPublicKey: b, boxPublicKey: a }), fingerprintOf({ signPublicKey: a, boxPublicKey: c })]).size).toBe(3);
  });

  it('throws on keys that are not 32 bytes of base64', () => {
    expect(() => fingerprintOf({ signPublicKey: 'abc', boxPublicKey: toBase64(new Uint8Array(32)) })).toThrow();
    expect(() => fingerprintOf({ signPublicKey: toBase64(new Uint8Array(31)), boxPublicKey: toBase64(new Uint8Array(32)) })).toThrow();
  });
});
