import { bridgeErrorCodes } from '../../shared/bridgeChannels';
import type { BridgeErrorCode } from '../../shared/bridge';

/** The Chinese sentence shown for each code when the renderer has nothing more specific to say. */
export const BRIDGE_ERROR_MESSAGES: Readonly<Record<BridgeErrorCode, string>> = {
  invalidArguments: '请求参数无效。',
  fileTooLarge: '文件过大，无法打开。',
  fileNotFound: '找不到该文件。',
  fileUnreadable: '无法读取该文件。',
  fileUnwritable: '无法保存文件，请检查保存位置和权限。',
  forbiddenSender: '请求来源不受信任，已拒绝。',
  folderUnreachable: '同步文件夹当前无法访问（网络已断开或U盘已拔出？），本机数据未受影响。',
  fileExists: '同步文件夹中已有同名文件，为避免覆盖已停止写入。',
  keyUnavailable: '本机设备密钥不可用，无法签名或解密同步数据。',
  unsupported: '当前版本不支持此操作。',
  internal: '发生内部错误，操作未完成。',
};

/** A failure the bridge reports to the renderer: a stable code plus a user-facing Chinese message. */
export class BridgeError extends Error {
  override readonly name = 'BridgeError';
  readonly code: BridgeErrorCode;

  constructor(code: BridgeErrorCode, message: string = BRIDGE_ERROR_MESSAGES[code], options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isBridgeErrorCode(value: unknown): value is BridgeErrorCode {
  return typeof value === 'string' && (bridgeErrorCodes as readonly string[]).includes(value);
}
