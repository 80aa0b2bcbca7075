import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, useAppServer, type LaunchedApp } from './harness';

// Every screen of the menu, for the office and for a delegate, on the demo congress: each must render real
// content without errors in the page and without untranslated i18n keys. Screenshots land in
// tests/e2e/.artifacts/tour/ for a person to look at.
useAppServer();

/** Text that looks like an i18n key the translation missed ("decision.title", "handling:nav.units"). */
const RAW_KEY = /(^|\s)[a-z][A-Za-z]+(?::[a-z][A-Za-z]+)?(?:\.[a-z][A-Za-z0-9]+){1,4}(\s|$)/;

async function visitEveryMenuItem(app: LaunchedApp, role: string): Promise<string[]> {
  const page: Page = app.page;
  const labels = (await page.locator('.ant-layout-sider .ant-menu-item').allInnerTexts()).map((label) => label.trim());
  expect(labels.length).toBeGreaterThan(3);
  for (const [index, label] of labels.entries()) {
    await page.locator('.ant-layout-sider .ant-menu-item', { hasText: label }).first().click();
    await expect.poll(() => page.locator('.ant-layout-sider .ant-menu-item-selected').innerText(), { timeout: 15_000 }).toBe(label);
    await page.waitForLoadState('networkidle');
    // A screen's code loads when first opened (a spinner meanwhile): wait for its text, then let live queries settle.
    const content = page.locator('.ant-layout-content');
    await expect.poll(async () => (await content.innerText()).trim().length, { message: `${role} › ${label}: empty screen`, timeout: 15_000 }).toBeGreaterThan(0);
    await page.waitForTimeout(800);
    const text = await content.innerText();
    expect(text, `${role} › ${label}: untranslated key`).not.toMatch(RAW_KEY);
    await app.screenshot(`${role}-${String(index + 1).padStart(2, '0')}`);
  }
  return labels;
}

describe('a tour of every screen on the demo congress', () => {
  it('the office', async () => {
    const app = await launchApp();
    await app.page.getByTestId('onboarding-demo').click();
    await app.page.getByTestId('demo-as-office').click({ timeout: 30_000 });
    await app.page.getByTestId('current-user').waitFor({ timeout: 30_000 });
    const labels = await visitEveryMenuItem(app, 'office');
    expect(labels).toEqual(expect.arrayContaining(['收件箱', '督办', '全部提案', '视察调研', '评议', '年会', '履职档案', '代表名册', '承办单位', '同步']));
    expect(app.errors()).toEqual([]);
  });

  it('a delegate', async () => {
    const app = await launchApp();
    await app.page.getByTestId('onboarding-demo').click();
    await app.page.getByTestId('demo-delegate-select').click({ timeout: 30_000 });
    await app.page.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await app.page.getByTestId('demo-as-delegate').click();
    await app.page.getByTestId('current-user').waitFor({ timeout: 30_000 });
    const labels = await visitEveryMenuItem(app, 'delegate');
    expect(labels).toEqual(expect.arrayContaining(['我的提案', '视察调研', '评议', '年会', '我的履职档案', '同步']));
    expect(labels).not.toContain('收件箱');
    expect(app.errors()).toEqual([]);
  });
});
