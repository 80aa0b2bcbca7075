import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { closeAllApps, launchApp, type LaunchedApp } from './harness';
import { startAppServer, type AppServer } from './app-server';
import { answerPathPrompt, damagedCopy, tempFolder, waitForToast } from './fileSteps';
import { menu, shot, SLOW } from './syncSteps';

// Issue 8: restore from the UI, refusing a damaged backup without touching the current data. A delegate on the demo
// congress exports a full backup, then writes a new draft; a damaged copy of the backup is refused and the draft
// stays; the good backup, after the confirmation that says what it holds, replaces the data (the draft is gone, also
// after quitting and reopening the browser); the "恢复前" snapshot taken on the way brings the draft back.

const DRAFT = {
  title: '关于在老旧小区加装电动自行车集中充电设施的建议',
  background: '城区老旧小区电动自行车保有量大，缺少集中充电设施，居民飞线充电、楼道充电现象普遍，火灾隐患突出。',
  recommendations: '一、由街道牵头在老旧小区统一规划建设集中充电棚；二、对飞线充电开展专项整治。',
};

let server: AppServer;
let work: Awaited<ReturnType<typeof tempFolder>>;

beforeAll(async () => {
  work = await tempFolder('dd-backup-e2e-');
  // This machine's data folder: where the web bridge keeps the automatic snapshots (数据备份 lists them).
  server = await startAppServer({ dataDir: path.join(work.dir, 'bridge-data') });
});
afterEach(closeAllApps);
afterAll(async () => {
  await server?.close();
  await work?.remove();
});

const button = (page: Page, label: string) => page.locator('button', { hasText: label });

async function openBackupPage(page: Page) {
  await menu(page, '数据备份');
  await page.getByTestId('backup-page').waitFor({ timeout: SLOW });
}

/** 我的提案, searched by the draft's title: its row is there, or the list says nothing matches. */
async function expectDraft(page: Page, present: boolean) {
  await menu(page, '我的提案');
  await page.getByTestId('proposal-search').locator('input').fill(DRAFT.title);
  const row = page.getByTestId('proposal-row').filter({ hasText: DRAFT.title });
  if (present) {
    await row.first().waitFor({ timeout: SLOW });
    expect(await row.count()).toBe(1);
  } else {
    // The empty result names the search, so it is the answer to this search, not a list still loading.
    await page.getByText(`没有找到包含“${DRAFT.title}”的提案`).waitFor({ timeout: SLOW });
    expect(await row.count()).toBe(0);
  }
}

async function writeDraft(page: Page) {
  await menu(page, '我的提案');
  await page.getByTestId('new-proposal').hover();
  await page.getByTestId('new-suggestion').click();
  await page.getByTestId('field-title').fill(DRAFT.title);
  await page.getByTestId('field-category').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '城乡建设' }).first().click();
  await page.getByTestId('field-background').fill(DRAFT.background);
  await page.getByTestId('field-recommendations').fill(DRAFT.recommendations);
  await expect.poll(() => page.getByTestId('save-indicator').innerText(), { timeout: SLOW }).toMatch(/已保存/);
}

/** The confirmation a restore asks for, once the file has passed every check. */
function confirmDialog(page: Page) {
  return page.locator('.ant-modal-confirm', { hasText: '用这份备份替换本机数据？' });
}

/** Confirms the open restore dialog; the app reloads itself on the restored database. */
async function confirmRestore(app: LaunchedApp) {
  const page = app.page;
  const reloaded = page.waitForEvent('load', { timeout: 120_000 });
  // 恢复 is the dangerous button (antd spaces two-character labels: "恢 复").
  await confirmDialog(page).locator('.ant-btn-dangerous').click();
  await reloaded;
  await page.getByTestId('current-user').waitFor({ timeout: SLOW });
}

