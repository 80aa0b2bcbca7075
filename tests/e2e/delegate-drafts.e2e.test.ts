import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, useAppServer } from './harness';

// Issue #2's whole path for a delegate, in the real built renderer on real IndexedDB:
// demo congress → draft (autosaved) → browser closed and reopened → draft intact → submit → search → English.
useAppServer();

const TITLE = '关于推广无人机巡检森林防火的建议';
const BACKGROUND = '我县林区面积大，人工巡护难以覆盖偏远山场，春季火险等级高，发现火情往往较晚。';
const RECOMMENDATIONS = '一、配备森林防火无人机并培训护林员；二、建立巡检数据共享平台；三、纳入年度财政预算。';

async function pickSelectOption(page: Page, testId: string, optionText: string) {
  await page.getByTestId(testId).click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText }).first().click();
}

describe('a delegate drafts, keeps, submits and finds a proposal', () => {
  it('works end to end in Chromium', async () => {
    const app = await launchApp();
    let page = app.page;

    // Demo congress, acting as a delegate.
    await page.getByTestId('onboarding-demo').click();
    await page.getByTestId('demo-as-delegate').click({ timeout: 30_000 });
    await page.getByTestId('current-user').waitFor();
    await app.screenshot('delegate-list');

    // Draft an 意见建议; it saves by itself.
    await page.getByTestId('new-proposal').hover();
    await page.getByTestId('new-suggestion').click();
    await page.getByTestId('field-title').fill(TITLE);
    await pickSelectOption(page, 'field-category', '城乡建设与生态环境');
    await page.getByTestId('field-background').fill(BACKGROUND);
    await page.getByTestId('field-recommendations').fill(RECOMMENDATIONS);
    await expect.poll(() => page.getByTestId('save-indicator').innerText(), { timeout: 5000 }).toMatch(/已保存 \d{1,2}:\d{2}:\d{2}/);
    await app.screenshot('editor-saved');

    // Close the browser and reopen it with the same profile: the draft is intact.
    await app.restart();
    page = app.page;
    await page.getByTestId('proposal-search').locator('input').fill('无人机');
    await page.getByTestId('proposal-row').filter({ hasText: TITLE }).click();
    await expect.poll(() => page.getByTestId('field-title').inputValue()).toBe(TITLE);
    expect(await page.getByTestId('field-background').inputValue()).toBe(BACKGROUND);
    expect(await page.getByTestId('field-recommendations').inputValue()).toBe(RECOMMENDATIONS);

    // Submit: it waits for sync.
    await page.getByTestId('submit-proposal').click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => page.getByTestId('proposal-title').innerText()).toBe(TITLE);
    expect(await page.getByTestId('status-tag').innerText()).toBe('已提交，等待同步');
    expect(await page.getByTestId('proposal-timeline').innerText()).toContain('提交');
    await app.screenshot('submitted');

    // Search by a two-character word from the body finds it, highlighted.
    await page.locator('.ant-menu-item', { hasText: '我的提案' }).click();
    await page.getByTestId('proposal-search').locator('input').fill('护林');
    const row = page.getByTestId('proposal-row').filter({ hasText: TITLE });
    await row.waitFor();
    // The rows of the earlier search (无人机) stay on screen until this one answers: wait for its highlight.
    await expect.poll(() => row.locator('mark').first().innerText(), { timeout: 10_000 }).toBe('护林');
    await app.screenshot('search');

    // English.
    await page.getByTestId('language-switch').click();
    await page.locator('.ant-menu-item', { hasText: 'My proposals' }).waitFor();
    expect(await page.getByTestId('status-tag').first().innerText()).not.toMatch(/\p{Script=Han}/u);
    await app.screenshot('english');

    expect(app.errors()).toEqual([]);
  });
});
