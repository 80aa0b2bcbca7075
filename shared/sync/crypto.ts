import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import { xchacha20poly1305 } from '@noble/ciphers/chacha.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { randomBytes as nobleRandomBytes } from '@noble/hashes/utils.js';
import { fromBase64, toBase64, toHex, utf8 } from './encoding';

/**
 * Cryptography of the sync format (docs/sync-format.md §5–§6), audited @noble libraries only. Pure code: the
 * main process calls signBytes / unwrapContentKey with keys that never leave it; everything else runs anywhere.
 */

export const KEY_BYTES = 32;
export const SIGNATURE_BYTES = 64;
export const XCHACHA_NONCE_BYTES = 24;
/** A 32-byte content key plus the 16-byte Poly1305 tag */
export const WRAPPED_KEY_BYTES = 48;
/** HKDF `info` of the key wrap; changing it is a new format version. */
export const KEY_WRAP_INFO = 'delegatedesk-sync/v1/content-key-wrap';
/** Prefix hashed before the keys in an enrolment fingerprint (domain separation). */
export const FINGERPRINT_DOMAIN = 'delegatedesk-sync/v1/fingerprint';

export interface KeyPair {
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

/** Ed25519 (RFC 8032); the secret key is the 32-byte seed. */
export function generateSigningKeyPair(): KeyPair {
  const { secretKey, publicKey } = ed25519.keygen();
  return { secretKey, publicKey };
}

/** X25519 (RFC 7748), what other devices seal content keys to. */
export function generateBoxKeyPair(): KeyPair {
  const { secretKey, publicKey } = x25519.keygen();
  return { secretKey, publicKey };
}

export function signBytes(bytes: Uint8Array, secretKey: Uint8Array): Uint8Array {
  return ed25519.sign(bytes, secretKey);
}

/**
 * RFC 8032 verification (strict encodings, not ZIP-215). Never throws: wrong lengths, invalid points or any
 * other hostile input simply fail.
 */
export function verifySignature(signature: Uint8Array, bytes: Uint8Array, publicKey: Uint8Array): boolean {
  try {
    if (!(signature instanceof Uint8Array) || signature.length !== SIGNATURE_BYTES) return false;
    if (!(publicKey instanceof Uint8Array) || publicKey.length !== KEY_BYTES) return false;
    if (!(bytes instanceof Uint8Array)) return false;
    return ed25519.verify(signature, bytes, publicKey, { zip215: false });
  } catch {
    return false;
  }
}

/** Lower-case hex SHA-256. */
export function sha256Hex(bytes: Uint8Array): string {
  return toHex(sha256(bytes));
}

/** Cryptographically secure random bytes (crypto.getRandomValues). */
export function randomBytes(n: number): Uint8Array {
  return nobleRandomBytes(n);
}

export interface WrappedContentKey {
  /** base64, the sender's one-time X25519 public key */
  ephemeralPublicKey: string;
  /** base64, 24 bytes */
  nonce: string;
  /** base64, 48 bytes: XChaCha20-Poly1305 of the 32-byte content key */
  wrappedKey: string;
}

/** HKDF-SHA256(ikm = X25519 shared secret, salt = ephemeral ‖ recipient public key, info = KEY_WRAP_INFO) → 32 bytes */
function wrapKeyFor(sharedSecret: Uint8Array, ephemeralPublicKey: Uint8Array, recipientPublicKey: Uint8Array): Uint8Array {
  const salt = new Uint8Array(KEY_BYTES * 2);
  salt.set(ephemeralPublicKey, 0);
  salt.set(recipientPublicKey, KEY_BYTES);
  return hkdf(sha256, sharedSecret, salt, utf8(KEY_WRAP_INFO), KEY_BYTES);
}

/**
 * Encrypts a section's 32-byte content key to one recipient: a fresh ephemeral X25519 key pair, ECDH with the
 * recipient's box key, HKDF-SHA256, then XChaCha20-Poly1305 with a random nonce. Throws on a content key that
 * is not 32 bytes or a recipient key that is not a usable X25519 public key (e.g. a low-order point).
 */
export function wrapContentKey(contentKey: Uint8Array, recipientBoxPublicKey: Uint8Array): WrappedContentKey {
  if (contentKey.length !== KEY_BYTES) throw new Error('content key must be 32 bytes');
  if (recipientBoxPublicKey.length !== KEY_BYTES) throw new Error('recipient box key must be 32 bytes');
  const ephemeral = x25519.keygen();
  const shared = x25519.getSharedSecret(ephemeral.secretKey, recipientBoxPublicKey);
  const key = wrapKeyFor(shared, ephemeral.publicKey, recipientBoxPublicKey);
  const nonce = randomBytes(XCHACHA_NONCE_BYTES);
  const wrappedKey = xchacha20poly1305(key, nonce).encrypt(contentKey);
  ephemeral.secretKey.fill(0);
  shared.fill(0);
  key.fill(0);
  return { ephemeralPublicKey: toBase64(ephemeral.publicKey), nonce: toBase64(nonce), wrappedKey: toBase64(wrappedKey) };
}

/**
 * How an unwrap computes X25519: @noble by default; the main process passes the platform's native X25519
 * (node:crypto), about fifty times faster, since an office import unwraps one key per sealed section.
 */
export interface UnwrapOptions {
  /** This device's box public key, when the caller has it (saves a scalar multiplication per key) */
  ownPublicKey?: Uint8Array;
  /** X25519(secret, peer public); must throw (or return a non-32-byte value) where @noble throws */
  sharedSecret?: (secretKey: Uint8Array, peerPublicKey: Uint8Array) => Uint8Array;
}

/** The content key, or null if anything is wrong (not for this key, damaged, bad encoding, low-order point). */
export function unwrapContentKey(wrapped: WrappedContentKey, boxSecretKey: Uint8Array, options: UnwrapOptions = {}): Uint8Array | null {
  try {
    const ephemeralPublicKey = fromBase64(wrapped.ephemeralPublicKey);
    const nonce = fromBase64(wrapped.nonce);
    const sealed = fromBase64(wrapped.wrappedKey);
    if (ephemeralPublicKey.length !== KEY_BYTES || nonce.length !== XCHACHA_NONCE_BYTES || sealed.length !== WRAPPED_KEY_BYTES) return null;
    if (boxSecretKey.length !== KEY_BYTES) return null;
    const ownPublicKey = options.ownPublicKey ?? x25519.getPublicKey(boxSecretKey);
    const shared = (options.sharedSecret ?? x25519.getSharedSecret)(boxSecretKey, ephemeralPublicKey);
    if (shared.length !== KEY_BYTES || shared.every((byte) => byte === 0)) return null;
    const key = wrapKeyFor(shared, ephemeralPublicKey, ownPublicKey);
    const contentKey = xchacha20poly1305(key, nonce).decrypt(sealed);
    shared.fill(0);
    key.fill(0);
    return contentKey.length === KEY_BYTES ? contentKey : null;
  } catch {
    return null;
  }
}

/**
 * The short code shown on the delegate's and the office's screens to confirm an enrolment (入网确认码):
 * SHA-256("delegatedesk-sync/v1/fingerprint" ‖ Ed25519 key ‖ X25519 key), first 4 bytes as a big-endian
 * integer, modulo 1,000,000, six digits as "123 456". A confirmation code for a human comparison, not a
 * unique identifier: see the security notes in docs/sync-format.md. Throws if a key is not 32 bytes of base64.
 */
export function fingerprintOf(keys: { signPublicKey: string; boxPublicKey: string }): string {
  const sign = fromBase64(keys.signPublicKey);
  const box = fromBase64(keys.boxPublicKey);
  if (sign.length !== KEY_BYTES || box.length !== KEY_BYTES) throw new Error('fingerprint: keys must be 32 bytes');
  const domain = utf8(FINGERPRINT_DOMAIN);
  const input = new Uint8Array(domain.length + KEY_BYTES * 2);
  input.set(domain, 0);
  input.set(sign, domain.length);
  input.set(box, domain.length + KEY_BYTES);
  const digest = sha256(input);
  const n = ((digest[0]! << 24) >>> 0) + (digest[1]! << 16) + (digest[2]! << 8) + digest[3]!;
  const code = String(n % 1_000_000).padStart(6, '0');
  return `${code.slice(0, 3)} ${code.slice(3)}`;
}

/** XChaCha20-Poly1305 encryption with a fresh random nonce; ciphertext includes the 16-byte tag. */
/**
 * XChaCha20-Poly1305 with a fresh random nonce. Passing `nonce` is only for re-creating the very same ciphertext
 * of a plaintext already sealed with this key (writing a sealed blob again to another folder); never reuse a
 * key and nonce for different plaintexts.
 */
export function encryptWithKey(key: Uint8Array, plaintext: Uint8Array, nonce: Uint8Array = randomBytes(XCHACHA_NONCE_BYTES)): { nonce: Uint8Array; ciphertext: Uint8Array } {
  if (key.length !== KEY_BYTES) throw new Error('key must be 32 bytes');
  if (nonce.length !== XCHACHA_NONCE_BYTES) throw new Error('nonce must be 24 bytes');
  return { nonce, ciphertext: xchacha20poly1305(key, nonce).encrypt(plaintext) };
}

/** The plaintext, or null when the key, nonce or ciphertext is wrong or damaged. Never throws. */
export function decryptWithKey(key: Uint8Array, nonce: Uint8Array, ciphertext: Uint8Array): Uint8Array | null {
  try {
    if (key.length !== KEY_BYTES || nonce.length !== XCHACHA_NONCE_BYTES) return null;
    return xchacha20poly1305(key, nonce).decrypt(ciphertext);
  } catch {
    return null;
  }
}
