// Checks the packaging configuration the way electron-builder itself will see it. Electron cannot be
// downloaded here, so `electron-builder` never runs in tests; instead this loads the config through
// electron-builder's own loader (jiti, as at package time), validates it against electron-builder's
// JSON schema, matches the `files` patterns with electron-builder's own file matcher, expands the
// artifact names with its own macro expander, and runs the loaded afterPack hook on a fake binary.
// (app-builder-lib and builder-util are electron-builder's internals, installed with it.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AppInfo, Configuration, LinuxTargetSpecificOptions, TargetConfiguration } from 'electron-builder';
import { FileMatcher } from 'app-builder-lib/out/fileMatcher';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { getConfig } from 'app-builder-lib/out/util/config/load';
import { expandMacro } from 'app-builder-lib/out/util/macroExpander';
import { DebugLogger } from 'builder-util';
import { Arch, getArtifactArchName } from 'builder-util/out/arch';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFakeElectronWire, writeFakeElectronBinary } from './packaging/fakeElectronBinary';

const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const CONFIG_PATH = 'build/electron-builder.config.ts';
const packageJson = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { name: string; version: string };

let config: Configuration;

beforeAll(async () => {
  const loaded = await getConfig<Configuration>(
    { packageKey: 'build', configFilename: 'electron-builder', projectDir: repoRoot, packageMetadata: null },
    CONFIG_PATH,
  );
  if (!loaded) throw new Error(`electron-builder could not load ${CONFIG_PATH}`);
  config = loaded.result;
}, 60_000);

/** [target name, arches] for each target of a platform */
function targetsOf(target: unknown): [string, string[]][] {
  const list = (Array.isArray(target) ? target : [target]) as (string | TargetConfiguration)[];
  return list.map((entry) => (typeof entry === 'string' ? [entry, []] : [entry.target, entry.arch === undefined ? [] : [entry.arch].flat()]));
}

describe('electron-builder configuration', () => {
  it('loads through electron-builder and passes its schema check', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  }, 30_000); // compiling electron-builder's schema is slow on a busy machine

  it('is checked against the schema for real: a misspelt option is refused', async () => {
    const misspelt = { ...config, nsis: { ...config.nsis, perMachien: false } } as Configuration;
    await expect(validateConfiguration(misspelt, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis/);
  }, 30_000);

  it('names the app: id, Chinese product name, ASCII executables, output in release/', () => {
    expect(config.appId).toBe('cn.delegatedesk.app');
    expect(config.productName).toBe('党代表履职工作台');
    expect(config.directories?.output).toBe('release');
    expect(config.win?.executableName).toBe('DelegateDesk');
    expect(config.linux?.executableName).toBe('delegatedesk');
    expect(config.asar).toBe(true);
    expect(config.publish).toBeNull();
  });

  it('builds a per-user Chinese NSIS installer for Windows x64', () => {
    expect(targetsOf(config.win?.target)).toEqual([['nsis', ['x64']]]);
    expect(config.nsis?.perMachine).toBe(false);
    expect(config.nsis?.selectPerMachineByDefault).toBe(false);
    expect(config.nsis?.oneClick).toBe(false);
    expect(config.nsis?.allowToChangeInstallationDirectory).toBe(true);
    expect(config.nsis?.installerLanguages).toEqual(['zh_CN']);
    expect(config.nsis?.language).toBe('2052');
    expect(config.nsis?.shortcutName).toBe('党代表履职工作台');
    // uninstalling must leave the delegate's data alone
    expect(config.nsis?.deleteAppDataOnUninstall).toBe(false);
  });

  it('builds deb and AppImage for x64 and arm64 (UOS and Kylin on x86 and ARM)', () => {
    expect(targetsOf(config.linux?.target)).toEqual([
      ['deb', ['x64', 'arm64']],
      ['AppImage', ['x64', 'arm64']],
    ]);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/); // Debian requires "Name <email>"
    expect(config.linux?.synopsis).toMatch(/党代表履职工作台/);
  });

  it('names every installer with version and arch, so no build overwrites another', () => {
    // expandMacro reads only these AppInfo fields for these patterns
    const appInfo = { name: packageJson.name, version: packageJson.version, productName: config.productName, sanitizedProductName: config.productName } as unknown as AppInfo;
    const artifact = (options: LinuxTargetSpecificOptions | Configuration['nsis'], ext: string, arch: Arch) =>
      expandMacro(options?.artifactName ?? '', getArtifactArchName(arch, ext), appInfo, { ext });
    const v = packageJson.version;

    expect(artifact(config.nsis, 'exe', Arch.x64)).toBe(`DelegateDesk-Setup-${v}-x64.exe`);
    expect(artifact(config.deb, 'deb', Arch.x64)).toBe(`delegatedesk_${v}_amd64.deb`);
    expect(artifact(config.deb, 'deb', Arch.arm64)).toBe(`delegatedesk_${v}_arm64.deb`);
    expect(artifact(config.appImage, 'AppImage', Arch.x64)).toBe(`DelegateDesk-${v}-x86_64.AppImage`);
    expect(artifact(config.appImage, 'AppImage', Arch.arm64)).toBe(`DelegateDesk-${v}-arm64.AppImage`);
  });
});

