import { stat } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { answerNextConfirm, answerNextPrompt, launchApp, useAppServer } from './harness';

// The harness itself: what scenario tests rely on when they restart the app or answer its dialogs.
// Works on the app's origin with its own probe database, independent of what the UI shows.
useAppServer();

const PROBE_DB = 'e2e-harness-probe';

describe('e2e harness', () => {
  it('keeps IndexedDB across restart(), because the browser profile persists', async () => {
    const app = await launchApp();
    await app.page.evaluate(async (dbName) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName, 1);
        request.onupgradeneeded = () => request.result.createObjectStore('notes');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('notes', 'readwrite');
        tx.objectStore('notes').put('视察记录：村道硬化', 'note-1');
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
    }, PROBE_DB);

    await app.restart();

    const stored = await app.page.evaluate(async (dbName) => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const request = indexedDB.open(dbName, 1);
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      const value = await new Promise<unknown>((resolve, reject) => {
        const request = db.transaction('notes').objectStore('notes').get('note-1');
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
      db.close();
      return value;
    }, PROBE_DB);
    expect(stored).toBe('视察记录：村道硬化');
  });

  it('starts every launch without a profileDir on an empty profile', async () => {
    const first = await launchApp();
    await first.page.evaluate(() => localStorage.setItem('probe', 'first'));
    const second = await launchApp();
    expect(second.profileDir).not.toBe(first.profileDir);
    expect(await second.page.evaluate(() => localStorage.getItem('probe'))).toBeNull();
  });

  it('answers window.prompt and window.confirm in the order they were queued', async () => {
    const app = await launchApp();
    const promptAnswered = answerNextPrompt(app.page, '/tmp/报告.docx');
    const typed = await app.page.evaluate(() => window.prompt('请输入保存位置的完整路径', 'report.docx'));
    expect(typed).toBe('/tmp/报告.docx');
    expect(await promptAnswered).toBe('请输入保存位置的完整路径');

    void answerNextPrompt(app.page, null);
    expect(await app.page.evaluate(() => window.prompt('取消这个'))).toBeNull();

    void answerNextConfirm(app.page, true);
    expect(await app.page.evaluate(() => window.confirm('确定删除？'))).toBe(true);
    expect(app.errors().filter((line) => line.startsWith('unanswered dialog'))).toEqual([]);
  });

  it('reports dialogs nobody answered, errors in the page, and requests that leave the machine', async () => {
    const app = await launchApp();
    expect(await app.page.evaluate(() => window.confirm('没有人回答'))).toBe(false);
    await app.page.evaluate(() => {
      console.error('探针错误');
      setTimeout(() => {
        throw new Error('未捕获的探针异常');
      });
    });
    // From a blank page: the app's own Content-Security-Policy would stop this fetch before the harness sees it.
    const blank = await app.context.newPage();
    const outcome = await blank.evaluate(() =>
      fetch('http://example.com/tracker').then(() => 'reached', () => 'refused'),
    );
    expect(outcome).toBe('refused');
    await expect.poll(() => app.pageErrors.length).toBe(1);

    const errors = app.errors().join('\n');
    expect(errors).toContain('unanswered dialog: confirm: 没有人回答');
    expect(errors).toContain('console.error: 探针错误');
    expect(errors).toContain('未捕获的探针异常');
    expect(errors).toContain('blocked network request: http://example.com/tracker');
  });

  it('writes screenshots under tests/e2e/.artifacts/<test file>/', async () => {
    const app = await launchApp();
    const file = await app.screenshot('harness probe');
    expect(file).toMatch(/tests[\\/]e2e[\\/]\.artifacts[\\/]harness[\\/]harness-probe\.png$/);
    expect((await stat(file)).size).toBeGreaterThan(0);
  });
});
