// Helpers for the meeting, notice and duty screens' tests. Used only by *.test.tsx.
import { fireEvent, screen, within } from '@testing-library/react';

/** jsdom renders antd slowly, more so on a busy machine: wait generously for what the screen will show. */
export const WAIT = { timeout: 15000 };

/** The text box of an antd input whose test id may land on a wrapper (InputNumber, DatePicker). */
export function inputOf(testId: string): HTMLInputElement {
  const el = screen.getByTestId(testId);
  const input = el.tagName === 'INPUT' ? el : el.querySelector('input');
  if (!input) throw new Error(`no input in ${testId}`);
  return input as HTMLInputElement;
}

export function type(testId: string, value: string): void {
  const el = screen.getByTestId(testId);
  fireEvent.change(el.tagName === 'TEXTAREA' ? el : inputOf(testId), { target: { value } });
}

/** The error antd shows beside a form item. */
export function errorBeside(itemTestId: string, text: string | RegExp) {
  return within(screen.getByTestId(itemTestId)).findByText(text, {}, WAIT);
}
