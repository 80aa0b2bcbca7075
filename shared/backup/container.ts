import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { fromUtf8, utf8 } from '../sync/encoding';
import { BACKUP_FORMAT_VERSION, BACKUP_MAGIC, BackupRefusal, backupHeaderSchema, MAX_BACKUP_HEADER_BYTES } from './format';
import type { BackupHeader, BackupSection } from './format';

const MAGIC_BYTES = utf8(BACKUP_MAGIC);
const TRAILER_BYTES = 32;

export interface SectionInput {
  name: string;
  bytes: Uint8Array;
  rows?: number;
}

export type HeaderFields = Omit<BackupHeader, 'sections' | 'format' | 'formatVersion'>;

/** Lays out a backup file: magic, header, sections, trailer hash (see format.ts). */
export function encodeBackupContainer(fields: HeaderFields, inputs: readonly SectionInput[]): Uint8Array {
  let offset = 0;
  const sections: BackupSection[] = inputs.map((input) => {
    const section: BackupSection = { name: input.name, offset, length: input.bytes.byteLength, sha256: bytesToHex(sha256(input.bytes)), ...(input.rows !== undefined ? { rows: input.rows } : {}) };
    offset += input.bytes.byteLength;
    return section;
  });
  const header: BackupHeader = { format: 'delegatedesk-backup', formatVersion: BACKUP_FORMAT_VERSION, ...fields, sections };
  const headerBytes = utf8(JSON.stringify(header));
  const bodyLength = MAGIC_BYTES.byteLength + 4 + headerBytes.byteLength + offset;
  const out = new Uint8Array(bodyLength + TRAILER_BYTES);
  out.set(MAGIC_BYTES, 0);
  new DataView(out.buffer).setUint32(MAGIC_BYTES.byteLength, headerBytes.byteLength);
  out.set(headerBytes, MAGIC_BYTES.byteLength + 4);
  let at = MAGIC_BYTES.byteLength + 4 + headerBytes.byteLength;
  for (const input of inputs) {
    out.set(input.bytes, at);
    at += input.bytes.byteLength;
  }
  out.set(sha256(out.subarray(0, bodyLength)), bodyLength);
  return out;
}

export interface DecodedContainer {
  header: BackupHeader;
  /** The bytes of a section, by name (views into the file, not copies) */
  section(name: string): Uint8Array | undefined;
}

/**
 * Checks a whole file before anything trusts it: the magic, the trailer hash over everything, the header's shape and
 * version, every section inside the payload and matching its own hash. Throws BackupRefusal.
 */
export function decodeBackupContainer(file: Uint8Array): DecodedContainer {
  if (file.byteLength < MAGIC_BYTES.byteLength || !startsWith(file, MAGIC_BYTES)) throw new BackupRefusal('notBackup', 'the file does not start with the backup signature');
  const minimum = MAGIC_BYTES.byteLength + 4 + TRAILER_BYTES;
  if (file.byteLength < minimum) throw new BackupRefusal('truncated', `${file.byteLength} bytes`);
  const view = new DataView(file.buffer, file.byteOffset, file.byteLength);
  const headerLength = view.getUint32(MAGIC_BYTES.byteLength);
  if (headerLength > MAX_BACKUP_HEADER_BYTES) throw new BackupRefusal('damaged', `header length ${headerLength}`);
  const headerStart = MAGIC_BYTES.byteLength + 4;
  const payloadStart = headerStart + headerLength;
  if (payloadStart + TRAILER_BYTES > file.byteLength) throw new BackupRefusal('truncated', 'the file ends inside the header');

  // A header that does not parse in a file that is also short is most likely cut off: say so rather than "damaged"
  let header: BackupHeader;
  try {
    const parsed = backupHeaderSchema.safeParse(JSON.parse(fromUtf8(file.subarray(headerStart, payloadStart))));
    if (!parsed.success) throw new Error(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '));
    header = parsed.data;
  } catch (error) {
    throw new BackupRefusal('damaged', `header: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (header.formatVersion > BACKUP_FORMAT_VERSION) throw new BackupRefusal('newerFormat', `format version ${header.formatVersion}`);

  const payloadLength = header.sections.reduce((end, s) => Math.max(end, s.offset + s.length), 0);
  const bodyLength = payloadStart + payloadLength;
  if (bodyLength + TRAILER_BYTES > file.byteLength) throw new BackupRefusal('truncated', `expected ${bodyLength + TRAILER_BYTES} bytes, found ${file.byteLength}`);
  if (bodyLength + TRAILER_BYTES < file.byteLength) throw new BackupRefusal('damaged', `${file.byteLength - bodyLength - TRAILER_BYTES} unexpected bytes at the end`);

  const byName = new Map<string, Uint8Array>();
  const damagedSection = header.sections.find((s) => {
    const bytes = file.subarray(payloadStart + s.offset, payloadStart + s.offset + s.length);
    byName.set(s.name, bytes);
    return bytesToHex(sha256(bytes)) !== s.sha256;
  });
  if (damagedSection) throw new BackupRefusal('damaged', `section ${damagedSection.name}`);
  if (byName.size !== header.sections.length) throw new BackupRefusal('damaged', 'a section name appears twice');
  // The sections can all be intact while the header itself was altered: the trailer covers both
  if (!equalBytes(sha256(file.subarray(0, bodyLength)), file.subarray(bodyLength))) throw new BackupRefusal('damaged', 'the file hash does not match its content');
  return { header, section: (name) => byName.get(name) };
}

function startsWith(bytes: Uint8Array, prefix: Uint8Array): boolean {
  for (let i = 0; i < prefix.byteLength; i++) if (bytes[i] !== prefix[i]) return false;
  return true;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  let diff = 0;
  for (let i = 0; i < a.byteLength; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
