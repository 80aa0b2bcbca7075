// Every bridge channel, through the real ipcMain registration and the real handlers (temporary folders for the data
// folder and the sync folder), is sent a battery of malformed arguments and calls from untrusted senders. What
// counts: the answer is the bridge's error envelope (never a throw, never an "unexpected" failure logged as a bug),
// and nothing happened — no dialog, no key, no file, no print. Channels come from BRIDGE_CHANNELS, so a channel
// added later is fuzzed too; it only needs an entry in PROBES (a missing one fails to compile and fails a test).
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { z } from 'zod';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  backupListLocalRequestSchema,
  backupOpenFileRequestSchema,
  backupReadLocalRequestSchema,
  backupSaveAsRequestSchema,
  backupWriteLocalRequestSchema,
  BRIDGE_CHANNELS,
  bridgeErrorCodes,
  deviceKeysRequestSchema,
  deviceSignRequestSchema,
  deviceUnwrapRequestSchema,
  openFileRequestSchema,
  printToPdfRequestSchema,
  saveFileRequestSchema,
  syncChooseFolderRequestSchema,
  syncGetBlobRequestSchema,
  syncPutBlobRequestSchema,
  syncScanRequestSchema,
  syncWriteBundleRequestSchema,
  syncWriteMarkerRequestSchema,
} from '../../shared/bridge';
import type { BridgeChannel } from '../../shared/bridge';
import { createLocalBackupStore } from '../backups/localBackups';
import { createKeyStore } from '../keys/keyStore';
import { nodeFileSystem } from './bridgeFileSystem';
import type { BridgeFileSystem } from './bridgeFileSystem';
import { createBridgeHandlers } from './handlers';
import type { DialogPort } from './handlers';
import { registerBridgeIpc } from './register';

const DEVICE = '01J9ZQ4XKXW3V5S7Y8A2B6C0DA';
const CONGRESS = '01J9ZQ4XKXW3V5S7Y8A2B6C0DB';
const BYTES = new Uint8Array([0x44, 0x44, 0x31, 0x0a]);
const BYTES_SHA256 = createHash('sha256').update(BYTES).digest('hex');
const OUR_WINDOW = 7;
const OUR_PAGE = 'app://delegatedesk/index.html';
/** A relative name no handler may resolve against the working directory: checked never to appear there. */
const RELATIVE_SENTINEL = `delegatedesk-fuzz-${randomBytes(6).toString('hex')}`;

/** The temporary world one test's handlers live in. */
interface Environment {
  root: string;
  syncFolder: string;
}

/** How a channel is called correctly; the malformed cases are derived from `valid`. */
type ChannelProbe =
  | { takes: 'nothing' }
  | {
      takes: 'request';
      /** The zod schema the channel's handler must validate with (shared/bridge.ts) */
      schema: z.ZodType;
      valid(env: Environment): Record<string, unknown>;
      /** The valid request visibly does something here (dialog, key, file, print): proves the effect detector sees it */
      acts: boolean;
    };

const request = (schema: z.ZodType, valid: (env: Environment) => Record<string, unknown>, acts: boolean): ChannelProbe => ({ takes: 'request', schema, valid, acts });

