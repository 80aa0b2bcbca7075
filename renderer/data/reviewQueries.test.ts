import { describe, expect, it } from 'vitest';
import { newId } from '../../shared/domain';
import { Repository } from './repository';
import { officeMachine, proposalAtOffice } from './reviewFixtures';
import {
  countInbox,
  duplicateNumbers,
  filterInbox,
  inboxRows,
  mergeTargetOptions,
  nextNumberFor,
  numberingScopeOf,
  proposalsMergedInto,
  resolveNumberingDevice,
  usedNumbersFor,
} from './reviewQueries';

const decided = (decidedAt: string, decidedBy: string) => ({ decision: 'accept' as const, decidedAt, decidedBy });

describe('numbering scope (立案号)', () => {
  it('numbers 提案 per annual meeting and recess items per calendar year in 北京时间', () => {
    expect(numberingScopeOf({ meetingId: 'M' }, new Date('2026-05-01T00:00:00Z'))).toEqual({ kind: 'meeting', meetingId: 'M' });
    // 2025-12-31 17:00 UTC is already 2026-01-01 01:00 in Beijing.
    expect(numberingScopeOf({}, new Date('2025-12-31T17:00:00Z'))).toEqual({ kind: 'year', year: '2026' });
    expect(numberingScopeOf({}, new Date('2025-12-31T15:00:00Z'))).toEqual({ kind: 'year', year: '2025' });
  });

  it('counts the meeting’s numbers for a motion, and only the same Beijing year’s recess numbers for a recess item', async () => {
    const office = await officeMachine();
    const staff = office.staffId;
    await proposalAtOffice(office, { title: '年会提案一', kind: 'motion', meetingId: office.meetingId, status: 'accepted', number: 1, review: decided('2026-03-13T02:00:00Z', staff) });
    await proposalAtOffice(office, { title: '年会提案二', kind: 'motion', meetingId: office.meetingId, status: 'accepted', number: 2, review: decided('2026-03-13T02:00:00Z', staff) });
    await proposalAtOffice(office, { title: '去年的提议', status: 'accepted', number: 7, review: decided('2025-12-31T15:00:00Z', staff) });
    await proposalAtOffice(office, { title: '今年的提议', status: 'accepted', number: 1, review: decided('2025-12-31T17:00:00Z', staff) });
    const motion = await proposalAtOffice(office, { title: '待审提案', kind: 'motion', meetingId: office.meetingId });
    const recess = await proposalAtOffice(office, { title: '待审提议' });

    const in2026 = new Date('2026-06-01T02:00:00Z');
    expect((await usedNumbersFor(office.db, motion, in2026)).sort()).toEqual([1, 2]);
    expect(await usedNumbersFor(office.db, recess, in2026)).toEqual([1]);
    expect(await nextNumberFor(office.db, motion, in2026)).toBe(3);
    expect(await nextNumberFor(office.db, recess, in2026)).toBe(2);
    expect(await nextNumberFor(office.db, recess, new Date('2025-06-01T02:00:00Z'))).toBe(8);
  });

  it('finds a number given twice in one scope, and not the same number in two scopes', async () => {
    const office = await officeMachine();
    const review = decided('2026-03-13T02:00:00Z', office.staffId);
    const a = await proposalAtOffice(office, { title: '甲', kind: 'motion', meetingId: office.meetingId, status: 'accepted', number: 4, review });
    const b = await proposalAtOffice(office, { title: '乙', kind: 'motion', meetingId: office.meetingId, status: 'accepted', number: 4, review });
    await proposalAtOffice(office, { title: '丙', status: 'accepted', number: 4, review });
    const duplicates = await duplicateNumbers(office.db);
    expect(duplicates).toHaveLength(1);
    expect(duplicates[0]).toMatchObject({ number: 4, scope: { kind: 'meeting', meetingId: office.meetingId } });
    expect(duplicates[0]!.proposals.map((p) => p.id).sort()).toEqual([a.id, b.id].sort());
  });
});

describe('the numbering machine (立案编号专用电脑)', () => {
  it('is the machine that created the congress unless the settings name another', async () => {
    const office = await officeMachine();
    const other = newId();
    expect(await resolveNumberingDevice(office.db, office.deviceId)).toMatchObject({ deviceId: office.deviceId, isThisDevice: true, source: 'creator' });
    expect(await resolveNumberingDevice(office.db, other)).toMatchObject({ deviceId: office.deviceId, isThisDevice: false, source: 'creator' });

    const settings = (await office.db.congressSettings.toArray())[0]!;
    await office.repo.write((w) => w.update('congressSettings', settings.id, { numberingDeviceId: other }));
    expect(await resolveNumberingDevice(office.db, other)).toMatchObject({ deviceId: other, isThisDevice: true, source: 'setting' });
    expect(await resolveNumberingDevice(office.db, office.deviceId)).toMatchObject({ isThisDevice: false, name: `…${other.slice(-6)}` });
  });

  it('is named by the person bound to it and the end of its device id', async () => {
    const office = await officeMachine();
    await office.repo.write((w) =>
      w.create('deviceBinding', {
        id: office.deviceId,
        role: 'office',
        actorId: office.staffId,
        actorName: '刘秘书',
        signPublicKey: 'A'.repeat(43) + '=',
        boxPublicKey: 'B'.repeat(43) + '=',
        fingerprint: '123 456',
      }),
    );
    expect((await resolveNumberingDevice(office.db, newId())).name).toBe(`刘秘书 · …${office.deviceId.slice(-6)}`);
  });
});

