import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_OPEN_FILE_BYTES } from '../../shared/bridge';
import type { AppInfo } from '../../shared/bridge';
import { BridgeError } from './bridgeError';
import { nodeFileSystem } from './bridgeFileSystem';
import type { BridgeFileSystem } from './bridgeFileSystem';
import { createKeyStore } from '../keys/keyStore';
import { createBridgeHandlers as createHandlersWithKeys } from './handlers';
import type { BridgeHandlerPorts, DialogPort, ValidOpenFileRequest, ValidSaveFileRequest } from './handlers';

const appInfo: AppInfo = { name: '党代表履职工作台', version: '1.2.3', platform: 'linux', shell: 'electron' };

let dir: string;
let keysDir: string;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-handlers-'));
  keysDir = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-handler-keys-'));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(keysDir, { recursive: true, force: true });
});

/** The file channels under test; the key store sits in its own folder so `dir` holds only what they write. */
function createBridgeHandlers(ports: Omit<BridgeHandlerPorts, 'keys'>) {
  return createHandlersWithKeys({ ...ports, keys: createKeyStore({ dir: keysDir }) });
}

/** A dialog that "picks" a fixed path (null = cancel) and remembers what it was asked. */
function scriptedDialogs(chosenPath: string | null) {
  const openRequests: ValidOpenFileRequest[] = [];
  const saveRequests: ValidSaveFileRequest[] = [];
  const dialogs: DialogPort = {
    chooseOpenPath: (request) => {
      openRequests.push(request);
      return Promise.resolve(chosenPath);
    },
    chooseSavePath: (request) => {
      saveRequests.push(request);
      return Promise.resolve(chosenPath);
    },
    chooseFolder: () => Promise.reject(new Error('no folder dialog in file tests')),
  };
  return { dialogs, openRequests, saveRequests };
}

/** The real file system, counting the calls that touch file contents. */
function observedFileSystem(overrides: Partial<BridgeFileSystem> = {}) {
  const calls = { readFile: 0, writeFile: 0, rename: 0 };
  const fs: BridgeFileSystem = {
    ...nodeFileSystem,
    readFile: (filePath) => {
      calls.readFile += 1;
      return nodeFileSystem.readFile(filePath);
    },
    writeFile: (filePath, data, options) => {
      calls.writeFile += 1;
      return nodeFileSystem.writeFile(filePath, data, options);
    },
    rename: (from, to) => {
      calls.rename += 1;
      return nodeFileSystem.rename(from, to);
    },
    ...overrides,
  };
  return { fs, calls };
}

async function expectBridgeError(promise: Promise<unknown>, code: BridgeError['code']): Promise<BridgeError> {
  const error: unknown = await promise.then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(BridgeError);
  const bridgeError = error as BridgeError;
  expect(bridgeError.code).toBe(code);
  expect(bridgeError.message).toMatch(/[\u4e00-\u9fff]/); // a Chinese sentence for the user
  return bridgeError;
}

describe('appInfo', () => {
  it('returns the shell description (a copy, not the port object)', async () => {
    const handlers = createBridgeHandlers({ appInfo, dialogs: scriptedDialogs(null).dialogs });
    const info = await handlers.appInfo();
    expect(info).toEqual(appInfo);
    expect(info).not.toBe(appInfo);
  });
});

