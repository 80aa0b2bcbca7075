import * as fsPromises from 'node:fs/promises';
import path from 'node:path';
import { ed25519, x25519 } from '@noble/curves/ed25519.js';
import type { DevicePublicKeys } from '../../shared/bridge';
import { generateBoxKeyPair, generateSigningKeyPair, signBytes, unwrapContentKey } from '../../shared/sync/crypto';
import type { WrappedContentKey } from '../../shared/sync/crypto';
import { fromBase64, toBase64 } from '../../shared/sync/encoding';
import { nativeSharedSecret, x25519PrivateKeyObject } from './nativeX25519';
import { DEVICE_ID_PATTERN } from '../../shared/sync/types';
import { BridgeError } from '../ipc/bridgeError';
import { errorCodeOf } from '../storage/fsErrors';
import { readRegularFileLimited } from '../storage/readLimited';
import { replaceFileAtomically, writeFileOnce } from '../storage/writeOnce';
import { decodeKeyFile, decodeSecrets, encodeKeyFile, encodeSecrets, KEY_FILE_FORMAT, KEY_FILE_VERSION, secretsFromJson, secretsToJson } from './keyFile';
import type { DeviceSecretKeys, KeyFile, SecretProtection } from './keyFile';

export type { SecretProtection } from './keyFile';

export type { WrappedContentKey } from '../../shared/sync/crypto';

/**
 * This installation's device keys (本机设备密钥). Private keys are created, kept and used only here, in the main
 * process: the renderer gets public keys, signatures and unwrapped content keys, never a secret key.
 */
export interface KeyStore {
  /** Creates the key pairs on first use for this deviceId. */
  publicKeys(deviceId: string): Promise<DevicePublicKeys>;
  /** Ed25519 signature (64 bytes); keyUnavailable when this device has no keys yet. */
  sign(deviceId: string, bytes: Uint8Array): Promise<Uint8Array>;
  /** Content keys in order; null where one cannot be opened with this device's X25519 key. */
  unwrap(deviceId: string, wrapped: readonly WrappedContentKey[]): Promise<(Uint8Array | null)[]>;
}

export interface KeyStoreOptions {
  /** The app's data folder; keys live in <dir>/device-keys/<deviceId>.json */
  dir: string;
  /** The OS secret store (Electron's safeStorage); without it secret keys are stored unprotected */
  protect?: SecretProtection;
  /** Where unexpected details go (never to the renderer) */
  log?: (message: string, error?: unknown) => void;
}

const KEY_FOLDER = 'device-keys';
const MAX_KEY_FILE_BYTES = 64 * 1024;

export const KEY_MESSAGES = {
  corrupted: '本机设备密钥文件已损坏，无法签名或解密同步数据。请联系信息管理人员处理，不要删除同步文件夹中的任何文件。',
  protectionUnavailable: '系统的密钥保护服务当前不可用（例如钥匙串或密钥环未解锁），暂时无法读取本机设备密钥。请重新登录系统后再试。',
  unsealFailed: '无法用系统密钥保护服务解开本机设备密钥（可能换了系统账户或重装了系统）。请联系信息管理人员处理。',
  missing: '本机还没有该设备的密钥，请先完成设备登记。',
  unreadable: '无法读取本机设备密钥文件，请检查数据目录的权限。',
  unwritable: '无法保存本机设备密钥，请检查数据目录的权限和磁盘空间。',
} as const;

interface LoadedKeys {
  publicKeys: DevicePublicKeys;
  secrets: DeviceSecretKeys;
}