describe('merge links (并案)', () => {
  it('lists what was merged into a proposal, and offers live targets by number or by text', async () => {
    const office = await officeMachine();
    const target = await proposalAtOffice(office, { title: '关于加强农村饮水安全保障的提议', status: 'accepted', number: 12, review: decided('2026-03-13T02:00:00Z', office.staffId) });
    const merged = await proposalAtOffice(office, {
      title: '关于农村自来水水质的提议',
      status: 'merged',
      review: { decision: 'merge', mergedIntoId: target.id, decidedAt: '2026-03-14T02:00:00Z', decidedBy: office.staffId },
    });
    const withdrawn = await proposalAtOffice(office, { title: '关于农村饮水工程的提议', status: 'withdrawn' });
    const current = await proposalAtOffice(office, { title: '关于饮水的又一件提议' });

    expect((await proposalsMergedInto(office.db, target.id)).map((p) => p.id)).toEqual([merged.id]);
    expect(await proposalsMergedInto(office.db, merged.id)).toEqual([]);

    expect((await mergeTargetOptions(office.db, '第12号', current.id)).map((p) => p.id)).toEqual([target.id]);
    const byText = (await mergeTargetOptions(office.db, '饮水', current.id)).map((p) => p.id);
    expect(byText).toContain(target.id);
    expect(byText).not.toContain(current.id); // never itself
    expect(byText).not.toContain(withdrawn.id); // nor a dead one
    expect(byText).not.toContain(merged.id);
  });
});

describe('the inbox (收件箱)', () => {
  it('holds submitted, received and in-review items, newest first, with counts by kind, category, delegation and state', async () => {
    const office = await officeMachine();
    const [zhang, li] = office.delegates;
    const [party, economy] = office.categories;
    const t = (minutes: number) => new Date(Date.UTC(2026, 2, 1, 0, minutes)).toISOString();
    await proposalAtOffice(office, { title: '一', status: 'submitted', submittedAt: t(1), leadDelegateId: zhang!.id, categoryId: party!.id });
    await proposalAtOffice(office, { title: '二', status: 'received', submittedAt: t(3), leadDelegateId: li!.id, categoryId: economy!.id, kind: 'suggestion' });
    await proposalAtOffice(office, { title: '三', status: 'inReview', submittedAt: t(2), leadDelegateId: zhang!.id, categoryId: party!.id });
    await proposalAtOffice(office, { title: '已立案', status: 'accepted', number: 1, review: decided(t(4), office.staffId) });

    const rows = await inboxRows(office.db);
    expect(rows.map((r) => r.proposal.title)).toEqual(['二', '三', '一']);
    expect(rows[0]).toMatchObject({ leadName: '李晓梅', delegationName: '教育系统代表团', categoryName: economy!.name });

    const counts = countInbox(rows);
    expect(counts.total).toBe(3);
    expect(counts.kind).toEqual([
      { key: 'proposal', label: 'proposal', count: 2 },
      { key: 'suggestion', label: 'suggestion', count: 1 },
    ]);
    expect(counts.delegation.map((f) => [f.label, f.count])).toEqual([
      ['城关镇代表团', 2],
      ['教育系统代表团', 1],
    ]);
    expect(counts.status.map((f) => f.key).sort()).toEqual(['inReview', 'received', 'submitted']);
    expect(counts.category.find((f) => f.key === party!.id)?.count).toBe(2);

    expect(filterInbox(rows, { delegationId: zhang!.delegationId }).map((r) => r.proposal.title)).toEqual(['三', '一']);
    expect(filterInbox(rows, { status: 'submitted', categoryId: party!.id }).map((r) => r.proposal.title)).toEqual(['一']);
    expect(filterInbox(rows, { kind: 'suggestion', categoryId: party!.id })).toEqual([]);
  });

  it('counts a co-signer once, only while invited and confirmed', async () => {
    const office = await officeMachine();
    const [lead, a, b] = office.delegates;
    const p = await proposalAtOffice(office, { title: '附议', leadDelegateId: lead!.id, invitedCosignerIds: [a!.id, b!.id] });
    const at = new Date().toISOString();
    const delegate = new Repository(office.db, newId(), { kind: 'delegate', id: a!.id });
    await delegate.write(async (w) => {
      await w.create('cosignature', { proposalId: p.id, delegateId: a!.id, status: 'confirmed', respondedAt: at });
      await w.create('cosignature', { proposalId: p.id, delegateId: b!.id, status: 'declined', respondedAt: at });
      await w.create('cosignature', { proposalId: p.id, delegateId: lead!.id, status: 'confirmed', respondedAt: at });
    });
    expect((await inboxRows(office.db))[0]!.confirmedCosigners).toBe(1);
  });
});
