import nodeFs from 'node:fs';
import path from 'node:path';

// The main process's log file (运行日志): <userData>/logs/delegatedesk.log, one entry per line,
// "2025-03-01T08:00:00.000Z WARN  [sync] message". When the file would grow past maxBytes it is
// renamed to delegatedesk.1.log (the previous .1 becomes .2, ...), keeping keepFiles files in all, so
// the log never fills a disk. Logging must never take the app down: every failure is swallowed
// (reported once through onWriteFailure) and the caller carries on.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** The fs functions the log uses: node:fs by default, replaceable so tests can make them fail. */
export type LogFileSystem = Pick<typeof nodeFs, 'appendFileSync' | 'mkdirSync' | 'renameSync' | 'rmSync' | 'statSync'>;

export interface RotatingLogOptions {
  /** The logs folder, e.g. path.join(app.getPath('userData'), 'logs'); created when first needed */
  dir: string;
  fileName?: string;
  /** Rotate before a line would make the current file larger than this */
  maxBytes?: number;
  /** Files kept in all, the current one included (5 → delegatedesk.log + .1 … .4) */
  keepFiles?: number;
  fs?: LogFileSystem;
  now?: () => Date;
  /** Also receives every formatted line, e.g. the console during development */
  echo?: (level: LogLevel, line: string) => void;
  /** Told about the first write failure only, so a broken log is not silent but cannot flood */
  onWriteFailure?: (error: unknown) => void;
}

/** A log stamped with one scope ('sync', 'keys', 'bridge', ...) */
export interface ScopedLog {
  debug(message: string, detail?: unknown): void;
  info(message: string, detail?: unknown): void;
  warn(message: string, detail?: unknown): void;
  error(message: string, detail?: unknown): void;
}

export interface RotatingLog {
  readonly filePath: string;
  /** Appends one entry; true when it reached the file. Never throws. */
  write(level: LogLevel, scope: string, message: string, detail?: unknown): boolean;
  scope(scope: string): ScopedLog;
}

export const LOG_FILE_NAME = 'delegatedesk.log';
export const DEFAULT_MAX_LOG_BYTES = 1024 * 1024;
export const DEFAULT_KEEP_LOG_FILES = 5;
/** One entry is cut here: a runaway message must not push everything else out of the log */
export const MAX_ENTRY_CHARS = 16_000;

export function createRotatingLog(options: RotatingLogOptions): RotatingLog {
  const fs = options.fs ?? nodeFs;
  const fileName = options.fileName ?? LOG_FILE_NAME;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_LOG_BYTES;
  const keepFiles = Math.max(1, Math.floor(options.keepFiles ?? DEFAULT_KEEP_LOG_FILES));
  const now = options.now ?? (() => new Date());
  const filePath = path.join(options.dir, fileName);
  let failureReported = false;

  /** delegatedesk.log → delegatedesk.<n>.log: keeps the .log extension so the file opens in a text editor */
  const archivePath = (n: number): string => {
    const extension = path.extname(fileName);
    return path.join(options.dir, `${path.basename(fileName, extension)}.${n}${extension}`);
  };

  const reportFailure = (error: unknown): void => {
    if (failureReported) return;
    failureReported = true;
    try {
      options.onWriteFailure?.(error);
    } catch {
      // the failure reporter failing too is not the caller's problem
    }
  };

  const rotate = (): void => {
    if (keepFiles === 1) {
      fs.rmSync(filePath, { force: true });
      return;
    }
    fs.rmSync(archivePath(keepFiles - 1), { force: true });
    for (let n = keepFiles - 2; n >= 1; n -= 1) {
      if (fs.statSync(archivePath(n), { throwIfNoEntry: false })) fs.renameSync(archivePath(n), archivePath(n + 1));
    }
    fs.renameSync(filePath, archivePath(1));
  };

  const append = (line: string): void => {
    fs.mkdirSync(options.dir, { recursive: true });
    const size = fs.statSync(filePath, { throwIfNoEntry: false })?.size ?? 0;
    if (size > 0 && size + Buffer.byteLength(line, 'utf8') > maxBytes) {
      try {
        rotate();
      } catch (error) {
        // e.g. another program holds an old file open on Windows: keep logging into the current file
        reportFailure(error);
      }
    }
    fs.appendFileSync(filePath, line, 'utf8');
  };

  const write = (level: LogLevel, scope: string, message: string, detail?: unknown): boolean => {
    let line: string;
    try {
      line = formatLogLine(now(), level, scope, message, detail);
    } catch (error) {
      reportFailure(error);
      return false;
    }
    try {
      options.echo?.(level, line);
    } catch {
      // the echo (console) is a convenience; the file is what counts
    }
    try {
      append(line);
      return true;
    } catch (error) {
      reportFailure(error);
      return false;
    }
  };

  return {
    filePath,
    write,
    scope: (scope) => ({
      debug: (message, detail) => void write('debug', scope, message, detail),
      info: (message, detail) => void write('info', scope, message, detail),
      warn: (message, detail) => void write('warn', scope, message, detail),
      error: (message, detail) => void write('error', scope, message, detail),
    }),
  };
}

/**
 * One log entry, newline-terminated. Continuation lines (stack traces, multi-line messages) are
 * indented, so every entry starts with its timestamp and `grep` on a date finds whole entries.
 */
export function formatLogLine(time: Date, level: LogLevel, scope: string, message: string, detail?: unknown): string {
  const text = detail === undefined ? message : `${message} ${describeDetail(detail)}`;
  const clipped = text.length > MAX_ENTRY_CHARS ? `${text.slice(0, MAX_ENTRY_CHARS)} …(${text.length - MAX_ENTRY_CHARS} characters cut)` : text;
  const body = clipped.replace(/\r\n?|\n/g, '\n    ');
  return `${safeIsoTime(time)} ${level.toUpperCase().padEnd(5)} [${scope}] ${body}\n`;
}

/** Errors with their stack (and up to three causes deep: a cause chain can be circular), other values as JSON where possible */
export function describeDetail(detail: unknown, causeDepth = 0): string {
  if (detail instanceof Error) {
    const own = detail.stack ?? `${detail.name}: ${detail.message}`;
    if (detail.cause === undefined || causeDepth >= 3) return own;
    return `${own}\ncaused by: ${describeDetail(detail.cause, causeDepth + 1)}`;
  }
  if (typeof detail === 'string') return detail;
  try {
    return JSON.stringify(detail) ?? String(detail);
  } catch {
    return String(detail);
  }
}

function safeIsoTime(time: Date): string {
  return Number.isNaN(time.getTime()) ? 'invalid-time' : time.toISOString();
}