describe('what goes into app.asar', () => {
  const fileStat = fs.statSync(path.join(repoRoot, 'package.json'));
  const packs = (relativePath: string, stat: fs.Stats = fileStat) =>
    new FileMatcher(repoRoot, '/app', (pattern) => pattern, config.files as string[]).createFilter()(path.join(repoRoot, relativePath), stat);

  it('takes the bundles and package.json', () => {
    expect(packs('package.json')).toBe(true);
    expect(packs('dist/electron/main.cjs')).toBe(true);
    expect(packs('dist/electron/preload.cjs')).toBe(true);
    expect(packs('dist/renderer/index.html')).toBe(true);
    expect(packs('dist/renderer/assets/index-abc123.js')).toBe(true);
  });

  it('leaves out source maps, benchmarks and anything outside dist/', () => {
    for (const excluded of [
      'dist/electron/main.cjs.map',
      'dist/renderer/assets/index-abc123.js.map',
      'dist/bench/index.html',
      'package-lock.json',
      'README.md',
      'node_modules/antd/es/index.js',
    ]) {
      expect(packs(excluded), excluded).toBe(false);
    }
  });

  it('leaves out every source and test file in the repository', () => {
    const checked: string[] = [];
    const walk = (relativeDir: string): void => {
      for (const entry of fs.readdirSync(path.join(repoRoot, relativeDir), { withFileTypes: true })) {
        const relativePath = path.join(relativeDir, entry.name);
        if (entry.isDirectory()) walk(relativePath);
        else if (entry.isFile()) {
          // other engineers add and remove files while this runs: skip one that vanished
          const stat = fs.statSync(path.join(repoRoot, relativePath), { throwIfNoEntry: false });
          if (!stat) continue;
          checked.push(relativePath);
          expect(packs(relativePath, stat), relativePath).toBe(false);
        }
      }
    };
    for (const sourceDir of ['electron', 'renderer', 'shared', 'build', 'tests', 'docs']) walk(sourceDir);
    expect(checked.length).toBeGreaterThan(100);
  });

  it('copies no node_modules: everything the app runs is bundled', async () => {
    expect(typeof config.beforeBuild).toBe('function');
    const beforeBuild = config.beforeBuild as () => Promise<boolean>;
    // false = "dependencies are handled outside electron-builder": no npm rebuild, no node_modules in app.asar
    await expect(beforeBuild()).resolves.toBe(false);
  });
});

describe('icons', () => {
  function pngSize(bytes: Buffer): { width: number; height: number; colourType: number } {
    expect(bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(bytes.subarray(12, 16).toString('ascii')).toBe('IHDR');
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20), colourType: bytes[25] ?? -1 };
  }

  it('has a square RGBA PNG of at least 512 px for Linux', () => {
    expect(config.linux?.icon).toBe('build/icon.png');
    const { width, height, colourType } = pngSize(fs.readFileSync(path.join(repoRoot, 'build/icon.png')));
    expect(width).toBeGreaterThanOrEqual(512);
    expect(height).toBe(width);
    expect(colourType).toBe(6);
  });

  it('has a Windows .ico with every size from 16 to 256 px', () => {
    expect(config.win?.icon).toBe('build/icon.ico');
    const ico = fs.readFileSync(path.join(repoRoot, 'build/icon.ico'));
    expect(ico.readUInt16LE(0)).toBe(0);
    expect(ico.readUInt16LE(2)).toBe(1); // icon, not cursor
    const sizes: number[] = [];
    for (let i = 0; i < ico.readUInt16LE(4); i += 1) {
      const entry = 6 + 16 * i;
      const size = ico[entry] === 0 ? 256 : (ico[entry] ?? -1);
      const length = ico.readUInt32LE(entry + 8);
      const offset = ico.readUInt32LE(entry + 12);
      expect(offset + length).toBeLessThanOrEqual(ico.length);
      const image = pngSize(ico.subarray(offset, offset + length));
      expect([image.width, image.height]).toEqual([size, size]);
      sizes.push(size);
    }
    expect(sizes).toEqual(expect.arrayContaining([16, 24, 32, 48, 64, 128, 256]));
  });
});

describe('afterPack as electron-builder loads it', () => {
  it('flips the fuses of the packaged binary', async () => {
    const appOutDir = fs.mkdtempSync(path.join(os.tmpdir(), 'delegatedesk-pack-'));
    try {
      const binary = path.join(appOutDir, 'delegatedesk');
      writeFakeElectronBinary(binary);
      const afterPack = config.afterPack as (context: unknown) => Promise<void>;

      await afterPack({ appOutDir, electronPlatformName: 'linux', packager: { appInfo: { productFilename: '党代表履职工作台' }, executableName: 'delegatedesk' } });

      expect(readFakeElectronWire(binary)).toBe('010011001');
    } finally {
      fs.rmSync(appOutDir, { recursive: true, force: true });
    }
  }, 30_000);
});
