import { describe, expect, it } from 'vitest';
import { createSlicer, yieldToEventLoop } from './timeSlice';

describe('createSlicer', () => {
  it('gives the window a turn only once the budget is spent, then starts a new slice', async () => {
    let clock = 0;
    let yields = 0;
    const slice = createSlicer(40, async () => {
      yields++;
    }, () => clock);
    for (const t of [10, 39]) {
      clock = t;
      await slice();
    }
    expect(yields).toBe(0);
    clock = 41;
    await slice();
    expect(yields).toBe(1);
    clock = 60;
    await slice();
    expect(yields).toBe(1);
    clock = 82;
    await slice();
    expect(yields).toBe(2);
  });

  it('really lets queued work run before it resumes', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    await new Promise((resolve) => setTimeout(resolve, 5));
    const pending = yieldToEventLoop().then(() => order.push('resumed'));
    queueMicrotask(() => order.push('microtask'));
    await pending;
    expect(order).toEqual(['timer', 'microtask', 'resumed']);
  });
});
