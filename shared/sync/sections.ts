import { decryptWithKey, encryptWithKey, KEY_BYTES, randomBytes, sha256Hex, wrapContentKey } from './crypto';
import { fromBase64, parseCanonicalJson, toBase64, utf8 } from './encoding';
import { sectionPayloadSchema } from './schemas';
import type { BundleSection, SealedRecipient, SectionPayload } from './types';

/**
 * Sections of a bundle (docs/sync-format.md §6): plain for what the office publishes to everyone, sealed for
 * what only the office (and invited co-signers) may read. A sealed section is encrypted once with a random
 * content key; the key is wrapped separately for each recipient device.
 */

/**
 * The payload's JSON, read back and validated as a reader will. Throws when a reader would refuse it, so a
 * device never signs a bundle that blocks its own chain.
 */
function checkedPayloadJson(payload: SectionPayload): string {
  const json = JSON.stringify(payload);
  const parsed = sectionPayloadSchema.safeParse(JSON.parse(json));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`section payload would be refused by readers: ${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`);
  }
  return json;
}

/** A section every member of the congress may read. encodeBundle validates it with the whole body. */
export function plainSection(payload: SectionPayload): BundleSection {
  return { audience: 'all', payload };
}

/**
 * A section only the listed devices can open: XChaCha20-Poly1305 with a fresh 32-byte content key over the
 * UTF-8 JSON of the payload, the key wrapped for each recipient's X25519 key. Throws on an empty or duplicate
 * recipient list, or a payload readers would refuse.
 */
export function sealSection(payload: SectionPayload, recipients: { deviceId: string; boxPublicKey: string }[]): BundleSection {
  if (recipients.length === 0) throw new Error('a sealed section needs at least one recipient');
  if (new Set(recipients.map((r) => r.deviceId)).size !== recipients.length) throw new Error('a recipient is listed twice');
  const json = checkedPayloadJson(payload);
  const contentKey = randomBytes(KEY_BYTES);
  try {
    const { nonce, ciphertext } = encryptWithKey(contentKey, utf8(json));
    const sealedRecipients: SealedRecipient[] = recipients.map((r) => ({
      deviceId: r.deviceId,
      ...wrapContentKey(contentKey, fromBase64(r.boxPublicKey)),
    }));
    return { audience: 'sealed', recipients: sealedRecipients, nonce: toBase64(nonce), ciphertext: toBase64(ciphertext) };
  } finally {
    contentKey.fill(0);
  }
}

/** This device's wrapped key in a sealed section, if the section is addressed to it. */
export function recipientEntry(section: BundleSection, deviceId: string): SealedRecipient | undefined {
  return section.audience === 'sealed' ? section.recipients.find((r) => r.deviceId === deviceId) : undefined;
}

/**
 * Decrypts a sealed section with its content key (unwrapped by the main process), then parses and validates the
 * payload exactly as a plain section's. Never throws.
 */
export function openSealedSection(
  section: BundleSection,
  contentKey: Uint8Array,
): { ok: true; payload: SectionPayload } | { ok: false; detail: string } {
  if (section.audience !== 'sealed') return { ok: false, detail: 'section is not sealed' };
  let plaintext: Uint8Array | null;
  try {
    plaintext = decryptWithKey(contentKey, fromBase64(section.nonce), fromBase64(section.ciphertext));
  } catch {
    return { ok: false, detail: 'sealed section: nonce or ciphertext is not valid base64' };
  }
  if (!plaintext) return { ok: false, detail: 'sealed section: wrong key or damaged ciphertext' };
  const read = parseCanonicalJson(plaintext);
  if (!read.ok) return { ok: false, detail: `sealed section: ${read.detail}` };
  const parsed = sectionPayloadSchema.safeParse(read.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, detail: `sealed section payload: ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}` };
  }
  return { ok: true, payload: parsed.data };
}

/** How to open one sealed attachment: the entry a section's `blobKeys` carries. */
export interface BlobKey {
  sha256: string;
  storedSha256: string;
  key: string;
  nonce: string;
}

/**
 * Seals attachment bytes for the folder: XChaCha20-Poly1305 with a fresh key. The stored bytes are written to
 * `blobs/<hh>/<storedSha256>`; the returned key travels in the (sealed) section that refers to the attachment.
 */
export function sealBlob(bytes: Uint8Array): { storedBytes: Uint8Array; blobKey: BlobKey } {
  const key = randomBytes(KEY_BYTES);
  const { nonce, ciphertext } = encryptWithKey(key, bytes);
  return {
    storedBytes: ciphertext,
    blobKey: { sha256: sha256Hex(bytes), storedSha256: sha256Hex(ciphertext), key: toBase64(key), nonce: toBase64(nonce) },
  };
}

/**
 * The attachment's bytes, or a problem: the stored bytes must hash to `storedSha256`, decrypt, and the result
 * hash to `sha256`. Never throws.
 */
/**
 * The stored bytes of a blob sealed earlier, from its plaintext and its key: the same file, so the same content
 * address, when a device writes its chain to another folder (a USB stick). Null if the plaintext does not match.
 */
export function resealBlob(bytes: Uint8Array, blobKey: BlobKey): Uint8Array | null {
  if (sha256Hex(bytes) !== blobKey.sha256) return null;
  const { ciphertext } = encryptWithKey(fromBase64(blobKey.key), bytes, fromBase64(blobKey.nonce));
  return sha256Hex(ciphertext) === blobKey.storedSha256 ? ciphertext : null;
}

export function openSealedBlob(storedBytes: Uint8Array, blobKey: BlobKey): { ok: true; bytes: Uint8Array } | { ok: false; detail: string } {
  if (sha256Hex(storedBytes) !== blobKey.storedSha256) return { ok: false, detail: 'stored blob does not match its SHA-256' };
  let bytes: Uint8Array | null;
  try {
    bytes = decryptWithKey(fromBase64(blobKey.key), fromBase64(blobKey.nonce), storedBytes);
  } catch {
    return { ok: false, detail: 'blob key or nonce is not valid base64' };
  }
  if (!bytes) return { ok: false, detail: 'blob cannot be decrypted with its key' };
  if (sha256Hex(bytes) !== blobKey.sha256) return { ok: false, detail: 'decrypted blob does not match its SHA-256' };
  return { ok: true, bytes };
}
