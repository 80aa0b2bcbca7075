// electron-builder afterPack hook: flips the fuses in the freshly packaged Electron binary, then reads
// them back and fails the build unless every fuse is exactly as build/packaging/fuses.ts decides.
// afterPack runs after the app is copied in and before electron-builder signs the executable and
// builds the installer (NSIS/deb/AppImage), so the fuses end up inside what gets signed and shipped.
import path from 'node:path';
import { buildFuseConfig, checkFuseWire } from './fuses';

/** The part of electron-builder's AfterPackContext this hook reads (kept narrow so tests can fake it). */
export interface FuseHookContext {
  /** e.g. release/linux-unpacked, release/win-unpacked */
  readonly appOutDir: string;
  /** 'linux' | 'win32' | 'darwin' | 'mas' */
  readonly electronPlatformName: string;
  readonly packager: {
    readonly appInfo: { readonly productFilename: string };
    /** Only LinuxPackager has it: the lower-case binary name (linux.executableName) */
    readonly executableName?: string;
  };
}

/** Where electron-builder put the renamed Electron binary (same rule as its own addElectronFuses). */
export function electronBinaryPath(context: FuseHookContext): string {
  const { appOutDir, electronPlatformName, packager } = context;
  switch (electronPlatformName) {
    case 'linux':
      if (!packager.executableName) throw new Error('afterPack: the Linux packager has no executableName');
      return path.join(appOutDir, packager.executableName);
    case 'win32':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.exe`);
    case 'darwin':
    case 'mas':
      return path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
    default:
      throw new Error(`afterPack: no Electron binary layout known for platform "${electronPlatformName}"`);
  }
}

export async function flipFusesAfterPack(context: FuseHookContext): Promise<void> {
  // @electron/fuses is ESM-only; a dynamic import works from the CommonJS jiti uses to load this config
  const fuses = await import('@electron/fuses');
  const binary = electronBinaryPath(context);
  // An arm64 macOS binary must be re-signed ad hoc after editing or it will not start
  const isMac = context.electronPlatformName === 'darwin' || context.electronPlatformName === 'mas';
  await fuses.flipFuses(binary, buildFuseConfig(fuses, { resetAdHocDarwinSignature: isMac }));

  const problems = checkFuseWire(await fuses.getCurrentFuseWire(binary), fuses);
  if (problems.length > 0) {
    throw new Error(`Electron fuses in ${binary} are not as build/packaging/fuses.ts requires:\n- ${problems.join('\n- ')}`);
  }
}
