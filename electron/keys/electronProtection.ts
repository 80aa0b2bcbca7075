import type { SafeStorage } from 'electron';
import type { SecretProtection } from './keyFile';

/**
 * Electron's safeStorage as the key store's protection: DPAPI on Windows, the Keychain on macOS, libsecret /
 * kwallet on Linux. On Linux without a keyring safeStorage falls back to 'basic_text', a hard-coded password —
 * that is not protection, so it counts as unavailable and the UI shows protectedAtRest: false.
 */
export function electronSecretProtection(safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString' | 'getSelectedStorageBackend'>, platform: NodeJS.Platform): SecretProtection {
  return {
    isAvailable() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      if (platform !== 'linux') return true;
      const backend = safeStorage.getSelectedStorageBackend();
      return backend !== 'basic_text' && backend !== 'unknown';
    },
    encrypt: (text) => safeStorage.encryptString(text),
    decrypt: (sealed) => safeStorage.decryptString(sealed),
  };
}