/** One entry per channel. A Record over BridgeChannel: a new channel does not compile until it is listed here. */
const PROBES: Record<BridgeChannel, ChannelProbe> = {
  [BRIDGE_CHANNELS.appInfo]: { takes: 'nothing' },
  [BRIDGE_CHANNELS.openFile]: request(openFileRequestSchema, () => ({ title: '导入名册', filters: [{ name: 'Excel', extensions: ['xlsx'] }], maxBytes: 1024 }), true),
  [BRIDGE_CHANNELS.saveFile]: request(saveFileRequestSchema, () => ({ title: '保存', defaultName: '报告.docx', filters: [{ name: 'Word', extensions: ['docx'] }], bytes: BYTES }), true),
  [BRIDGE_CHANNELS.printToPdf]: request(printToPdfRequestSchema, () => ({ title: '导出 PDF', defaultName: '报告.pdf', landscape: true }), true),
  [BRIDGE_CHANNELS.deviceKeys]: request(deviceKeysRequestSchema, () => ({ deviceId: DEVICE }), true),
  [BRIDGE_CHANNELS.deviceSign]: request(deviceSignRequestSchema, () => ({ deviceId: DEVICE, bytes: BYTES }), false),
  [BRIDGE_CHANNELS.deviceUnwrap]: request(deviceUnwrapRequestSchema, () => ({ deviceId: DEVICE, wrapped: [{ ephemeralPublicKey: 'AAAA', nonce: 'AAAA', wrappedKey: 'AAAA' }] }), false),
  [BRIDGE_CHANNELS.syncChooseFolder]: request(syncChooseFolderRequestSchema, () => ({ title: '选择同步文件夹' }), true),
  [BRIDGE_CHANNELS.syncScan]: request(syncScanRequestSchema, (env) => ({ folder: env.syncFolder, known: { [DEVICE]: 0 }, maxBytes: 1024 }), false),
  [BRIDGE_CHANNELS.syncWriteMarker]: request(syncWriteMarkerRequestSchema, (env) => ({ folder: env.syncFolder, congressId: CONGRESS }), true),
  [BRIDGE_CHANNELS.syncWriteBundle]: request(syncWriteBundleRequestSchema, (env) => ({ folder: env.syncFolder, deviceId: DEVICE, seq: 1, bytes: BYTES }), true),
  [BRIDGE_CHANNELS.syncPutBlob]: request(syncPutBlobRequestSchema, (env) => ({ folder: env.syncFolder, sha256: BYTES_SHA256, bytes: BYTES }), true),
  [BRIDGE_CHANNELS.syncGetBlob]: request(syncGetBlobRequestSchema, (env) => ({ folder: env.syncFolder, sha256: BYTES_SHA256 }), false),
  [BRIDGE_CHANNELS.backupWriteLocal]: request(backupWriteLocalRequestSchema, () => ({ reason: 'manual', bytes: BYTES, keep: 3 }), true),
  [BRIDGE_CHANNELS.backupListLocal]: request(backupListLocalRequestSchema, () => ({}), false),
  [BRIDGE_CHANNELS.backupReadLocal]: request(backupReadLocalRequestSchema, () => ({ name: '20260101-120000-manual.ddbackup' }), false),
  [BRIDGE_CHANNELS.backupSaveAs]: request(backupSaveAsRequestSchema, () => ({ defaultName: '备份.ddbackup', bytes: BYTES }), true),
  [BRIDGE_CHANNELS.backupOpenFile]: request(backupOpenFileRequestSchema, () => ({ title: '打开备份' }), true),
};

const HUGE_STRING = 'x'.repeat(2_000_000);
/** A few hundred calls per channel take seconds on a busy 2-core machine: a ceiling against hangs, not a speed goal. */
const FUZZ_TIMEOUT = 120_000;

/** Values put in place of each field (and of the whole request). All survive structured clone, as IPC arguments must. */
const HOSTILE_VALUES: readonly [string, unknown][] = [
  ['undefined', undefined],
  ['null', null],
  ['true', true],
  ['0', 0],
  ['-1', -1],
  ['1.5', 1.5],
  ['NaN', Number.NaN],
  ['Infinity', Number.POSITIVE_INFINITY],
  ['2^64', 2 ** 64],
  ['a bigint', 10n],
  ['an empty string', ''],
  ['a 2 MB string', HUGE_STRING],
  ['a path with NUL', `${os.tmpdir()}/delegatedesk\0/../../etc/passwd`],
  ['..', '..'],
  ['a relative path', RELATIVE_SENTINEL],
  ['a climbing relative path', `${RELATIVE_SENTINEL}/../../..`],
  ['an empty array', []],
  ['an array of junk', [null, 1, 'x']],
  ['an empty object', {}],
  ['an object of junk', { junk: 1 }],
  ['a Uint8Array', new Uint8Array([1, 2, 3])],
  ['a Uint16Array', new Uint16Array(2)],
  ['an ArrayBuffer', new ArrayBuffer(4)],
  ['a Date', new Date(0)],
  ['a Map', new Map([['deviceId', DEVICE]])],
  ['a RegExp', /x/],
  ['an Error', new Error('x')],
];

type Path = (string | number)[];
type Container = Record<string | number, unknown>;

/** A malformed request: what was done, and to which top-level field (none when the request as a whole was changed). */
interface Variant {
  label: string;
  field: string | null;
  request: unknown;
}

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);
}

function keysOf(node: Container): (string | number)[] {
  return Array.isArray(node) ? node.map((_, index) => index) : Object.keys(node);
}

