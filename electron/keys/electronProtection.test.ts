import { describe, expect, it } from 'vitest';
import { electronSecretProtection } from './electronProtection';

type Backend = 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

function fakeSafeStorage(available: boolean, backend: Backend) {
  return {
    isEncryptionAvailable: () => available,
    getSelectedStorageBackend: () => backend,
    encryptString: (text: string) => Buffer.from(text, 'utf8').reverse(),
    decryptString: (sealed: Buffer) => Buffer.from(sealed).reverse().toString('utf8'),
  };
}

describe('electronSecretProtection', () => {
  it('trusts DPAPI / Keychain whenever safeStorage says it can encrypt', () => {
    expect(electronSecretProtection(fakeSafeStorage(true, 'unknown'), 'win32').isAvailable()).toBe(true);
    expect(electronSecretProtection(fakeSafeStorage(true, 'unknown'), 'darwin').isAvailable()).toBe(true);
    expect(electronSecretProtection(fakeSafeStorage(false, 'unknown'), 'win32').isAvailable()).toBe(false);
  });

  it("does not count Linux's basic_text fallback (a hard-coded password) as protection", () => {
    expect(electronSecretProtection(fakeSafeStorage(true, 'basic_text'), 'linux').isAvailable()).toBe(false);
    expect(electronSecretProtection(fakeSafeStorage(true, 'unknown'), 'linux').isAvailable()).toBe(false);
    expect(electronSecretProtection(fakeSafeStorage(true, 'gnome_libsecret'), 'linux').isAvailable()).toBe(true);
  });

  it('encrypts and decrypts through safeStorage', () => {
    const protection = electronSecretProtection(fakeSafeStorage(true, 'kwallet5'), 'linux');
    expect(protection.decrypt(protection.encrypt('密钥'))).toBe('密钥');
  });
});
