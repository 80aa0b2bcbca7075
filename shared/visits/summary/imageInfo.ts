// A picture's format and pixel size, read from its first bytes: the Word document needs both to place a photo, and
// the photos' records do not keep their size. Pure, so it works the same in the renderer and in tests (jsdom has
// no image decoder). The synced copies are JPEG drawn by a canvas (no EXIF rotation left to honour).

export type ImageFormat = 'jpg' | 'png' | 'gif' | 'bmp';

export interface ImageInfo {
  format: ImageFormat;
  width: number;
  height: number;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

function pngInfo(view: DataView): ImageInfo | undefined {
  // Signature (8), IHDR length (4) and type (4), then width and height, big-endian.
  if (view.byteLength < 24) return undefined;
  return { format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
}

/** Start-of-frame markers carry the size: C0–CF except C4 (DHT), C8 (reserved) and CC (DAC). */
const isStartOfFrame = (marker: number) => marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegInfo(view: DataView): ImageInfo | undefined {
  let offset = 2;
  while (offset + 4 <= view.byteLength) {
    if (view.getUint8(offset) !== 0xff) return undefined;
    const marker = view.getUint8(offset + 1);
    // Fill bytes, and markers without a length (RSTn, TEM).
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined; // end of image / start of scan before any frame
    const length = view.getUint16(offset + 2);
    if (length < 2) return undefined;
    if (isStartOfFrame(marker)) {
      if (offset + 9 > view.byteLength) return undefined;
      // length (2), precision (1), height (2), width (2)
      return { format: 'jpg', height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + length;
  }
  return undefined;
}

/** The format and size of a JPEG, PNG, GIF or BMP picture; undefined for anything else or a damaged header. */
export function imageInfo(bytes: Uint8Array): ImageInfo | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let info: ImageInfo | undefined;
  if (startsWith(bytes, PNG_SIGNATURE)) info = pngInfo(view);
  else if (startsWith(bytes, [0xff, 0xd8])) info = jpegInfo(view);
  else if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38]) && bytes.length >= 10) info = { format: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
  else if (startsWith(bytes, [0x42, 0x4d]) && bytes.length >= 26) {
    // A bottom-up bitmap stores its height as a positive number, a top-down one as negative.
    info = { format: 'bmp', width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
  }
  return info && info.width > 0 && info.height > 0 ? info : undefined;
}
