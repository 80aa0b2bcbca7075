// Hybrid logical clock (Kulkarni et al.): timestamps that follow wall time but never go backwards and
// order causally related events across devices whose clocks disagree. Encoded as a fixed-width string so
// that plain string comparison is clock order, with the device id as the final tiebreak.
export interface Hlc {
  wallMs: number;
  counter: number;
  deviceId: string;
}

const WALL_WIDTH = 11; // base36 ms until the year 5188
const COUNTER_WIDTH = 5;
/** A clock more than this far ahead of local wall time is rejected as implausible. */
export const MAX_CLOCK_DRIFT_MS = 24 * 60 * 60 * 1000;

export function encodeHlc(h: Hlc): string {
  return `${h.wallMs.toString(36).padStart(WALL_WIDTH, '0')}-${h.counter.toString(36).padStart(COUNTER_WIDTH, '0')}-${h.deviceId}`;
}

export function decodeHlc(s: string): Hlc {
  const m = /^([0-9a-z]{11})-([0-9a-z]{5})-(.+)$/.exec(s);
  if (!m) throw new Error(`Invalid HLC timestamp: ${s}`);
  return { wallMs: parseInt(m[1]!, 36), counter: parseInt(m[2]!, 36), deviceId: m[3]! };
}

export const HLC_PATTERN = /^[0-9a-z]{11}-[0-9a-z]{5}-.+$/;

/** Timestamp for a local event. */
export function tickHlc(previous: Hlc | null, deviceId: string, nowMs: number): Hlc {
  if (!previous || nowMs > previous.wallMs) return { wallMs: nowMs, counter: 0, deviceId };
  return { wallMs: previous.wallMs, counter: previous.counter + 1, deviceId };
}

/** Advance the local clock on receiving a remote timestamp. */
export function receiveHlc(local: Hlc | null, remote: Hlc, deviceId: string, nowMs: number): Hlc {
  if (remote.wallMs - nowMs > MAX_CLOCK_DRIFT_MS) {
    throw new Error(`Remote clock is ${remote.wallMs - nowMs} ms ahead of local time`);
  }
  const localWall = local?.wallMs ?? 0;
  const wallMs = Math.max(localWall, remote.wallMs, nowMs);
  let counter = 0;
  if (wallMs === localWall && wallMs === remote.wallMs) counter = Math.max(local!.counter, remote.counter) + 1;
  else if (wallMs === localWall) counter = local!.counter + 1;
  else if (wallMs === remote.wallMs) counter = remote.counter + 1;
  return { wallMs, counter, deviceId };
}

export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Wall-clock time of an encoded HLC, for display. */
export function hlcToDate(s: string): Date {
  return new Date(decodeHlc(s).wallMs);
}
