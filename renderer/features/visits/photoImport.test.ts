import { describe, expect, it } from 'vitest';
import { LifecycleRefusal } from '../../data/proposalCommands';
import type { PhotoInput } from '../../data/visitCommands';
import { importPhotos, type PhotoImportProgress } from './photoImport';
import { fakeResizer, photoFile } from './visitTesting';

const NOW = new Date('2026-05-12T08:00:00.000Z');

describe('importPhotos', () => {
  it('resizes and stores one photo at a time, giving the UI a turn after each, with progress', async () => {
    const events: string[] = [];
    const progress: PhotoImportProgress[] = [];
    const saved: PhotoInput[] = [];
    const resizer = fakeResizer();
    const files = [photoFile('a.HEIC', 1, Date.parse('2026-05-12T01:00:00.000Z')), photoFile('b.png', 2, 0), photoFile('c.jpg', 3)];
    const result = await importPhotos(files, {
      resizer,
      save: async (photo) => {
        events.push(`save ${photo.resized.name}`);
        saved.push(photo);
      },
      caption: ' 水厂 ',
      onProgress: (p) => progress.push(p),
      yieldToUi: async () => {
        events.push('yield');
      },
      now: () => NOW,
    });
    expect(result).toEqual({ done: 3, total: 3, added: 3, failed: [], stopped: false });
    expect(events).toEqual(['save a.jpg', 'yield', 'save b.jpg', 'yield', 'save c.jpg', 'yield']);
    expect(progress.map((p) => p.done)).toEqual([0, 1, 2, 3]);
    expect(saved[0]).toMatchObject({ caption: '水厂', takenAt: '2026-05-12T01:00:00.000Z', resized: { type: 'image/jpeg' }, original: { name: 'a.HEIC', type: 'image/jpeg' } });
    expect(saved[0]!.original!.bytes).toHaveLength(32);
    expect(saved[0]!.resized.bytes).toHaveLength(4);
    // A file time of 0 is not a time: the photo is dated now.
    expect(saved[1]!.takenAt).toBe(NOW.toISOString());
  });

  it('skips an unreadable file with a reason and carries on', async () => {
    const saved: string[] = [];
    const result = await importPhotos([photoFile('ok1.jpg'), photoFile('broken.jpg', 0), photoFile('ok2.jpg')], {
      resizer: fakeResizer(),
      save: async (photo) => void saved.push(photo.resized.name),
      yieldToUi: async () => undefined,
      unreadable: '无法读取图片',
    });
    expect(saved).toEqual(['ok1.jpg', 'ok2.jpg']);
    expect(result).toMatchObject({ added: 2, done: 3, failed: [{ name: 'broken.jpg', message: '无法读取图片' }], stopped: false });
  });

  it('stops when the visit itself refuses (closed), and when asked to; what is done stays done', async () => {
    let calls = 0;
    const refused = await importPhotos([photoFile('1.jpg'), photoFile('2.jpg'), photoFile('3.jpg')], {
      resizer: fakeResizer(),
      save: async () => {
        calls++;
        if (calls === 2) throw new LifecycleRefusal('wrongState', '视察已结束并归档，不能再修改视察记录');
      },
      yieldToUi: async () => undefined,
    });
    expect(refused).toMatchObject({ added: 1, done: 2, stopped: true, failed: [{ name: '2.jpg', message: '视察已结束并归档，不能再修改视察记录' }] });

    let stop = false;
    const stopped = await importPhotos([photoFile('1.jpg'), photoFile('2.jpg'), photoFile('3.jpg')], {
      resizer: fakeResizer(),
      save: async () => {
        stop = true;
      },
      shouldStop: () => stop,
      yieldToUi: async () => undefined,
    });
    expect(stopped).toMatchObject({ added: 1, done: 1, stopped: true });
  });

  it('leaves the original out when told to', async () => {
    const saved: PhotoInput[] = [];
    await importPhotos([photoFile('1.jpg')], { resizer: fakeResizer(), save: async (p) => void saved.push(p), keepOriginal: false, yieldToUi: async () => undefined });
    expect(saved[0]!.original).toBeUndefined();
  });
});
