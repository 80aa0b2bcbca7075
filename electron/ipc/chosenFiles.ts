import path from 'node:path';
import { errorCodeOf } from '../storage/fsErrors';
import { BridgeError } from './bridgeError';
import { writeFileAtomically } from './bridgeFileSystem';
import type { BridgeFileSystem } from './bridgeFileSystem';
import { plainBytes } from './validate';

/**
 * Reading and writing a file the user picked in a dialog, the same way for every channel that does it: size before
 * a byte is read, atomic writes, and each failure turned into a coded BridgeError with a Chinese sentence.
 */
export async function readChosenFile(fs: BridgeFileSystem, filePath: string, maxBytes: number): Promise<{ name: string; bytes: Uint8Array }> {
  // Size first: a 4 GB video picked by mistake is refused without reading a byte of it
  const info = await fs.stat(filePath).catch((error: unknown) => {
    throw readFailure(error);
  });
  if (!info.isFile()) throw new BridgeError('fileUnreadable', '所选路径不是文件。');
  if (info.size > maxBytes) throw tooLarge(info.size, maxBytes);
  const bytes = await fs.readFile(filePath).catch((error: unknown) => {
    throw readFailure(error);
  });
  // The file may have grown between stat and read
  if (bytes.byteLength > maxBytes) throw tooLarge(bytes.byteLength, maxBytes);
  return { name: path.basename(filePath), bytes: plainBytes(bytes) };
}

export async function writeChosenFile(fs: BridgeFileSystem, filePath: string, bytes: Uint8Array): Promise<{ name: string }> {
  try {
    await writeFileAtomically(fs, filePath, bytes);
  } catch (error) {
    throw writeFailure(error);
  }
  return { name: path.basename(filePath) };
}

function tooLarge(size: number, maxBytes: number): BridgeError {
  return new BridgeError('fileTooLarge', `文件过大（${formatMegabytes(size)}），最大允许 ${formatMegabytes(maxBytes)}。`);
}

function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

function readFailure(error: unknown): BridgeError {
  const code = errorCodeOf(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new BridgeError('fileNotFound', undefined, { cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new BridgeError('fileUnreadable', '没有读取该文件的权限。', { cause: error });
  return new BridgeError('fileUnreadable', undefined, { cause: error });
}

export function writeFailure(error: unknown): BridgeError {
  if (error instanceof BridgeError) return error;
  const code = errorCodeOf(error);
  if (code === 'ENOENT' || code === 'ENOTDIR') return new BridgeError('fileUnwritable', '保存位置不存在。', { cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new BridgeError('fileUnwritable', '没有写入该位置的权限。', { cause: error });
  if (code === 'ENOSPC') return new BridgeError('fileUnwritable', '磁盘空间不足，文件未保存。', { cause: error });
  if (code === 'EISDIR') return new BridgeError('fileUnwritable', '所选路径是文件夹，不能作为文件保存。', { cause: error });
  return new BridgeError('fileUnwritable', undefined, { cause: error });
}
