import { describe, expect, it } from 'vitest';
import { ID_PATTERN, idTimeMs, newId } from './ids';

describe('newId', () => {
  it('makes 26-character Crockford ids that sort by creation time', () => {
    const a = newId(1_700_000_000_000);
    const b = newId(1_700_000_000_001);
    expect(a).toMatch(ID_PATTERN);
    expect(a < b).toBe(true);
  });

  it('does not collide across many ids made in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId(1_700_000_000_000)));
    expect(ids.size).toBe(10_000);
  });

  it('is deterministic for a given random source (for seeded demo data)', () => {
    const zeros = (b: Uint8Array) => b.fill(0);
    expect(newId(0, zeros)).toBe('0'.repeat(26));
    expect(newId(0, (b) => b.fill(255))).toBe('0000000000ZZZZZZZZZZZZZZZZ');
  });
});

describe('idTimeMs', () => {
  it('reads back the time an id was made at, and nothing from what is not an id', () => {
    for (const ms of [0, 1, 1_780_000_000_123, 2 ** 48 - 1]) expect(idTimeMs(newId(ms))).toBe(ms);
    expect(idTimeMs('not-an-id')).toBeUndefined();
    expect(idTimeMs(newId(5).toLowerCase())).toBeUndefined();
  });
});

describe('pairId', () => {
  it('is a valid id, the same for the same pair on every device, different for other pairs', async () => {
    const { pairId } = await import('./ids');
    const a = pairId('cosignature', '01HZZZZZZZZZZZZZZZZZZZZZZA', '01HZZZZZZZZZZZZZZZZZZZZZZB');
    expect(a).toMatch(ID_PATTERN);
    expect(pairId('cosignature', '01HZZZZZZZZZZZZZZZZZZZZZZA', '01HZZZZZZZZZZZZZZZZZZZZZZB')).toBe(a);
    expect(pairId('cosignature', '01HZZZZZZZZZZZZZZZZZZZZZZB', '01HZZZZZZZZZZZZZZZZZZZZZZA')).not.toBe(a);
    const many = new Set(Array.from({ length: 5000 }, (_, i) => pairId('cosignature', `p${i % 50}`, `d${Math.floor(i / 50)}`)));
    expect(many.size).toBe(5000);
  });
});
