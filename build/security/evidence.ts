// Checks that re-prove, against the real code, each claim a suppression in suppressions.ts makes. Each returns
// the problems it finds (empty: the claim holds); a suppression whose evidence fails does not suppress.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { guardWebContents } from '../../electron/shell/guardWebContents';
import { APP_ENTRY_URL } from '../../electron/security/appOrigin';
import { createMainWindowOptions } from '../../electron/security/windowOptions';
import { evaluateCsp } from './cspEvaluation';
import type { CspNote } from './cspEvaluation';

/** The main window's webPreferences, in development and in installed builds, have `flag` set to `expected`. */
export function mainWindowPreferenceProblems(flag: 'contextIsolation' | 'sandbox', expected: boolean): string[] {
  const problems: string[] = [];
  for (const allowDevTools of [false, true]) {
    const value = createMainWindowOptions({ preloadPath: 'preload.cjs', allowDevTools }).webPreferences?.[flag];
    if (value !== expected) problems.push(`createMainWindowOptions({ allowDevTools: ${allowDevTools} }).webPreferences.${flag} is ${String(value)}, expected ${String(expected)}`);
  }
  return problems;
}

/**
 * What guardWebContents makes of middle-clicks and window.open: every disposition, to our own page and to a
 * foreign one, is denied; a foreign navigation is prevented.
 */
export function newWindowProblems(): string[] {
  const probe = guardedContents();
  const problems: string[] = [];
  const dispositions: HandlerDetails['disposition'][] = ['default', 'foreground-tab', 'background-tab', 'new-window', 'other'];
  for (const url of [APP_ENTRY_URL, 'https://example.com/']) {
    for (const disposition of dispositions) {
      const action = probe.openWindow({ url, disposition, frameName: '', features: '', referrer: { url: '', policy: 'no-referrer' } } as HandlerDetails)?.action;
      if (action !== 'deny') problems.push(`window open (${disposition}) of ${url} is ${String(action)}, expected deny`);
    }
  }
  if (!probe.navigationPrevented('https://example.com/')) problems.push('will-navigate to https://example.com/ is not prevented');
  return problems;
}

/** Source lines electron/main.ts must keep for the claims above to hold for the real window. */
export async function mainWiringProblems(repoRoot: string, required: readonly { pattern: RegExp; what: string }[]): Promise<string[]> {
  const source = await readFile(path.join(repoRoot, 'electron/main.ts'), 'utf8');
  return required.filter(({ pattern }) => !pattern.test(source)).map(({ what }) => `electron/main.ts no longer ${what}`);
}

/** The evaluator's notes on `policy`, minus the accepted ones: each left is a problem. */
export function cspProblems(policy: string, accepted: readonly Pick<CspNote, 'type' | 'directive' | 'value'>[]): string[] {
  if (policy.trim() === '') return ['the finding carries no policy text'];
  return evaluateCsp(policy)
    .filter((note) => !accepted.some((a) => a.type === note.type && a.directive === note.directive && a.value === note.value))
    .map((note) => `CSP ${note.directive} ${note.value}: ${note.description} (${note.severity})`);
}

/** A webContents with nothing but the listeners guardWebContents registers, to ask them questions. */
function guardedContents() {
  const listeners = new Map<string, (event: { url: string; preventDefault(): void }) => void>();
  let openHandler: ((details: HandlerDetails) => WindowOpenHandlerResponse) | undefined;
  const fake = {
    on(event: string, listener: (event: { url: string; preventDefault(): void }) => void) {
      listeners.set(event, listener);
      return fake;
    },
    setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse) {
      openHandler = handler;
    },
  };
  guardWebContents(fake as unknown as WebContents);
  return {
    openWindow: (details: HandlerDetails) => openHandler?.(details),
    navigationPrevented(url: string): boolean {
      let prevented = false;
      listeners.get('will-navigate')?.({ url, preventDefault: () => (prevented = true) });
      return prevented;
    },
  };
}
