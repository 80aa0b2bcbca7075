// Electron fuses（编译期安全开关）: bits in the Electron binary that switch features on or off for good.
// They are flipped once, at package time (build/packaging/flipFusesAfterPack.ts), before any signing, so a
// signed installer cannot be talked back into them. This file is the one place that decides each value;
// the afterPack hook and the tests both read it.
import type * as ElectronFuses from '@electron/fuses';

type FuseName = keyof typeof ElectronFuses.FuseV1Options;

/** The value we ship for each fuse we decide. Why each one: docs/packaging.md#fuses */
export const FUSE_SETTINGS = {
  // ELECTRON_RUN_AS_NODE=1 would turn the signed app into a general-purpose Node.js interpreter
  // ("living off the land"). The app never forks Node processes.
  RunAsNode: false,
  // Chromium's cookie store is encrypted with the OS key store. The app keeps no cookies today; this
  // makes sure a future one is not left in plain text. One-way: never turn it off again.
  EnableCookieEncryption: true,
  // NODE_OPTIONS could inject --require of arbitrary code into the main process.
  EnableNodeOptionsEnvironmentVariable: false,
  // --inspect / --inspect-brk / SIGUSR1 would open a debugger port into the main process, which holds
  // the device keys. Developers debug with `npm start`, whose stock Electron binary is unaffected.
  EnableNodeCliInspectArguments: false,
  // Electron checks app.asar against the hash electron-builder embeds at package time (Windows; on
  // Linux Electron does not implement the check yet, so the bit is set but has no effect there).
  EnableEmbeddedAsarIntegrityValidation: true,
  // Load the app only from resources/app.asar, never from a loose resources/app folder someone drops
  // beside it. Together with the integrity check this means only the code we packaged runs.
  OnlyLoadAppFromAsar: true,
  // Electron's default. The app ships no custom browser-process V8 snapshot.
  LoadBrowserProcessSpecificV8Snapshot: false,
  // file:// pages would get extra privileges (fetch, workers, ...) beyond a normal browser. The renderer
  // loads from app://delegatedesk (electron/protocol) and never from file://.
  GrantFileProtocolExtraPrivileges: false,
} as const satisfies Partial<Record<FuseName, boolean>>;

/**
 * Fuses we deliberately leave as Electron ships them. Any fuse in the binary that is neither here nor in
 * FUSE_SETTINGS fails the package build, so an Electron upgrade that adds a fuse forces a decision.
 */
export const FUSES_LEFT_AT_ELECTRON_DEFAULT: readonly FuseName[] = [
  // WebAssembly trap handlers (on by default) are a V8 speed feature, not an attack surface we can remove.
  'WasmTrapHandlers',
];

type FusesModule = Pick<typeof ElectronFuses, 'FuseV1Options' | 'FuseVersion' | 'FuseState'>;

/** FUSE_SETTINGS in the form flipFuses() takes: fuse wire index → on/off. */
export function buildFuseConfig(fuses: FusesModule, options: { resetAdHocDarwinSignature: boolean }): ElectronFuses.FuseV1Config {
  const config: ElectronFuses.FuseV1Config = { version: fuses.FuseVersion.V1, resetAdHocDarwinSignature: options.resetAdHocDarwinSignature };
  for (const [name, enabled] of Object.entries(FUSE_SETTINGS) as [FuseName, boolean][]) {
    config[fuses.FuseV1Options[name]] = enabled;
  }
  return config;
}

/** What getCurrentFuseWire() returns: the wire version and one state byte per fuse index. */
export type FuseWire = Awaited<ReturnType<typeof ElectronFuses.getCurrentFuseWire>>;

/**
 * Compares the fuse wire read back from a packaged binary with FUSE_SETTINGS. Returns one sentence
 * per problem (empty when the binary is exactly as intended): a decided fuse in the wrong state or
 * marked removed, a decided fuse the binary does not have, or a fuse in the binary nobody decided.
 */
export function checkFuseWire(wire: FuseWire, fuses: FusesModule): string[] {
  const problems: string[] = [];
  const states = new Map<number, number>();
  for (const [key, state] of Object.entries(wire)) {
    if (/^\d+$/.test(key) && typeof state === 'number') states.set(Number(key), state);
  }

  for (const [name, enabled] of Object.entries(FUSE_SETTINGS) as [FuseName, boolean][]) {
    const state = states.get(fuses.FuseV1Options[name]);
    const expected = enabled ? fuses.FuseState.ENABLE : fuses.FuseState.DISABLE;
    if (state === undefined) problems.push(`${name}: this Electron binary has no such fuse`);
    else if (state === fuses.FuseState.REMOVED) problems.push(`${name}: Electron has removed this fuse; decide again in build/packaging/fuses.ts`);
    else if (state !== expected) problems.push(`${name}: expected ${enabled ? 'on' : 'off'}, found ${describeState(state, fuses)}`);
  }

  const decided = new Set<string>([...Object.keys(FUSE_SETTINGS), ...FUSES_LEFT_AT_ELECTRON_DEFAULT]);
  for (const index of [...states.keys()].sort((a, b) => a - b)) {
    const name: string | undefined = fuses.FuseV1Options[index];
    if (name === undefined) {
      problems.push(`fuse #${index}: unknown to @electron/fuses; update it and decide this fuse in build/packaging/fuses.ts`);
    } else if (!decided.has(name)) {
      problems.push(`${name}: not decided; add it to FUSE_SETTINGS or FUSES_LEFT_AT_ELECTRON_DEFAULT in build/packaging/fuses.ts`);
    }
  }
  return problems;
}

function describeState(state: number, fuses: FusesModule): string {
  if (state === fuses.FuseState.ENABLE) return 'on';
  if (state === fuses.FuseState.DISABLE) return 'off';
  return `state byte 0x${state.toString(16)}`;
}
