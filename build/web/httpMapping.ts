/**
 * How DelegateDeskBridge calls travel over HTTP in the web bridge (docs/bridge.md has the full
 * contract). JSON cannot carry bytes, so `bytes` travels as a base64 string `bytesBase64`; a browser
 * cannot show a native file dialog, so the path the user typed travels beside the request as `path`.
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
  /** The path the user typed; null = cancelled */
  chosenPath: string | null;
}

const MAX_PATH_LENGTH = 4096;

/** null, absent or "" = the user cancelled the prompt */
const typedPathSchema = z.string().max(MAX_PATH_LENGTH).nullable().optional();

const appInfoBodySchema = z.object({}).strict();
const openFileBodySchema = z.object({ path: typedPathSchema, request: z.unknown() }).strict();
const saveFileBodySchema = z
  .object({
    path: typedPathSchema,
    // Other request fields are checked by saveFileRequestSchema in the handler (strict there)
    request: z.looseObject({ bytesBase64: z.base64() }),
  })
  .strict();

export function decodeBridgeRequestBody(channel: BridgeChannel, body: unknown): DecodedBridgeCall {
  switch (channel) {
    case BRIDGE_CHANNELS.appInfo:
      parseBody(appInfoBodySchema, body);
      return { args: [], chosenPath: null };
    case BRIDGE_CHANNELS.openFile: {
      const parsed = parseBody(openFileBodySchema, body);
      return { args: [parsed.request], chosenPath: checkTypedPath(parsed.path) };
    }
    case BRIDGE_CHANNELS.saveFile: {
      const parsed = parseBody(saveFileBodySchema, body);
      const { bytesBase64, ...rest } = parsed.request;
      if ('bytes' in rest) throw new BridgeError('invalidArguments', '请求参数无效（bytes 应以 bytesBase64 传递）。');
      const bytes = new Uint8Array(Buffer.from(bytesBase64, 'base64'));
      return { args: [{ ...rest, bytes }], chosenPath: checkTypedPath(parsed.path) };
    }
  }
}

/** The envelope as JSON: an opened file's bytes become `bytesBase64`. */
export function encodeBridgeEnvelope(channel: BridgeChannel, envelope: BridgeEnvelope<unknown>): unknown {
  if (!envelope.ok || channel !== BRIDGE_CHANNELS.openFile || envelope.value === null) return envelope;
  const opened = envelope.value as OpenedFile;
  return { ok: true, value: { name: opened.name, bytesBase64: Buffer.from(opened.bytes).toString('base64') } };
}

const STATUS_BY_CODE: Readonly<Record<BridgeErrorCode, number>> = {
  invalidArguments: 400,
  forbiddenSender: 403,
  fileNotFound: 404,
  fileTooLarge: 413,
  fileUnreadable: 500,
  fileUnwritable: 500,
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

function checkTypedPath(typed: string | null | undefined): string | null {
  if (typed === null || typed === undefined || typed === '') return null;
  if (typed.includes('\0') || !path.isAbsolute(typed)) {
    throw new BridgeError('invalidArguments', '请输入文件的完整路径（绝对路径）。');
  }
  return typed;
}
