import { createPrivateKey, createPublicKey, diffieHellman, randomBytes, sign as nodeSign } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { KEY_BYTES, KEY_WRAP_INFO, XCHACHA_NONCE_BYTES } from '../../shared/sync/crypto';
import { fromBase64, toBase64, utf8 } from '../../shared/sync/encoding';
import { sectionPayloadSchema } from '../../shared/sync/schemas';
import type { BundleSection, SealedRecipient, SectionPayload } from '../../shared/sync/types';

/**
 * Node's native Ed25519 / X25519 for writing demo sync folders. The app's own code (shared/sync/crypto.ts, pure
 * @noble) needs about 1 ms per signature and 2.5 ms per key wrap; a county folder seals tens of thousands of
 * content keys, so generating it that way would take minutes. The output is the same format, byte for byte where
 * the algorithm is deterministic (Ed25519 signatures are), and demoSyncFolder.test.ts opens and verifies it with
 * the app's real functions.
 */

/**
 * DER prefixes turning raw 32-byte keys into the structures node:crypto imports. Keys are made from random bytes
 * and never exported: Node 20's generateKeyPairSync + KeyObject.export can deadlock when a garbage collection
 * runs during the export (seen while writing county-10y: KeyGenJob's destructor waits on the lock the export holds).
 */
const X25519_SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
/** The X25519 base point (u = 9): X25519(secret, base point) is the public key. */
const X25519_BASE_POINT = createPublicKey({ key: Buffer.concat([X25519_SPKI_PREFIX, Buffer.from([9, ...new Array<number>(31).fill(0)])]), format: 'der', type: 'spki' });

/**
 * A raw X25519 secret as a KeyObject, through JWK: Node imports an OKP JWK's `d` as raw bytes (`x` is checked to be
 * a string, never used), where PKCS#8 DER goes through OpenSSL 3's decoders — ~7× slower, and one ephemeral key per
 * sealed recipient made it most of the time to write a province folder.
 */
const x25519SecretKey = (raw: Uint8Array): KeyObject =>
  createPrivateKey({ key: { kty: 'OKP', crv: 'X25519', d: Buffer.from(raw).toString('base64url'), x: '' }, format: 'jwk' });

/** A delegate device's keys, kept in memory only: the demo never needs them again after the folder is written. */
export interface NativeDeviceKeys {
  deviceId: string;
  /** base64 raw Ed25519 public key */
  signPublicKey: string;
  /** base64 raw X25519 public key */
  boxPublicKey: string;
  /** raw X25519 secret key, so tests can open what was sealed to this device with the app's own unwrap */
  boxSecretKey: Uint8Array;
  /** Ed25519 signature of `bytes` (64 bytes, identical to @noble's: RFC 8032 signing is deterministic) */
  sign(bytes: Uint8Array): Promise<Uint8Array>;
}

export function createNativeDeviceKeys(deviceId: string): NativeDeviceKeys {
  // Public keys once per device with @noble (a millisecond each); signatures natively, thousands per device.
  const signSeed = new Uint8Array(randomBytes(32));
  const boxSecretKey = new Uint8Array(randomBytes(32));
  const signingKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, signSeed]), format: 'der', type: 'pkcs8' });
  return {
    deviceId,
    signPublicKey: toBase64(ed25519.getPublicKey(signSeed)),
    boxPublicKey: toBase64(x25519.getPublicKey(boxSecretKey)),
    boxSecretKey,
    sign: async (bytes) => new Uint8Array(nodeSign(null, bytes, signingKey)),
  };
}

const recipientKeyCache = new Map<string, KeyObject>();

function x25519PublicKey(boxPublicKey: string): KeyObject {
  let key = recipientKeyCache.get(boxPublicKey);
  if (!key) {
    const raw = fromBase64(boxPublicKey);
    if (raw.length !== KEY_BYTES) throw new Error('recipient box key must be 32 bytes');
    key = createPublicKey({ key: Buffer.concat([X25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
    recipientKeyCache.set(boxPublicKey, key);
  }
  return key;
}

/** shared/sync/crypto.ts wrapContentKey, with the X25519 steps done natively (same HKDF, same AEAD). */
function wrapContentKeyNative(contentKey: Uint8Array, recipient: { deviceId: string; boxPublicKey: string }): SealedRecipient {
  const ephemeral = x25519SecretKey(new Uint8Array(randomBytes(KEY_BYTES)));
  const ephemeralPublic = new Uint8Array(diffieHellman({ privateKey: ephemeral, publicKey: X25519_BASE_POINT }));
  const shared = new Uint8Array(diffieHellman({ privateKey: ephemeral, publicKey: x25519PublicKey(recipient.boxPublicKey) }));
  const salt = new Uint8Array(KEY_BYTES * 2);
  salt.set(ephemeralPublic, 0);
  salt.set(fromBase64(recipient.boxPublicKey), KEY_BYTES);
  const wrapKey = hkdf(sha256, shared, salt, utf8(KEY_WRAP_INFO), KEY_BYTES);
  const nonce = new Uint8Array(randomBytes(XCHACHA_NONCE_BYTES));
  const wrappedKey = xchacha20poly1305(wrapKey, nonce).encrypt(contentKey);
  shared.fill(0);
  wrapKey.fill(0);
  return { deviceId: recipient.deviceId, ephemeralPublicKey: toBase64(ephemeralPublic), nonce: toBase64(nonce), wrappedKey: toBase64(wrappedKey) };
}

/**
 * shared/sync/sections.ts sealSection with native key wrapping: XChaCha20-Poly1305 of the payload's JSON under a
 * fresh content key, the key wrapped for each recipient. Like the original it refuses an empty or duplicate
 * recipient list and a payload readers would refuse, so nothing unreadable is ever signed.
 */
export function sealSectionNative(payload: SectionPayload, recipients: readonly { deviceId: string; boxPublicKey: string }[]): BundleSection {
  if (recipients.length === 0) throw new Error('a sealed section needs at least one recipient');
  if (new Set(recipients.map((r) => r.deviceId)).size !== recipients.length) throw new Error('a recipient is listed twice');
  const json = JSON.stringify(payload);
  const checked = sectionPayloadSchema.safeParse(JSON.parse(json));
  if (!checked.success) {
    const issue = checked.error.issues[0];
    throw new Error(`section payload would be refused by readers: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
  }
  const contentKey = new Uint8Array(randomBytes(KEY_BYTES));
  try {
    const nonce = new Uint8Array(randomBytes(XCHACHA_NONCE_BYTES));
    const ciphertext = xchacha20poly1305(contentKey, nonce).encrypt(utf8(json));
    return {
      audience: 'sealed',
      recipients: recipients.map((r) => wrapContentKeyNative(contentKey, r)),
      nonce: toBase64(nonce),
      ciphertext: toBase64(ciphertext),
    };
  } finally {
    contentKey.fill(0);
  }
}
