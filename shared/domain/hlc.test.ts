import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareHlc, decodeHlc, encodeHlc, MAX_CLOCK_DRIFT_MS, receiveHlc, tickHlc, type Hlc } from './hlc';

describe('hybrid logical clock', () => {
  it('round-trips through its string form', () => {
    const h: Hlc = { wallMs: 1_790_000_000_123, counter: 42, deviceId: '01JABCDEFGHJKMNPQRSTVWXYZ0' };
    expect(decodeHlc(encodeHlc(h))).toEqual(h);
  });

  it('orders by string comparison exactly as by (wall, counter, device)', () => {
    const hlc = fc.record({ wallMs: fc.integer({ min: 0, max: 2 ** 47 }), counter: fc.integer({ min: 0, max: 60_000_000 }), deviceId: fc.constantFrom('a', 'b', 'c') });
    fc.assert(
      fc.property(hlc, hlc, (a, b) => {
        const expected = a.wallMs - b.wallMs || a.counter - b.counter || (a.deviceId < b.deviceId ? -1 : a.deviceId > b.deviceId ? 1 : 0);
        expect(Math.sign(compareHlc(encodeHlc(a), encodeHlc(b)))).toBe(Math.sign(expected));
      }),
    );
  });

  it('never goes backwards when the wall clock does', () => {
    const first = tickHlc(null, 'd', 1000);
    const second = tickHlc(first, 'd', 900); // clock set back
    const third = tickHlc(second, 'd', 900);
    expect(encodeHlc(second) > encodeHlc(first)).toBe(true);
    expect(encodeHlc(third) > encodeHlc(second)).toBe(true);
    expect(tickHlc(third, 'd', 2000)).toEqual({ wallMs: 2000, counter: 0, deviceId: 'd' });
  });

  it('moves past a remote timestamp it receives', () => {
    const local = tickHlc(null, 'a', 1000);
    const remote: Hlc = { wallMs: 5000, counter: 3, deviceId: 'b' };
    const after = receiveHlc(local, remote, 'a', 1200);
    expect(after).toEqual({ wallMs: 5000, counter: 4, deviceId: 'a' });
    expect(encodeHlc(tickHlc(after, 'a', 1300)) > encodeHlc(remote)).toBe(true);
  });

  it('refuses a remote clock implausibly far in the future', () => {
    expect(() => receiveHlc(null, { wallMs: 1000 + MAX_CLOCK_DRIFT_MS + 1, counter: 0, deviceId: 'b' }, 'a', 1000)).toThrow(/ahead/);
  });

  it('rejects malformed strings', () => {
    expect(() => decodeHlc('not-a-clock')).toThrow();
  });
});