describe('openFile', () => {
  it('reads the chosen file and returns only its base name and bytes', async () => {
    const filePath = path.join(dir, '2026年 代表名册.xlsx');
    await writeFile(filePath, Buffer.from([0x50, 0x4b, 3, 4, 9]));
    const { dialogs, openRequests } = scriptedDialogs(filePath);
    const handlers = createBridgeHandlers({ appInfo, dialogs });

    const opened = await handlers.openFile({ title: '导入名册', filters: [{ name: 'Excel', extensions: ['xlsx'] }] });

    expect(opened?.name).toBe('2026年 代表名册.xlsx');
    expect([...(opened?.bytes ?? [])]).toEqual([0x50, 0x4b, 3, 4, 9]);
    // A plain Uint8Array that owns exactly its bytes (what IPC should clone), not a pooled Buffer view
    expect(Object.getPrototypeOf(opened?.bytes)).toBe(Uint8Array.prototype);
    expect(opened?.bytes.buffer.byteLength).toBe(5);
    // The dialog got the validated request, defaults filled in
    expect(openRequests).toEqual([{ title: '导入名册', filters: [{ name: 'Excel', extensions: ['xlsx'] }], maxBytes: MAX_OPEN_FILE_BYTES }]);
  });

  it('returns null when the user cancels, without touching the disk', async () => {
    const { fs, calls } = observedFileSystem();
    const handlers = createBridgeHandlers({ appInfo, dialogs: scriptedDialogs(null).dialogs, fs });
    expect(await handlers.openFile({})).toBeNull();
    expect(calls.readFile).toBe(0);
  });

  it('refuses a file over maxBytes from its size alone, without reading it', async () => {
    const filePath = path.join(dir, 'big.bin');
    await writeFile(filePath, Buffer.alloc(2048));
    const { fs, calls } = observedFileSystem();
    const handlers = createBridgeHandlers({ appInfo, dialogs: scriptedDialogs(filePath).dialogs, fs });

    const error = await expectBridgeError(handlers.openFile({ maxBytes: 1024 }), 'fileTooLarge');
    expect(error.message).toContain('MB');
    expect(calls.readFile).toBe(0);
  });

  it('accepts a file of exactly maxBytes', async () => {
    const filePath = path.join(dir, 'exact.bin');
    await writeFile(filePath, Buffer.alloc(1024, 7));
    const handlers = createBridgeHandlers({ appInfo, dialogs: scriptedDialogs(filePath).dialogs });
    expect((await handlers.openFile({ maxBytes: 1024 }))?.bytes.byteLength).toBe(1024);
  });

  it('refuses a file that grew past maxBytes between the size check and the read', async () => {
    const filePath = path.join(dir, 'growing.log');
    await writeFile(filePath, Buffer.alloc(10));
    const { fs } = observedFileSystem({
      readFile: async (target) => {
        await writeFile(target, Buffer.alloc(5000));
        return nodeFileSystem.readFile(target);
      },
    });
    const handlers = createBridgeHandlers({ appInfo, dialogs: scriptedDialogs(filePath).dialogs, fs });
    await expectBridgeError(handlers.openFile({ maxBytes: 100 }), 'fileTooLarge');
  });

  it('reports a missing file as fileNotFound and a folder as fileUnreadable', async () => {
    const missing = createBridgeHandlers({ appInfo, dialogs: scriptedDialogs(path.join(dir, 'gone.xlsx')).dialogs });
    await expectBridgeError(missing.openFile({}), 'fileNotFound');
    await mkdir(path.join(dir, 'folder'));
    const folder = createBridgeHandlers({ appInfo, dialogs: scriptedDialogs(path.join(dir, 'folder')).dialogs });
    await expectBridgeError(folder.openFile({}), 'fileUnreadable');
  });
});

