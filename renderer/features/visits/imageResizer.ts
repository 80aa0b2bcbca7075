// Resizing a photo for sync in the renderer: decode with createImageBitmap (honouring the camera's EXIF rotation),
// draw at the size shared/visits computes, encode as JPEG. OffscreenCanvas where there is one, else a <canvas>.
import { fitWithin, PHOTO_JPEG_QUALITY, PHOTO_MAX_SIDE } from '../../../shared/visits';

export interface ResizedPhoto {
  bytes: Uint8Array;
  type: string;
  width: number;
  height: number;
}

/** Turns a picked image file into the copy that travels by sync. Injected, so tests (jsdom has no canvas) pass a fake. */
export interface PhotoResizer {
  resize(file: Blob): Promise<ResizedPhoto>;
}

async function encodeJpeg(bitmap: ImageBitmap, width: number, height: number, quality: number): Promise<Blob> {
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('canvas unavailable');
    draw(context, bitmap, width, height);
    return canvas.convertToBlob({ type: 'image/jpeg', quality });
  }
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new Error('canvas unavailable');
  draw(context, bitmap, width, height);
  return new Promise((resolve, reject) =>
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))), 'image/jpeg', quality),
  );
}

function draw(context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D, bitmap: ImageBitmap, width: number, height: number) {
  // JPEG has no transparency: a transparent PNG would turn black, so paint it on white.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, width, height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, width, height);
}

export function createBrowserPhotoResizer(maxSide: number = PHOTO_MAX_SIDE, quality: number = PHOTO_JPEG_QUALITY): PhotoResizer {
  return {
    async resize(file) {
      const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
      try {
        const size = fitWithin({ width: bitmap.width, height: bitmap.height }, maxSide);
        const blob = await encodeJpeg(bitmap, size.width, size.height, quality);
        return { bytes: new Uint8Array(await blob.arrayBuffer()), type: 'image/jpeg', width: size.width, height: size.height };
      } finally {
        bitmap.close();
      }
    },
  };
}
