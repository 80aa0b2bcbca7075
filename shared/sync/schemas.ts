import { z } from 'zod';
import { actorSchema, changeRecordSchema, dateTimeSchema, entitySchemas, HLC_PATTERN, ID_PATTERN, type EntityName } from '../domain';
import { fingerprintOf, KEY_BYTES, SIGNATURE_BYTES, WRAPPED_KEY_BYTES, XCHACHA_NONCE_BYTES } from './crypto';
import { fromBase64, isCanonicalBase64 } from './encoding';
import {
  BLOB_NAME_PATTERN,
  BUNDLE_FILE_FORMAT,
  DEVICE_ID_PATTERN,
  FOLDER_MARKER_FORMAT,
  MAX_BUNDLE_BYTES,
  SYNC_FORMAT_VERSION,
  type BundleBody,
  type BundleFile,
  type SectionPayload,
  type SyncChange,
} from './types';

/**
 * zod schemas of everything a reader takes from the sync folder (docs/sync-format.md §3–§4). Every object is
 * strict (an unknown key is refused, never ignored: two versions must not read one file differently), every
 * string and list is bounded, and no schema transforms a value: what was signed is what is applied.
 */

export const MAX_SECTIONS = 64;
export const MAX_CHANGES_PER_SECTION = 100_000;
export const MAX_RECIPIENTS = 1_000;
export const MAX_BLOB_KEYS = 10_000;
/** Longest field name in `fieldHlcs` (real names are short; `fields` names are checked by the entity schema) */
const MAX_FIELD_NAME = 64;
/** Most fields, and most clocked fields, one change may carry */
const MAX_FIELDS = 200;
const MAX_HLC_LENGTH = 100;

/** Canonical base64 that decodes to exactly `bytes` bytes. */
export const base64Bytes = (bytes: number) =>
  z.string().max(Math.ceil(bytes / 3) * 4).refine((text) => {
    try {
      return fromBase64(text).length === bytes;
    } catch {
      return false;
    }
  }, `expected base64 of ${bytes} bytes`);

const publicKeySchema = base64Bytes(KEY_BYTES);
const nonceSchema = base64Bytes(XCHACHA_NONCE_BYTES);
const sha256Schema = z.string().regex(BLOB_NAME_PATTERN, 'expected lower-case hex SHA-256');
const deviceIdSchema = z.string().regex(DEVICE_ID_PATTERN, 'invalid device id');
const recordIdSchema = z.string().regex(ID_PATTERN, 'invalid record id');
const hlcSchema = z.string().max(MAX_HLC_LENGTH).regex(HLC_PATTERN, 'invalid HLC timestamp');

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

const entityShapes = new Map<string, Record<string, z.ZodType>>(
  Object.entries(entitySchemas).map(([name, schema]) => [name, (schema as z.ZodObject).shape as Record<string, z.ZodType>]),
);
/**
 * Validators of a change's fields per entity: any subset of the entity's fields, nothing else. Built once, from
 * the shape (whole-row refinements, should an entity get any, cannot judge a subset of fields).
 */
const partialEntitySchemas = new Map<string, z.ZodType>(
  [...entityShapes].map(([name, shape]) => [name, z.object(shape).partial().strict()]),
);

/** Whether the entity's field may be absent, i.e. a change may clear it with JSON `null`. */
function isClearable(shape: Record<string, z.ZodType>, field: string): boolean {
  const schema = Object.hasOwn(shape, field) ? shape[field] : undefined;
  return field !== 'id' && schema !== undefined && schema.safeParse(undefined).success;
}

/**
 * The path of the first key in `raw` that the entity schema dropped (nested domain objects are not strict; the
 * format is, at every depth). Values themselves are never taken from the parse: it fills defaults and trims.
 */
function firstStrippedKey(raw: unknown, parsed: unknown): (string | number)[] | null {
  if (Array.isArray(raw)) {
    if (!Array.isArray(parsed)) return null;
    for (let i = 0; i < raw.length; i++) {
      const found = firstStrippedKey(raw[i], parsed[i]);
      if (found) return [i, ...found];
    }
    return null;
  }
  if (typeof raw !== 'object' || raw === null) return null;
  if (typeof parsed !== 'object' || parsed === null) return [];
  for (const key in raw) {
    if (!Object.hasOwn(raw, key)) continue;
    if (!Object.hasOwn(parsed, key)) return [key];
    const found = firstStrippedKey((raw as Record<string, unknown>)[key], (parsed as Record<string, unknown>)[key]);
    if (found) return [key, ...found];
  }
  return null;
}

