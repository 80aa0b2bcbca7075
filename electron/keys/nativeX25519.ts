import { createPrivateKey, createPublicKey, diffieHellman } from 'node:crypto';
import type { KeyObject } from 'node:crypto';

/**
 * X25519 through node:crypto (OpenSSL), for the key store's unwraps: an office import opens one content key per
 * sealed section, thousands per sync, and @noble's pure-JS scalar multiplication takes milliseconds each.
 * Raw 32-byte keys are wrapped in their fixed DER headers (RFC 8410) so no key is ever exported.
 */
const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const X25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');

export function x25519PrivateKeyObject(secretKey: Uint8Array): KeyObject {
  if (secretKey.length !== 32) throw new RangeError('X25519 secret key must be 32 bytes');
  return createPrivateKey({ key: Buffer.concat([X25519_PKCS8_PREFIX, secretKey]), format: 'der', type: 'pkcs8' });
}

/**
 * A `sharedSecret` for unwrapContentKey bound to one private key. OpenSSL refuses an all-zero result (a
 * low-order peer point) by throwing, as @noble does; unwrapContentKey turns that into "cannot open".
 */
export function nativeSharedSecret(privateKey: KeyObject): (secretKey: Uint8Array, peerPublicKey: Uint8Array) => Uint8Array {
  return (_secretKey, peerPublicKey) => {
    if (peerPublicKey.length !== 32) throw new RangeError('X25519 public key must be 32 bytes');
    const publicKey = createPublicKey({ key: Buffer.concat([X25519_SPKI_PREFIX, peerPublicKey]), format: 'der', type: 'spki' });
    return new Uint8Array(diffieHellman({ privateKey, publicKey }));
  };
}
