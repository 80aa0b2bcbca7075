import { describe, expect, it } from 'vitest';
import type { Delegate } from '../domain';
import { addInvitees, delegatesOfGroups } from './invitees';

const T = '2026-01-01T00:00:00.000Z';
const d = (id: string, number: string, group: string | undefined, fields: Partial<Delegate> = {}): Delegate => ({
  id,
  createdAt: T,
  updatedAt: T,
  name: id,
  delegateNumber: number,
  ...(group ? { activityGroupId: group } : {}),
  status: 'active',
  ...fields,
});

describe('delegatesOfGroups', () => {
  it('returns the serving members of the chosen groups by number', () => {
    const roster = [
      d('c', '003', 'G1'),
      d('a', '001', 'G1'),
      d('b', '002', 'G2'),
      d('e', '005', 'G1', { status: 'ended' }),
      d('f', '006', 'G1', { deletedAt: T }),
      d('g', '007', undefined),
    ];
    expect(delegatesOfGroups(roster, ['G1']).map((x) => x.id)).toEqual(['a', 'c']);
    expect(delegatesOfGroups(roster, ['G1', 'G2']).map((x) => x.id)).toEqual(['a', 'b', 'c']);
    expect(delegatesOfGroups(roster, [])).toEqual([]);
  });
});

describe('addInvitees', () => {
  it('appends new ids and keeps the existing order', () => {
    expect(addInvitees(['b', 'a'], ['a', 'c', 'c'])).toEqual(['b', 'a', 'c']);
  });
});
