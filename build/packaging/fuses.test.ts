import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as electronFuses from '@electron/fuses';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bytesOutsideWire, ELECTRON_DEFAULT_WIRE, readFakeElectronWire, writeFakeElectronBinary } from './fakeElectronBinary';
import { electronBinaryPath, flipFusesAfterPack, type FuseHookContext } from './flipFusesAfterPack';
import { buildFuseConfig, checkFuseWire, FUSE_SETTINGS, FUSES_LEFT_AT_ELECTRON_DEFAULT, type FuseWire } from './fuses';

const { FuseV1Options, FuseState } = electronFuses;

let outDir: string;
beforeEach(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'delegatedesk-fuses-'));
});
afterEach(() => {
  fs.rmSync(outDir, { recursive: true, force: true });
});

const linuxContext = (): FuseHookContext => ({
  appOutDir: outDir,
  electronPlatformName: 'linux',
  packager: { appInfo: { productFilename: '党代表履职工作台' }, executableName: 'delegatedesk' },
});

/** A wire as getCurrentFuseWire returns it, from '0'/'1'/'r' characters */
function wireFrom(chars: string): FuseWire {
  const wire: FuseWire = { version: electronFuses.FuseVersion.V1 };
  [...chars].forEach((char, index) => {
    (wire as Record<number, number>)[index] = char.charCodeAt(0);
  });
  return wire;
}

describe('FUSE_SETTINGS', () => {
  it('ships each fuse the way issue 8 requires', () => {
    expect(FUSE_SETTINGS.RunAsNode).toBe(false);
    expect(FUSE_SETTINGS.EnableNodeOptionsEnvironmentVariable).toBe(false);
    expect(FUSE_SETTINGS.EnableNodeCliInspectArguments).toBe(false);
    expect(FUSE_SETTINGS.EnableCookieEncryption).toBe(true);
    expect(FUSE_SETTINGS.EnableEmbeddedAsarIntegrityValidation).toBe(true);
    expect(FUSE_SETTINGS.OnlyLoadAppFromAsar).toBe(true);
    expect(FUSE_SETTINGS.GrantFileProtocolExtraPrivileges).toBe(false);
    expect(FUSE_SETTINGS.LoadBrowserProcessSpecificV8Snapshot).toBe(false);
  });

  it('decides every fuse the installed @electron/fuses knows, with real fuse names only', () => {
    const known = Object.keys(FuseV1Options).filter((key) => Number.isNaN(Number(key)));
    const decided = [...Object.keys(FUSE_SETTINGS), ...FUSES_LEFT_AT_ELECTRON_DEFAULT];

    expect([...decided].sort()).toEqual([...known].sort());
    expect(new Set(decided).size).toBe(decided.length); // none both set and left at default
  });

  it('becomes a flipFuses config keyed by fuse wire index', () => {
    const config = buildFuseConfig(electronFuses, { resetAdHocDarwinSignature: false });

    expect(config.version).toBe(electronFuses.FuseVersion.V1);
    expect(config[FuseV1Options.RunAsNode]).toBe(false);
    expect(config[FuseV1Options.EnableCookieEncryption]).toBe(true);
    expect(config[FuseV1Options.EnableNodeOptionsEnvironmentVariable]).toBe(false);
    expect(config[FuseV1Options.EnableNodeCliInspectArguments]).toBe(false);
    expect(config[FuseV1Options.EnableEmbeddedAsarIntegrityValidation]).toBe(true);
    expect(config[FuseV1Options.OnlyLoadAppFromAsar]).toBe(true);
    expect(config[FuseV1Options.GrantFileProtocolExtraPrivileges]).toBe(false);
    // left alone: flipFuses keeps Electron's value for a fuse that is not in the config
    expect(config[FuseV1Options.WasmTrapHandlers]).toBeUndefined();
  });
});

