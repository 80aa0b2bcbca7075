import { BridgeError } from '../ipc/bridgeError';
import { errorCodeOf } from '../storage/fsErrors';

/** Errors that mean "the folder went away" (stick pulled, share disconnected) rather than a refusal. */
const GONE = new Set(['ENOENT', 'ENOTDIR', 'EIO', 'ENXIO', 'ENODEV', 'EHOSTDOWN', 'EHOSTUNREACH', 'ENETDOWN', 'ENETUNREACH', 'ETIMEDOUT', 'ESTALE', 'ECONNRESET', 'ECONNABORTED']);

/** A failed write into the sync folder, as the code and Chinese sentence the user sees. */
export function syncWriteFailure(error: unknown): BridgeError {
  if (error instanceof BridgeError) return error;
  const code = errorCodeOf(error) ?? '';
  if (GONE.has(code)) return new BridgeError('folderUnreachable', undefined, { cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new BridgeError('fileUnwritable', '没有写入同步文件夹的权限。', { cause: error });
  if (code === 'EROFS') return new BridgeError('fileUnwritable', '同步文件夹是只读的（U盘写保护？），无法写入。', { cause: error });
  if (code === 'ENOSPC' || code === 'EDQUOT') return new BridgeError('fileUnwritable', '同步文件夹所在磁盘或U盘空间不足，未写入。', { cause: error });
  return new BridgeError('fileUnwritable', '无法写入同步文件夹。', { cause: error });
}

/** A failed read from the sync folder. */
export function syncReadFailure(error: unknown): BridgeError {
  if (error instanceof BridgeError) return error;
  const code = errorCodeOf(error) ?? '';
  if (GONE.has(code)) return new BridgeError('folderUnreachable', undefined, { cause: error });
  if (code === 'EACCES' || code === 'EPERM') return new BridgeError('fileUnreadable', '没有读取同步文件夹的权限。', { cause: error });
  return new BridgeError('fileUnreadable', '无法读取同步文件夹中的文件。', { cause: error });
}
