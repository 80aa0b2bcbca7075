import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, canonicalStateHash } from './canonical';

describe('canonicalJson', () => {
  it('sorts keys at every depth and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, 1], c: '甲' } })).toBe('{"a":{"c":"甲","d":[3,1]},"b":1}');
  });

  it('drops undefined members like JSON, and writes a bare undefined as null', () => {
    expect(canonicalJson({ a: undefined, b: null })).toBe('{"b":null}');
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([undefined])).toBe('[null]');
  });

  it('escapes keys and strings as JSON does', () => {
    expect(canonicalJson({ 'a"b': 'c\nd' })).toBe('{"a\\"b":"c\\nd"}');
  });
});

describe('canonicalStateHash', () => {
  const a = { proposal: { P1: { id: 'P1', title: '甲', suggestedUnitIds: ['U1', 'U2'] }, P2: { id: 'P2', title: '乙' } }, category: { C1: { id: 'C1', name: '其他' } } };
  const sameDataOtherOrder = { category: { C1: { name: '其他', id: 'C1' } }, proposal: { P2: { title: '乙', id: 'P2' }, P1: { suggestedUnitIds: ['U1', 'U2'], title: '甲', id: 'P1' } } };

  it('is the SHA-256 of the canonical JSON, in hex', () => {
    const expected = createHash('sha256').update(canonicalJson(a), 'utf8').digest('hex');
    expect(canonicalStateHash(a)).toBe(expected);
    expect(canonicalStateHash({})).toBe(createHash('sha256').update('{}').digest('hex'));
  });

  it('does not depend on the order rows, tables or fields were inserted in', () => {
    expect(canonicalStateHash(sameDataOtherOrder)).toBe(canonicalStateHash(a));
  });

  it('treats an empty table like a missing one', () => {
    expect(canonicalStateHash({ ...a, ballot: {} })).toBe(canonicalStateHash(a));
  });

  it('changes with any value, and with the order inside an array', () => {
    expect(canonicalStateHash({ ...a, category: { C1: { id: 'C1', name: '其它' } } })).not.toBe(canonicalStateHash(a));
    const swapped = { ...a, proposal: { ...a.proposal, P1: { ...a.proposal.P1, suggestedUnitIds: ['U2', 'U1'] } } };
    expect(canonicalStateHash(swapped)).not.toBe(canonicalStateHash(a));
  });
});
