import * as fsPromises from 'node:fs/promises';

/**
 * Flushes a folder's entry list, so a just-renamed or just-linked file survives a power cut (POSIX).
 * Windows cannot open folders this way and some file systems (SMB, FAT) refuse fsync on a folder:
 * that is not an error — those systems commit the name with the file itself or not at all.
 */
export async function syncDirectory(folder: string): Promise<void> {
  let handle: fsPromises.FileHandle | undefined;
  try {
    handle = await fsPromises.open(folder, 'r');
    await handle.sync();
  } catch {
    // Not supported here; see above
  } finally {
    await handle?.close().catch(() => undefined);
  }
}
