import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';

/**
 * A Chromium the test can crash. harness.ts lets Playwright own the browser process, which it closes politely;
 * here the test starts /usr/bin/chromium itself (own process group, persistent --user-data-dir, DevTools on a
 * free port), drives it over CDP, and can SIGKILL the whole process group at any moment — the way a power cut
 * or the task manager ends the app — then start it again on the same profile.
 */
export interface CrashableBrowser {
  /** The browser process; it leads its own process group, so -pid is every Chromium process it started */
  readonly pid: number;
  readonly browser: Browser;
  /** The profile's default context: the app's IndexedDB lives here and survives the kill */
  readonly context: BrowserContext;
  readonly page: Page;
  /** SIGKILLs the whole process group and resolves once the browser process has exited */
  kill(): Promise<void>;
}

// harness.ts's switches, plus those of Playwright's own launcher that make a start quicker (no keyring probe,
// no extensions, no field trials) — the test starts Chromium a hundred times.
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-breakpad',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-field-trial-config',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-background-timer-throttling',
  '--disable-renderer-backgrounding',
  '--disable-features=OptimizationHints,NetworkTimeServiceQuerying,Translate,MediaRouter',
  '--password-store=basic',
  '--use-mock-keychain',
  '--metrics-recording-only',
  '--no-service-autorun',
  '--window-size=1400,900',
];

// Every process group this test file started and has not yet seen die; afterAll kills the survivors.
const liveGroups = new Map<number, ChildProcess>();

/** Starts Chromium on `profileDir` and opens one page on it (about:blank; the caller navigates). */
export async function launchCrashableChromium(profileDir: string, options: { lang?: string } = {}): Promise<CrashableBrowser> {
  const lang = options.lang ?? 'zh-CN';
  const child = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    [...chromiumArgs, `--lang=${lang}`, `--user-data-dir=${profileDir}`, '--remote-debugging-port=0', 'about:blank'],
    // detached: setsid, so the browser leads a process group holding its renderers, zygote and utilities.
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, LANGUAGE: lang } },
  );
  const pid = child.pid;
  if (pid === undefined) throw new Error('Chromium did not start');
  liveGroups.set(pid, child);
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  const kill = async () => {
    killGroup(pid);
    await exited;
    await waitForGroupGone(pid);
    liveGroups.delete(pid);
  };
  try {
    const endpoint = await devToolsEndpoint(child);
    const browser = await chromium.connectOverCDP(endpoint);
    const context = browser.contexts()[0];
    if (!context) throw new Error('Chromium has no default context');
    const page = context.pages()[0] ?? (await context.newPage());
    return { pid, browser, context, page, kill };
  } catch (error) {
    await kill();
    throw error;
  }
}

/** Kills every Chromium this file started and is still running (for afterAll: nothing may outlive the test). */
export async function killSurvivingBrowsers(): Promise<void> {
  await Promise.all(
    [...liveGroups.keys()].map(async (pid) => {
      killGroup(pid);
      await waitForGroupGone(pid);
      liveGroups.delete(pid);
    }),
  );
}

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/**
 * Whether a process of the group still runs. Killed members stay zombies until init reaps them, which can take a
 * second or two; they hold no files, so on Linux they don't count (/proc shows their state). Elsewhere: any member.
 */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
  } catch {
    return false;
  }
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return true;
  }
  return entries.some((name) => {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      // "pid (command) state ppid pgrp …" — the command may contain spaces and parentheses, so split after the last ')'.
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === pgid && state !== 'Z' && state !== 'X';
    } catch {
      return false; // exited meanwhile
    }
  });
}

/** Children of the browser die with it; a straggler still in the group is killed again. */
async function waitForGroupGone(pid: number): Promise<void> {
  for (let attempt = 0; attempt < 100 && groupAlive(pid); attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    if (attempt % 10 === 9) killGroup(pid);
  }
  if (groupAlive(pid)) throw new Error(`Chromium process group ${pid} survived SIGKILL`);
}

/** Chromium prints "DevTools listening on ws://…" on stderr once it accepts connections. */
function devToolsEndpoint(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => finish(new Error(`Chromium printed no DevTools address within 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) finish(undefined, match[1]);
    };
    const onExit = (code: number | null, signal: string | null) => finish(new Error(`Chromium exited (${code ?? signal}) before DevTools was ready:\n${output}`));
    function finish(error?: Error, endpoint?: string) {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining stderr so a chatty browser never blocks on a full pipe.
      child.stderr?.resume();
      if (error) reject(error);
      else resolve(endpoint!);
    }
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with the seed it printed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
