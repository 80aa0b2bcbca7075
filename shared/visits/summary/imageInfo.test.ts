import { describe, expect, it } from 'vitest';
import { imageInfo } from './imageInfo';
import { jpegHeader, pngHeader } from './summaryFixtures';

/** A real 1 × 1 PNG. */
const ONE_PIXEL_PNG = Uint8Array.from(atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='), (c) => c.charCodeAt(0));

describe('imageInfo', () => {
  it('reads a PNG’s size from its header', () => {
    expect(imageInfo(ONE_PIXEL_PNG)).toEqual({ format: 'png', width: 1, height: 1 });
    expect(imageInfo(pngHeader(1600, 1200))).toEqual({ format: 'png', width: 1600, height: 1200 });
  });

  it('reads a JPEG’s size from its frame header, past the APPn segments', () => {
    expect(imageInfo(jpegHeader(1600, 1200))).toEqual({ format: 'jpg', width: 1600, height: 1200 });
    expect(imageInfo(jpegHeader(900, 1600))).toEqual({ format: 'jpg', width: 900, height: 1600 });
  });

  it('reads GIF and BMP sizes (a top-down BMP’s negative height too)', () => {
    const gif = Uint8Array.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 0x40, 0x01, 0xf0, 0x00]);
    expect(imageInfo(gif)).toEqual({ format: 'gif', width: 320, height: 240 });
    const bmp = new Uint8Array(26);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(18, 640, true);
    new DataView(bmp.buffer).setInt32(22, -480, true);
    expect(imageInfo(bmp)).toEqual({ format: 'bmp', width: 640, height: 480 });
  });

  it('refuses what is not a picture, a cut-off header, or a zero size', () => {
    expect(imageInfo(new Uint8Array([1, 2, 3, 4]))).toBeUndefined();
    expect(imageInfo(new Uint8Array(0))).toBeUndefined();
    expect(imageInfo(jpegHeader(1600, 1200).slice(0, 30))).toBeUndefined();
    expect(imageInfo(pngHeader(1600, 1200).slice(0, 20))).toBeUndefined();
    expect(imageInfo(pngHeader(0, 1200))).toBeUndefined();
    // A JPEG whose scan starts before any frame header has no size to read.
    expect(imageInfo(Uint8Array.from([0xff, 0xd8, 0xff, 0xda, 0x00, 0x08, 0, 0, 0, 0, 0, 0]))).toBeUndefined();
  });

  it('reads bytes that are a view into a larger buffer', () => {
    const big = new Uint8Array(100);
    const header = jpegHeader(800, 600);
    big.set(header, 10);
    expect(imageInfo(big.subarray(10, 10 + header.length))).toEqual({ format: 'jpg', width: 800, height: 600 });
  });
});
