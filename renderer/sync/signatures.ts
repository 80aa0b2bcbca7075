import { verifySignature } from '../../shared/sync/crypto';
import { fromBase64 } from '../../shared/sync/encoding';

/**
 * Ed25519 verification for imports. Chromium's WebCrypto verifies natively and off the JavaScript thread, about
 * ten times faster than @noble, and many at once; an office import checks one signature per bundle, thousands
 * per sync. Where WebCrypto lacks Ed25519 (older engines), @noble does it. Both implement RFC 8032; they can
 * differ only on deliberately malformed keys or signatures made by a key's own holder (see docs/sync-format.md).
 */
export interface SignatureJob {
  signature: Uint8Array;
  bytes: Uint8Array;
  /** base64 raw Ed25519 public key */
  publicKey: string;
}

let support: Promise<boolean> | undefined;

/** The public key of RFC 8032's first test vector, imported once only to learn whether WebCrypto has Ed25519. */
const PROBE_KEY = fromBase64('11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=');

async function webCryptoSupportsEd25519(): Promise<boolean> {
  try {
    await globalThis.crypto.subtle.importKey('raw', PROBE_KEY as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
    return true;
  } catch {
    return false;
  }
}

async function verifyWithWebCrypto(jobs: readonly SignatureJob[]): Promise<boolean[]> {
  const keys = new Map<string, Promise<CryptoKey | null>>();
  const keyOf = (publicKey: string) => {
    let key = keys.get(publicKey);
    if (!key) {
      key = (async () => {
        try {
          const raw = fromBase64(publicKey);
          if (raw.length !== 32) return null;
          return await globalThis.crypto.subtle.importKey('raw', raw as Uint8Array<ArrayBuffer>, { name: 'Ed25519' }, false, ['verify']);
        } catch {
          return null;
        }
      })();
      keys.set(publicKey, key);
    }
    return key;
  };
  const verify = async ({ signature, bytes, publicKey }: SignatureJob) => {
    if (signature.length !== 64) return false;
    const key = await keyOf(publicKey);
    if (!key) return false;
    try {
      return await globalThis.crypto.subtle.verify({ name: 'Ed25519' }, key, signature as Uint8Array<ArrayBuffer>, bytes as Uint8Array<ArrayBuffer>);
    } catch {
      return false;
    }
  };
  // Each call copies its bytes on the window's thread: thousands issued at once held it for ~0.2 s. In chunks,
  // the window gets a turn between them, and each chunk still runs in parallel off the thread.
  const verdicts: boolean[] = [];
  for (let start = 0; start < jobs.length; start += VERIFY_CHUNK) verdicts.push(...(await Promise.all(jobs.slice(start, start + VERIFY_CHUNK).map(verify))));
  return verdicts;
}

const VERIFY_CHUNK = 500;

function verifyWithNoble(jobs: readonly SignatureJob[]): boolean[] {
  return jobs.map(({ signature, bytes, publicKey }) => {
    try {
      return verifySignature(signature, bytes, fromBase64(publicKey));
    } catch {
      return false;
    }
  });
}

/** One verdict per job, in order. Never throws. */
export async function verifySignatures(jobs: readonly SignatureJob[], options: { native?: boolean } = {}): Promise<boolean[]> {
  if (jobs.length === 0) return [];
  support ??= webCryptoSupportsEd25519();
  const useNative = (options.native ?? true) && (await support);
  return useNative ? verifyWithWebCrypto(jobs) : verifyWithNoble(jobs);
}
