import { describe, expect, it } from 'vitest';
import { encodeHlc, newId } from '../domain';
import { makeBody, makeTestDevice, enrolmentFor, proposalChange, TEST_AT } from './formatTesting';
import { bundleBodySchema, folderMarkerSchema, MAX_CHANGES_PER_SECTION, MAX_SECTIONS, sectionPayloadSchema, syncChangeSchema } from './schemas';
import { toBase64 } from './encoding';
import type { SyncChange } from './types';

const device = makeTestDevice();
const congressId = newId();

/** What a reader would see: the JSON text parsed back. */
const asRead = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
  (result.error?.issues ?? []).map((i) => i.path.map(String).join('.'));

describe('syncChangeSchema', () => {
  it('accepts a valid change and leaves its values untouched', () => {
    const change = proposalChange(device, {}, { title: '  前后有空格的案由  ' });
    const parsed = syncChangeSchema.safeParse(asRead(change));
    expect(parsed.success).toBe(true);
    // The entity schema trims titles when stored locally; the format never rewrites what was signed.
    expect(parsed.data?.fields.title).toBe('  前后有空格的案由  ');
  });

  it('refuses fields that fail the entity schema (a proposal “status: hacked”)', () => {
    const result = syncChangeSchema.safeParse(asRead(proposalChange(device, {}, { status: 'hacked' })));
    expect(result.success).toBe(false);
    expect(issuesOf(result)).toContain('fields.status');
  });

  it('refuses fields the entity does not have, including __proto__', () => {
    expect(issuesOf(syncChangeSchema.safeParse(asRead(proposalChange(device, {}, { approvedBy: 'me' }))))).toContain('fields');
    const text = JSON.stringify(proposalChange(device)).replace('"fields":{', '"fields":{"__proto__":{"status":"accepted"},');
    expect(syncChangeSchema.safeParse(JSON.parse(text)).success).toBe(false);
  });

  it('refuses unknown keys inside nested values too', () => {
    const review = { decision: 'accept', decidedBy: newId(), decidedAt: TEST_AT };
    expect(syncChangeSchema.safeParse(asRead(proposalChange(device, {}, { review }))).success).toBe(true);
    const sneaky = syncChangeSchema.safeParse(asRead(proposalChange(device, {}, { review: { ...review, number: 1 } })));
    expect(issuesOf(sneaky)).toContain('fields.review.number');
    const text = JSON.stringify(proposalChange(device, {}, { review })).replace('"review":{', '"review":{"__proto__":{"x":1},');
    expect(syncChangeSchema.safeParse(JSON.parse(text)).success).toBe(false);
  });

  it('refuses a fields.id that differs from entityId', () => {
    const change = proposalChange(device);
    const result = syncChangeSchema.safeParse(asRead({ ...change, fields: { ...change.fields, id: newId() } }));
    expect(issuesOf(result)).toContain('fields.id');
  });

  it('lets null clear an optional field, and only an optional one', () => {
    const base = proposalChange(device);
    const update = (fields: Record<string, unknown>): SyncChange => ({ ...base, fields });
    expect(syncChangeSchema.safeParse(asRead(update({ categoryId: null, updatedAt: TEST_AT }))).success).toBe(true);
    expect(issuesOf(syncChangeSchema.safeParse(asRead(update({ title: null }))))).toContain('fields.title');
    expect(issuesOf(syncChangeSchema.safeParse(asRead(update({ id: null }))))).toContain('fields.id');
  });

  it('validates fields against the change’s own entity', () => {
    const binding: SyncChange = {
      ...proposalChange(device),
      entity: 'deviceBinding',
      fields: { role: 'office', actorId: newId(), signPublicKey: device.keys.signPublicKey, boxPublicKey: device.keys.boxPublicKey, fingerprint: '123 456' },
    };
    expect(syncChangeSchema.safeParse(asRead(binding)).success).toBe(true);
    expect(syncChangeSchema.safeParse(asRead({ ...binding, fields: { role: 'admin' } })).success).toBe(false);
    // A proposal's fields are not a ballot's.
    expect(syncChangeSchema.safeParse(asRead({ ...proposalChange(device), entity: 'ballot' })).success).toBe(false);
    expect(syncChangeSchema.safeParse(asRead({ ...proposalChange(device), entity: 'secrets' })).success).toBe(false);
  });

  it('accepts per-field clocks for the entity’s fields only', () => {
    const change = proposalChange(device);
    const hlc = encodeHlc({ wallMs: 1, counter: 0, deviceId: device.deviceId });
    expect(syncChangeSchema.safeParse(asRead({ ...change, fieldHlcs: { title: hlc, categoryId: hlc } })).success).toBe(true);
    expect(issuesOf(syncChangeSchema.safeParse(asRead({ ...change, fieldHlcs: { nonsense: hlc } })))).toContain('fieldHlcs.nonsense');
    expect(syncChangeSchema.safeParse(asRead({ ...change, fieldHlcs: { title: 'yesterday' } })).success).toBe(false);
    expect(syncChangeSchema.safeParse(asRead({ ...change, fieldHlcs: ['title'] })).success).toBe(false);
  });

  it('refuses unknown keys on the change and its actor, and unbounded strings', () => {
    const change = proposalChange(device);
    expect(syncChangeSchema.safeParse(asRead({ ...change, trustMe: true })).success).toBe(false);
    expect(syncChangeSchema.safeParse(asRead({ ...change, actor: { ...change.actor, role: 'office' } })).success).toBe(false);
    expect(syncChangeSchema.safeParse(asRead({ ...change, action: 'x'.repeat(101) })).success).toBe(false);
    expect(syncChangeSchema.safeParse(asRead({ ...change, reason: 'x'.repeat(50_001) })).success).toBe(false);
    expect(syncChangeSchema.safeParse(asRead({ ...change, deviceId: '../../etc' })).success).toBe(false);
    expect(syncChangeSchema.safeParse(asRead({ ...change, entityId: 'not-an-id' })).success).toBe(false);
  });
});

