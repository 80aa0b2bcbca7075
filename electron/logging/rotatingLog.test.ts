import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRotatingLog, describeDetail, formatLogLine, LOG_FILE_NAME, MAX_ENTRY_CHARS, type LogFileSystem } from './rotatingLog';

let root: string;
let logDir: string;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'delegatedesk-log-'));
  logDir = path.join(root, 'userData', 'logs');
});

afterEach(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

const fixedTime = () => new Date('2025-03-01T08:00:00.000Z');
const read = (name: string) => fs.readFileSync(path.join(logDir, name), 'utf8');
const logFiles = () => fs.readdirSync(logDir).sort();

describe('createRotatingLog', () => {
  it('creates the logs folder and appends one timestamped line per entry', () => {
    const log = createRotatingLog({ dir: logDir, now: fixedTime });

    expect(log.write('info', 'main', 'start: version 0.1.0, linux x64')).toBe(true);
    log.scope('sync').warn('bundle 7 is still being copied');

    expect(log.filePath).toBe(path.join(logDir, LOG_FILE_NAME));
    expect(read(LOG_FILE_NAME)).toBe(
      '2025-03-01T08:00:00.000Z INFO  [main] start: version 0.1.0, linux x64\n' +
        '2025-03-01T08:00:00.000Z WARN  [sync] bundle 7 is still being copied\n',
    );
  });

  it('appends to the file an earlier run left behind', () => {
    fs.mkdirSync(logDir, { recursive: true });
    fs.writeFileSync(path.join(logDir, LOG_FILE_NAME), 'earlier run\n');

    createRotatingLog({ dir: logDir, now: fixedTime }).scope('main').info('again');

    expect(read(LOG_FILE_NAME)).toBe('earlier run\n2025-03-01T08:00:00.000Z INFO  [main] again\n');
  });

  it('rotates before a line would pass maxBytes: newest archive is .1, older ones move up', () => {
    // Every entry here is 44 bytes, so a 120-byte cap holds two entries per file
    const log = createRotatingLog({ dir: logDir, maxBytes: 120, keepFiles: 5, now: fixedTime });
    const entry = (n: number) => `entry ${String(n).padStart(2, '0')}`;
    for (let n = 1; n <= 6; n += 1) log.scope('t').info(entry(n));

    expect(logFiles()).toEqual(['delegatedesk.1.log', 'delegatedesk.2.log', 'delegatedesk.log']);
    expect(read('delegatedesk.log')).toContain(entry(5));
    expect(read('delegatedesk.log')).toContain(entry(6));
    expect(read('delegatedesk.1.log')).toContain(entry(3));
    expect(read('delegatedesk.1.log')).toContain(entry(4));
    expect(read('delegatedesk.2.log')).toContain(entry(1));
    expect(read('delegatedesk.2.log')).toContain(entry(2));
    for (const name of logFiles()) expect(fs.statSync(path.join(logDir, name)).size).toBeLessThanOrEqual(120);
  });

  it('keeps at most keepFiles files and drops the oldest entries', () => {
    const log = createRotatingLog({ dir: logDir, maxBytes: 60, keepFiles: 3, now: fixedTime });
    // one entry per file: entries 1..7 → only 5, 6, 7 survive
    for (let n = 1; n <= 7; n += 1) log.scope('t').info(`entry ${n}`);

    expect(logFiles()).toEqual(['delegatedesk.1.log', 'delegatedesk.2.log', 'delegatedesk.log']);
    expect(read('delegatedesk.log')).toContain('entry 7');
    expect(read('delegatedesk.1.log')).toContain('entry 6');
    expect(read('delegatedesk.2.log')).toContain('entry 5');
    const everything = logFiles().map(read).join('');
    for (const gone of [1, 2, 3, 4]) expect(everything).not.toContain(`entry ${gone}\n`);
  });

  it('with keepFiles 1 starts the one file afresh instead of growing past the cap', () => {
    const log = createRotatingLog({ dir: logDir, maxBytes: 60, keepFiles: 1, now: fixedTime });
    log.scope('t').info('first');
    log.scope('t').info('second');

    expect(logFiles()).toEqual(['delegatedesk.log']);
    expect(read('delegatedesk.log')).toBe('2025-03-01T08:00:00.000Z INFO  [t] second\n');
  });

  it('still writes a single entry larger than the cap (into a fresh file)', () => {
    const log = createRotatingLog({ dir: logDir, maxBytes: 100, now: fixedTime });
    log.scope('t').info('small');
    log.scope('t').info('x'.repeat(300));

    expect(read('delegatedesk.log')).toContain('x'.repeat(300));
    expect(read('delegatedesk.1.log')).toContain('small');
  });

  it('never throws when the logs folder cannot be created, and reports only the first failure', () => {
    // A plain file where the userData folder should be: mkdir fails even for root
    fs.writeFileSync(path.join(root, 'userData'), 'not a folder');
    const onWriteFailure = vi.fn();
    const log = createRotatingLog({ dir: logDir, now: fixedTime, onWriteFailure });

    expect(log.write('error', 'main', 'first')).toBe(false);
    expect(() => log.scope('main').error('second', new Error('boom'))).not.toThrow();
    expect(onWriteFailure).toHaveBeenCalledTimes(1);
    expect((onWriteFailure.mock.calls[0]?.[0] as NodeJS.ErrnoException).code).toMatch(/ENOTDIR|EEXIST/);
  });

  it('survives a failure reporter and an echo that throw', () => {
    fs.writeFileSync(path.join(root, 'userData'), 'not a folder');
    const log = createRotatingLog({
      dir: logDir,
      echo: () => {
        throw new Error('console gone');
      },
      onWriteFailure: () => {
        throw new Error('reporter broken');
      },
    });

    expect(() => log.scope('main').warn('still fine')).not.toThrow();
  });

  it('keeps writing into the current file when rotation fails', () => {
    const failingRename: LogFileSystem = {
      ...fs,
      renameSync: () => {
        throw Object.assign(new Error('EBUSY: resource busy or locked'), { code: 'EBUSY' });
      },
    };
    const onWriteFailure = vi.fn();
    const log = createRotatingLog({ dir: logDir, maxBytes: 60, fs: failingRename, now: fixedTime, onWriteFailure });

    log.scope('t').info('one');
    expect(log.write('info', 't', 'two')).toBe(true);

    expect(read('delegatedesk.log')).toContain('one');
    expect(read('delegatedesk.log')).toContain('two');
    expect(onWriteFailure).toHaveBeenCalledTimes(1);
  });

  it('echoes each formatted line (the console under npm start)', () => {
    const echo = vi.fn();
    createRotatingLog({ dir: logDir, now: fixedTime, echo }).scope('keys').error('cannot open');

    expect(echo).toHaveBeenCalledWith('error', '2025-03-01T08:00:00.000Z ERROR [keys] cannot open\n');
  });
});

describe('formatLogLine', () => {
  it('indents continuation lines so every entry starts with its timestamp', () => {
    const line = formatLogLine(fixedTime(), 'error', 'bridge', 'first\r\nsecond\nthird');

    expect(line).toBe('2025-03-01T08:00:00.000Z ERROR [bridge] first\n    second\n    third\n');
  });

  it('cuts a runaway entry and says how much was cut', () => {
    const line = formatLogLine(fixedTime(), 'info', 't', 'y'.repeat(MAX_ENTRY_CHARS + 500));

    expect(line).toContain('…(500 characters cut)');
    expect(line.length).toBeLessThan(MAX_ENTRY_CHARS + 100);
  });
});

describe('describeDetail', () => {
  it('gives an error its stack and its cause', () => {
    const error = new Error('write failed', { cause: new Error('disk full') });
    const text = describeDetail(error);

    expect(text).toContain('Error: write failed');
    expect(text).toContain('at '); // the stack
    expect(text).toContain('caused by: Error: disk full');
  });

  it('stops following a circular cause chain', () => {
    const a = new Error('a');
    const b = new Error('b', { cause: a });
    (a as { cause?: unknown }).cause = b;

    expect(describeDetail(a).match(/caused by/g)).toHaveLength(3);
  });

  it('writes other values as JSON, or as text when JSON cannot', () => {
    expect(describeDetail({ code: 'ENOSPC', bytes: 12 })).toBe('{"code":"ENOSPC","bytes":12}');
    expect(describeDetail('plain')).toBe('plain');
    expect(describeDetail(10n)).toBe('10');
  });
});
