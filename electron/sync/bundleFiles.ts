import { MAX_BUNDLE_BYTES } from '../../shared/sync/types';
import { BridgeError } from '../ipc/bridgeError';
import { readRegularFileLimited } from '../storage/readLimited';
import { writeFileOnce } from '../storage/writeOnce';
import type { WriteOnceOptions } from '../storage/writeOnce';
import { absolutePath, BUNDLES_FOLDER, bundleRelativePath, DEVICES_FOLDER, ensureRealFolder, requireReachableFolder } from './syncFolder';
import { syncWriteFailure } from './syncErrors';

/**
 * Publishes this device's bundle `seq` as devices/<deviceId>/bundles/<seq>.ddb: complete or not at all, and
 * never over an existing file (writeFileOnce explains how, for local disks, NFS, SMB and FAT sticks).
 *
 * An existing file with exactly these bytes counts as success (a retry after a lost answer); any other existing
 * file is `fileExists` — the renderer must not pretend its bundle is published when another one holds the seq.
 */
export async function writeBundle(folder: string, deviceId: string, seq: number, bytes: Uint8Array, options: Pick<WriteOnceOptions, 'link'> = {}): Promise<{ file: string }> {
  await requireReachableFolder(folder);
  const file = bundleRelativePath(deviceId, seq);
  let outcome;
  try {
    await ensureRealFolder(folder, `${DEVICES_FOLDER}/${deviceId}/${BUNDLES_FOLDER}`);
    outcome = await writeFileOnce(absolutePath(folder, file), bytes, options);
  } catch (error) {
    throw syncWriteFailure(error);
  }
  if (outcome === 'exists' && !(await holdsExactly(absolutePath(folder, file), bytes))) {
    throw new BridgeError('fileExists', `同步文件夹中已有本机的第 ${seq} 号数据包，为避免覆盖已停止写入。请联系信息管理人员检查（npm run sync:doctor）。`);
  }
  return { file };
}

async function holdsExactly(filePath: string, bytes: Uint8Array): Promise<boolean> {
  try {
    const read = await readRegularFileLimited(filePath, MAX_BUNDLE_BYTES);
    return read.kind === 'ok' && Buffer.from(read.bytes).equals(bytes);
  } catch {
    return false;
  }
}
