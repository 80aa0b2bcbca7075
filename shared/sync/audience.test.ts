import { describe, expect, it } from 'vitest';
import { ENTITY_NAMES, type EntityName } from '../domain';
import { audienceOf, type Audience } from './audience';

const proposal = (status: string) => ({
  id: 'P1',
  status,
  leadDelegateId: 'delLead',
  invitedCosignerIds: ['delB', 'delA', 'delB'],
});
const CIRCLE: Audience = { kind: 'officeAnd', delegateIds: ['delA', 'delB', 'delLead'] };
const OFFICE: Audience = { kind: 'office' };
const ALL: Audience = { kind: 'all' };

describe('audienceOf: what the office writes', () => {
  const publicEntities = ENTITY_NAMES.filter((e) => e !== 'ballot' && e !== 'noticeReceipt');

  it.each(publicEntities)('publishes %s to every member', (entity) => {
    expect(audienceOf(entity, { id: 'X1' }, 'office')).toEqual(ALL);
  });

  it('publishes a proposal whatever its status (the office never holds private drafts)', () => {
    expect(audienceOf('proposal', proposal('collecting'), 'office')).toEqual(ALL);
    expect(audienceOf('proposal', proposal('accepted'), 'office')).toEqual(ALL);
  });

  it.each(['ballot', 'noticeReceipt'] as const)('keeps a %s private even from an office device', (entity) => {
    expect(audienceOf(entity, { id: 'X1' }, 'office')).toEqual(OFFICE);
  });

  describe('a notice goes only where it is addressed, with its files', () => {
    const members: Record<string, string[]> = { G1: ['delC', 'delA'], G2: ['delA', 'delD'] };
    const membersOfGroups = (ids: readonly string[]) => ids.flatMap((id) => members[id] ?? []);
    const notice = (audience: unknown) => ({ id: 'N1', kind: 'consultation', audience });
    const file = { id: 'F1', ownerEntity: 'notice', ownerId: 'N1' };

    it('publishes a notice for everyone', () => {
      expect(audienceOf('notice', notice({ kind: 'all' }), 'office', { membersOfGroups })).toEqual(ALL);
      expect(audienceOf('attachment', file, 'office', { owner: notice({ kind: 'all' }), membersOfGroups })).toEqual(ALL);
    });

    it('seals a notice for a list to the office and those delegates', () => {
      const listed: Audience = { kind: 'officeAnd', delegateIds: ['delA', 'delB'] };
      expect(audienceOf('notice', notice({ kind: 'list', delegateIds: ['delB', 'delA', 'delB'] }), 'office')).toEqual(listed);
      expect(audienceOf('attachment', file, 'office', { owner: notice({ kind: 'list', delegateIds: ['delB', 'delA'] }) })).toEqual(listed);
    });

    it('seals a notice for groups to their members as the exporter knows them', () => {
      const expected: Audience = { kind: 'officeAnd', delegateIds: ['delA', 'delC', 'delD'] };
      expect(audienceOf('notice', notice({ kind: 'groups', activityGroupIds: ['G1', 'G2'] }), 'office', { membersOfGroups })).toEqual(expected);
      // Without a way to know the members, nobody but the office: never wider than addressed.
      expect(audienceOf('notice', notice({ kind: 'groups', activityGroupIds: ['G1'] }), 'office')).toEqual({ kind: 'officeAnd', delegateIds: [] });
    });
  });
});

describe('audienceOf: what a delegate writes', () => {
  it.each(['draft', 'submitted', 'received', 'accepted', 'withdrawn'])('sends a proposal in status %s to the office only', (status) => {
    expect(audienceOf('proposal', proposal(status), 'delegate')).toEqual(OFFICE);
  });

  it('shares a proposal in 征集附议 with the office, its lead author and the invited co-signers (sorted, once each)', () => {
    expect(audienceOf('proposal', proposal('collecting'), 'delegate')).toEqual(CIRCLE);
  });

  it('shares attachments of a collecting proposal with the same circle, given the proposal', () => {
    const attachment = { id: 'A1', ownerEntity: 'proposal', ownerId: 'P1' };
    expect(audienceOf('attachment', attachment, 'delegate', { proposal: proposal('collecting') })).toEqual(CIRCLE);
    expect(audienceOf('attachment', attachment, 'delegate', { proposal: proposal('submitted') })).toEqual(OFFICE);
    expect(audienceOf('attachment', attachment, 'delegate')).toEqual(OFFICE);
    expect(audienceOf('attachment', { id: 'A2', ownerEntity: 'visitNote', ownerId: 'V1' }, 'delegate', { proposal: proposal('collecting') })).toEqual(OFFICE);
  });

  it('shares a 附议 of a collecting proposal with the circle, so the lead author can count it', () => {
    const cosignature = { id: 'C1', proposalId: 'P1', delegateId: 'delA', status: 'confirmed' };
    expect(audienceOf('cosignature', cosignature, 'delegate', { proposal: proposal('collecting') })).toEqual(CIRCLE);
    expect(audienceOf('cosignature', cosignature, 'delegate', { proposal: proposal('submitted') })).toEqual(OFFICE);
    expect(audienceOf('cosignature', cosignature, 'delegate')).toEqual(OFFICE);
  });

  it('never shares a ballot beyond the office, whatever it is given', () => {
    expect(audienceOf('ballot', { id: 'B1', voterId: 'delA' }, 'delegate', { proposal: proposal('collecting') })).toEqual(OFFICE);
  });

  it.each(['replyRating', 'visitParticipation', 'visitPhoto', 'noticeReceipt'] as const)('sends %s to the office only', (entity) => {
    expect(audienceOf(entity, { id: 'X1', delegateId: 'delA' }, 'delegate')).toEqual(OFFICE);
  });

  it('keeps anything else a delegate might write private to the office', () => {
    for (const entity of ['category', 'notice', 'delegate'] as EntityName[]) {
      expect(audienceOf(entity, { id: 'X1' }, 'delegate')).toEqual(OFFICE);
    }
  });

  it('drops ids that are not strings', () => {
    const odd = { id: 'P1', status: 'collecting', leadDelegateId: 'delLead', invitedCosignerIds: ['delA', 7, null] };
    expect(audienceOf('proposal', odd, 'delegate')).toEqual({ kind: 'officeAnd', delegateIds: ['delA', 'delLead'] });
  });
});
