import { SIGNATURE_BYTES, sha256Hex, verifySignature } from './crypto';
import { fromBase64, fromUtf8, parseCanonicalJson, toBase64, utf8 } from './encoding';
import { bundleBodySchema, bundleFileSchema } from './schemas';
import {
  BLOB_NAME_PATTERN,
  BUNDLE_FILE_FORMAT,
  DEVICE_ID_PATTERN,
  MAX_BUNDLE_BYTES,
  SYNC_FORMAT_VERSION,
  type BundleBody,
  type BundleFile,
  type SyncProblem,
  type SyncProblemCode,
} from './types';

/**
 * Bundle files (docs/sync-format.md §4): a device's signed, hash-chained batch of changes. The body is signed
 * as exact bytes and carried base64-encoded inside the file, so verifying never depends on re-serialising JSON.
 */

export type DecodedBundle = { ok: true; body: BundleBody; bodyBytes: Uint8Array; bodyHash: string; signature: Uint8Array };
export type DecodeResult = DecodedBundle | { ok: false; problem: SyncProblem };

export interface BundleExpectation {
  /** Path of the file relative to the sync folder */
  file: string;
  /** The device and seq the file's place in the folder names */
  deviceId: string;
  seq: number;
  /** Body hash of the device's previous bundle (the reader's cursor); null when `seq` is 1 */
  prevHash: string | null;
  congressId: string;
  /** The device's Ed25519 key as the office bound it (or, for a device not bound yet, as its first bundle says) */
  signPublicKey: string;
}

const MAX_SEQ = 9_999_999_999;

/** Why a body cannot be written: the first schema issue, as a path and message. */
function describeIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}` : 'invalid';
}

/**
 * Serialises, checks and signs a bundle. Body bytes = UTF-8 of `JSON.stringify(body)`; the file is the UTF-8 JSON
 * `{format, version, body: base64(bodyBytes), signature: base64(sig)}`. Throws — before signing — when readers
 * would refuse the body or the file would exceed MAX_BUNDLE_BYTES, because a refused bundle would block every
 * later bundle of this device.
 */
export async function encodeBundle(
  body: BundleBody,
  sign: (bodyBytes: Uint8Array) => Promise<Uint8Array>,
): Promise<{ fileBytes: Uint8Array; bodyHash: string }> {
  const bodyText = JSON.stringify(body);
  const checked = bundleBodySchema.safeParse(JSON.parse(bodyText));
  if (!checked.success) throw new Error(`bundle body would be refused by readers: ${describeIssue(checked.error)}`);
  const bodyBytes = utf8(bodyText);
  // Base64 grows the body by 4/3; refuse before asking the main process to sign something unreadable.
  if (Math.ceil(bodyBytes.length / 3) * 4 + 200 > MAX_BUNDLE_BYTES) throw new Error('bundle too large: split the changes over several bundles');
  const signature = await sign(bodyBytes);
  if (!(signature instanceof Uint8Array) || signature.length !== SIGNATURE_BYTES) throw new Error('signer returned no Ed25519 signature');
  const file: BundleFile = { format: BUNDLE_FILE_FORMAT, version: SYNC_FORMAT_VERSION, body: toBase64(bodyBytes), signature: toBase64(signature) };
  return { fileBytes: utf8(JSON.stringify(file)), bodyHash: sha256Hex(bodyBytes) };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A `version` newer than this reader knows (checked before the schema, so the file is reported as such). */
function isFutureVersion(value: unknown): boolean {
  return isObject(value) && typeof value.version === 'number' && Number.isInteger(value.version) && value.version > SYNC_FORMAT_VERSION;
}

/**
 * Reads a bundle file: size, JSON, shape, version, body schema. Does not check the signature or the chain (see
 * verifyBundle). Never throws; every refusal names the file and why.
 */
export function decodeBundle(fileBytes: Uint8Array, file: string, limits: { maxBytes?: number } = {}): DecodeResult {
  const place = parseBundlePath(file);
  const refuse = (code: SyncProblemCode, detail: string): DecodeResult => ({
    ok: false,
    problem: { code, file, ...(place ? { deviceId: place.deviceId } : {}), detail },
  });
  try {
    const maxBytes = limits.maxBytes ?? MAX_BUNDLE_BYTES;
    if (fileBytes.byteLength > maxBytes) return refuse('tooLarge', `${fileBytes.byteLength} bytes, limit ${maxBytes}`);

    let outer: unknown;
    try {
      outer = JSON.parse(fromUtf8(fileBytes));
    } catch {
      return refuse('malformed', 'file is not UTF-8 JSON (damaged or truncated)');
    }
    if (!isObject(outer) || outer.format !== BUNDLE_FILE_FORMAT) return refuse('malformed', 'not a DelegateDesk bundle file');
    if (isFutureVersion(outer)) return refuse('futureVersion', `format version ${String(outer.version)}, this reader knows ${SYNC_FORMAT_VERSION}`);
    const fileShape = bundleFileSchema.safeParse(outer);
    if (!fileShape.success) return refuse('malformed', `bundle file: ${describeIssue(fileShape.error)}`);

    const bodyBytes = fromBase64(fileShape.data.body);
    const signature = fromBase64(fileShape.data.signature);
    const read = parseCanonicalJson(bodyBytes);
    if (!read.ok) return refuse('malformed', `body: ${read.detail}`);
    if (isFutureVersion(read.value)) return refuse('futureVersion', `body format version ${String((read.value as { version: unknown }).version)}`);
    const body = bundleBodySchema.safeParse(read.value);
    if (!body.success) return refuse('malformed', `body: ${describeIssue(body.error)}`);
    return { ok: true, body: body.data, bodyBytes, bodyHash: sha256Hex(bodyBytes), signature };
  } catch (error) {
    // Nothing above should throw; a hostile input that finds a way is still only a refused file.
    return refuse('malformed', `unreadable bundle: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/**
 * Checks a decoded bundle against its place in the folder and the reader's knowledge: the device and seq its path
 * names, the congress, the device's bound signing key, the Ed25519 signature over the exact body bytes, and the
 * hash chain. Null when everything holds. Deterministic; never throws.
 */
