import { fromUtf8, utf8 } from '../sync/encoding';
import { decodeBackupContainer, encodeBackupContainer } from './container';
import type { HeaderFields, SectionInput } from './container';
import { BackupRefusal, BLOB_SECTION_PREFIX, TABLE_SECTION_PREFIX } from './format';
import type { BackupHeader } from './format';
import { gunzip, gzip } from './gzip';
import { decodeRows, encodeRows } from './rowCodec';

/** The `blobs` table keeps its bytes in sections of their own; its rows carry only what describes them. */
export const BLOB_TABLE = 'blobs';

export interface BackupBlob {
  sha256: string;
  bytes: Uint8Array;
}

export interface BackupContent {
  /** Every table's rows by table name (for `blobs`: the rows without their bytes) */
  tables: Record<string, unknown[]>;
  /** Attachment bytes by SHA-256 */
  blobs: BackupBlob[];
}

export interface OpenedBackup {
  header: BackupHeader;
  tables: Record<string, unknown[]>;
  blobs: Map<string, Uint8Array>;
}

export async function buildBackupFile(fields: HeaderFields, content: BackupContent): Promise<Uint8Array> {
  const sections: SectionInput[] = [];
  for (const [name, rows] of Object.entries(content.tables)) {
    sections.push({ name: `${TABLE_SECTION_PREFIX}${name}`, bytes: await gzip(utf8(encodeRows(rows))), rows: rows.length });
  }
  const seen = new Set<string>();
  for (const blob of content.blobs) {
    if (seen.has(blob.sha256)) continue;
    seen.add(blob.sha256);
    sections.push({ name: `${BLOB_SECTION_PREFIX}${blob.sha256}`, bytes: blob.bytes });
  }
  return encodeBackupContainer(fields, sections);
}

/**
 * Reads a backup file completely and refuses it (BackupRefusal) if any part is damaged. Nothing here touches a
 * database: the caller restores only what this returned.
 */
export async function openBackupFile(file: Uint8Array): Promise<OpenedBackup> {
  const container = decodeBackupContainer(file);
  const tables: Record<string, unknown[]> = {};
  const blobs = new Map<string, Uint8Array>();
  for (const section of container.header.sections) {
    const bytes = container.section(section.name)!;
    if (section.name.startsWith(TABLE_SECTION_PREFIX)) {
      const table = section.name.slice(TABLE_SECTION_PREFIX.length);
      let rows: unknown[];
      try {
        rows = decodeRows(fromUtf8(await gunzip(bytes)));
      } catch (error) {
        throw new BackupRefusal('damaged', `table ${table}: ${error instanceof Error ? error.message : String(error)}`);
      }
      if (section.rows !== undefined && rows.length !== section.rows) throw new BackupRefusal('damaged', `table ${table}: ${rows.length} rows, header says ${section.rows}`);
      tables[table] = rows;
    } else if (section.name.startsWith(BLOB_SECTION_PREFIX)) {
      const sha = section.name.slice(BLOB_SECTION_PREFIX.length);
      // Content-addressed: the section's own hash is the attachment's name
      if (sha !== section.sha256) throw new BackupRefusal('damaged', `attachment ${sha} does not hash to its name`);
      blobs.set(sha, bytes);
    } else {
      throw new BackupRefusal('damaged', `unknown section ${section.name}`);
    }
  }
  return { header: container.header, tables, blobs };
}
