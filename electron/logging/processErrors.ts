import type { ScopedLog } from './rotatingLog';

/** The two process events we listen to (real `process`, or an EventEmitter in tests) */
export interface ProcessErrorEvents {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

export interface ProcessErrorLoggingPorts {
  process: ProcessErrorEvents;
  log: ScopedLog;
  /**
   * Called after the first uncaught exception is logged (later ones are only logged), e.g. to tell the
   * user once. Listening to 'uncaughtException' replaces Electron's own error dialog, and like that
   * dialog the app keeps running: the data lives in the renderer's database, not in main-process state.
   */
  onFirstUncaughtException?: (error: Error) => void;
}

/** Writes uncaught exceptions and unhandled promise rejections in the main process to the log. */
export function logProcessErrors({ process, log, onFirstUncaughtException }: ProcessErrorLoggingPorts): void {
  let told = false;
  process.on('uncaughtException', (error) => {
    log.error('uncaught exception', error);
    if (told) return;
    told = true;
    try {
      onFirstUncaughtException?.(error);
    } catch (notifyError) {
      log.error('could not tell the user about the uncaught exception', notifyError);
    }
  });
  process.on('unhandledRejection', (reason) => {
    log.error('unhandled promise rejection', reason);
  });
}

/** 界面文字: the one-time notice after an unexpected main-process error */
export function uncaughtErrorNotice(logFilePath: string): { title: string; content: string } {
  return {
    title: '党代表履职工作台出现意外错误',
    content: `程序遇到了一个意外错误。如果程序工作不正常，请关闭后重新打开。\n\n错误详情已记录在日志文件中：\n${logFilePath}`,
  };
}
