import type { DelegateDeskBridge, ScannedBundle } from '../../shared/bridge';
import type { BridgeCallStats } from './protocol';

/**
 * The real bridge with a stopwatch on it: how long the engine waits for the folder scan, for the main process to
 * unwrap content keys, and for everything else — measured from outside the engine, which stays untouched. It also
 * keeps the scanned bundles and the unwrapped keys, so the pure steps can be timed again alone afterwards.
 */
export interface TimedBridge {
  bridge: DelegateDeskBridge;
  scan: BridgeCallStats;
  unwrap: BridgeCallStats;
  other: BridgeCallStats;
  /** Every bundle the scans returned, in order */
  scanned: ScannedBundle[];
  /** Content keys by the wrapped key they came from */
  keys: Map<string, Uint8Array>;
}

const zero = (): BridgeCallStats => ({ calls: 0, ms: 0, amount: 0 });

export function timeBridge(inner: DelegateDeskBridge): TimedBridge {
  const timed: TimedBridge = { bridge: inner, scan: zero(), unwrap: zero(), other: zero(), scanned: [], keys: new Map() };
  async function measure<T>(stats: BridgeCallStats, call: () => Promise<T>): Promise<T> {
    const started = performance.now();
    try {
      return await call();
    } finally {
      stats.calls += 1;
      stats.ms += performance.now() - started;
    }
  }
  timed.bridge = {
    ...inner,
    async syncScan(request) {
      const result = await measure(timed.scan, () => inner.syncScan(request));
      for (const bundle of result.bundles) timed.scan.amount += bundle.bytes.byteLength;
      timed.scanned.push(...result.bundles);
      return result;
    },
    async deviceUnwrap(request) {
      const keys = await measure(timed.unwrap, () => inner.deviceUnwrap(request));
      timed.unwrap.amount += request.wrapped.length;
      request.wrapped.forEach((wrapped, i) => {
        const key = keys[i];
        if (key) timed.keys.set(wrapped.wrappedKey, key);
      });
      return keys;
    },
    syncWriteMarker: (request) => measure(timed.other, () => inner.syncWriteMarker(request)),
    syncGetBlob: (request) => measure(timed.other, () => inner.syncGetBlob(request)),
    syncWriteBundle: (request) => measure(timed.other, () => inner.syncWriteBundle(request)),
    syncPutBlob: (request) => measure(timed.other, () => inner.syncPutBlob(request)),
    deviceKeys: (request) => measure(timed.other, () => inner.deviceKeys(request)),
    deviceSign: (request) => measure(timed.other, () => inner.deviceSign(request)),
  };
  return timed;
}
