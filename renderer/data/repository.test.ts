import { describe, expect, it } from 'vitest';
import { decodeHlc } from '../../shared/domain';
import { prepareBlob, RecordValidationError, Repository } from './repository';
import { freshRepository } from './testing';

const unitFields = { name: '县教育局', sortOrder: 1, active: true };

describe('Repository', () => {
  it('appends a change record in the same transaction as every create and update', async () => {
    const { db, repo, actor } = await freshRepository();
    const unit = await repo.write((w) => w.create('handlingUnit', unitFields, { action: 'create' }));
    await repo.write((w) => w.update('handlingUnit', unit.id, { contactName: '王老师' }));

    const changes = await db.changes.orderBy('seq').toArray();
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatchObject({ entity: 'handlingUnit', entityId: unit.id, op: 'put', action: 'create', actor });
    expect(changes[0]!.fields).toMatchObject({ name: '县教育局' });
    // Only what changed is logged on update.
    expect(Object.keys(changes[1]!.fields).sort()).toEqual(['contactName', 'updatedAt']);
    expect(changes[1]!.hlc > changes[0]!.hlc).toBe(true);
    expect(decodeHlc(changes[1]!.hlc).deviceId).toBe(repo.deviceId);
  });

  it('logs a cleared field as null, so other machines clear it too', async () => {
    const { db, repo } = await freshRepository();
    const unit = await repo.write((w) => w.create('handlingUnit', { ...unitFields, contactName: '王老师' }));
    await repo.write((w) => w.update('handlingUnit', unit.id, { contactName: undefined }));
    const last = await db.changes.orderBy('seq').last();
    expect(last?.fields).toHaveProperty('contactName', null);
    expect((await db.handlingUnit.get(unit.id))?.contactName).toBeUndefined();
  });

  it('logs nothing for an update that changes nothing', async () => {
    const { db, repo } = await freshRepository();
    const unit = await repo.write((w) => w.create('handlingUnit', unitFields));
    await repo.write((w) => w.update('handlingUnit', unit.id, { name: '县教育局' }));
    expect(await db.changes.count()).toBe(1);
  });

  it('rolls back rows and change records together when any write in the transaction fails', async () => {
    const { db, repo } = await freshRepository();
    await expect(
      repo.write(async (w) => {
        await w.create('handlingUnit', unitFields);
        await w.create('handlingUnit', { ...unitFields, name: '' }); // invalid: name required
      }),
    ).rejects.toBeInstanceOf(RecordValidationError);
    expect(await db.handlingUnit.count()).toBe(0);
    expect(await db.changes.count()).toBe(0);
  });

  it('deletes by tombstone: the row stays, marked, and the deletion is logged with its reason', async () => {
    const { db, repo } = await freshRepository();
    const unit = await repo.write((w) => w.create('handlingUnit', unitFields));
    await repo.write((w) => w.remove('handlingUnit', unit.id, { reason: '机构改革撤并' }));
    const row = await db.handlingUnit.get(unit.id);
    expect(row?.deletedAt).toBeTruthy();
    const last = await db.changes.orderBy('seq').last();
    expect(last).toMatchObject({ op: 'delete', entityId: unit.id, reason: '机构改革撤并' });
    await expect(repo.write((w) => w.update('handlingUnit', unit.id, { name: 'x' }))).rejects.toThrow(/deleted/);
  });

  it('keeps the clock monotonic across repository instances (persisted with the writes)', async () => {
    const { db, repo } = await freshRepository();
    const frozen = new Date('2026-01-01T00:00:00Z');
    const first = new Repository(db, repo.deviceId, { kind: 'system', id: 's' }, () => frozen);
    await first.write((w) => w.create('handlingUnit', unitFields));
    await first.write((w) => w.create('handlingUnit', unitFields));
    // A new instance whose wall clock went backwards still orders after what was written.
    const second = new Repository(db, repo.deviceId, { kind: 'system', id: 's' }, () => new Date('2025-12-31T00:00:00Z'));
    await second.write((w) => w.create('handlingUnit', unitFields));
    const hlcs = (await db.changes.orderBy('seq').toArray()).map((c) => c.hlc);
    expect([...hlcs].sort()).toEqual(hlcs);
    expect(new Set(hlcs).size).toBe(3);
  });

  it('stores attachment bytes once per content', async () => {
    const { db, repo } = await freshRepository();
    const bytes = new TextEncoder().encode('附件内容');
    const first = await prepareBlob(bytes, 'text/plain');
    const second = await prepareBlob(bytes.slice(), 'text/plain');
    const [a, b] = await repo.write(async (w) => [await w.putBlob(first), await w.putBlob(second)]);
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.blobs.count()).toBe(1);
  });
});