describe('checkFuseWire', () => {
  it('accepts a wire that matches the settings (any value for fuses left at default)', () => {
    expect(checkFuseWire(wireFrom('010011001'), electronFuses)).toEqual([]);
    expect(checkFuseWire(wireFrom('010011000'), electronFuses)).toEqual([]);
  });

  it('names a fuse in the wrong state', () => {
    expect(checkFuseWire(wireFrom('110011001'), electronFuses)).toEqual(['RunAsNode: expected off, found on']);
  });

  it('names a fuse Electron marked removed', () => {
    const problems = checkFuseWire(wireFrom('0100r1001'), electronFuses);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^EnableEmbeddedAsarIntegrityValidation: Electron has removed this fuse/);
  });

  it('names a decided fuse the binary lacks (an older Electron)', () => {
    expect(checkFuseWire(wireFrom('0100110'), electronFuses)).toEqual(['GrantFileProtocolExtraPrivileges: this Electron binary has no such fuse']);
  });

  it('names a fuse nobody has decided yet (a newer Electron)', () => {
    const problems = checkFuseWire(wireFrom('0100110011'), electronFuses);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^fuse #9: unknown to @electron\/fuses/);
  });

  it('ignores the wire version, which is not a fuse', () => {
    expect(checkFuseWire({ ...wireFrom('010011001'), version: electronFuses.FuseVersion.V1 }, electronFuses)).toEqual([]);
    expect(FuseState.ENABLE).toBe('1'.charCodeAt(0)); // the byte encoding wireFrom relies on
  });
});

describe('electronBinaryPath', () => {
  it('finds the renamed Electron binary the way electron-builder names it', () => {
    expect(electronBinaryPath(linuxContext())).toBe(path.join(outDir, 'delegatedesk'));
    expect(
      electronBinaryPath({ appOutDir: outDir, electronPlatformName: 'win32', packager: { appInfo: { productFilename: 'DelegateDesk' } } }),
    ).toBe(path.join(outDir, 'DelegateDesk.exe'));
    expect(
      electronBinaryPath({ appOutDir: outDir, electronPlatformName: 'darwin', packager: { appInfo: { productFilename: 'DelegateDesk' } } }),
    ).toBe(path.join(outDir, 'DelegateDesk.app'));
  });

  it('refuses to guess for an unknown platform or a Linux packager without a binary name', () => {
    expect(() => electronBinaryPath({ ...linuxContext(), electronPlatformName: 'freebsd' })).toThrow(/freebsd/);
    expect(() => electronBinaryPath({ ...linuxContext(), packager: { appInfo: { productFilename: 'x' } } })).toThrow(/executableName/);
  });
});

describe('flipFusesAfterPack', () => {
  it('flips the packaged Linux binary to the settings and touches nothing else', async () => {
    const binary = path.join(outDir, 'delegatedesk');
    writeFakeElectronBinary(binary, ELECTRON_DEFAULT_WIRE);
    const before = bytesOutsideWire(binary);

    await flipFusesAfterPack(linuxContext());

    // RunAsNode off, cookies encrypted, NODE_OPTIONS off, --inspect off, asar integrity on, only asar,
    // no browser V8 snapshot, no file:// privileges, Wasm trap handlers as Electron ships them (on)
    expect(readFakeElectronWire(binary)).toBe('010011001');
    expect(bytesOutsideWire(binary).equals(before)).toBe(true);
  });

  it('flips the Windows executable under its ASCII name', async () => {
    const binary = path.join(outDir, 'DelegateDesk.exe');
    writeFakeElectronBinary(binary);

    await flipFusesAfterPack({ appOutDir: outDir, electronPlatformName: 'win32', packager: { appInfo: { productFilename: 'DelegateDesk' } } });

    expect(readFakeElectronWire(binary)).toBe('010011001');
  });

  it('fails the build when the binary has a fuse nobody decided', async () => {
    writeFakeElectronBinary(path.join(outDir, 'delegatedesk'), `${ELECTRON_DEFAULT_WIRE}1`);

    await expect(flipFusesAfterPack(linuxContext())).rejects.toThrow(/fuse #9: unknown to @electron\/fuses/);
  });

  it('fails the build when the binary is too old for a fuse we set', async () => {
    writeFakeElectronBinary(path.join(outDir, 'delegatedesk'), ELECTRON_DEFAULT_WIRE.slice(0, 7));

    await expect(flipFusesAfterPack(linuxContext())).rejects.toThrow(/GrantFileProtocolExtraPrivileges/);
  });

  it('fails the build when the file is not an Electron binary or is missing', async () => {
    fs.writeFileSync(path.join(outDir, 'delegatedesk'), 'not electron');
    await expect(flipFusesAfterPack(linuxContext())).rejects.toThrow(/sentinel/);

    fs.rmSync(path.join(outDir, 'delegatedesk'));
    await expect(flipFusesAfterPack(linuxContext())).rejects.toThrow(/ENOENT/);
  });
});
