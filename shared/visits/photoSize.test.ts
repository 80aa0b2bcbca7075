import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fitWithin, photoTakenAt, PHOTO_MAX_SIDE, resizedFileName } from './photoSize';

describe('fitWithin', () => {
  it('scales a landscape photo so its width is the maximum', () => {
    expect(fitWithin({ width: 4000, height: 3000 })).toEqual({ width: 1600, height: 1200, scaled: true });
  });

  it('scales a portrait photo so its height is the maximum', () => {
    expect(fitWithin({ width: 3024, height: 4032 })).toEqual({ width: 1200, height: 1600, scaled: true });
  });

  it('keeps a photo that is already small enough, never enlarging it', () => {
    expect(fitWithin({ width: 1280, height: 720 })).toEqual({ width: 1280, height: 720, scaled: false });
    expect(fitWithin({ width: 1600, height: 1600 })).toEqual({ width: 1600, height: 1600, scaled: false });
  });

  it('keeps a panorama at least one pixel high', () => {
    expect(fitWithin({ width: 100_000, height: 20 })).toEqual({ width: 1600, height: 1, scaled: true });
  });

  it('honours another maximum', () => {
    expect(fitWithin({ width: 1000, height: 500 }, 400)).toEqual({ width: 400, height: 200, scaled: true });
  });

  it('refuses sizes that are not a picture', () => {
    expect(() => fitWithin({ width: 0, height: 100 })).toThrow(RangeError);
    expect(() => fitWithin({ width: Number.NaN, height: 100 })).toThrow(RangeError);
    expect(() => fitWithin({ width: 100, height: 100 }, 0)).toThrow(RangeError);
  });

  it('for any size: fits, keeps the ratio within a pixel, whole pixels, longest side exact when scaled', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20_000 }), fc.integer({ min: 1, max: 20_000 }), (width, height) => {
        const out = fitWithin({ width, height });
        expect(Math.max(out.width, out.height)).toBeLessThanOrEqual(PHOTO_MAX_SIDE);
        expect(Number.isInteger(out.width) && Number.isInteger(out.height)).toBe(true);
        expect(out.width).toBeGreaterThanOrEqual(1);
        expect(out.height).toBeGreaterThanOrEqual(1);
        if (out.scaled) {
          expect(Math.max(out.width, out.height)).toBe(PHOTO_MAX_SIDE);
          // The shorter side is the rounded exact value (or 1).
          const exact = (Math.min(width, height) * PHOTO_MAX_SIDE) / Math.max(width, height);
          expect(Math.abs(Math.min(out.width, out.height) - Math.max(1, exact))).toBeLessThanOrEqual(0.5 + 1e-9);
        } else {
          expect(out).toMatchObject({ width, height });
        }
      }),
    );
  });
});

describe('resizedFileName', () => {
  it('replaces the extension with .jpg', () => {
    expect(resizedFileName('IMG_0012.HEIC')).toBe('IMG_0012.jpg');
    expect(resizedFileName('村道 现场.png')).toBe('村道 现场.jpg');
    expect(resizedFileName('scan')).toBe('scan.jpg');
    expect(resizedFileName('.jpg')).toBe('照片.jpg');
  });
});

describe('photoTakenAt', () => {
  const now = new Date('2026-05-12T03:00:00.000Z');
  it('uses the file time when it is plausible', () => {
    expect(photoTakenAt(Date.parse('2026-05-12T01:30:00.000Z'), now)).toBe('2026-05-12T01:30:00.000Z');
  });
  it('falls back to now for a missing, zero or future file time', () => {
    expect(photoTakenAt(undefined, now)).toBe(now.toISOString());
    expect(photoTakenAt(0, now)).toBe(now.toISOString());
    expect(photoTakenAt(now.getTime() + 60_000, now)).toBe(now.toISOString());
  });
});
