import type { BridgeErrorCode } from '../../shared/bridge';
import { BridgeError } from './bridgeError';

/**
 * What crosses IPC (and the web bridge's HTTP): never a thrown error, always one of these, so the
 * renderer gets a stable code instead of Electron's "Error invoking remote method …" text.
 */
export type BridgeEnvelope<T> = { ok: true; value: T } | BridgeFailure;
export interface BridgeFailure {
  ok: false;
  code: BridgeErrorCode;
  message: string;
}

export function successEnvelope<T>(value: T): BridgeEnvelope<T> {
  return { ok: true, value };
}

/**
 * A BridgeError keeps its code and message. Anything else is a bug or an OS surprise: the renderer
 * gets `fallbackCode` with its generic Chinese message; the details stay in the main process log.
 */
export function failureEnvelope(error: unknown, fallbackCode: BridgeErrorCode): BridgeFailure {
  const bridgeError = error instanceof BridgeError ? error : new BridgeError(fallbackCode, undefined, { cause: error });
  return { ok: false, code: bridgeError.code, message: bridgeError.message };
}
