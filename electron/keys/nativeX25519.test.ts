import { x25519 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { unwrapContentKey, wrapContentKey } from '../../shared/sync/crypto';
import { nativeSharedSecret, x25519PrivateKeyObject } from './nativeX25519';

/** Points of small order (RFC 7748 §6.1 and libsodium's blocklist): ECDH with them yields all zeros. */
const LOW_ORDER_POINTS = [
  new Uint8Array(32),
  Uint8Array.from([1, ...new Array<number>(31).fill(0)]),
  Uint8Array.from(Buffer.from('e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800', 'hex')),
];

describe('native X25519', () => {
  it('computes the same shared secret as @noble for random keys', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 32, maxLength: 32 }), (secret, peerSecret) => {
        const peerPublic = x25519.getPublicKey(peerSecret);
        const native = nativeSharedSecret(x25519PrivateKeyObject(secret))(secret, peerPublic);
        expect(Buffer.from(native).toString('hex')).toBe(Buffer.from(x25519.getSharedSecret(secret, peerPublic)).toString('hex'));
      }),
      { numRuns: 200 },
    );
  });

  it('refuses low-order peer points, so an unwrap with them opens nothing', () => {
    const secret = x25519.utils.randomSecretKey();
    const shared = nativeSharedSecret(x25519PrivateKeyObject(secret));
    for (const point of LOW_ORDER_POINTS) {
      let result: Uint8Array | undefined;
      try {
        result = shared(secret, point);
      } catch {
        result = undefined;
      }
      // Either refused outright or all zeros, which unwrapContentKey refuses.
      expect(result === undefined || result.every((b) => b === 0)).toBe(true);
      const wrapped = { ephemeralPublicKey: Buffer.from(point).toString('base64'), nonce: Buffer.alloc(24).toString('base64'), wrappedKey: Buffer.alloc(48).toString('base64') };
      expect(unwrapContentKey(wrapped, secret, { sharedSecret: shared })).toBeNull();
    }
  });

  it('opens what wrapContentKey sealed, exactly as the pure-JS path does', () => {
    const recipient = x25519.keygen();
    const contentKey = Uint8Array.from({ length: 32 }, (_, i) => i * 7);
    const wrapped = wrapContentKey(contentKey, recipient.publicKey);
    const options = { ownPublicKey: recipient.publicKey, sharedSecret: nativeSharedSecret(x25519PrivateKeyObject(recipient.secretKey)) };
    expect(unwrapContentKey(wrapped, recipient.secretKey, options)).toEqual(contentKey);
    expect(unwrapContentKey(wrapped, recipient.secretKey)).toEqual(contentKey);
    const other = x25519.keygen();
    expect(unwrapContentKey(wrapped, other.secretKey, { sharedSecret: nativeSharedSecret(x25519PrivateKeyObject(other.secretKey)) })).toBeNull();
  });
});
