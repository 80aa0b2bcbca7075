import { useCallback, useEffect, useRef, useState } from 'react';
import type { ReportDraft } from '../../../shared/reports';
import type { DelegateDeskDb } from '../../data/db';
import { loadReportDraft, saveReportDraft } from '../../data/reportQueries';

/** How long typing pauses before the draft is written. */
const SAVE_DELAY_MS = 600;

export type DraftStatus = { state: 'idle' } | { state: 'saving' } | { state: 'saved'; at: Date } | { state: 'failed'; message: string };

/**
 * The report draft of one meeting: loaded from this machine, changed at once on screen, written shortly after the
 * last change and again whenever the page goes or the meeting changes — an edit is never lost to a quick switch.
 */
export function useReportDraft(db: DelegateDeskDb, meetingId: string | undefined) {
  const [draft, setDraft] = useState<ReportDraft | undefined>(undefined);
  const [loadedFor, setLoadedFor] = useState<string | undefined>(undefined);
  const [status, setStatus] = useState<DraftStatus>({ state: 'idle' });
  const pending = useRef<ReportDraft | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = undefined;
    const toSave = pending.current;
    if (!toSave) return;
    pending.current = undefined;
    setStatus({ state: 'saving' });
    try {
      await saveReportDraft(db, toSave);
      setStatus({ state: 'saved', at: new Date() });
    } catch (error) {
      // Keep it pending, so the next change or flush tries again.
      pending.current ??= toSave;
      setStatus({ state: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  }, [db]);

  useEffect(() => {
    let current = true;
    setDraft(undefined);
    setLoadedFor(undefined);
    setStatus({ state: 'idle' });
    if (!meetingId) return;
    void loadReportDraft(db, meetingId).then((loaded) => {
      if (!current) return;
      setDraft(loaded);
      setLoadedFor(meetingId);
    });
    return () => {
      current = false;
      void flush();
    };
  }, [db, meetingId, flush]);

  const update = useCallback(
    (next: ReportDraft) => {
      setDraft(next);
      pending.current = next;
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  return { draft, loaded: meetingId !== undefined && loadedFor === meetingId, status, update, flush };
}
