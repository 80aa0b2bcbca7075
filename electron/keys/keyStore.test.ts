import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { generateBoxKeyPair, randomBytes, verifySignature, wrapContentKey } from '../../shared/sync/crypto';
import { fromBase64, toBase64 } from '../../shared/sync/encoding';
import { BridgeError } from '../ipc/bridgeError';
import { createKeyStore, KEY_MESSAGES } from './keyStore';
import type { SecretProtection } from './keyStore';

const DEVICE = '01J9ZQ4XKXW3V5S7Y8A2B6C0DE';
const OTHER_DEVICE = '01J9ZQ4XKXW3V5S7Y8A2B6C0DF';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-keys-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const keyFile = (deviceId = DEVICE) => path.join(dir, 'device-keys', `${deviceId}.json`);

/** A stand-in for safeStorage: reversible, but visibly not the plain text, and switchable. */
function fakeProtection(initiallyAvailable = true) {
  const state = { available: initiallyAvailable, encrypted: 0, decrypted: 0 };
  const protect: SecretProtection = {
    isAvailable: () => state.available,
    encrypt: (text) => {
      state.encrypted += 1;
      return Buffer.from(`sealed:${Buffer.from(text, 'utf8').reverse().toString('base64')}`, 'utf8');
    },
    decrypt: (sealed) => {
      state.decrypted += 1;
      const text = sealed.toString('utf8');
      if (!text.startsWith('sealed:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice('sealed:'.length), 'base64').reverse().toString('utf8');
    },
  };
  return { protect, state };
}

async function rejectionOf(promise: Promise<unknown>): Promise<BridgeError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(BridgeError);
  return error as BridgeError;
}

describe('createKeyStore', () => {
  it('creates Ed25519 and X25519 keys on first use and keeps them across restarts', async () => {
    const first = await createKeyStore({ dir }).publicKeys(DEVICE);
    expect(fromBase64(first.signPublicKey)).toHaveLength(32);
    expect(fromBase64(first.boxPublicKey)).toHaveLength(32);
    expect(first.signPublicKey).not.toBe(first.boxPublicKey);

    // A new store on the same folder = the app started again
    const reloaded = await createKeyStore({ dir }).publicKeys(DEVICE);
    expect(reloaded).toEqual(first);
    // Another device id gets its own keys
    expect((await createKeyStore({ dir }).publicKeys(OTHER_DEVICE)).signPublicKey).not.toBe(first.signPublicKey);
  });

  it('writes the key file owner-only, with no temporary files left', async () => {
    await createKeyStore({ dir }).publicKeys(DEVICE);
    expect(await readdir(path.join(dir, 'device-keys'))).toEqual([`${DEVICE}.json`]);
    if (process.platform !== 'win32') {
      expect((await stat(keyFile())).mode & 0o777).toBe(0o600);
      expect((await stat(path.join(dir, 'device-keys'))).mode & 0o077).toBe(0);
    }
  });

  it('creates one key pair only when first calls race', async () => {
    const store = createKeyStore({ dir });
    const results = await Promise.all([store.publicKeys(DEVICE), store.publicKeys(DEVICE), createKeyStore({ dir }).publicKeys(DEVICE)]);
    expect(new Set(results.map((keys) => keys.signPublicKey)).size).toBe(1);
    expect((await createKeyStore({ dir }).publicKeys(DEVICE)).signPublicKey).toBe(results[0]?.signPublicKey);
  });

  it('signs with the key whose public half it publishes', async () => {
    const store = createKeyStore({ dir });
    const keys = await store.publicKeys(DEVICE);
    const message = new TextEncoder().encode('bundle body 第1号');
    const signature = await store.sign(DEVICE, message);
    expect(signature).toHaveLength(64);
    expect(verifySignature(signature, message, fromBase64(keys.signPublicKey))).toBe(true);
    expect(verifySignature(signature, new TextEncoder().encode('tampered'), fromBase64(keys.signPublicKey))).toBe(false);
    // After a restart the same key signs
    const again = await createKeyStore({ dir }).sign(DEVICE, message);
    expect(verifySignature(again, message, fromBase64(keys.signPublicKey))).toBe(true);
  });

  it('unwraps content keys wrapped to its box key, null for others', async () => {
    const store = createKeyStore({ dir });
    const keys = await store.publicKeys(DEVICE);
    const contentKey = randomBytes(32);
    const forUs = wrapContentKey(contentKey, fromBase64(keys.boxPublicKey));
    const forSomeoneElse = wrapContentKey(randomBytes(32), generateBoxKeyPair().publicKey);
    const damaged = { ...forUs, wrappedKey: toBase64(new Uint8Array(48)) };

    const opened = await createKeyStore({ dir }).unwrap(DEVICE, [forUs, forSomeoneElse, damaged, { ephemeralPublicKey: '!!', nonce: '', wrappedKey: '' }]);

    expect(opened).toHaveLength(4);
    expect([...(opened[0] ?? [])]).toEqual([...contentKey]);
    expect(opened.slice(1)).toEqual([null, null, null]);
  });

  it('refuses to sign or unwrap for a device that has no keys, without creating any', async () => {
    const store = createKeyStore({ dir });
    const error = await rejectionOf(store.sign(DEVICE, new Uint8Array([1])));
    expect(error.code).toBe('keyUnavailable');
    expect(error.message).toBe(KEY_MESSAGES.missing);
    expect((await rejectionOf(store.unwrap(DEVICE, []))).code).toBe('keyUnavailable');
    await expect(readdir(path.join(dir, 'device-keys'))).rejects.toThrow();
  });

  it('refuses a device id that is not a ULID (it becomes a file name)', async () => {
    const error = await rejectionOf(createKeyStore({ dir }).publicKeys('../../etc/passwd'));
    expect(error.code).toBe('invalidArguments');
  });
});

describe('protection at rest', () => {
  it('seals the secret keys with the OS store when it is available', async () => {
    const { protect, state } = fakeProtection();
    const keys = await createKeyStore({ dir, protect }).publicKeys(DEVICE);
    expect(keys.protectedAtRest).toBe(true);
    const file = JSON.parse(await readFile(keyFile(), 'utf8')) as { secretKeys: Record<string, string> };
    expect(file.secretKeys.protection).toBe('safeStorage');
    expect(Object.keys(file.secretKeys).sort()).toEqual(['protection', 'sealed']);
    expect(state.encrypted).toBe(1);

    // Reload decrypts and still signs correctly
    const reloaded = createKeyStore({ dir, protect });
    expect((await reloaded.publicKeys(DEVICE)).protectedAtRest).toBe(true);
    const message = new Uint8Array([1, 2, 3]);
    expect(verifySignature(await reloaded.sign(DEVICE, message), message, fromBase64(keys.signPublicKey))).toBe(true);
    expect(state.decrypted).toBe(1);
  });

  it('stores plainly and says so when there is no OS store', async () => {
    const keys = await createKeyStore({ dir, protect: fakeProtection(false).protect }).publicKeys(DEVICE);
    expect(keys.protectedAtRest).toBe(false);
    const file = JSON.parse(await readFile(keyFile(), 'utf8')) as { secretKeys: Record<string, string> };
    expect(file.secretKeys.protection).toBe('none');
    expect(fromBase64(file.secretKeys.signSecretKey ?? '')).toHaveLength(32);
    expect((await createKeyStore({ dir }).publicKeys(DEVICE)).protectedAtRest).toBe(false);
  });

  it('seals a plain key file once the OS store becomes available, keeping the same keys', async () => {
    const plain = await createKeyStore({ dir }).publicKeys(DEVICE);
    const { protect } = fakeProtection(true);
    const upgraded = await createKeyStore({ dir, protect }).publicKeys(DEVICE);
    expect(upgraded).toEqual({ ...plain, protectedAtRest: true });
    expect((JSON.parse(await readFile(keyFile(), 'utf8')) as { secretKeys: { protection: string } }).secretKeys.protection).toBe('safeStorage');
    expect(await readdir(path.join(dir, 'device-keys'))).toEqual([`${DEVICE}.json`]);
  });

  it('reports keyUnavailable, and keeps the file, when the OS store is unavailable for sealed keys', async () => {
    const { protect, state } = fakeProtection(true);
    await createKeyStore({ dir, protect }).publicKeys(DEVICE);
    const before = await readFile(keyFile());
    state.available = false;
    const error = await rejectionOf(createKeyStore({ dir, protect }).publicKeys(DEVICE));
    expect(error.code).toBe('keyUnavailable');
    expect(error.message).toBe(KEY_MESSAGES.protectionUnavailable);
    // Never silently replaced by new keys: that would change this device's identity
    expect(await readFile(keyFile())).toEqual(before);
  });

  it('reports keyUnavailable when the OS store cannot unseal (another account)', async () => {
    await createKeyStore({ dir, protect: fakeProtection().protect }).publicKeys(DEVICE);
    const otherAccount: SecretProtection = {
      isAvailable: () => true,
      encrypt: () => Buffer.from('x'),
      decrypt: () => {
        throw new Error('decrypt failed');
      },
    };
    const error = await rejectionOf(createKeyStore({ dir, protect: otherAccount }).publicKeys(DEVICE));
    expect(error.code).toBe('keyUnavailable');
    expect(error.message).toBe(KEY_MESSAGES.unsealFailed);
  });
});

describe('a damaged key file is keyUnavailable with a Chinese message, never a crash or new keys', () => {
  async function damage(mutate: (text: string) => string): Promise<void> {
    await createKeyStore({ dir }).publicKeys(DEVICE);
    await writeFile(keyFile(), mutate(await readFile(keyFile(), 'utf8')));
  }

  it.each<[string, (text: string) => string]>([
    ['truncated JSON', (text) => text.slice(0, text.length / 2)],
    ['empty', () => ''],
    ['not UTF-8 JSON', () => '\u0000\u0001garbage'],
    ['another device id', (text) => text.replace(DEVICE, OTHER_DEVICE)],
    ['an unknown version', (text) => text.replace('"version": 1', '"version": 2')],
    [
      'a public key that does not match its secret key',
      (text) => {
        const file = JSON.parse(text) as { signPublicKey: string };
        file.signPublicKey = toBase64(new Uint8Array(32).fill(9));
        return JSON.stringify(file);
      },
    ],
    [
      'a secret key of the wrong length',
      (text) => {
        const file = JSON.parse(text) as { secretKeys: { signSecretKey: string } };
        file.secretKeys.signSecretKey = toBase64(new Uint8Array(16));
        return JSON.stringify(file);
      },
    ],
  ])('%s', async (_label, mutate) => {
    await damage(mutate);
    const damaged = await readFile(keyFile());
    const store = createKeyStore({ dir });
    const error = await rejectionOf(store.publicKeys(DEVICE));
    expect(error.code).toBe('keyUnavailable');
    expect(error.message).toBe(KEY_MESSAGES.corrupted);
    expect((await rejectionOf(store.sign(DEVICE, new Uint8Array([1])))).code).toBe('keyUnavailable');
    expect(await readFile(keyFile())).toEqual(damaged);
  });

  it('a folder where the key file should be', async () => {
    await mkdir(keyFile(), { recursive: true });
    expect((await rejectionOf(createKeyStore({ dir }).publicKeys(DEVICE))).code).toBe('keyUnavailable');
  });
});
