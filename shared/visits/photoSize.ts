// 视察照片: the size arithmetic of the copy that travels by sync. The renderer draws the photo at this size
// (createImageBitmap + canvas); the numbers live here so they are the same everywhere and testable without a canvas.

/** Longest side of the synchronised copy, in pixels: sharp on a screen and in a report, ~300 KB as JPEG. */
export const PHOTO_MAX_SIDE = 1600;
/** JPEG quality of the synchronised copy (0–1). */
export const PHOTO_JPEG_QUALITY = 0.8;

export interface PixelSize {
  width: number;
  height: number;
}

/**
 * The size that fits `source` within `maxSide` on its longest side, keeping the aspect ratio. A photo already
 * small enough keeps its size (never enlarged); each side is at least 1 pixel; sizes are whole pixels.
 */
export function fitWithin(source: PixelSize, maxSide: number = PHOTO_MAX_SIDE): PixelSize & { scaled: boolean } {
  const { width, height } = source;
  if (!(width > 0 && height > 0) || !Number.isFinite(width) || !Number.isFinite(height)) {
    throw new RangeError(`图片尺寸无效：${width} × ${height}`);
  }
  if (!(maxSide >= 1)) throw new RangeError(`最大边长无效：${maxSide}`);
  const longest = Math.max(width, height);
  if (longest <= maxSide) return { width: Math.round(width), height: Math.round(height), scaled: false };
  const factor = maxSide / longest;
  // The longest side is exactly maxSide; the other is rounded, never below one pixel.
  return width >= height
    ? { width: maxSide, height: Math.max(1, Math.round(height * factor)), scaled: true }
    : { width: Math.max(1, Math.round(width * factor)), height: maxSide, scaled: true };
}

/** The synchronised copy's file name: the original's name with a .jpg extension ("IMG_0012.HEIC" → "IMG_0012.jpg"). */
export function resizedFileName(originalName: string): string {
  const base = originalName.trim().replace(/\.[^./\\]{1,8}$/, '') || '照片';
  return `${base}.jpg`;
}

/**
 * When a photo was taken, as far as the app can tell without reading EXIF: the file's last-modified time (cameras
 * and phones set it when the picture is taken), unless it is missing, zero or in the future — then `now`.
 */
export function photoTakenAt(lastModifiedMs: number | undefined, now: Date): string {
  if (lastModifiedMs === undefined || !Number.isFinite(lastModifiedMs) || lastModifiedMs <= 0 || lastModifiedMs > now.getTime()) {
    return now.toISOString();
  }
  return new Date(lastModifiedMs).toISOString();
}
