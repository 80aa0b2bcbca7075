import type { ChangeRecord, EntityName } from '../domain';

/**
 * Contracts of the sync format (docs/sync-format.md is the normative description).
 *
 * Folder layout (all names ASCII, fixed patterns; anything else is reported and ignored):
 *   <folder>/delegatedesk-sync.json                    marker: { format: 'delegatedesk-sync-folder', version: 1, congressId }
 *   <folder>/devices/<deviceId>/bundles/<seq>.ddb      seq = 10 decimal digits, 1-based, gap-free per device
 *   <folder>/blobs/<hh>/<sha256hex>                    attachment bytes (sealed blobs: sha256 of the stored bytes)
 * A device writes only under its own devices/<deviceId>/; files are written to a temporary name, flushed and
 * renamed, and never rewritten.
 */
export const SYNC_FORMAT_VERSION = 1;
export const BUNDLE_FILE_FORMAT = 'delegatedesk-bundle';
export const FOLDER_MARKER_FORMAT = 'delegatedesk-sync-folder';
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
export const MAX_BLOB_BYTES = 50 * 1024 * 1024;
export const DEVICE_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{26}$/;
export const BUNDLE_NAME_PATTERN = /^(\d{10})\.ddb$/;
export const BLOB_NAME_PATTERN = /^[0-9a-f]{64}$/;

/** Public keys of one installation (base64, raw 32-byte keys). */
export interface DeviceKeys {
  deviceId: string;
  /** Ed25519, verifies this device's bundles */
  signPublicKey: string;
  /** X25519, what others seal to */
  boxPublicKey: string;
}

/**
 * A change as it travels: a change-log record, optionally with per-field clocks when it is a snapshot of a
 * whole row (the office publishing a received proposal in full) rather than one edit.
 */
export interface SyncChange extends ChangeRecord {
  /** Per-field HLCs overriding `hlc` for the named fields (snapshots). */
  fieldHlcs?: Record<string, string>;
}

/** What a section carries once opened. */
export interface SectionPayload {
  changes: SyncChange[];
  /** For sealed blobs: how to open each blob this section refers to. */
  blobKeys?: { sha256: string; storedSha256: string; key: string; nonce: string }[];
}

/** One recipient of a sealed section: the content key wrapped for their X25519 key. */
export interface SealedRecipient {
  deviceId: string;
  ephemeralPublicKey: string;
  nonce: string;
  wrappedKey: string;
}

/** Either readable by every member of the congress, or sealed to the listed devices (X25519 + XChaCha20-Poly1305). */
export type BundleSection =
  | { audience: 'all'; payload: SectionPayload }
  | { audience: 'sealed'; recipients: SealedRecipient[]; nonce: string; ciphertext: string };

/** A device asking the office to bind its keys to a delegate or staff member (入网申请). */
export interface EnrolmentRequest {
  actorKind: 'delegate' | 'staff';
  actorId: string;
  actorName: string;
  /** Short code shown on both screens so the office can confirm it is the right person's device */
  fingerprint: string;
}

/** The signed body of a bundle file. */
export interface BundleBody {
  format: typeof BUNDLE_FILE_FORMAT;
  version: number;
  congressId: string;
  deviceId: string;
  seq: number;
  /** hex SHA-256 of the previous bundle's body bytes; null for seq 1 */
  prevHash: string | null;
  createdAt: string;
  keys: DeviceKeys;
  enrolment?: EnrolmentRequest;
  sections: BundleSection[];
}

/** The file on disk: the exact signed body bytes (base64) and the Ed25519 signature over them. */
export interface BundleFile {
  format: typeof BUNDLE_FILE_FORMAT;
  version: number;
  body: string;
  signature: string;
}

/** Why a file was refused; the UI turns each into plain Chinese with what to do. */
export type SyncProblemCode =
  | 'unreadable' //        could not be read from the folder
  | 'tooLarge'
  | 'badName' //           a file or folder name outside the layout (possible path trick)
  | 'malformed' //         not JSON / not the bundle shape / schema failure
  | 'futureVersion' //     written by a newer DelegateDesk
  | 'wrongCongress' //     belongs to another congress's folder
  | 'badSignature' //      forged or damaged
  | 'unknownDevice' //     signer not bound to anyone by the office's roster (yet)
  | 'keyMismatch' //       keys in the bundle differ from the keys bound to that device
  | 'brokenChain' //       prevHash or seq does not follow the previous bundle (reordered, replaced, replayed)
  | 'unauthorized' //      a change this signer may not make (e.g. a delegate setting 立案)
  | 'undecryptable' //     sealed to us but cannot be opened
  | 'blobMissing'
  | 'blobCorrupt';

export interface SyncProblem {
  code: SyncProblemCode;
  /** Path relative to the sync folder */
  file: string;
  deviceId?: string;
  /** Technical detail for IT staff (English or Chinese) */
  detail: string;
}

/** Who a device acts for, as the office's roster says. */
export interface DeviceBinding {
  deviceId: string;
  role: 'office' | 'delegate';
  actorId: string;
  signPublicKey: string;
  boxPublicKey: string;
}

/** The minimum a merge needs to know about a stored row. */
export interface StoredRowState {
  row: Record<string, unknown> | undefined;
  /** field → HLC of the write that set it */
  clocks: Record<string, string>;
}

export type EntityRow = { entity: EntityName; id: string };
