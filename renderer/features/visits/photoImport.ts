// Adding many photos at once (a 200-photo trip): one at a time, each resized then stored in its own transaction,
// with the UI given a turn between photos so the progress shows and the window stays responsive. A photo that
// cannot be read is reported and skipped; a refusal of the visit itself (closed, not invited) stops the batch.
import { photoTakenAt, resizedFileName } from '../../../shared/visits';
import { LifecycleRefusal } from '../../data/proposalCommands';
import type { PhotoInput } from '../../data/visitCommands';
import type { PhotoResizer } from './imageResizer';
import { readBytes } from './readBytes';

/** A picked file (a browser File). */
export type PickedPhoto = Blob & { name: string; lastModified?: number };

export interface PhotoImportProgress {
  done: number;
  total: number;
  added: number;
  failed: { name: string; message: string }[];
}

export interface PhotoImportOptions {
  resizer: PhotoResizer;
  /** Stores one photo (addVisitPhoto) */
  save: (photo: PhotoInput) => Promise<unknown>;
  /** Caption given to every photo of the batch */
  caption?: string;
  /** Keep the original's bytes locally (default true) */
  keepOriginal?: boolean;
  onProgress?: (progress: PhotoImportProgress) => void;
  /** Asked before each photo: true stops the batch (the photos done so far stay) */
  shouldStop?: () => boolean;
  /** Gives the UI a turn between photos */
  yieldToUi?: () => Promise<void>;
  /** Message for a file that is not a readable image */
  unreadable?: string;
  now?: () => Date;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Errors that concern the visit rather than one photo: no point trying the next one. */
const stopsTheBatch = (error: unknown) => error instanceof LifecycleRefusal && error.code !== 'invalidData';

export async function importPhotos(files: readonly PickedPhoto[], options: PhotoImportOptions): Promise<PhotoImportProgress & { stopped: boolean }> {
  const { resizer, save, yieldToUi = macrotask, now = () => new Date() } = options;
  const progress: PhotoImportProgress = { done: 0, total: files.length, added: 0, failed: [] };
  let stopped = false;
  options.onProgress?.({ ...progress });
  for (const file of files) {
    if (options.shouldStop?.()) {
      stopped = true;
      break;
    }
    try {
      const resized = await resizer.resize(file).catch(() => {
        throw new Error(options.unreadable ?? '无法读取图片');
      });
      const bytes = options.keepOriginal === false ? undefined : await readBytes(file);
      await save({
        resized: { name: resizedFileName(file.name), type: resized.type, bytes: resized.bytes },
        ...(bytes ? { original: { name: file.name, type: file.type, bytes } } : {}),
        ...(options.caption?.trim() ? { caption: options.caption.trim() } : {}),
        takenAt: photoTakenAt(file.lastModified, now()),
      });
      progress.added++;
    } catch (error) {
      progress.failed.push({ name: file.name, message: error instanceof Error ? error.message : String(error) });
      if (stopsTheBatch(error)) {
        progress.done++;
        options.onProgress?.({ ...progress, failed: [...progress.failed] });
        stopped = true;
        break;
      }
    }
    progress.done++;
    options.onProgress?.({ ...progress, failed: [...progress.failed] });
    await yieldToUi();
  }
  return { ...progress, stopped };
}
