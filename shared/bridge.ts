import { z } from 'zod';
import { backupReasons } from './backup/format';
import type { BackupReason } from './backup/format';

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
/** Print what the window shows (its `@media print` layout) to an A4 PDF and save it where the user chooses. */
export const printToPdfRequestSchema = z.object({
  title: z.string().max(200).optional(),
  defaultName: saveFileRequestSchema.shape.defaultName,
  landscape: z.boolean().default(false),
}).strict();
export type PrintToPdfRequest = z.input<typeof printToPdfRequestSchema>;

const deviceIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'invalid device id');
/** An absolute folder path chosen by the user (sync folder or USB stick); the main process re-checks it. */
const folderSchema = z.string().min(1).max(1000).refine((p) => !p.includes('\0'), 'invalid path');
const bytesSchema = z.instanceof(Uint8Array);

export const deviceKeysRequestSchema = z.object({ deviceId: deviceIdSchema }).strict();
export const deviceSignRequestSchema = z.object({ deviceId: deviceIdSchema, bytes: bytesSchema.refine((b) => b.byteLength <= 80 * 1024 * 1024) }).strict();
/** Unwrap the content keys of sealed sections addressed to this device (X25519 + XChaCha20-Poly1305 key wrap). */
export const deviceUnwrapRequestSchema = z.object({
  deviceId: deviceIdSchema,
  wrapped: z.array(z.object({ ephemeralPublicKey: z.string().max(100), nonce: z.string().max(100), wrappedKey: z.string().max(200) }).strict()).max(100_000),
}).strict();
export const syncChooseFolderRequestSchema = z.object({ title: z.string().max(200).optional() }).strict();
export const syncScanRequestSchema = z.object({
  folder: folderSchema,
  /** Highest bundle seq already applied per device; only later bundles are returned */
  known: z.record(deviceIdSchema, z.number().int().min(0)),
  /** Stop after this many bytes of bundles (the caller asks again for the rest) */
  maxBytes: z.number().int().positive().max(512 * 1024 * 1024).default(256 * 1024 * 1024),
}).strict();
export const syncWriteMarkerRequestSchema = z.object({ folder: folderSchema, congressId: z.string().min(1).max(100) }).strict();
export const syncWriteBundleRequestSchema = z.object({
  folder: folderSchema,
  deviceId: deviceIdSchema,
  seq: z.number().int().min(1).max(9_999_999_999),
  bytes: bytesSchema.refine((b) => b.byteLength <= 64 * 1024 * 1024, 'bundle too large'),
}).strict();
export const syncPutBlobRequestSchema = z.object({
  folder: folderSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: bytesSchema.refine((b) => b.byteLength <= 50 * 1024 * 1024, 'blob too large'),
}).strict();
export const syncGetBlobRequestSchema = z.object({ folder: folderSchema, sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict();

export type SyncScanRequest = z.input<typeof syncScanRequestSchema>;

/** A full backup (.ddbackup) may hold every attachment of a congress: larger than any other file the bridge moves. */
export const MAX_BACKUP_BYTES = 1024 * 1024 * 1024;
/** Automatic snapshots in the data folder: `<yyyyMMdd>-<HHmmss>[-n]-<reason>.ddbackup`; nothing else is ever read there. */
export const LOCAL_BACKUP_NAME_PATTERN = /^(\d{8})-(\d{6})(?:-(\d{1,3}))?-(manual|daily|beforeMigration|beforeRestore)\.ddbackup$/;
const backupBytesSchema = bytesSchema.refine((b) => b.byteLength <= MAX_BACKUP_BYTES, 'backup too large');
export const backupWriteLocalRequestSchema = z.object({
  reason: z.enum(backupReasons),
  bytes: backupBytesSchema,
  /** How many snapshots of this reason to keep, the newest first (设置：保留份数) */
  keep: z.number().int().min(1).max(365),
}).strict();
export const backupListLocalRequestSchema = z.object({}).strict();
export const backupReadLocalRequestSchema = z.object({ name: z.string().max(100).regex(LOCAL_BACKUP_NAME_PATTERN, 'not a backup name') }).strict();
export const backupSaveAsRequestSchema = z.object({ defaultName: saveFileRequestSchema.shape.defaultName, bytes: backupBytesSchema }).strict();
export const backupOpenFileRequestSchema = z.object({ title: z.string().max(200).optional() }).strict();

export interface LocalBackupInfo {
  name: string;
  reason: BackupReason;
  /** ISO time the snapshot was written */
  createdAt: string;
  size: number;
}

export interface DevicePublicKeys {
  /** base64 raw Ed25519 public key */
  signPublicKey: string;
  /** base64 raw X25519 public key */
  boxPublicKey: string;
  /** false when the OS offers no protected storage (safeStorage) and the private keys sit in a plain file */
  protectedAtRest: boolean;
}

export interface ScannedBundle {
  deviceId: string;
  seq: number;
  /** path relative to the sync folder, e.g. devices/<id>/bundles/0000000001.ddb */
  file: string;
  bytes: Uint8Array;
}

export interface SyncScanResult {
  /** false when the folder is missing or cannot be listed: nothing local is touched */
  reachable: boolean;
  marker: { format: string; version: number; congressId: string } | null;
  /** Later bundles, in (device, seq) order; a device's list stops at its first unreadable file */
  bundles: ScannedBundle[];
  /** True when maxBytes cut the list short */
  truncated: boolean;
  /** Files outside the layout, too large or unreadable — reported, never opened */
  problems: { file: string; code: 'badName' | 'tooLarge' | 'unreadable'; detail: string }[];
}

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

  /** This installation's public keys for `deviceId`, made on first use; private keys never leave the main process. */
  deviceKeys(request: { deviceId: string }): Promise<DevicePublicKeys>;
  /** Ed25519 signature (64 bytes) of `bytes` with this device's key. */
  deviceSign(request: { deviceId: string; bytes: Uint8Array }): Promise<Uint8Array>;
  /** Content keys of sealed sections addressed to this device, in order; null where one cannot be opened. */
  deviceUnwrap(request: { deviceId: string; wrapped: { ephemeralPublicKey: string; nonce: string; wrappedKey: string }[] }): Promise<(Uint8Array | null)[]>;

  /** Folder picker for the sync folder or a USB stick; null when cancelled. */
  syncChooseFolder(request: { title?: string }): Promise<{ folder: string } | null>;
  syncScan(request: SyncScanRequest): Promise<SyncScanResult>;
  /** Creates the folder marker if absent; returns the marker now in the folder. */
  syncWriteMarker(request: { folder: string; congressId: string }): Promise<{ format: string; version: number; congressId: string }>;
  /** Writes devices/<deviceId>/bundles/<seq>.ddb atomically; refuses ('fileExists') to overwrite. */
  syncWriteBundle(request: { folder: string; deviceId: string; seq: number; bytes: Uint8Array }): Promise<{ file: string }>;
  /** Writes blobs/<hh>/<sha256> once; checks the bytes hash to the name. */
  syncPutBlob(request: { folder: string; sha256: string; bytes: Uint8Array }): Promise<{ file: string; existed: boolean }>;
  syncGetBlob(request: { folder: string; sha256: string }): Promise<Uint8Array | null>;

  /**
   * Prints the window's current page, as laid out for print, to an A4 PDF and saves it through a save dialog; null
   * when the user cancels. Rejects with 'unsupported' where the shell cannot print to PDF (the browser build: use
   * the browser's own print dialog there).
   */
  printToPdf(request: PrintToPdfRequest): Promise<SavedFile | null>;

  /** Writes an automatic snapshot into the data folder's backups/ and removes the oldest beyond `keep` of that reason. */
  backupWriteLocal(request: { reason: BackupReason; bytes: Uint8Array; keep: number }): Promise<LocalBackupInfo>;
  /** The snapshots in the data folder, newest first. */
  backupListLocal(request: Record<string, never>): Promise<LocalBackupInfo[]>;
  backupReadLocal(request: { name: string }): Promise<Uint8Array>;
  /** Saves a full backup where the user chooses (e.g. a USB stick); null when cancelled. Up to MAX_BACKUP_BYTES. */
  backupSaveAs(request: { defaultName: string; bytes: Uint8Array }): Promise<SavedFile | null>;
  /** Lets the user pick a .ddbackup file and reads it; null when cancelled. */
  backupOpenFile(request: { title?: string }): Promise<OpenedFile | null>;
}