/** Every path inside a request to a field (object key or array index, at any depth; bytes are leaves). */
function fieldPaths(value: unknown, prefix: Path = []): Path[] {
  if (!isContainer(value)) return [];
  return keysOf(value).flatMap((key) => [[...prefix, key], ...fieldPaths(value[key], [...prefix, key])]);
}

/** Every path to an object or array inside a request, the request itself included ([]). */
function containerPaths(value: unknown, prefix: Path = []): Path[] {
  if (!isContainer(value)) return [];
  return [prefix, ...keysOf(value).flatMap((key) => containerPaths(value[key], [...prefix, key]))];
}

function nodeAt(root: unknown, at: Path): Container {
  return at.reduce<Container>((node, key) => node[key] as Container, root as Container);
}

/** A structured clone of `valid` with `edit` applied to it. */
function changed(valid: Record<string, unknown>, edit: (copy: Container) => void): unknown {
  const copy = structuredClone(valid) as Container;
  edit(copy);
  return copy;
}

function setOwn(node: Container, name: string, value: unknown): void {
  // defineProperty, not assignment: `node.__proto__ = …` would change the prototype instead of adding a key
  Object.defineProperty(node, name, { value, enumerable: true, writable: true, configurable: true });
}

/** The malformed variants of a valid request, one change each. */
function malformedVariants(valid: Record<string, unknown>): Variant[] {
  const variants: Variant[] = [];
  for (const at of fieldPaths(valid)) {
    const where = at.join('.');
    const field = String(at[0]);
    const parent = (copy: Container) => nodeAt(copy, at.slice(0, -1));
    const key = at[at.length - 1]!;
    variants.push({
      label: `${where} missing`,
      field,
      request: changed(valid, (copy) => {
        const node = parent(copy);
        if (Array.isArray(node)) node.splice(Number(key), 1);
        else delete node[key];
      }),
    });
    for (const [label, value] of HOSTILE_VALUES) {
      variants.push({ label: `${where} = ${label}`, field, request: changed(valid, (copy) => void (parent(copy)[key] = value)) });
    }
  }
  for (const at of containerPaths(valid)) {
    const where = at.length === 0 ? 'the request' : at.join('.');
    const field = at.length === 0 ? null : String(at[0]);
    const node = nodeAt(valid, at);
    if (Array.isArray(node)) {
      const item: unknown = node[0];
      variants.push({ label: `${where} with 100 001 items`, field, request: changed(valid, (copy) => void (nodeAt(copy, at) as unknown as unknown[]).push(...Array.from({ length: 100_001 }, () => structuredClone(item)))) });
      continue;
    }
    for (const [name, value] of [['unexpected', true], ['__proto__', { polluted: true }], ['constructor', { prototype: { polluted: true } }], ['toString', 'x']] as const) {
      variants.push({ label: `${where} with an own "${name}" key`, field, request: changed(valid, (copy) => setOwn(nodeAt(copy, at), name, value)) });
    }
  }
  return variants;
}

// ---------------------------------------------------------------------------------------------------------------
// The real handlers and registration, with every port observed

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown;

interface FrameShape {
  url: string;
  parent: FrameShape | null;
}

function invokeEvent(webContentsId: number, frame: FrameShape | null): IpcMainInvokeEvent {
  return { sender: { id: webContentsId }, senderFrame: frame } as unknown as IpcMainInvokeEvent;
}

const ourMainFrame: FrameShape = { url: OUR_PAGE, parent: null };
const trustedEvent = invokeEvent(OUR_WINDOW, ourMainFrame);

let env: Environment;

beforeEach(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-ipc-fuzz-'));
  env = { root, syncFolder: path.join(root, 'sync') };
  await mkdir(env.syncFolder);
});

afterEach(async () => {
  await rm(env.root, { recursive: true, force: true });
});

