import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { bundlePath, decodeBundle } from '../../shared/sync/bundle';
import { recipientEntry } from '../../shared/sync/sections';
import { createKeyStore } from '../../electron/keys/keyStore';
import type { DemoSyncFolder } from './demoSyncFolder';

const MAX_TIMED_CALLS = 2000;

/**
 * The main process's share of an import, timed alone: the office's key store unwrapping the content keys of every
 * sealed section addressed to it, one call per bundle as the engine asks (renderer/sync/importer.ts). The same
 * code the web bridge and Electron run (electron/keys/keyStore.ts, X25519 + HKDF + XChaCha20 in @noble), without
 * HTTP. The bundles are read and decoded before the clock starts.
 */
export async function timeOfficeUnwrap(demo: DemoSyncFolder, maxCalls = MAX_TIMED_CALLS): Promise<{ calls: number; keys: number; ms: number; sampled?: number }> {
  const officeId = demo.office.profile.deviceId;
  const batches: { ephemeralPublicKey: string; nonce: string; wrappedKey: string }[][] = [];
  for (const device of demo.devices) {
    if (device.deviceId === officeId) continue;
    for (let seq = 1; seq <= device.bundles; seq++) {
      const file = bundlePath(device.deviceId, seq);
      const decoded = decodeBundle(new Uint8Array(await readFile(path.join(demo.folder, file))), file);
      if (!decoded.ok) throw new Error(`${file}: ${decoded.problem.detail}`);
      const entries = decoded.body.sections.map((s) => recipientEntry(s, officeId)).filter((e) => e !== undefined);
      if (entries.length) batches.push(entries.map(({ ephemeralPublicKey, nonce, wrappedKey }) => ({ ephemeralPublicKey, nonce, wrappedKey })));
    }
  }
  const keyStore = createKeyStore({ dir: demo.office.dataDir });
  await keyStore.publicKeys(officeId); // load the key file before timing
  // A big folder is sampled evenly (every n-th call) and the time scaled up: at ~4 ms a call, all of them would take minutes.
  const step = Math.max(1, Math.ceil(batches.length / maxCalls));
  const sample = batches.filter((_, i) => i % step === 0);
  const keys = batches.reduce((sum, b) => sum + b.length, 0);
  const sampledKeys = sample.reduce((sum, b) => sum + b.length, 0);
  const started = performance.now();
  for (const batch of sample) await keyStore.unwrap(officeId, batch);
  const ms = performance.now() - started;
  if (step === 1) return { calls: batches.length, keys, ms };
  return { calls: batches.length, keys, ms: (ms * keys) / Math.max(1, sampledKeys), sampled: sample.length };
}
