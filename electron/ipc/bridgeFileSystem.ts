import { randomBytes } from 'node:crypto';
import * as fsPromises from 'node:fs/promises';
import path from 'node:path';

/** The few file operations the bridge needs; tests pass the real ones wrapped to observe calls. */
export interface BridgeFileSystem {
  stat(filePath: string): Promise<{ size: number; isFile(): boolean }>;
  readFile(filePath: string): Promise<Uint8Array>;
  writeFile(filePath: string, data: Uint8Array, options: { flag: 'wx'; flush: true }): Promise<void>;
  rename(fromPath: string, toPath: string): Promise<void>;
  rm(filePath: string, options: { force: true }): Promise<void>;
}

export const nodeFileSystem: BridgeFileSystem = {
  stat: (filePath) => fsPromises.stat(filePath),
  readFile: (filePath) => fsPromises.readFile(filePath),
  writeFile: (filePath, data, options) => fsPromises.writeFile(filePath, data, options),
  rename: (fromPath, toPath) => fsPromises.rename(fromPath, toPath),
  rm: (filePath, options) => fsPromises.rm(filePath, options),
};

/**
 * Writes `bytes` to `targetPath` so that the target is either the old file or the complete new one,
 * never half-written (a crash or full disk mid-export must not destroy an earlier report): the data
 * goes to a temporary file in the same folder (same volume, so rename is atomic), flushed to disk,
 * then renamed over the target. The temporary file is removed if anything fails.
 */
export async function writeFileAtomically(fs: BridgeFileSystem, targetPath: string, bytes: Uint8Array): Promise<void> {
  // Short fixed-length name: the target's own name may already be near the 255-byte limit
  const temporaryPath = path.join(path.dirname(targetPath), `.delegatedesk-${randomBytes(8).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temporaryPath, bytes, { flag: 'wx', flush: true });
    await fs.rename(temporaryPath, targetPath);
  } catch (error) {
    await fs.rm(temporaryPath, { force: true }).catch(() => undefined);
    throw error;
  }
}
