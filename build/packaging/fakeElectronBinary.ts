// Test support: a stand-in for a packaged Electron executable. Real binaries cannot be downloaded in
// tests, but fuses are just bytes after a fixed sentinel (docs: electron/docs/tutorial/fuses.md,
// "The hard way"), so a small file with filler around a fuse wire is enough for @electron/fuses and
// for the afterPack hook. Not imported by the packaging code itself.
import fs from 'node:fs';

const SENTINEL = Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'ascii');
const FUSE_WIRE_VERSION = 1;
const FILLER = 4096;

/**
 * Electron's own defaults, one character per fuse index ('1' on, '0' off): RunAsNode 1, cookie
 * encryption 0, NODE_OPTIONS 1, --inspect 1, asar integrity 0, only-asar 0, browser V8 snapshot 0,
 * file:// privileges 1, Wasm trap handlers 1.
 */
export const ELECTRON_DEFAULT_WIRE = '101100011';

/** Writes filler + sentinel + version + length + wire + filler. `wire` uses '0', '1' and 'r' (removed). */
export function writeFakeElectronBinary(file: string, wire: string = ELECTRON_DEFAULT_WIRE): Buffer {
  const bytes = Buffer.concat([
    Buffer.alloc(FILLER, 0xab),
    SENTINEL,
    Buffer.from([FUSE_WIRE_VERSION, wire.length]),
    Buffer.from(wire, 'latin1'),
    Buffer.alloc(FILLER, 0xcd),
  ]);
  fs.writeFileSync(file, bytes);
  return bytes;
}

/** Reads the wire back as '0'/'1'/'r' characters, without @electron/fuses (an independent check). */
export function readFakeElectronWire(file: string): string {
  const bytes = fs.readFileSync(file);
  const at = bytes.indexOf(SENTINEL);
  if (at < 0) throw new Error(`no fuse sentinel in ${file}`);
  const length = bytes[at + SENTINEL.length + 1] ?? 0;
  const start = at + SENTINEL.length + 2;
  return bytes.subarray(start, start + length).toString('latin1');
}

/** Everything outside the wire, to check that flipping touched nothing else */
export function bytesOutsideWire(file: string): Buffer {
  const bytes = fs.readFileSync(file);
  const at = bytes.indexOf(SENTINEL);
  const length = bytes[at + SENTINEL.length + 1] ?? 0;
  const start = at + SENTINEL.length + 2;
  return Buffer.concat([bytes.subarray(0, start), bytes.subarray(start + length)]);
}