const fieldsSchema = z.custom<Record<string, unknown>>(
  (value) => isPlainObject(value) && Object.keys(value).length <= MAX_FIELDS,
  `expected an object with at most ${MAX_FIELDS} fields`,
);

const fieldHlcsSchema = z.custom<Record<string, string>>(
  (value) =>
    isPlainObject(value) &&
    Object.keys(value).length <= MAX_FIELDS &&
    Object.entries(value).every(([key, hlc]) => key.length <= MAX_FIELD_NAME && hlcSchema.safeParse(hlc).success),
  'expected field → HLC timestamp',
);

/**
 * A change as it travels: the domain's change record with bounded strings, plus optional per-field clocks, and its
 * `fields` checked against the entity's own schema — a proposal change with `status: 'hacked'` is refused here.
 * `null` clears an optional field (JSON cannot carry `undefined`).
 */
export const syncChangeSchema = changeRecordSchema
  .extend({
    id: z.string().min(1).max(200),
    entityId: recordIdSchema,
    fields: fieldsSchema,
    hlc: hlcSchema,
    deviceId: deviceIdSchema,
    actor: actorSchema.extend({ id: z.string().min(1).max(100), name: z.string().max(200).optional() }).strict(),
    action: z.string().min(1).max(100).optional(),
    reason: z.string().max(50_000).optional(),
    at: dateTimeSchema,
    fieldHlcs: fieldHlcsSchema.optional(),
  })
  .strict()
  .superRefine((change, ctx) => {
    // Defensive: zod skips refinements after most failures, but this must hold for any input.
    const entity = change.entity as EntityName;
    const shape = entityShapes.get(entity);
    const partial = partialEntitySchemas.get(entity);
    const fields = change.fields;
    if (!shape || !partial || !isPlainObject(fields)) return;
    let clears = false;
    for (const key in fields) {
      if (!Object.hasOwn(fields, key) || fields[key] !== null) continue;
      clears = true;
      if (!isClearable(shape, key)) ctx.addIssue({ code: 'custom', path: ['fields', key], message: `${entity}.${key} cannot be cleared` });
    }
    // fromEntries, not assignment: a "__proto__" key must stay a key (and be refused), not become a prototype.
    const present = clears ? Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null)) : fields;
    const checked = partial.safeParse(present);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        ctx.addIssue({ code: 'custom', path: ['fields', ...issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: issue.message });
      }
    } else {
      const stripped = firstStrippedKey(present, checked.data);
      if (stripped) ctx.addIssue({ code: 'custom', path: ['fields', ...stripped], message: 'unknown key' });
    }
    if (Object.hasOwn(fields, 'id') && fields.id !== change.entityId) {
      ctx.addIssue({ code: 'custom', path: ['fields', 'id'], message: 'fields.id differs from entityId' });
    }
    const clocks: unknown = change.fieldHlcs;
    for (const key of isPlainObject(clocks) ? Object.keys(clocks) : []) {
      if (!Object.hasOwn(shape, key)) ctx.addIssue({ code: 'custom', path: ['fieldHlcs', key], message: `${entity} has no field ${key}` });
    }
  });

export const blobKeySchema = z
  .object({
    /** SHA-256 of the attachment's own bytes (what the attachment record names) */
    sha256: sha256Schema,
    /** SHA-256 of the sealed bytes stored in the folder (the blob's file name) */
    storedSha256: sha256Schema,
    key: publicKeySchema,
    nonce: nonceSchema,
  })
  .strict();

export const sectionPayloadSchema = z
  .object({
    changes: z.array(syncChangeSchema).max(MAX_CHANGES_PER_SECTION),
    blobKeys: z.array(blobKeySchema).max(MAX_BLOB_KEYS).optional(),
  })
  .strict();

export const sealedRecipientSchema = z
  .object({
    deviceId: deviceIdSchema,
    ephemeralPublicKey: publicKeySchema,
    nonce: nonceSchema,
    wrappedKey: base64Bytes(WRAPPED_KEY_BYTES),
  })
  .strict();

