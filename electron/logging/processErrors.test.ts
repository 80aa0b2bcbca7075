import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { logProcessErrors, uncaughtErrorNotice } from './processErrors';
import type { ScopedLog } from './rotatingLog';

function fakeLog() {
  return { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() } satisfies ScopedLog;
}

describe('logProcessErrors', () => {
  it('logs every uncaught exception and tells the user about the first one only', () => {
    const events = new EventEmitter();
    const log = fakeLog();
    const onFirstUncaughtException = vi.fn();
    logProcessErrors({ process: events, log, onFirstUncaughtException });

    const first = new Error('first');
    const second = new Error('second');
    events.emit('uncaughtException', first);
    events.emit('uncaughtException', second);

    expect(log.error).toHaveBeenCalledWith('uncaught exception', first);
    expect(log.error).toHaveBeenCalledWith('uncaught exception', second);
    expect(onFirstUncaughtException).toHaveBeenCalledTimes(1);
    expect(onFirstUncaughtException).toHaveBeenCalledWith(first);
  });

  it('logs unhandled promise rejections without bothering the user', () => {
    const events = new EventEmitter();
    const log = fakeLog();
    const onFirstUncaughtException = vi.fn();
    logProcessErrors({ process: events, log, onFirstUncaughtException });

    events.emit('unhandledRejection', 'sync folder vanished');

    expect(log.error).toHaveBeenCalledWith('unhandled promise rejection', 'sync folder vanished');
    expect(onFirstUncaughtException).not.toHaveBeenCalled();
  });

  it('logs a notifier that fails instead of throwing from the handler', () => {
    const events = new EventEmitter();
    const log = fakeLog();
    const dialogError = new Error('no display');
    logProcessErrors({
      process: events,
      log,
      onFirstUncaughtException: () => {
        throw dialogError;
      },
    });

    expect(() => events.emit('uncaughtException', new Error('boom'))).not.toThrow();
    expect(log.error).toHaveBeenCalledWith('could not tell the user about the uncaught exception', dialogError);
  });
});

describe('uncaughtErrorNotice', () => {
  it('tells the user, in Chinese, where the details are', () => {
    const notice = uncaughtErrorNotice('C:\\Users\\li\\AppData\\Roaming\\DelegateDesk\\logs\\delegatedesk.log');

    expect(notice.title).toBe('党代表履职工作台出现意外错误');
    expect(notice.content).toContain('请关闭后重新打开');
    expect(notice.content).toContain('C:\\Users\\li\\AppData\\Roaming\\DelegateDesk\\logs\\delegatedesk.log');
  });
});