describe('sectionPayloadSchema', () => {
  it('bounds the number of changes per section', () => {
    const change = asRead(proposalChange(device));
    expect(sectionPayloadSchema.safeParse({ changes: [change, change] }).success).toBe(true);
    const tooMany = sectionPayloadSchema.safeParse({ changes: new Array(MAX_CHANGES_PER_SECTION + 1).fill(change) });
    expect(tooMany.success).toBe(false);
  });

  it('refuses unknown keys and malformed blob keys', () => {
    expect(sectionPayloadSchema.safeParse({ changes: [], note: 'hi' }).success).toBe(false);
    const blobKey = { sha256: 'a'.repeat(64), storedSha256: 'b'.repeat(64), key: toBase64(new Uint8Array(32)), nonce: toBase64(new Uint8Array(24)) };
    expect(sectionPayloadSchema.safeParse({ changes: [], blobKeys: [blobKey] }).success).toBe(true);
    expect(sectionPayloadSchema.safeParse({ changes: [], blobKeys: [{ ...blobKey, sha256: 'A'.repeat(64) }] }).success).toBe(false);
    expect(sectionPayloadSchema.safeParse({ changes: [], blobKeys: [{ ...blobKey, key: toBase64(new Uint8Array(16)) }] }).success).toBe(false);
  });
});

describe('bundleBodySchema', () => {
  const body = () => makeBody(device, { congressId, sections: [{ audience: 'all', payload: { changes: [proposalChange(device)] } }] });

  it('accepts a valid body', () => {
    expect(bundleBodySchema.safeParse(asRead(body())).success).toBe(true);
  });

  it('refuses unknown keys at every level', () => {
    expect(bundleBodySchema.safeParse(asRead({ ...body(), extra: 1 })).success).toBe(false);
    expect(bundleBodySchema.safeParse(asRead({ ...body(), keys: { ...device.keys, extra: 1 } })).success).toBe(false);
    const withSectionExtra = { ...body(), sections: [{ audience: 'all', payload: { changes: [] }, extra: 1 }] };
    expect(bundleBodySchema.safeParse(asRead(withSectionExtra)).success).toBe(false);
  });

  it('ties keys to the device and prevHash to the first seq', () => {
    expect(issuesOf(bundleBodySchema.safeParse(asRead({ ...body(), keys: { ...device.keys, deviceId: newId() } })))).toContain('keys.deviceId');
    expect(issuesOf(bundleBodySchema.safeParse(asRead({ ...body(), seq: 2 })))).toContain('prevHash');
    expect(issuesOf(bundleBodySchema.safeParse(asRead({ ...body(), prevHash: 'a'.repeat(64) })))).toContain('prevHash');
    expect(bundleBodySchema.safeParse(asRead({ ...body(), seq: 2, prevHash: 'a'.repeat(64) })).success).toBe(true);
    expect(bundleBodySchema.safeParse(asRead({ ...body(), seq: 2, prevHash: 'A'.repeat(64) })).success).toBe(false);
    expect(bundleBodySchema.safeParse(asRead({ ...body(), seq: 0 })).success).toBe(false);
    expect(bundleBodySchema.safeParse(asRead({ ...body(), seq: 1.5 })).success).toBe(false);
  });

  it('requires an enrolment fingerprint computed from the bundle’s own keys', () => {
    expect(bundleBodySchema.safeParse(asRead({ ...body(), enrolment: enrolmentFor(device) })).success).toBe(true);
    const forged = { ...enrolmentFor(device), fingerprint: enrolmentFor(makeTestDevice()).fingerprint };
    expect(issuesOf(bundleBodySchema.safeParse(asRead({ ...body(), enrolment: forged })))).toContain('enrolment.fingerprint');
  });

  it('bounds sections and refuses an unsealed section without recipients', () => {
    const section = { audience: 'all', payload: { changes: [] } };
    expect(bundleBodySchema.safeParse(asRead({ ...body(), sections: new Array(MAX_SECTIONS).fill(section) })).success).toBe(true);
    expect(bundleBodySchema.safeParse(asRead({ ...body(), sections: new Array(MAX_SECTIONS + 1).fill(section) })).success).toBe(false);
    const sealed = { audience: 'sealed', recipients: [], nonce: toBase64(new Uint8Array(24)), ciphertext: toBase64(new Uint8Array(32)) };
    expect(bundleBodySchema.safeParse(asRead({ ...body(), sections: [sealed] })).success).toBe(false);
    expect(bundleBodySchema.safeParse(asRead({ ...body(), sections: [{ audience: 'friends', payload: { changes: [] } }] })).success).toBe(false);
  });
});

describe('folderMarkerSchema', () => {
  it('reads the marker, tolerating keys a later version adds', () => {
    expect(folderMarkerSchema.safeParse({ format: 'delegatedesk-sync-folder', version: 1, congressId }).success).toBe(true);
    expect(folderMarkerSchema.safeParse({ format: 'delegatedesk-sync-folder', version: 2, congressId, addedLater: 1 }).success).toBe(true);
    expect(folderMarkerSchema.safeParse({ format: 'delegatedesk-sync-folder', version: 0, congressId }).success).toBe(false);
    expect(folderMarkerSchema.safeParse({ format: 'delegatedesk-sync-folder', version: 1 }).success).toBe(false);
    expect(folderMarkerSchema.safeParse({ format: 'other', version: 1, congressId }).success).toBe(false);
  });
});
