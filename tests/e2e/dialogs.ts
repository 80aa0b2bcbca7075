import type { Dialog, Page } from 'playwright-core';

/**
 * Native dialogs in the page. The web client asks for file paths with window.prompt (there is no
 * native file dialog in a browser), and may ask for confirmation with window.confirm. A test queues
 * the answer before the action that opens the dialog; one handler per page consumes the queue in
 * order. A dialog nobody queued an answer for is dismissed and recorded, so tests can assert none.
 */
interface QueuedAnswer {
  type: 'prompt' | 'confirm';
  /** prompt: the text to type, or null to cancel; confirm: true = OK, false = cancel */
  answer: string | boolean | null;
  settle: (message: string) => void;
  fail: (error: Error) => void;
}

interface PageDialogs {
  queue: QueuedAnswer[];
  unexpected: string[];
}

const dialogsByPage = new WeakMap<Page, PageDialogs>();

/** Installs the one dialog handler of this page (idempotent) and returns its state. */
export function watchDialogs(page: Page): PageDialogs {
  const existing = dialogsByPage.get(page);
  if (existing) return existing;
  const state: PageDialogs = { queue: [], unexpected: [] };
  dialogsByPage.set(page, state);
  page.on('dialog', (dialog) => void handleDialog(state, dialog));
  return state;
}

async function handleDialog(state: PageDialogs, dialog: Dialog): Promise<void> {
  const next = state.queue[0];
  const type = dialog.type();
  if (!next || next.type !== type) {
    state.unexpected.push(`${type}: ${dialog.message()}`);
    await dialog.dismiss().catch(() => undefined);
    next?.fail(new Error(`Expected a ${next.type} dialog, but the page opened a ${type}: "${dialog.message()}"`));
    if (next) state.queue.shift();
    return;
  }
  state.queue.shift();
  try {
    if (next.answer === null || next.answer === false) await dialog.dismiss();
    else await dialog.accept(typeof next.answer === 'string' ? next.answer : undefined);
    next.settle(dialog.message());
  } catch (error) {
    next.fail(error instanceof Error ? error : new Error(String(error)));
  }
}

function enqueue(page: Page, type: QueuedAnswer['type'], answer: QueuedAnswer['answer']): Promise<string> {
  const state = watchDialogs(page);
  const answered = new Promise<string>((settle, fail) => {
    state.queue.push({ type, answer, settle, fail });
  });
  // A test that does not await the answer still sees a mismatch through unexpectedDialogs();
  // don't let it surface a second time as an unhandled rejection.
  answered.catch(() => undefined);
  return answered;
}

/**
 * Answers the next window.prompt of this page with `text` (null = press Cancel).
 * Call it before the action that opens the prompt; the promise resolves with the prompt's message.
 */
export function answerNextPrompt(page: Page, text: string | null): Promise<string> {
  return enqueue(page, 'prompt', text);
}

/** Answers the next window.confirm of this page (true = OK); resolves with the question asked. */
export function answerNextConfirm(page: Page, accept: boolean): Promise<string> {
  return enqueue(page, 'confirm', accept);
}

/** Dialogs this page opened that no test had queued an answer for (each was dismissed). */
export function unexpectedDialogs(page: Page): readonly string[] {
  return watchDialogs(page).unexpected;
}
