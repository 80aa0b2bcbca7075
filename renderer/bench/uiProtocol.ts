import type { CustomDemoSize, DemoSizeName } from '../../shared/demo';

/**
 * What `npm run bench:ui` (build/bench/uiBench.ts, Node) and its pages in Chromium send each other: the seed page
 * (uiSeedPage.ts, which writes the app's database) and the probe (uiProbe.ts, injected into the real app before
 * its own scripts). Plain JSON only; every time in milliseconds.
 */

export const UI_SEED_GLOBAL = 'delegateDeskUiSeed';
export const UI_PROBE_GLOBAL = '__delegateDeskUiProbe';
export const UI_PROBE_CONFIG_GLOBAL = '__delegateDeskUiProbeConfig';

export interface UiSeedInput {
  size: DemoSizeName | CustomDemoSize;
  seed: number;
  /** The demo's fixed "now", ISO */
  now: string;
  /** Records per read-write transaction while storing (each is one Repository.write) */
  batch: number;
}

export interface UiSeedResult {
  congressId: string;
  office: { actorId: string; actorName: string };
  delegate: { actorId: string; actorName: string };
  /** Entity rows stored, per table */
  counts: Record<string, number>;
  records: number;
  /** Proposals the sample delegate leads or co-signs (their list) */
  delegateProposals: number;
  generateMs: number;
  storeMs: number;
}

/** Who this profile's device acts for, as the first-run screen's choice would have saved it. */
export interface UiProfileInput {
  role: 'office' | 'delegate';
  actorId: string;
  actorName: string;
  congressId: string;
}

export interface UiSeedApi {
  /** 载入演示数据 at any size: generate, store through the repository in batches, mark exported, office profile */
  seedCongress(input: UiSeedInput): Promise<UiSeedResult>;
  /** Replace the device profile (the delegate's copy of the seeded profile) */
  setDeviceProfile(input: UiProfileInput): Promise<void>;
}

/** Elements the probe waits for, by name (`content` is the screen's main content). */
export type UiProbeTargets = Record<string, string>;

export interface UiProbeConfig {
  targets: UiProbeTargets;
}

export interface UiKeyEvent {
  key: string;
  /** When the browser took the key (event.timeStamp) */
  timeStamp: number;
  /** When the page's handler ran */
  handledAt: number;
}

export interface UiLongTask {
  start: number;
  duration: number;
}

/** What the probe saw, in the page's clock (0 = navigation start). */
export interface UiProbeState {
  /** When each target first appeared in the DOM (a mutation observer, so right after React's commit) */
  seenAt: Record<string, number>;
  /** The first task after the next animation frame once a target appeared: that frame has been produced */
  frameAfter: Record<string, number>;
  keys: UiKeyEvent[];
  longTasks: UiLongTask[];
  /** Navigation Timing: response end and DOMContentLoaded end of the app's document */
  responseEnd?: number;
  domContentLoaded?: number;
}

export interface FrameRecording {
  /** requestAnimationFrame deltas */
  deltas: number[];
  longTasks: UiLongTask[];
  durationMs: number;
  /** Final scrollTop and the most it could be (a full scroll ends at the bottom) */
  scrollTop: number;
  scrollMax: number;
  /** Rows the list had mounted at the end (a virtualised list mounts a screenful) */
  mountedRows: number;
}
