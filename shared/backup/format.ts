import { z } from 'zod';

/**
 * The full backup file (完整备份, `.ddbackup`): every table of one installation's database and every attachment, in
 * one file that a restore can check completely before it touches anything. Layout (all integers big-endian):
 *
 *   magic        20 bytes  "DELEGATEDESK-BACKUP\n"
 *   headerLength  4 bytes  length of the header in bytes
 *   header        JSON (UTF-8): BackupHeader — what the file holds, and where each section sits in the payload
 *   payload       the sections, one after another (table rows: gzip'd JSON; attachments: their bytes)
 *   trailer      32 bytes  SHA-256 of everything before it
 *
 * Every section also carries its own SHA-256, so a damaged file names the part that is damaged.
 */
export const BACKUP_MAGIC = 'DELEGATEDESK-BACKUP\n';
export const BACKUP_FORMAT = 'delegatedesk-backup';
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_EXTENSION = 'ddbackup';
/** A header larger than this is not one we wrote */
export const MAX_BACKUP_HEADER_BYTES = 16 * 1024 * 1024;

/** Why a backup was taken: by hand, the daily snapshot, or automatically before a schema upgrade or a restore. */
export const backupReasons = ['manual', 'daily', 'beforeMigration', 'beforeRestore'] as const;
export type BackupReason = (typeof backupReasons)[number];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

export const backupSectionSchema = z.object({
  /** `table:<name>` for a table's rows, `blob:<sha256>` for an attachment's bytes */
  name: z.string().min(1).max(200),
  offset: z.number().int().min(0),
  length: z.number().int().min(0),
  sha256: sha256Hex,
  /** Rows in a table section */
  rows: z.number().int().min(0).optional(),
}).strict();
export type BackupSection = z.infer<typeof backupSectionSchema>;

export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.number().int().min(1),
  createdAt: z.string().min(1).max(40),
  reason: z.enum(backupReasons),
  appVersion: z.string().max(40),
  /** The database schema version the rows were written with (renderer/data/schema.ts) */
  schemaVersion: z.number().int().min(1),
  /** The installation the backup came from; its keys stay on that machine */
  deviceId: z.string().max(40),
  congressId: z.string().max(100).nullable(),
  congressName: z.string().max(200).nullable(),
  /** What the device was used for, shown before a restore */
  role: z.enum(['office', 'delegate']).nullable(),
  actorName: z.string().max(200).nullable(),
  sections: z.array(backupSectionSchema).max(10_000_000),
});
export type BackupHeader = z.infer<typeof backupHeaderSchema>;

export const TABLE_SECTION_PREFIX = 'table:';
export const BLOB_SECTION_PREFIX = 'blob:';

/** Reasons a file is refused; the UI words each in Chinese (backupRefusalMessage). */
export type BackupRefusalCode =
  | 'notBackup'
  | 'truncated'
  | 'damaged'
  | 'newerFormat'
  | 'newerSchema'
  | 'invalidRows'
  | 'otherDevice'
  | 'otherCongress';

export class BackupRefusal extends Error {
  constructor(
    readonly code: BackupRefusalCode,
    readonly detail: string,
  ) {
    super(`${code}: ${detail}`);
    this.name = 'BackupRefusal';
  }
}
