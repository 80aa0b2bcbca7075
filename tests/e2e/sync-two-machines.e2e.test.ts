import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rename, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { answerNextPrompt, launchApp, type LaunchedApp } from './harness';
import { startAppServer, type AppServer } from './app-server';

// Two machines — the congress office and a delegate's laptop — each its own web bridge (own keys, own origin and
// IndexedDB), exchanging data only through files in one sync folder, as PRODUCT.md describes.

const TITLE = '关于加快乡村公路安全防护设施建设的建议';
let office: AppServer;
let laptop: AppServer;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'dd-sync-e2e-'));
  office = await startAppServer({ dataDir: path.join(work, 'office-data') });
  laptop = await startAppServer({ dataDir: path.join(work, 'laptop-data') });
});
afterAll(async () => {
  await office?.close();
  await laptop?.close();
  await rm(work, { recursive: true, force: true });
});

async function openSync(page: Page) {
  await page.getByTestId('sync-status').click();
  await page.getByTestId('sync-now').waitFor();
}

async function syncNow(page: Page) {
  await page.getByTestId('sync-now').click();
  await expect.poll(() => page.getByTestId('sync-now').innerText(), { timeout: 30_000 }).toMatch(/立即同步/);
}

async function chooseFolder(page: Page, folder: string) {
  const prompt = answerNextPrompt(page, folder);
  await page.getByTestId('sync-choose-folder').click();
  await prompt;
  await expect.poll(() => page.getByTestId('sync-folder').innerText()).toBe(folder);
  await expect.poll(() => page.getByTestId('sync-now').innerText(), { timeout: 30_000 }).toMatch(/立即同步/);
}

describe('a delegate and the office sync through a folder', () => {
  it('submission reaches the office, the decision reaches the delegate; the folder can vanish and return', async () => {
    const folder = path.join(work, 'share');
    await mkdir(folder);
    const profileFile = path.join(work, 'congress.ddprofile.json');

    // The office: demo congress, then the roster file delegates join with.
    const officeApp: LaunchedApp = await launchApp({ url: office.url });
    const op = officeApp.page;
    await op.getByTestId('onboarding-demo').click();
    await op.getByTestId('demo-as-office').click({ timeout: 30_000 });
    await op.locator('.ant-menu-item', { hasText: '代表名册' }).click();
    const saved = answerNextPrompt(op, profileFile);
    await op.getByTestId('roster-export').click();
    await saved;
    await expect.poll(async () => (await import('node:fs')).existsSync(profileFile), { timeout: 15_000 }).toBe(true);

    // The delegate joins from that file and drafts offline.
    const delegateApp = await launchApp({ url: laptop.url });
    const dp = delegateApp.page;
    await dp.getByTestId('onboarding-join').click();
    const opened = answerNextPrompt(dp, profileFile);
    await dp.getByTestId('join-choose-file').click();
    await opened;
    await dp.getByTestId('join-delegates').locator('.ant-table-row').first().click();
    await dp.getByTestId('join-confirm').click();
    const me = await dp.getByTestId('current-user').innerText();

    await dp.getByTestId('new-proposal').hover();
    await dp.getByTestId('new-suggestion').click();
    await dp.getByTestId('field-title').fill(TITLE);
    await dp.getByTestId('field-category').click();
    await dp.locator('.ant-select-dropdown:visible .ant-select-item-option').first().click();
    await dp.getByTestId('field-background').fill('部分乡村公路临水临崖路段缺少护栏，夜间行车存在安全隐患。');
    await dp.getByTestId('field-recommendations').fill('一、排查临水临崖路段；二、分年度增设护栏和警示标志。');
    await dp.getByTestId('submit-proposal').click();
    await dp.locator('.ant-popconfirm .ant-btn-primary').click();
    await expect.poll(() => dp.getByTestId('status-tag').innerText()).toBe('已提交，等待同步');

    // The delegate syncs: the submission and an enrolment request go into the folder.
    await openSync(dp);
    await chooseFolder(dp, folder);
    const code = await dp.getByTestId('device-fingerprint').innerText();
    await dp.getByTestId('device-waiting').waitFor();

    // The office syncs, checks the code, approves the device, syncs again: the submission arrives.
    await openSync(op);
    await chooseFolder(op, folder);
    const request = op.getByTestId('enrolment-requests').locator('.ant-table-row', { hasText: code });
    await request.waitFor();
    await request.getByRole('button').click();
    await syncNow(op);
    await op.locator('.ant-menu-item', { hasText: '全部提案' }).click();
    await op.getByTestId('proposal-search').locator('input').fill('护栏');
    await op.getByTestId('proposal-row').filter({ hasText: TITLE }).click();
    await expect.poll(() => op.getByTestId('status-tag').innerText()).toBe('已提交');
    await officeApp.screenshot('office-received-submission');

    // The office records its decision (已接收) and syncs.
    await op.getByTestId('receive-proposal').click();
    await expect.poll(() => op.getByTestId('status-tag').innerText()).toBe('已接收');
    await openSync(op);
    await syncNow(op);

    // The delegate syncs and sees it; the device is now approved.
    await syncNow(dp);
    await dp.getByTestId('device-bound').waitFor();
    await dp.locator('.ant-menu-item', { hasText: '我的提案' }).click();
    await dp.getByTestId('proposal-row').filter({ hasText: TITLE }).click();
    await expect.poll(() => dp.getByTestId('status-tag').innerText(), { timeout: 15_000 }).toBe('已接收');
    expect(await dp.getByTestId('proposal-timeline').innerText()).toContain('接收');
    await delegateApp.screenshot('delegate-sees-decision');

    // USB case: the folder disappears (stick pulled) — sync says so and nothing local is lost — then returns.
    const away = path.join(work, 'stick-away');
    await rename(folder, away);
    await openSync(dp);
    await syncNow(dp);
    await dp.getByText('同步文件夹当前无法访问', { exact: false }).first().waitFor();
    await dp.getByTestId('sync-status-unreachable').waitFor(); // and in the header, on every screen
    await dp.locator('.ant-menu-item', { hasText: '我的提案' }).click();
    await dp.getByTestId('proposal-row').filter({ hasText: TITLE }).waitFor();
    await rename(away, folder);
    await openSync(dp);
    await syncNow(dp);
    expect(await dp.getByTestId('sync-problems').innerText()).toContain('上次同步没有发现问题');
    expect(await dp.getByTestId('sync-status-unreachable').count()).toBe(0);
    await delegateApp.screenshot('delegate-sync-page');

    expect(me.length).toBeGreaterThan(0);
    expect(officeApp.errors()).toEqual([]);
    expect(delegateApp.errors()).toEqual([]);
  });
});