/** Registers the real handlers on a recording ipcMain; counts every port call and every "unexpected" failure. */
function bridgeUnderTest(window: { id: number | null } = { id: OUR_WINDOW }) {
  const counts = { dialogs: 0, printer: 0, fs: 0, logs: 0 };
  const unexpected: { channel: string; error: unknown }[] = [];
  const counted =
    <Args extends unknown[], Result>(port: keyof typeof counts, answer: (...args: Args) => Promise<Result>) =>
    (...args: Args) => {
      counts[port] += 1;
      return answer(...args);
    };
  const dialogs: DialogPort = {
    chooseOpenPath: counted('dialogs', () => Promise.resolve(null)),
    chooseSavePath: counted('dialogs', () => Promise.resolve(null)),
    chooseFolder: counted('dialogs', () => Promise.resolve(null)),
  };
  const fs: BridgeFileSystem = {
    stat: counted('fs', nodeFileSystem.stat),
    readFile: counted('fs', nodeFileSystem.readFile),
    writeFile: counted('fs', nodeFileSystem.writeFile),
    rename: counted('fs', nodeFileSystem.rename),
    rm: counted('fs', nodeFileSystem.rm),
  };
  const handlers = createBridgeHandlers({
    appInfo: { name: '党代表履职工作台', version: '0.0.0', platform: 'linux', shell: 'electron' },
    dialogs,
    keys: createKeyStore({ dir: path.join(env.root, 'data'), log: () => void (counts.logs += 1) }),
    printer: { printToPdf: counted('printer', () => Promise.resolve(new Uint8Array([0x25, 0x50, 0x44, 0x46]))) },
    backups: createLocalBackupStore(path.join(env.root, 'data', 'backups')),
    fs,
    log: () => void (counts.logs += 1),
  });
  const listeners = new Map<string, Listener>();
  registerBridgeIpc({
    ipcMain: { handle: (channel: string, listener: Listener) => void listeners.set(channel, listener), removeHandler: (channel: string) => void listeners.delete(channel) },
    handlers,
    trustedWebContentsId: () => window.id,
    logUnexpected: (channel, error) => unexpected.push({ channel, error }),
  });

  return {
    listeners,
    unexpected,
    /** Calls a channel as Electron would: the arguments structured-cloned, the listener's answer awaited. */
    async call(channel: string, args: unknown[], event: IpcMainInvokeEvent = trustedEvent): Promise<unknown> {
      const listener = listeners.get(channel);
      if (!listener) throw new Error(`no ipcMain handler for ${channel}`);
      return await listener(event, ...structuredClone(args));
    },
    /** Everything a call could have done: port calls and the files under the test's temporary root. */
    async effects() {
      const files = (await readdir(env.root, { recursive: true })).map((file) => file.split(path.sep).join('/')).sort();
      return { ...counts, files };
    },
  };
}

function expectRefusal(answer: unknown, code: string, label: string): void {
  expect(answer, label).toMatchObject({ ok: false, code });
  const { message } = answer as { message: unknown };
  expect(typeof message === 'string' && /[\u4e00-\u9fff]/.test(message), `${label}: a Chinese message`).toBe(true);
}

const CHANNELS = Object.values(BRIDGE_CHANNELS);

describe('the fuzzing covers the whole bridge', () => {
  it('has a probe, with a zod schema or "takes nothing", for every channel, and nothing else', () => {
    expect(Object.keys(PROBES).sort()).toEqual([...CHANNELS].sort());
    for (const channel of CHANNELS) {
      const probe = PROBES[channel];
      expect(probe, channel).toBeDefined();
      if (probe.takes === 'request') expect(probe.schema, channel).toBeInstanceOf(z.ZodType);
    }
  });

  it('registers an ipcMain handler for every channel', () => {
    expect([...bridgeUnderTest().listeners.keys()].sort()).toEqual([...CHANNELS].sort());
  });
});

