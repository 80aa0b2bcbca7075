// Long exports (1,000+ proposals) are built in steps, yielding to the event loop between them, so the window keeps
// painting the progress bar and answering clicks.

export interface ExportProgress {
  /** 0–1 */
  fraction: number;
  /** What is being done, in Chinese, for the progress line */
  stage: string;
}

export type ProgressListener = (progress: ExportProgress) => void;

/** Lets the event loop run (paint, input) before the next step. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export interface StepOptions {
  onProgress?: ProgressListener;
  /** Replaced in tests and the benchmark; default: a macrotask */
  yieldNow?: () => Promise<void>;
}

/** Rows handled between two yields. */
export const ROWS_PER_STEP = 100;

/** Maps each row through `build`, yielding every ROWS_PER_STEP rows and reporting progress between `from` and `to`. */
export async function mapInSteps<T, R>(
  items: readonly T[],
  build: (item: T, index: number) => R,
  options: StepOptions,
  range: { from: number; to: number; stage: string },
): Promise<R[]> {
  const out: R[] = [];
  const pause = options.yieldNow ?? yieldToEventLoop;
  for (let i = 0; i < items.length; i += ROWS_PER_STEP) {
    const end = Math.min(items.length, i + ROWS_PER_STEP);
    for (let j = i; j < end; j++) out.push(build(items[j]!, j));
    options.onProgress?.({ fraction: range.from + ((range.to - range.from) * end) / items.length, stage: range.stage });
    await pause();
  }
  return out;
}