export function createKeyStore({ dir, protect, log = () => undefined }: KeyStoreOptions): KeyStore {
  const folder = path.join(dir, KEY_FOLDER);
  const loaded = new Map<string, LoadedKeys>();
  // One disk operation per device at a time: two first calls must not create two different key pairs
  const pending = new Map<string, Promise<unknown>>();

  const protectionAvailable = (): boolean => {
    try {
      return protect?.isAvailable() === true;
    } catch {
      return false;
    }
  };

  function serialized<T>(deviceId: string, task: () => Promise<T>): Promise<T> {
    const previous = pending.get(deviceId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(task);
    pending.set(deviceId, next);
    next
      .finally(() => {
        if (pending.get(deviceId) === next) pending.delete(deviceId);
      })
      .catch(() => undefined);
    return next;
  }

  async function keysOf(deviceId: string, create: boolean): Promise<LoadedKeys> {
    // The path is built from deviceId: re-check it here whatever the caller validated
    if (!DEVICE_ID_PATTERN.test(deviceId)) throw new BridgeError('invalidArguments', '设备编号无效。');
    const cached = loaded.get(deviceId);
    if (cached) return cached;
    return serialized(deviceId, async () => {
      const again = loaded.get(deviceId);
      if (again) return again;
      const keys = (await readKeys(deviceId)) ?? (create ? await createKeys(deviceId) : null);
      if (!keys) throw new BridgeError('keyUnavailable', KEY_MESSAGES.missing);
      loaded.set(deviceId, keys);
      return keys;
    });
  }

  const fileOf = (deviceId: string): string => path.join(folder, `${deviceId}.json`);

  /** The keys on disk, null when there is no file; keyUnavailable when it cannot be used. */
  async function readKeys(deviceId: string): Promise<LoadedKeys | null> {
    const filePath = fileOf(deviceId);
    let read;
    try {
      read = await readRegularFileLimited(filePath, MAX_KEY_FILE_BYTES);
    } catch (error) {
      if (errorCodeOf(error) === 'ENOENT') return null;
      log(`device key file ${filePath} unreadable`, error);
      if (errorCodeOf(error) === 'ELOOP') throw new BridgeError('keyUnavailable', KEY_MESSAGES.corrupted, { cause: error });
      throw new BridgeError('keyUnavailable', KEY_MESSAGES.unreadable, { cause: error });
    }
    if (read.kind !== 'ok') throw corrupted(filePath, `not a small regular file (${read.kind})`);

    let file: KeyFile;
    try {
      file = decodeKeyFile(read.bytes);
    } catch (error) {
      throw corrupted(filePath, error);
    }
    if (file.deviceId !== deviceId) throw corrupted(filePath, `file names device ${file.deviceId}`);

    const secrets = openSecrets(filePath, file);
    if (toBase64(ed25519.getPublicKey(secrets.signSecretKey)) !== file.signPublicKey || toBase64(x25519.getPublicKey(secrets.boxSecretKey)) !== file.boxPublicKey) {
      throw corrupted(filePath, 'public keys do not match the secret keys');
    }

    let protectedAtRest = file.secretKeys.protection === 'safeStorage';
    if (!protectedAtRest) protectedAtRest = await protectPlainFile(filePath, file, secrets);
    return { secrets, publicKeys: { signPublicKey: file.signPublicKey, boxPublicKey: file.boxPublicKey, protectedAtRest } };
  }

  function openSecrets(filePath: string, file: KeyFile): DeviceSecretKeys {
    const stored = file.secretKeys;
    if (stored.protection === 'none') return decodeSecrets(stored);
    if (!protect || !protectionAvailable()) throw new BridgeError('keyUnavailable', KEY_MESSAGES.protectionUnavailable);
    let text: string;
    try {
      text = protect.decrypt(Buffer.from(stored.sealed, 'base64'));
    } catch (error) {
      log(`device key file ${filePath}: the OS secret store could not unseal it`, error);
      throw new BridgeError('keyUnavailable', KEY_MESSAGES.unsealFailed, { cause: error });
    }
    try {
      return secretsFromJson(text);
    } catch (error) {
      throw corrupted(filePath, error);
    }
  }

  /**
   * A key file written while the OS store was unavailable: seal it now that the store works. Returns
   * whether the secret keys are protected afterwards; a failure leaves the readable plain file in place.
   */
  async function protectPlainFile(filePath: string, file: KeyFile, secrets: DeviceSecretKeys): Promise<boolean> {
    if (!protect || !protectionAvailable()) {
      // Best effort: owner-only, in case the file was copied in with looser permissions
      await fsPromises.chmod(filePath, 0o600).catch(() => undefined);
      return false;
    }
    try {
      const sealedFile: KeyFile = { ...file, secretKeys: sealSecrets(protect, secrets) };
      await replaceFileAtomically(filePath, encodeKeyFile(sealedFile), 0o600);
      return true;
    } catch (error) {
      log(`device key file ${filePath}: could not seal the plain secret keys`, error);
      return false;
    }
  }

  async function createKeys(deviceId: string): Promise<LoadedKeys> {
    const signing = generateSigningKeyPair();
    const box = generateBoxKeyPair();
    const secrets: DeviceSecretKeys = { signSecretKey: signing.secretKey, boxSecretKey: box.secretKey };
    const sealer = protect && protectionAvailable() ? protect : undefined;
    const file: KeyFile = {
      format: KEY_FILE_FORMAT,
      version: KEY_FILE_VERSION,
      deviceId,
      createdAt: new Date().toISOString(),
      signPublicKey: toBase64(signing.publicKey),
      boxPublicKey: toBase64(box.publicKey),
      secretKeys: sealer ? sealSecrets(sealer, secrets) : { protection: 'none', ...encodeSecrets(secrets) },
    };
    const filePath = fileOf(deviceId);
    let outcome;
    try {
      await fsPromises.mkdir(folder, { recursive: true, mode: 0o700 });
      outcome = await writeFileOnce(filePath, encodeKeyFile(file), { mode: 0o600 });
    } catch (error) {
      log(`device key file ${filePath} could not be written`, error);
      throw new BridgeError('keyUnavailable', KEY_MESSAGES.unwritable, { cause: error });
    }
    // Another process made this device's keys first: theirs are the keys
    if (outcome === 'exists') {
      const theirs = await readKeys(deviceId);
      if (theirs) return theirs;
      throw new BridgeError('keyUnavailable', KEY_MESSAGES.unreadable);
    }
    return { secrets, publicKeys: { signPublicKey: file.signPublicKey, boxPublicKey: file.boxPublicKey, protectedAtRest: sealer !== undefined } };
  }

  function corrupted(filePath: string, detail: unknown): BridgeError {
    log(`device key file ${filePath} is corrupted`, detail);
    return new BridgeError('keyUnavailable', KEY_MESSAGES.corrupted, { cause: detail });
  }

  return {
    async publicKeys(deviceId) {
      return { ...(await keysOf(deviceId, true)).publicKeys };
    },
    async sign(deviceId, bytes) {
      const { secrets } = await keysOf(deviceId, false);
      return new Uint8Array(signBytes(bytes, secrets.signSecretKey));
    },
    async unwrap(deviceId, wrapped) {
      const { secrets, publicKeys } = await keysOf(deviceId, false);
      const options = { ownPublicKey: fromBase64(publicKeys.boxPublicKey), sharedSecret: nativeSharedSecret(x25519PrivateKeyObject(secrets.boxSecretKey)) };
      return wrapped.map((item) => {
        try {
          const key = unwrapContentKey(item, secrets.boxSecretKey, options);
          return key ? new Uint8Array(key) : null;
        } catch {
          return null;
        }
      });
    },
  };
}

function sealSecrets(protect: SecretProtection, secrets: DeviceSecretKeys): KeyFile['secretKeys'] {
  return { protection: 'safeStorage', sealed: Buffer.from(protect.encrypt(secretsToJson(secrets))).toString('base64') };
}
