import { describe, expect, it } from 'vitest';
import { longTasksOfTrace, type TraceEvent } from './traceSummary';

const main = { pid: 1, tid: 10 };
const other = { pid: 1, tid: 11 };
const event = (name: string, ts: number, dur: number, extra: Partial<TraceEvent> = {}): TraceEvent => ({ name, ph: 'X', ts, dur, ...main, ...extra });

describe('longTasksOfTrace', () => {
  it('lists the main thread’s tasks of 50 ms or more with their CPU, GC and script time', () => {
    const events: TraceEvent[] = [
      { name: 'thread_name', ph: 'M', ts: 0, ...main, args: { name: 'CrRendererMain' } },
      { name: 'thread_name', ph: 'M', ts: 0, ...other, args: { name: 'Compositor' } },
      event('RunTask', 1_000, 10_000), // short: left out, but the trace starts with it
      event('RunTask', 100_000, 80_000, { tdur: 70_000 }),
      event('FunctionCall', 100_000, 50_000),
      event('V8.Execute', 101_000, 10_000), // inside the FunctionCall: counted once
      event('MajorGC', 150_000, 20_000),
      event('Marking', 151_000, 5_000), // inside MajorGC
      event('RunTask', 300_000, 120_000, { tdur: 9_000 }), // waiting for a core
      event('RunTask', 500_000, 90_000, { ...other }), // another thread
    ];
    expect(longTasksOfTrace(events)).toEqual([
      { atMs: 99, wallMs: 80, cpuMs: 70, gcMs: 20, scriptMs: 50, top: ['FunctionCall 50', 'MajorGC 20'] },
      { atMs: 299, wallMs: 120, cpuMs: 9, gcMs: 0, scriptMs: 0, top: [] },
    ]);
  });

  it('finds nothing without the renderer’s main thread', () => {
    expect(longTasksOfTrace([event('RunTask', 0, 90_000)])).toEqual([]);
  });
});
