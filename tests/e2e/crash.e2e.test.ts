import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { artifactsDir, startServer, stopServer } from './harness';
import { killSurvivingBrowsers, launchCrashableChromium, seededRandom, type CrashableBrowser } from './crashHarness';

// Issue #8 "Nothing acknowledged is ever lost": a delegate types into a draft while the browser process is
// SIGKILLed at random moments — mid-typing, mid-save, right after "已保存" appeared. After every restart the
// database opens, the draft opens, and it holds at least everything the editor had acknowledged as saved.
//
// Which text an acknowledgement covers: the save indicator carries data-saved-length (characters of 案由 + 情况/理由
// + 建议/办法 in the save it acknowledges) and data-save-state. The test only ever appends text, so each length names
// exactly one state of the draft; the test remembers every state it typed. A mutation observer in the page reports
// each change of the indicator to the test (a console.debug line) the moment it renders.
//
// CRASH_CYCLES (default 100; CI runs 100) and CRASH_SEED (printed at the start) replay a run's choices.
const CYCLES = Number(process.env.CRASH_CYCLES ?? 100);
const SEED = Number(process.env.CRASH_SEED ?? Math.floor(Math.random() * 2 ** 31));
const TITLE_LIMIT = 150; // 案由 allows 200 characters; stay below so nothing typed is cut off

const FIELDS = { title: 'field-title', background: 'field-background', recommendations: 'field-recommendations' } as const;
type Field = keyof typeof FIELDS;
type DraftText = Record<Field, string>;

// No whitespace: stored text is trimmed, and a trailing space would make the stored draft differ from the typed one.
const CHARACTERS = [...'我县林区面积大人工巡护难以覆盖偏远山场春季火险等级高发现火情往往较晚建议配备森林防火无人机并培训护林员建立巡检数据共享平台纳入年度财政预算，。、；：（）“”0123456789'];

const textLength = (d: DraftText) => d.title.length + d.background.length + d.recommendations.length;

/** What the save indicator showed, reported from the page as it renders. */
interface IndicatorReport {
  state: string;
  savedLength: number | null;
}

/** One running app in a crashable browser, with the reports and errors of its page. */
interface RunningApp {
  browser: CrashableBrowser;
  page: Page;
  errors: string[];
  onIndicator: (report: IndicatorReport) => void;
}

const INDICATOR_REPORT = 'crash-test-indicator';

/**
 * Runs in the page once the editor is open: reports every change of the save indicator's state or acknowledged
 * length the moment it renders, as a console.debug line the test listens to.
 */
function reportSaveIndicator(marker: string) {
  let last = '';
  const report = () => {
    const indicator = document.querySelector('[data-testid="save-indicator"]');
    if (!indicator) return;
    const state = indicator.getAttribute('data-save-state') ?? '';
    const saved = indicator.getAttribute('data-saved-length');
    const key = `${state}/${saved ?? ''}`;
    if (key === last) return;
    last = key;
    console.debug(marker, JSON.stringify({ state, savedLength: saved === null ? null : Number(saved) }));
  };
  new MutationObserver(report).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-save-state', 'data-saved-length'] });
  report();
}

async function openApp(profileDir: string, url: string): Promise<RunningApp> {
  const browser = await launchCrashableChromium(profileDir);
  const app: RunningApp = { browser, page: browser.page, errors: [], onIndicator: () => undefined };
  browser.page.on('pageerror', (error) => app.errors.push(`page error: ${error.stack ?? error.message}`));
  browser.page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'debug' && text.startsWith(`${INDICATOR_REPORT} `)) {
      app.onIndicator(JSON.parse(text.slice(INDICATOR_REPORT.length + 1)) as IndicatorReport);
    }
    // The browser's own favicon request (the app has none) is not the app's error.
    if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) app.errors.push(`console.error: ${text}`);
  });
  await browser.page.goto(url);
  return app;
}