describe('restoring a backup from the 数据备份 screen', () => {
  it('refuses a damaged file without touching the data, restores a good one, and undoes that from the 恢复前 snapshot', { timeout: 600_000 }, async () => {
    const app = await launchApp({ url: server.url });
    let page = app.page;
    await page.getByTestId('onboarding-demo').click();
    await page.getByTestId('demo-as-delegate').click({ timeout: SLOW });
    await page.getByTestId('current-user').waitFor({ timeout: SLOW });
    const userName = (await page.getByTestId('current-user').innerText()).trim();
    await expectDraft(page, false);

    // 1. A full backup of the demo data, saved where the prompt says.
    await openBackupPage(page);
    const goodFile = path.join(work.dir, '履职工作台备份.ddbackup');
    const question = await answerPathPrompt(page, button(page, '导出完整备份…'), goodFile);
    expect(question).toContain('保存位置');
    const savedText = await waitForToast(page, /备份已保存/, 120_000);
    expect(savedText).toContain(path.basename(goodFile));
    expect((await stat(goodFile)).size).toBeGreaterThan(0);
    await shot(app, 'backup-page');

    // 2. A change after the backup: a new draft.
    await writeDraft(page);
    await expectDraft(page, true);

    // 3. A damaged copy (bytes flipped in the middle, length unchanged) is refused, in Chinese, before anything changes.
    const damagedFile = path.join(work.dir, '损坏的备份.ddbackup');
    await damagedCopy(goodFile, damagedFile);
    await openBackupPage(page);
    await answerPathPrompt(page, button(page, '选择备份文件…'), damagedFile);
    const problem = page.getByTestId('backup-problem');
    await problem.waitFor({ timeout: 120_000 });
    const refusal = await problem.innerText();
    expect(refusal).toMatch(/^不能恢复：备份文件已损坏.*当前数据没有改动/s);
    expect(await confirmDialog(page).count()).toBe(0);
    await shot(app, 'backup-refused');
    await expectDraft(page, true);

    // 4. The good file: the confirmation says whose data it is and what it holds; 恢复 replaces the data and reloads.
    await openBackupPage(page);
    await answerPathPrompt(page, button(page, '选择备份文件…'), goodFile);
    const dialog = confirmDialog(page);
    await dialog.waitFor({ timeout: 120_000 });
    const summary = await dialog.innerText();
    expect(summary).toContain('备份时间');
    expect(summary).toContain('使用人');
    expect(summary).toContain(userName);
    expect(summary).toMatch(/提案 [1-9]\d* 件，附件与照片 \d+ 个，变更记录 \d+ 条/);
    expect(summary).toContain('恢复前');
    await app.screenshot('backup-confirm');
    await confirmRestore(app);

    // The app came back on the backup's data: the draft written after it is gone, and the screen says what happened.
    await expect.poll(() => page.url()).toContain('#/backup');
    await page.getByTestId('backup-page').waitFor({ timeout: SLOW });
    await expect.poll(() => page.getByTestId('backup-page').innerText(), { timeout: SLOW }).toContain(`来自 ${path.basename(goodFile)}`);
    await expect.poll(() => beforeRestoreRows(page).count(), { timeout: SLOW }).toBe(1);
    await shot(app, 'backup-restored');
    await expectDraft(page, false);

    // Quitting and reopening the browser: still the backup's data.
    await app.restart();
    page = app.page;
    await page.getByTestId('current-user').waitFor({ timeout: SLOW });
    await expectDraft(page, false);

    // 5. 数据备份 lists the snapshot taken before the restore; restoring it brings the draft back.
    await openBackupPage(page);
    await expect.poll(() => beforeRestoreRows(page).count(), { timeout: SLOW }).toBe(1);
    await beforeRestoreRows(page).locator('button', { hasText: '恢复' }).click();
    await confirmDialog(page).waitFor({ timeout: 120_000 });
    await confirmRestore(app);
    await page.getByTestId('backup-page').waitFor({ timeout: SLOW });
    // That restore, too, kept what it replaced: now two 恢复前 snapshots.
    await expect.poll(() => beforeRestoreRows(page).count(), { timeout: SLOW }).toBe(2);
    await expectDraft(page, true);

    expect(app.errors()).toEqual([]);
  });
});

/** Rows of the automatic-backup table whose kind is 恢复前. */
function beforeRestoreRows(page: Page) {
  return page.locator('.ant-table-row', { has: page.locator('.ant-tag', { hasText: /^恢复前$/ }) });
}
