import { useCallback, useEffect, useRef, useState } from 'react';

export type AutosaveState =
  | { kind: 'idle' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  | { kind: 'failed'; message: string };

/**
 * Saves `value` shortly after the user stops typing (debounced), at most `delayMs` behind, and immediately on
 * `flush()` or unmount — so no more than about a second of typing is ever at risk. A failed save leaves the
 * value untouched and is retried on the next change or flush.
 */
export function useAutosave<T>(value: T, save: (value: T) => Promise<void>, delayMs = 600) {
  const [state, setState] = useState<AutosaveState>({ kind: 'idle' });
  const latest = useRef(value);
  const saved = useRef(value);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
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
    setState({ kind: 'saving' });
    const attempt = saveRef
      .current(snapshot)
      .then(() => {
        saved.current = snapshot;
        setState(latest.current === snapshot ? { kind: 'saved', at: new Date() } : { kind: 'pending' });
      })
      .catch((error: unknown) => {
        setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
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
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void run(), delayMs);
  }, [value, delayMs, run]);

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