const plainSectionSchema = z.object({ audience: z.literal('all'), payload: sectionPayloadSchema }).strict();

const sealedSectionSchema = z
  .object({
    audience: z.literal('sealed'),
    recipients: z
      .array(sealedRecipientSchema)
      .min(1)
      .max(MAX_RECIPIENTS)
      .refine((list) => new Set(list.map((r) => r.deviceId)).size === list.length, 'a device is listed twice'),
    nonce: nonceSchema,
    // At least the 16-byte Poly1305 tag; the bundle size limit bounds the rest.
    ciphertext: z.string().min(24).max(MAX_BUNDLE_BYTES).refine(isCanonicalBase64, 'expected canonical base64'),
  })
  .strict();

export const bundleSectionSchema = z.discriminatedUnion('audience', [plainSectionSchema, sealedSectionSchema]);

export const deviceKeysSchema = z.object({ deviceId: deviceIdSchema, signPublicKey: publicKeySchema, boxPublicKey: publicKeySchema }).strict();

export const enrolmentRequestSchema = z
  .object({
    actorKind: z.enum(['delegate', 'staff']),
    actorId: recordIdSchema,
    actorName: z.string().min(1).max(200),
    fingerprint: z.string().regex(/^[0-9]{3} [0-9]{3}$/, 'expected "123 456"'),
  })
  .strict();

export const bundleBodySchema = z
  .object({
    format: z.literal(BUNDLE_FILE_FORMAT),
    version: z.literal(SYNC_FORMAT_VERSION),
    congressId: recordIdSchema,
    deviceId: deviceIdSchema,
    seq: z.number().int().min(1).max(9_999_999_999),
    prevHash: sha256Schema.nullable(),
    createdAt: dateTimeSchema,
    keys: deviceKeysSchema,
    enrolment: enrolmentRequestSchema.optional(),
    sections: z.array(bundleSectionSchema).max(MAX_SECTIONS),
  })
  .strict()
  .superRefine((body, ctx) => {
    if (!isPlainObject(body.keys)) return;
    if (body.keys.deviceId !== body.deviceId) ctx.addIssue({ code: 'custom', path: ['keys', 'deviceId'], message: 'keys belong to another device' });
    if ((body.seq === 1) !== (body.prevHash === null)) {
      ctx.addIssue({ code: 'custom', path: ['prevHash'], message: 'prevHash must be null exactly for seq 1' });
    }
    if (body.enrolment) {
      let expected: string | undefined;
      try {
        expected = fingerprintOf(body.keys);
      } catch {
        expected = undefined;
      }
      if (body.enrolment.fingerprint !== expected) {
        ctx.addIssue({ code: 'custom', path: ['enrolment', 'fingerprint'], message: 'fingerprint does not match the keys' });
      }
    }
  });

/** The file on disk; `version` is checked before this schema so a newer file reads as futureVersion. */
export const bundleFileSchema = z
  .object({
    format: z.literal(BUNDLE_FILE_FORMAT),
    version: z.literal(SYNC_FORMAT_VERSION),
    body: z.string().min(4).max(MAX_BUNDLE_BYTES).refine(isCanonicalBase64, 'expected canonical base64'),
    signature: base64Bytes(SIGNATURE_BYTES),
  })
  .strict();

/**
 * `delegatedesk-sync.json` at the folder's root. Deliberately not strict: a later version may add keys, and the
 * reader decides by `version` (a higher one means a newer DelegateDesk set the folder up).
 */
export const folderMarkerSchema = z.object({
  format: z.literal(FOLDER_MARKER_FORMAT),
  version: z.number().int().min(1),
  congressId: z.string().min(1).max(100),
});

/** What zod reads must be what the rest of the code expects (compile-time check only). */
type Assert<T extends true> = T;
export type _SchemasMatchContracts = Assert<
  z.infer<typeof bundleBodySchema> extends BundleBody
    ? z.infer<typeof bundleFileSchema> extends BundleFile
      ? z.infer<typeof sectionPayloadSchema> extends SectionPayload
        ? z.infer<typeof syncChangeSchema> extends SyncChange
          ? true
          : false
        : false
      : false
    : false
>;
