import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import { useAutosave } from './useAutosave';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function typing(save: (value: string) => Promise<void>) {
  return renderHook(({ value }) => useAutosave(value, save, 600, 2000), { initialProps: { value: '' } });
}

/** Lets timers run and the save promises settle. */
async function elapse(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

describe('useAutosave', () => {
  it('saves after a pause, and the "saved" state carries exactly what was stored', async () => {
    const save = vi.fn(async (_value: string) => undefined);
    const hook = typing(save);
    hook.rerender({ value: '关于' });
    hook.rerender({ value: '关于饮水' });
    expect(hook.result.current.state.kind).toBe('pending');
    await elapse(700);
    expect(save.mock.calls.map((call) => call[0])).toEqual(['关于饮水']);
    expect(hook.result.current.state).toMatchObject({ kind: 'saved', value: '关于饮水' });
  });

  it('keeps saving during continuous typing, at least every maxWait, instead of waiting for a pause', async () => {
    const save = vi.fn(async (_value: string) => undefined);
    const hook = typing(save);
    let text = '';
    // A keystroke every 300 ms for 6 s: never a 600 ms pause.
    for (let i = 0; i < 20; i += 1) {
      text += '字';
      hook.rerender({ value: text });
      await elapse(300);
    }
    expect(save.mock.calls.length).toBeGreaterThanOrEqual(2);
    // Every stored value is a state the text really had, in order.
    const stored = save.mock.calls.map((call) => call[0]);
    expect(stored.every((value, i) => text.startsWith(value) && (i === 0 || value.length > stored[i - 1]!.length))).toBe(true);
    await elapse(700);
    expect(save.mock.lastCall?.[0]).toBe(text);
    expect(hook.result.current.state).toMatchObject({ kind: 'saved', value: text });
  });

  it('a failed save keeps the error for the screen and is retried on the next change', async () => {
    const refusal = new Error('磁盘空间不足');
    const save = vi.fn(async (_value: string) => undefined).mockRejectedValueOnce(refusal);
    const hook = typing(save);
    hook.rerender({ value: '草稿' });
    await elapse(700);
    expect(hook.result.current.state).toEqual({ kind: 'failed', message: '磁盘空间不足', error: refusal });
    hook.rerender({ value: '草稿一' });
    await elapse(700);
    expect(save.mock.lastCall?.[0]).toBe('草稿一');
    expect(hook.result.current.state).toMatchObject({ kind: 'saved', value: '草稿一' });
  });

  it('flush() retries a failed save at once, without another edit', async () => {
    const save = vi.fn(async (_value: string) => undefined).mockRejectedValueOnce(new Error('UnknownError'));
    const hook = typing(save);
    hook.rerender({ value: '草稿' });
    await elapse(700);
    expect(hook.result.current.state.kind).toBe('failed');
    await act(async () => {
      await hook.result.current.flush();
    });
    expect(save).toHaveBeenCalledTimes(2);
    expect(hook.result.current.state).toMatchObject({ kind: 'saved', value: '草稿' });
  });
});
