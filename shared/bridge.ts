import { z } from 'zod';

export * from './bridgeChannels';

/**
 * The one typed API the preload script exposes to the renderer as `window.delegateDesk`
 * (and the web bridge serves over HTTP on 127.0.0.1 for tests and development).
 * Every argument is validated with these schemas on the receiving side.
 */
export const MAX_OPEN_FILE_BYTES = 50 * 1024 * 1024;

const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z.array(z.string().regex(/^[a-z0-9*]{1,10}$/i)).min(1).max(20),
});

export const openFileRequestSchema = z.object({
  title: z.string().max(200).optional(),
  filters: z.array(fileFilterSchema).max(10).default([]),
  maxBytes: z.number().int().positive().max(MAX_OPEN_FILE_BYTES).default(MAX_OPEN_FILE_BYTES),
}).strict();
export type OpenFileRequest = z.input<typeof openFileRequestSchema>;

export const saveFileRequestSchema = z.object({
  title: z.string().max(200).optional(),
  /** A bare file name: no directories */
  defaultName: z.string().min(1).max(200).refine((n) => !/[\\/]/.test(n) && n !== '.' && n !== '..', 'defaultName must be a bare file name'),
  filters: z.array(fileFilterSchema).max(10).default([]),
  bytes: z.instanceof(Uint8Array).refine((b) => b.byteLength <= 200 * 1024 * 1024, 'file too large'),
}).strict();
export type SaveFileRequest = z.input<typeof saveFileRequestSchema>;

export interface AppInfo {
  name: string;
  version: string;
  platform: string;
  /** Which shell serves the bridge */
  shell: 'electron' | 'web';
}

export interface OpenedFile {
  /** Base name only; the renderer never learns full paths */
  name: string;
  bytes: Uint8Array;
}

export interface SavedFile {
  name: string;
}

export interface DelegateDeskBridge {
  appInfo(): Promise<AppInfo>;
  /** Shows an open dialog and reads the chosen file; null when the user cancels. */
  openFile(request: OpenFileRequest): Promise<OpenedFile | null>;
  /** Shows a save dialog and writes the bytes; null when the user cancels. */
  saveFile(request: SaveFileRequest): Promise<SavedFile | null>;
}
