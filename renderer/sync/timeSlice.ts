/**
 * Long CPU loops of the import (decoding thousands of bundles, opening sealed sections) run on the window's thread.
 * A slicer lets such a loop give the window a turn — to paint the progress bar, to answer a click — whenever it has
 * worked for `budgetMs`, so no single task blocks the UI for long (issue 7: never longer than 100 ms).
 *
 * Never call it inside an IndexedDB transaction: waiting on anything but IndexedDB there lets the transaction commit.
 */
export type Slicer = () => Promise<void>;

export function createSlicer(budgetMs = 40, yieldToUi: () => Promise<void> = yieldToEventLoop, now: () => number = () => performance.now()): Slicer {
  let sliceStart = now();
  return async () => {
    if (now() - sliceStart < budgetMs) return;
    await yieldToUi();
    sliceStart = now();
  };
}

/**
 * A macrotask turn, without setTimeout's 4 ms clamp for nested timers: the browser may paint and handle input before
 * it runs. `scheduler.yield()` where the engine has it (Chromium 129+), which also keeps this task's priority.
 */
export function yieldToEventLoop(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}
