// Steps two-machine journeys share: the menu, the sync page, a sync that really ran, a screenshot taken when
// the page has settled, choosing the sync folder through the path prompt.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { answerNextPrompt, type LaunchedApp } from './harness';

export const SLOW = 30_000;

export async function menu(page: Page, label: string) {
  await page.locator('.ant-menu-item', { hasText: new RegExp(`^${label}$`) }).click();
}

export async function openSync(page: Page) {
  await page.getByTestId('sync-status').click();
  await page.getByTestId('sync-now').waitFor();
}

/**
 * Opens the sync page and runs one sync to the end. The app also syncs by itself (after local changes and every
 * minute), so: wait until no sync runs, click, and wait for this sync's result message ("导入 N 个文件…") — or, if an
 * automatic sync started in between and took the click, for that one to finish.
 */
export async function sync(page: Page) {
  await openSync(page);
  const button = page.getByTestId('sync-now');
  const lastSync = page.getByTestId('sync-last');
  const resultMessage = page.locator('.ant-message-notice', { hasText: /导入 \d+ 个文件/ });
  const idle = async () => /立即同步/.test(await button.innerText());
  await expect.poll(idle, { timeout: 60_000 }).toBe(true);
  await expect.poll(() => resultMessage.count(), { timeout: SLOW }).toBe(0);
  const before = await lastSync.innerText();
  await button.click();
  await expect
    .poll(async () => (await resultMessage.count()) > 0 || ((await idle()) && (await lastSync.innerText()) !== before), { timeout: 60_000 })
    .toBe(true);
  await expect.poll(idle, { timeout: 60_000 }).toBe(true);
}

/** A screenshot for people to look at, once the transient messages have gone and no dropdown is open. */
export async function shot(app: LaunchedApp, name: string) {
  await expect.poll(() => app.page.locator('.ant-message-notice, .ant-select-dropdown:visible, .ant-picker-dropdown:visible').count(), { timeout: SLOW }).toBe(0);
  await app.screenshot(name);
}

export async function chooseFolder(page: Page, folder: string) {
  const prompt = answerNextPrompt(page, folder);
  await page.getByTestId('sync-choose-folder').click();
  await prompt;
  await expect.poll(() => page.getByTestId('sync-folder').innerText()).toBe(folder);
  await expect.poll(() => page.getByTestId('sync-now').innerText(), { timeout: 60_000 }).toMatch(/立即同步/);
}