describe('saveFile', () => {
  it('writes the bytes to the chosen path and returns its base name', async () => {
    const target = path.join(dir, '办理情况报告.xlsx');
    const { dialogs, saveRequests } = scriptedDialogs(target);
    const handlers = createBridgeHandlers({ appInfo, dialogs });

    const saved = await handlers.saveFile({ defaultName: '办理情况报告.xlsx', bytes: new Uint8Array([1, 2, 3]) });

    expect(saved).toEqual({ name: '办理情况报告.xlsx' });
    expect([...(await readFile(target))]).toEqual([1, 2, 3]);
    expect(await readdir(dir)).toEqual(['办理情况报告.xlsx']); // no temporary file left behind
    expect(saveRequests[0]?.defaultName).toBe('办理情况报告.xlsx');
  });

  it('replaces an existing file atomically through a temporary file in the same folder', async () => {
    const target = path.join(dir, 'report.csv');
    await writeFile(target, 'old');
    const renames: { from: string; to: string }[] = [];
    const { fs } = observedFileSystem({
      rename: (from, to) => {
        renames.push({ from, to });
        return nodeFileSystem.rename(from, to);
      },
    });
    const handlers = createBridgeHandlers({ appInfo, dialogs: scriptedDialogs(target).dialogs, fs });

    await handlers.saveFile({ defaultName: 'report.csv', bytes: new TextEncoder().encode('new') });

    expect(await readFile(target, 'utf8')).toBe('new');
    expect(renames).toHaveLength(1);
    expect(path.dirname(renames[0]?.from ?? '')).toBe(dir);
    expect(renames[0]?.to).toBe(target);
    expect(await readdir(dir)).toEqual(['report.csv']);
  });

  it('keeps the old file intact and cleans up when the final rename fails', async () => {
    const target = path.join(dir, 'report.csv');
    await writeFile(target, 'old contents');
    const { fs } = observedFileSystem({
      rename: () => Promise.reject(Object.assign(new Error('disk full'), { code: 'ENOSPC' })),
    });
    const handlers = createBridgeHandlers({ appInfo, dialogs: scriptedDialogs(target).dialogs, fs });

    const error = await expectBridgeError(handlers.saveFile({ defaultName: 'report.csv', bytes: new Uint8Array(8) }), 'fileUnwritable');
    expect(error.message).toContain('磁盘空间不足');
    expect(await readFile(target, 'utf8')).toBe('old contents');
    expect(await readdir(dir)).toEqual(['report.csv']);
  });

  it('reports a missing folder or a folder as target as fileUnwritable', async () => {
    const intoMissing = createBridgeHandlers({ appInfo, dialogs: scriptedDialogs(path.join(dir, 'no-such-dir', 'a.csv')).dialogs });
    await expectBridgeError(intoMissing.saveFile({ defaultName: 'a.csv', bytes: new Uint8Array(1) }), 'fileUnwritable');
    await mkdir(path.join(dir, 'taken'));
    const ontoFolder = createBridgeHandlers({ appInfo, dialogs: scriptedDialogs(path.join(dir, 'taken')).dialogs });
    await expectBridgeError(ontoFolder.saveFile({ defaultName: 'a.csv', bytes: new Uint8Array(1) }), 'fileUnwritable');
    expect((await readdir(dir)).sort()).toEqual(['taken']);
  });

  it('returns null when the user cancels, writing nothing', async () => {
    const { fs, calls } = observedFileSystem();
    const handlers = createBridgeHandlers({ appInfo, dialogs: scriptedDialogs(null).dialogs, fs });
    expect(await handlers.saveFile({ defaultName: 'a.csv', bytes: new Uint8Array(1) })).toBeNull();
    expect(calls.writeFile).toBe(0);
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('printToPdf', () => {
  const pdfBytes = new TextEncoder().encode('%PDF-1.7 办理情况报告');
  function printer() {
    const calls: { landscape: boolean }[] = [];
    return { calls, port: { printToPdf: (options: { landscape: boolean }) => (calls.push(options), Promise.resolve(pdfBytes)) } };
  }

  it('asks where first, then prints the page and writes the PDF there', async () => {
    const target = path.join(dir, '办理情况报告.pdf');
    const { dialogs, saveRequests } = scriptedDialogs(target);
    const { port, calls } = printer();
    const handlers = createBridgeHandlers({ appInfo, dialogs, printer: port });
    expect(await handlers.printToPdf({ defaultName: '办理情况报告.pdf', landscape: true })).toEqual({ name: '办理情况报告.pdf' });
    expect(saveRequests[0]).toMatchObject({ defaultName: '办理情况报告.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }] });
    expect(calls).toEqual([{ landscape: true }]);
    expect(new Uint8Array(await readFile(target))).toEqual(pdfBytes);
  });

  it('prints nothing when the user cancels the dialog', async () => {
    const { port, calls } = printer();
    const handlers = createBridgeHandlers({ appInfo, dialogs: scriptedDialogs(null).dialogs, printer: port });
    expect(await handlers.printToPdf({ defaultName: 'a.pdf' })).toBeNull();
    expect(calls).toEqual([]);
  });

  it('says unsupported, in Chinese, where the shell has no printer (the web bridge)', async () => {
    const handlers = createBridgeHandlers({ appInfo, dialogs: scriptedDialogs(path.join(dir, 'a.pdf')).dialogs });
    const error = await handlers.printToPdf({ defaultName: 'a.pdf' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BridgeError);
    expect((error as BridgeError).code).toBe('unsupported');
    expect((error as BridgeError).message).toContain('另存为 PDF');
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a default name with directories and a failed print writes nothing', async () => {
    const failing = { printToPdf: () => Promise.reject(new Error('render process gone')) };
    const handlers = createBridgeHandlers({ appInfo, dialogs: scriptedDialogs(path.join(dir, 'a.pdf')).dialogs, printer: failing });
    expect(((await handlers.printToPdf({ defaultName: '../a.pdf' }).catch((e: unknown) => e)) as BridgeError).code).toBe('invalidArguments');
    expect(((await handlers.printToPdf({ defaultName: 'a.pdf' }).catch((e: unknown) => e)) as BridgeError).code).toBe('internal');
    expect(await readdir(dir)).toEqual([]);
  });
});

describe('malformed arguments are refused as invalidArguments before any dialog opens', () => {
  const bytes = new Uint8Array([1]);

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['a string', 'C:\\Users\\x\\a.xlsx'],
    ['an array', []],
    ['title of the wrong type', { title: 5 }],
    ['an over-long title', { title: '题'.repeat(201) }],
    ['negative maxBytes', { maxBytes: -1 }],
    ['fractional maxBytes', { maxBytes: 1.5 }],
    ['maxBytes above the ceiling', { maxBytes: MAX_OPEN_FILE_BYTES + 1 }],
    ['maxBytes as a string', { maxBytes: '1024' }],
    ['filters not an array', { filters: 'xlsx' }],
    ['a filter extension with a path', { filters: [{ name: 'x', extensions: ['../x'] }] }],
    ['an extra key', { extra: true }],
    ['a path chosen by the page', { path: '/etc/passwd' }],
  ])('openFile: %s', async (_label, request) => {
    const { dialogs, openRequests } = scriptedDialogs(path.join(dir, 'x'));
    const handlers = createBridgeHandlers({ appInfo, dialogs });
    await expectBridgeError(handlers.openFile(request), 'invalidArguments');
    expect(openRequests).toEqual([]);
  });

  it.each<[string, unknown]>([
    ['nothing', undefined],
    ['null', null],
    ['missing bytes', { defaultName: 'a.xlsx' }],
    ['bytes as a plain array', { defaultName: 'a.xlsx', bytes: [1, 2, 3] }],
    ['bytes as a string', { defaultName: 'a.xlsx', bytes: 'AQID' }],
    ['missing defaultName', { bytes }],
    ['empty defaultName', { defaultName: '', bytes }],
    ['defaultName of the wrong type', { defaultName: 5, bytes }],
    ['defaultName with a parent folder', { defaultName: '../a.xlsx', bytes }],
    ['defaultName with a folder', { defaultName: 'reports/a.xlsx', bytes }],
    ['defaultName with a Windows folder', { defaultName: 'C:\\Windows\\a.xlsx', bytes }],
    ['defaultName "."', { defaultName: '.', bytes }],
    ['defaultName ".."', { defaultName: '..', bytes }],
    ['an extra key', { defaultName: 'a.xlsx', bytes, overwrite: true }],
    ['a path chosen by the page', { defaultName: 'a.xlsx', bytes, path: '/etc/cron.d/x' }],
    ['a malformed filter', { defaultName: 'a.xlsx', bytes, filters: [{ name: '', extensions: [] }] }],
  ])('saveFile: %s', async (_label, request) => {
    const { dialogs, saveRequests } = scriptedDialogs(path.join(dir, 'x'));
    const handlers = createBridgeHandlers({ appInfo, dialogs });
    await expectBridgeError(handlers.saveFile(request), 'invalidArguments');
    expect(saveRequests).toEqual([]);
    expect(await readdir(dir)).toEqual([]);
  });
});