describe.each(CHANNELS)('%s', (channel) => {
  const probe = PROBES[channel];

  it('answers the valid request (control: the malformed cases below differ from it in one thing only)', async () => {
    const bridge = bridgeUnderTest();
    const before = await bridge.effects();
    const answer = (await bridge.call(channel, probe.takes === 'nothing' ? [] : [probe.valid(env)])) as { ok: boolean; code?: string };
    expect(answer.ok || !['invalidArguments', 'forbiddenSender'].includes(answer.code ?? ''), JSON.stringify(answer)).toBe(true);
    if (probe.takes === 'request') {
      expect(probe.schema.safeParse(probe.valid(env)).success).toBe(true);
      if (probe.acts) expect(await bridge.effects(), 'the effect detector sees what the valid request does').not.toEqual(before);
    }
    expect(bridge.unexpected).toEqual([]);
  });

  it('refuses malformed arguments with invalidArguments, does nothing, and never fails unexpectedly', async () => {
    const bridge = bridgeUnderTest();
    const valid = probe.takes === 'request' ? probe.valid(env) : {};
    const cases: { label: string; field: string | null; args: unknown[] }[] = [
      ...HOSTILE_VALUES.map(([label, value]) => ({ label: `the request is ${label}`, field: null, args: [value] })),
      ...(probe.takes === 'nothing'
        ? [{ label: 'an empty request', field: null, args: [{}] }]
        : [
            { label: 'no argument', field: null, args: [] },
            { label: 'two requests', field: null, args: [valid, valid] },
            { label: 'a second argument', field: null, args: [valid, '/etc/passwd'] },
            ...malformedVariants(valid).map(({ label, field, request }) => ({ label, field, args: [request] })),
          ]),
    ];
    const rejectedFields = new Set<string>();
    let acceptedByTheSchema = 0;

    for (const { label, field, args } of cases) {
      const verdict = probe.takes === 'request' && args.length === 1 ? probe.schema.safeParse(structuredClone(args[0])) : null;
      const before = await bridge.effects();
      const answer = await bridge.call(channel, args);
      expect(bridge.unexpected, `${label}: an unexpected failure is a crash path`).toEqual([]);

      if (verdict === null || !verdict.success) {
        expectRefusal(answer, 'invalidArguments', label);
        expect(await bridge.effects(), `${label}: nothing happened`).toEqual(before);
        // The handler validates with this very schema: its refusal names the field the schema names
        const issuePath = verdict?.error?.issues[0]?.path ?? [];
        if (issuePath.length > 0) expect((answer as { message: string }).message, label).toContain(issuePath.join('.'));
        if (field !== null) rejectedFields.add(field);
      } else {
        // Legal for the schema (an empty optional title, a folder that is not absolute, …): still answered with an
        // envelope; a folder that is not an absolute path to an existing folder is refused by the handler itself.
        acceptedByTheSchema += 1;
        expect(answer, label).toHaveProperty('ok');
        const envelope = answer as { ok: boolean; code?: string };
        if (!envelope.ok) expect(bridgeErrorCodes, label).toContain(envelope.code);
      }
    }

    // Every field of the request is validated: for each, at least one hostile value was refused
    if (probe.takes === 'request') expect([...rejectedFields].sort()).toEqual(Object.keys(valid).sort());
    expect(acceptedByTheSchema).toBeLessThan(cases.length);
    expect(({} as Record<string, unknown>).polluted, 'Object.prototype is untouched').toBeUndefined();
    expect(existsSync(path.resolve(RELATIVE_SENTINEL)), 'nothing was created relative to the working directory').toBe(false);
  }, FUZZ_TIMEOUT);

  it.each<[string, IpcMainInvokeEvent, number | null]>([
    ['another webContents (e.g. DevTools)', invokeEvent(OUR_WINDOW + 1, ourMainFrame), OUR_WINDOW],
    ['an iframe inside our page', invokeEvent(OUR_WINDOW, { url: OUR_PAGE, parent: ourMainFrame }), OUR_WINDOW],
    ['a foreign page loaded in our window', invokeEvent(OUR_WINDOW, { url: 'https://evil.example/', parent: null }), OUR_WINDOW],
    ['a local file in our window', invokeEvent(OUR_WINDOW, { url: 'file:///tmp/index.html', parent: null }), OUR_WINDOW],
    ['a look-alike host', invokeEvent(OUR_WINDOW, { url: 'app://delegatedesk.evil/index.html', parent: null }), OUR_WINDOW],
    ['credentials in the URL', invokeEvent(OUR_WINDOW, { url: 'app://delegatedesk@evil/index.html', parent: null }), OUR_WINDOW],
    ['a frame already gone', invokeEvent(OUR_WINDOW, null), OUR_WINDOW],
    ['our page while there is no window', trustedEvent, null],
  ])('refuses %s with forbiddenSender, before the request is even looked at', async (_label, event, windowId) => {
    const bridge = bridgeUnderTest({ id: windowId });
    const before = await bridge.effects();
    const valid = probe.takes === 'request' ? [probe.valid(env)] : [];
    for (const args of [valid, [null], [HUGE_STRING], []]) {
      expectRefusal(await bridge.call(channel, args, event), 'forbiddenSender', JSON.stringify(args).slice(0, 40));
    }
    expect(await bridge.effects()).toEqual(before);
    expect(bridge.unexpected).toEqual([]);
  });
});