/** Checks an Ed25519 signature; the importer passes verdicts it computed ahead, in parallel, with WebCrypto. */
export type SignatureCheck = (signature: Uint8Array, bytes: Uint8Array, publicKey: Uint8Array) => boolean;

export function verifyBundle(decoded: DecodedBundle, expect: BundleExpectation, checkSignature: SignatureCheck = verifySignature): SyncProblem | null {
  const problem = (code: SyncProblemCode, detail: string): SyncProblem => ({ code, file: expect.file, deviceId: expect.deviceId, detail });
  try {
    const { body } = decoded;
    const place = parseBundlePath(expect.file);
    if (!place || place.deviceId !== expect.deviceId || place.seq !== expect.seq) {
      return problem('badName', `file name does not name device ${expect.deviceId} seq ${expect.seq}`);
    }
    if (body.deviceId !== expect.deviceId) return problem('badName', `bundle of device ${body.deviceId} stored under device ${expect.deviceId}`);
    if (body.seq !== expect.seq) return problem('brokenChain', `bundle seq ${body.seq} stored as seq ${expect.seq} (replayed or renamed)`);
    if (body.congressId !== expect.congressId) return problem('wrongCongress', `bundle of congress ${body.congressId}`);
    if (body.keys.signPublicKey !== expect.signPublicKey) return problem('keyMismatch', 'signing key differs from the key bound to this device');
    let publicKey: Uint8Array;
    try {
      publicKey = fromBase64(expect.signPublicKey);
    } catch {
      return problem('keyMismatch', 'bound signing key is not valid base64');
    }
    if (!checkSignature(decoded.signature, decoded.bodyBytes, publicKey)) return problem('badSignature', 'Ed25519 signature does not verify');
    if (body.prevHash !== expect.prevHash) {
      return problem('brokenChain', `prevHash ${body.prevHash ?? 'null'} does not follow ${expect.prevHash ?? 'the start of the chain'}`);
    }
    return null;
  } catch (error) {
    return problem('malformed', `cannot verify: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** `0000000042.ddb`: ten decimal digits, so names sort in chain order. */
export function bundleFileName(seq: number): string {
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) throw new RangeError(`invalid bundle seq ${seq}`);
  return `${String(seq).padStart(10, '0')}.ddb`;
}

/** `devices/<deviceId>/bundles/<seq>.ddb`, relative to the sync folder, `/`-separated. */
export function bundlePath(deviceId: string, seq: number): string {
  if (!DEVICE_ID_PATTERN.test(deviceId)) throw new RangeError(`invalid device id ${JSON.stringify(deviceId)}`);
  return `devices/${deviceId}/bundles/${bundleFileName(seq)}`;
}

/** `blobs/<first two hex digits>/<sha256>`, relative to the sync folder. */
export function blobPath(sha256: string): string {
  if (!BLOB_NAME_PATTERN.test(sha256)) throw new RangeError(`invalid blob name ${JSON.stringify(sha256)}`);
  return `blobs/${sha256.slice(0, 2)}/${sha256}`;
}

const BUNDLE_PATH = /^devices\/([0-9A-HJKMNP-TV-Z]{26})\/bundles\/([0-9]{10})\.ddb$/;
const BLOB_PATH = /^blobs\/([0-9a-f]{2})\/([0-9a-f]{64})$/;

/**
 * The device and seq a relative path names, or null for anything outside the exact layout: other separators,
 * `.`/`..` segments, encoded characters, absolute paths, temporary or other extensions, non-ASCII digits,
 * non-canonical numbers and seq 0 are all refused.
 */
export function parseBundlePath(relPath: string): { deviceId: string; seq: number } | null {
  if (typeof relPath !== 'string') return null;
  const match = BUNDLE_PATH.exec(relPath);
  if (!match) return null;
  const seq = Number(match[2]);
  return seq >= 1 ? { deviceId: match[1]!, seq } : null;
}

/** The SHA-256 a relative blob path names, or null when the path is outside the layout. */
export function parseBlobPath(relPath: string): string | null {
  if (typeof relPath !== 'string') return null;
  const match = BLOB_PATH.exec(relPath);
  return match && match[2]!.startsWith(match[1]!) ? match[2]! : null;
}
