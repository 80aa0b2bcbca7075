/**
 * How DelegateDeskBridge calls travel over HTTP in the web bridge (docs/bridge.md has the full
 * contract). JSON cannot carry bytes, so a request's `bytes` travels as a base64 string `bytesBase64`
 * and bytes in answers as base64 strings; a browser cannot show a native file or folder dialog, so the
 * path the user typed travels beside the request as `path`.
 */
import path from 'node:path';
import { z } from 'zod';
import { BRIDGE_CHANNELS } from '../../shared/bridge';
import type { BridgeChannel, BridgeErrorCode, OpenedFile } from '../../shared/bridge';
import { BridgeError } from '../../electron/ipc/bridgeError';
import type { BridgeEnvelope } from '../../electron/ipc/envelope';

export interface DecodedBridgeCall {
  /** Arguments for the handler, exactly as the preload would pass them */
  args: unknown[];
  /** The path the user typed; null = cancelled (only file:open, file:save and sync:chooseFolder use it) */
  chosenPath: string | null;
}

const MAX_PATH_LENGTH = 4096;
/**
 * sync:scan answers at most this many bundle bytes per call over HTTP: base64 in one JSON string must stay
 * well under V8's string limit (~512 MB). The answer says `truncated: true` and the client asks again.
 */
export const WEB_MAX_SCAN_BYTES = 128 * 1024 * 1024;

/** null, absent or "" = the user cancelled the prompt */
const typedPathSchema = z.string().max(MAX_PATH_LENGTH).nullable().optional();

const emptyBodySchema = z.object({}).strict();
const requestBodySchema = z.object({ request: z.unknown() }).strict();
const promptedBodySchema = z.object({ path: typedPathSchema, request: z.unknown() }).strict();
// Other request fields are checked by the channel's schema in the handler (strict there)
const requestWithBytesSchema = z.looseObject({ bytesBase64: z.base64() });
const bytesBodySchema = z.object({ request: requestWithBytesSchema }).strict();
const promptedBytesBodySchema = z.object({ path: typedPathSchema, request: requestWithBytesSchema }).strict();

export function decodeBridgeRequestBody(channel: BridgeChannel, body: unknown): DecodedBridgeCall {
  switch (channel) {
    case BRIDGE_CHANNELS.appInfo:
      parseBody(emptyBodySchema, body);
      return { args: [], chosenPath: null };
    case BRIDGE_CHANNELS.openFile:
    case BRIDGE_CHANNELS.syncChooseFolder:
    case BRIDGE_CHANNELS.printToPdf:
    case BRIDGE_CHANNELS.backupOpenFile: {
      const parsed = parseBody(promptedBodySchema, body);
      return { args: [parsed.request], chosenPath: checkTypedPath(parsed.path) };
    }
    case BRIDGE_CHANNELS.saveFile:
    case BRIDGE_CHANNELS.backupSaveAs: {
      const parsed = parseBody(promptedBytesBodySchema, body);
      return { args: [withBytes(parsed.request)], chosenPath: checkTypedPath(parsed.path) };
    }
    case BRIDGE_CHANNELS.deviceSign:
    case BRIDGE_CHANNELS.syncWriteBundle:
    case BRIDGE_CHANNELS.syncPutBlob:
    case BRIDGE_CHANNELS.backupWriteLocal:
      return { args: [withBytes(parseBody(bytesBodySchema, body).request)], chosenPath: null };
    case BRIDGE_CHANNELS.syncScan:
      return { args: [limitScan(parseBody(requestBodySchema, body).request)], chosenPath: null };
    case BRIDGE_CHANNELS.deviceKeys:
    case BRIDGE_CHANNELS.deviceUnwrap:
    case BRIDGE_CHANNELS.syncWriteMarker:
    case BRIDGE_CHANNELS.syncGetBlob:
    case BRIDGE_CHANNELS.backupListLocal:
    case BRIDGE_CHANNELS.backupReadLocal:
      return { args: [parseBody(requestBodySchema, body).request], chosenPath: null };
  }
}

/**
 * The envelope as JSON: bytes in answers become base64 (`bytesBase64` inside objects, a bare string otherwise).
 * A successful sync:scan is not sent as JSON but as a scan frame (shared/scanFrame.ts).
 */
export function encodeBridgeEnvelope(channel: BridgeChannel, envelope: BridgeEnvelope<unknown>): unknown {
  if (!envelope.ok || envelope.value === null) return envelope;
  const value = envelope.value;
  switch (channel) {
    case BRIDGE_CHANNELS.openFile:
    case BRIDGE_CHANNELS.backupOpenFile: {
      const opened = value as OpenedFile;
      return { ok: true, value: { name: opened.name, bytesBase64: base64(opened.bytes) } };
    }
    case BRIDGE_CHANNELS.deviceSign:
    case BRIDGE_CHANNELS.syncGetBlob:
    case BRIDGE_CHANNELS.backupReadLocal:
      return { ok: true, value: base64(value as Uint8Array) };
    case BRIDGE_CHANNELS.deviceUnwrap:
      return { ok: true, value: (value as (Uint8Array | null)[]).map((key) => (key === null ? null : base64(key))) };
    default:
      return envelope;
  }
}

const STATUS_BY_CODE: Readonly<Record<BridgeErrorCode, number>> = {
  invalidArguments: 400,
  forbiddenSender: 403,
  fileNotFound: 404,
  fileExists: 409,
  fileTooLarge: 413,
  fileUnreadable: 500,
  fileUnwritable: 500,
  keyUnavailable: 500,
  internal: 500,
  unsupported: 501,
  folderUnreachable: 503,
};

/** HTTP status for an envelope; the envelope itself is what clients read. */
export function httpStatusOf(envelope: BridgeEnvelope<unknown>): number {
  return envelope.ok ? 200 : STATUS_BY_CODE[envelope.code];
}

function parseBody<Schema extends z.ZodType>(schema: Schema, body: unknown): z.output<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const where = result.error.issues[0]?.path.join('.');
  throw new BridgeError('invalidArguments', where ? `请求参数无效（${where}）。` : undefined, { cause: result.error });
}

/** `{ ...rest, bytesBase64 }` → `{ ...rest, bytes }`; a `bytes` key beside it is refused, not overwritten. */
function withBytes(request: z.output<typeof requestWithBytesSchema>): Record<string, unknown> {
  const { bytesBase64, ...rest } = request;
  if ('bytes' in rest) throw new BridgeError('invalidArguments', '请求参数无效（bytes 应以 bytesBase64 传递）。');
  return { ...rest, bytes: new Uint8Array(Buffer.from(bytesBase64, 'base64')) };
}

/** Caps a valid (or absent) maxBytes at WEB_MAX_SCAN_BYTES; anything else is left for the handler to refuse. */
function limitScan(request: unknown): unknown {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) return request;
  const { maxBytes } = request as { maxBytes?: unknown };
  if (maxBytes === undefined) return { ...request, maxBytes: WEB_MAX_SCAN_BYTES };
  if (typeof maxBytes === 'number' && Number.isInteger(maxBytes) && maxBytes > WEB_MAX_SCAN_BYTES && maxBytes <= 512 * 1024 * 1024) {
    return { ...request, maxBytes: WEB_MAX_SCAN_BYTES };
  }
  return request;
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}

function checkTypedPath(typed: string | null | undefined): string | null {
  if (typed === null || typed === undefined || typed === '') return null;
  if (typed.includes('\0') || !path.isAbsolute(typed)) {
    throw new BridgeError('invalidArguments', '请输入完整路径（绝对路径）。');
  }
  return typed;
}
