import { constants } from 'node:fs';
import * as fsPromises from 'node:fs/promises';

/**
 * O_NOFOLLOW where the platform has it (not on Windows, where the caller's lstat check is the guard);
 * O_NONBLOCK so that a FIFO planted under a bundle's name cannot make open() hang (no effect on regular files).
 */
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

export type LimitedRead = { kind: 'ok'; bytes: Uint8Array } | { kind: 'tooLarge'; size: number } | { kind: 'notFile' };

/**
 * Reads a regular file of at most `limit` bytes without following a symlink at its last component, and without
 * ever reading more than limit + 1 bytes (a file that grows while being read, or a device file, cannot make us
 * swallow gigabytes). Errors of open/read are thrown to the caller.
 */
export async function readRegularFileLimited(filePath: string, limit: number): Promise<LimitedRead> {
  const handle = await fsPromises.open(filePath, OPEN_FLAGS);
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { kind: 'notFile' };
    if (info.size > limit) return { kind: 'tooLarge', size: info.size };
    // One byte more than allowed, to notice growth since stat
    const buffer = new Uint8Array(Math.min(info.size, limit) + 1);
    let filled = 0;
    while (filled < buffer.byteLength) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.byteLength - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    if (filled > limit) return { kind: 'tooLarge', size: filled };
    return { kind: 'ok', bytes: buffer.slice(0, filled) };
  } finally {
    await handle.close();
  }
}
