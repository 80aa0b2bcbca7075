import { z } from 'zod';
import { fromBase64, fromUtf8, toBase64, utf8 } from '../../shared/sync/encoding';

/**
 * What one device-keys/<deviceId>.json holds. Public keys in the clear (they are published anyway);
 * the two secret keys either sealed by the OS (Electron safeStorage: DPAPI, Keychain, libsecret) or, where
 * the OS offers nothing, in the clear — then `protection: 'none'` and the UI warns (protectedAtRest: false).
 */
export const KEY_FILE_FORMAT = 'delegatedesk-device-keys';
export const KEY_FILE_VERSION = 1;

export interface DeviceSecretKeys {
  /** Ed25519 secret key (32-byte seed) */
  signSecretKey: Uint8Array;
  /** X25519 secret key (32 bytes) */
  boxSecretKey: Uint8Array;
}

const base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, 'expected a base64 32-byte key');

const secretsSchema = z.object({ signSecretKey: base64Key, boxSecretKey: base64Key }).strict();

export const keyFileSchema = z.object({
  format: z.literal(KEY_FILE_FORMAT),
  version: z.literal(KEY_FILE_VERSION),
  deviceId: z.string(),
  createdAt: z.string(),
  signPublicKey: base64Key,
  boxPublicKey: base64Key,
  secretKeys: z.discriminatedUnion('protection', [
    z.object({ protection: z.literal('safeStorage'), sealed: z.base64().min(1) }).strict(),
    secretsSchema.extend({ protection: z.literal('none') }).strict(),
  ]),
}).strict();
export type KeyFile = z.infer<typeof keyFileSchema>;

/** The OS secret store as Electron's safeStorage offers it. */
export interface SecretProtection {
  isAvailable(): boolean;
  encrypt(text: string): Buffer;
  decrypt(sealed: Buffer): string;
}

export interface EncodedSecretKeys {
  signSecretKey: string;
  boxSecretKey: string;
}

export function encodeSecrets(secrets: DeviceSecretKeys): EncodedSecretKeys {
  return { signSecretKey: toBase64(secrets.signSecretKey), boxSecretKey: toBase64(secrets.boxSecretKey) };
}

export function decodeSecrets(encoded: EncodedSecretKeys): DeviceSecretKeys {
  return { signSecretKey: fromBase64(encoded.signSecretKey), boxSecretKey: fromBase64(encoded.boxSecretKey) };
}

/** The text the OS secret store seals. */
export function secretsToJson(secrets: DeviceSecretKeys): string {
  return JSON.stringify(encodeSecrets(secrets));
}

/** Throws on anything but two base64 32-byte keys. */
export function secretsFromJson(text: string): DeviceSecretKeys {
  return decodeSecrets(secretsSchema.parse(JSON.parse(text)));
}

export function encodeKeyFile(file: KeyFile): Uint8Array {
  return utf8(`${JSON.stringify(file, null, 2)}\n`);
}

/** Throws when the bytes are not a valid key file. */
export function decodeKeyFile(bytes: Uint8Array): KeyFile {
  return keyFileSchema.parse(JSON.parse(fromUtf8(bytes)));
}
