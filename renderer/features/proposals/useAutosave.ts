import { useCallback, useEffect, useRef, useState } from 'react';

export type AutosaveState<T = unknown> =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  /** `value` is exactly what was stored — what the "已保存" on screen acknowledges */
  | { kind: 'saved'; at: Date; value: T }
  /** `error` as thrown by the save (e.g. StorageFullError), for screens that explain it */
  | { kind: 'failed'; message: string; error: unknown };

/**
 * Saves `value` shortly after the user stops typing (debounced by `delayMs`), and during continuous typing at
 * least every `maxWaitMs`, and immediately on `flush()` or unmount — so no more than a second or two of typing is
 * ever at risk. A failed save leaves the value untouched and is retried on the next change or flush.
 */
export function useAutosave<T>(value: T, save: (value: T) => Promise<void>, delayMs = 600, maxWaitMs = 2000) {
  const [state, setState] = useState<AutosaveState<T>>({ kind: 'idle' });
  const latest = useRef(value);
  const saved = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  /** When the oldest unsaved change was made; the debounce never pushes its save past this plus maxWaitMs */
  const unsavedSince = useRef<number | null>(null);
  const inFlight = useRef<Promise<void> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const run = useCallback(async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    // One save at a time, in order; a change made meanwhile is saved right after.
    while (inFlight.current) await inFlight.current;
    const snapshot = latest.current;
    if (snapshot === saved.current) return;
    unsavedSince.current = null;
    setState({ kind: 'saving' });
    const attempt = saveRef
      .current(snapshot)
      .then(() => {
        saved.current = snapshot;
        setState(latest.current === snapshot ? { kind: 'saved', at: new Date(), value: snapshot } : { kind: 'pending' });
      })
      .catch((error: unknown) => {
        setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error), error });
      })
      .finally(() => {
        inFlight.current = null;
      });
    inFlight.current = attempt;
    await attempt;
  }, []);

  useEffect(() => {
    latest.current = value;
    if (value === saved.current) return;
    setState((s) => (s.kind === 'saving' ? s : { kind: 'pending' }));
    const now = Date.now();
    unsavedSince.current ??= now;
    if (timer.current) clearTimeout(timer.current);
    const wait = Math.max(0, Math.min(delayMs, unsavedSince.current + maxWaitMs - now));
    timer.current = setTimeout(() => void run(), wait);
  }, [value, delayMs, maxWaitMs, run]);

  // Leaving the screen or closing the window saves what is pending.
  useEffect(() => {
    const onHide = () => void run();
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void run();
    };
  }, [run]);

  /** Marks a value as already stored (e.g. just loaded), so it isn't saved again. */
  const markSaved = useCallback((v: T) => {
    saved.current = v;
    latest.current = v;
  }, []);

  return { state, flush: run, markSaved };
}
