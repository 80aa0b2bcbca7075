// Picture headers for the visit-summary tests: just enough of a PNG or JPEG for imageInfo and the Word builder,
// which reads the size and embeds the bytes without decoding them. Used only by tests (shared and renderer).

/** The start of a PNG: signature and IHDR with the given size (8-bit RGB). */
export function pngHeader(width: number, height: number): Uint8Array {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  bytes.set([8, 2, 0, 0, 0], 24);
  return bytes;
}

/**
 * A JPEG's markers up to its frame header: SOI, a JFIF APP0, an APP1 standing for EXIF, then SOF0 with the size,
 * and EOI. `seed` varies a byte of APP1 so two photos of the same size are different files.
 */
export function jpegHeader(width: number, height: number, seed = 0): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const app1 = [0xff, 0xe1, 0x00, 0x06, 0x45, seed & 0xff, 0x00, 0x00];
  const sof0 = [0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Uint8Array.from([0xff, 0xd8, ...app0, ...app1, ...sof0, 0xff, 0xd9]);
}