/** The draft as the reopened editor shows it; fails, saying what the page shows, when the editor does not open. */
async function readOpenedDraft(app: RunningApp, where: string): Promise<DraftText> {
  const page = app.page;
  try {
    await page.locator('[data-testid="field-title"], .ant-result').first().waitFor({ timeout: 30_000 });
  } catch (error) {
    const shown = await page.evaluate(() => `${location.href}\n${document.body?.innerText ?? '(no body)'}`).catch((e: unknown) => String(e));
    const file = path.join(artifactsDir, 'crash', `${where.replace(/\W+/g, '-')}.png`);
    await mkdir(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file }).catch(() => undefined);
    throw new Error(
      `${where}: the editor did not open within 30 s (${String(error)}). The page shows:\n${shown}\nErrors: ${app.errors.join('\n') || 'none'}\nScreenshot: ${file}`,
    );
  }
  const errorScreen = page.locator('.ant-result');
  if (await errorScreen.count()) throw new Error(`${where}: the app did not open the draft: ${await errorScreen.first().innerText()}`);
  return page.evaluate((fields) => {
    const value = (testId: string) => (document.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement | HTMLTextAreaElement).value;
    return { title: value(fields.title), background: value(fields.background), recommendations: value(fields.recommendations) };
  }, FIELDS);
}

type KillStrategy = 'anytime' | 'midSave' | 'afterAck';

