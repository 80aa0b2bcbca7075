import type { z } from 'zod';
import { BRIDGE_ERROR_MESSAGES, BridgeError } from './bridgeError';

/** Parses an untrusted request; any failure is invalidArguments naming the first offending field. */
export function validate<Schema extends z.ZodType>(schema: Schema, raw: unknown): z.output<Schema> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const where = result.error.issues[0]?.path.join('.');
  throw new BridgeError('invalidArguments', where ? `请求参数无效（${where}）。` : BRIDGE_ERROR_MESSAGES.invalidArguments, {
    cause: result.error,
  });
}

/**
 * A Uint8Array that owns exactly its bytes. Structured clone (IPC) copies a view's whole underlying
 * ArrayBuffer, and Node's Buffer may sit in a shared pool holding other data.
 */
export function plainBytes(bytes: Uint8Array): Uint8Array {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength) {
    return Object.getPrototypeOf(bytes) === Uint8Array.prototype ? bytes : new Uint8Array(bytes.buffer, 0, bytes.byteLength);
  }
  return new Uint8Array(bytes);
}