interface CycleRecord {
  strategy: KillStrategy;
  /** Every state of the draft this cycle could have reached, by text length (the starting state included) */
  states: Map<number, DraftText>;
  /** Length of the last state the editor acknowledged as saved (the reopened draft counts: it was on screen) */
  acknowledged: number;
  acknowledgements: number;
  /** Lengths the indicator acknowledged that the test never typed */
  unknownAcknowledgements: number[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Types bursts of text into the open draft until the browser is killed — at a random moment, at the start of a
 * save, or right after an acknowledgement, as the seeded coin decides.
 */
async function typeUntilKilled(app: RunningApp, start: DraftText, random: () => number, first: boolean): Promise<CycleRecord> {
  const pick = random();
  // The first cycle always waits for an acknowledgement, so even a short local run checks one.
  const strategy: KillStrategy = first || pick >= 0.7 ? 'afterAck' : pick < 0.4 ? 'anytime' : 'midSave';
  const record: CycleRecord = { strategy, states: new Map([[textLength(start), start]]), acknowledged: textLength(start), acknowledgements: 0, unknownAcknowledgements: [] };
  let killing: Promise<void> | undefined;
  const kill = () => (killing ??= app.browser.kill());

  const armAfterMs = random() * 1500;
  const ackTarget = 1 + Math.floor(random() * 2);
  const startedAt = Date.now();
  app.onIndicator = ({ state, savedLength }) => {
    if (state === 'saved' && savedLength !== null) {
      if (!record.states.has(savedLength)) record.unknownAcknowledgements.push(savedLength);
      record.acknowledged = Math.max(record.acknowledged, savedLength);
      record.acknowledgements += 1;
      if (strategy === 'afterAck' && record.acknowledgements >= ackTarget) void kill();
    }
    if (state === 'saving' && strategy === 'midSave' && Date.now() - startedAt >= armAfterMs) void kill();
  };
  await app.page.evaluate(reportSaveIndicator, INDICATOR_REPORT);
  const deadline = setTimeout(() => void kill(), strategy === 'anytime' ? 100 + random() * 2400 : 6000);

  let text = { ...start };
  let focused: Field | undefined;
  try {
    while (!killing) {
      const field: Field = text.title.length < TITLE_LIMIT && random() < 0.25 ? 'title' : random() < 0.5 ? 'background' : 'recommendations';
      const chunk = Array.from({ length: 1 + Math.floor(random() * 12) }, () => CHARACTERS[Math.floor(random() * CHARACTERS.length)]!).join('');
      const pause = random() < 0.65 ? 15 + random() * 100 : 650 + random() * 650;
      // The state exists in the test's memory before the page can possibly have it.
      text = { ...text, [field]: text[field] + chunk };
      record.states.set(textLength(text), text);
      if (focused !== field) {
        await app.page.evaluate((testId) => {
          const input = document.querySelector(`[data-testid="${testId}"]`) as HTMLInputElement | HTMLTextAreaElement;
          input.focus();
          input.setSelectionRange(input.value.length, input.value.length);
        }, FIELDS[field]);
        focused = field;
      }
      await app.page.keyboard.insertText(chunk);
      await sleep(pause);
    }
  } catch (error) {
    // The page died under a command: that is the point. Anything else is a real failure.
    if (!killing) throw error;
  } finally {
    clearTimeout(deadline);
  }
  await kill();
  return record;
}

describe('a crash never loses an acknowledged save', () => {
  let url = '';
  let profileDir = '';

  beforeAll(async () => {
    url = (await startServer()).url;
    profileDir = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-crash-profile-'));
  });

  afterAll(async () => {
    await killSurvivingBrowsers();
    await stopServer();
    if (profileDir) await rm(profileDir, { recursive: true, force: true });
  });

  it(
    `keeps every acknowledged save of a draft through ${CYCLES} SIGKILLs of Chromium`,
    async () => {
      console.log(`crash test: seed ${SEED}, ${CYCLES} cycles (replay: CRASH_SEED=${SEED} CRASH_CYCLES=${CYCLES})`);
      const random = seededRandom(SEED);
      const began = Date.now();

      // A delegate in the demo congress opens a new 意见建议.
      let app = await openApp(profileDir, url);
      await app.page.getByTestId('onboarding-demo').click();
      await app.page.getByTestId('demo-as-delegate').click({ timeout: 30_000 });
      await app.page.getByTestId('current-user').waitFor();
      await app.page.getByTestId('new-proposal').hover();
      await app.page.getByTestId('new-suggestion').click();
      await app.page.getByTestId('field-title').waitFor();
      const draftId = /#\/edit\/(.+)$/.exec(app.page.url())?.[1];
      expect(draftId, 'the editor route names the draft').toBeTruthy();
      const editorUrl = `${url}#/edit/${draftId}`;
      let draft = await readOpenedDraft(app, 'new draft');
      const setupMs = Date.now() - began;

      const problems: string[] = [];
      const errors: string[] = [];
      const tally = { anytime: 0, midSave: 0, afterAck: 0, acknowledgements: 0, keptUnacknowledged: 0 };
      const phaseMs = { typingAndKill: 0, reopen: 0 };
      for (let cycle = 1; cycle <= CYCLES; cycle += 1) {
        let phaseStart = Date.now();
        const typed = await typeUntilKilled(app, draft, random, cycle === 1);
        phaseMs.typingAndKill += Date.now() - phaseStart;
        phaseStart = Date.now();
        errors.push(...app.errors.map((e) => `cycle ${cycle}: ${e}`));
        tally[typed.strategy] += 1;
        tally.acknowledgements += typed.acknowledgements;
        if (typed.unknownAcknowledgements.length > 0) {
          problems.push(`cycle ${cycle}: the editor acknowledged lengths the test never typed: ${typed.unknownAcknowledgements.join(', ')}`);
        }

        const where = `cycle ${cycle} (${typed.strategy})`;
        app = await openApp(profileDir, editorUrl);
        const reopened = await readOpenedDraft(app, where);
        phaseMs.reopen += Date.now() - phaseStart;
        const length = textLength(reopened);
        const expected = typed.states.get(length);
        if (!expected) {
          problems.push(`${where}: the reopened draft (${length} characters) is no state that was ever typed`);
        } else if (JSON.stringify(expected) !== JSON.stringify(reopened)) {
          problems.push(`${where}: the reopened draft differs from what was typed at ${length} characters`);
        } else if (length < typed.acknowledged) {
          problems.push(`${where}: acknowledged ${typed.acknowledged} characters as saved, but only ${length} survived`);
        }
        if (length > typed.acknowledged) tally.keptUnacknowledged += 1;
        draft = reopened;
        if (cycle % 10 === 0) console.log(`crash test: ${cycle}/${CYCLES} cycles, ${((Date.now() - began) / 1000).toFixed(0)} s, ${problems.length} problems`);
      }
      await app.browser.kill();
      errors.push(...app.errors.map((e) => `after the last cycle: ${e}`));

      const totalMs = Date.now() - began;
      console.log(
        `crash test: ${CYCLES} kills in ${(totalMs / 1000).toFixed(1)} s (setup ${(setupMs / 1000).toFixed(1)} s, ` +
          `${((totalMs - setupMs) / CYCLES / 1000).toFixed(2)} s per cycle: typing+kill ${(phaseMs.typingAndKill / CYCLES / 1000).toFixed(2)} s, ` +
          `restart+reopen ${(phaseMs.reopen / CYCLES / 1000).toFixed(2)} s); kills ${JSON.stringify(tally)}; ` +
          `draft now ${textLength(draft)} characters`,
      );
      expect(problems, `seed ${SEED}`).toEqual([]);
      expect(errors, `seed ${SEED}`).toEqual([]);
      // The run really exercised acknowledgements, not only kills before any save.
      expect(tally.acknowledgements).toBeGreaterThan(0);
      expect(textLength(draft)).toBeGreaterThan(0);
    },
    CYCLES * 30_000 + 120_000,
  );
});
