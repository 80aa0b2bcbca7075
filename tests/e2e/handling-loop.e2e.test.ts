import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { handlingDeadline, rehandlingDeadline, toCalendarDate } from '../../shared/lifecycle';
import { answerNextPrompt, launchApp, type LaunchedApp } from './harness';
import { startAppServer, type AppServer } from './app-server';
import { chooseFolder, menu, openSync, shot, sync, SLOW } from './syncSteps';

// The whole handling loop of issue 4 across two machines — the congress office and a delegate's laptop, each its own
// web bridge (own keys, origin and IndexedDB) — exchanging data only through one sync folder:
// submit → review with a merge → 立案 number → 交办 → 答复 → 不满意 → 重新办理 → 答复 → 满意 → 办结, checked from both sides.

/** Two 意见建议 on the same subject; B is a near-duplicate of A, so the office merges B into A. */
const A = {
  title: '关于城区主干道增设非机动车道隔离护栏的建议',
  background: '城区主干道非机动车道与机动车道之间没有物理隔离，早晚高峰电动自行车与机动车混行，剐蹭事故频发，市民反映强烈。',
  recommendations: '一、在城区主干道非机动车道与机动车道之间增设隔离护栏；二、在路口增设非机动车停车线和警示标志。',
};
const B = {
  title: '关于主干道机非混行路段加装隔离设施的意见',
  background: '城区主干道非机动车道与机动车道之间缺少物理隔离，高峰时段电动自行车与机动车混行，剐蹭事故时有发生。',
  recommendations: '建议在城区主干道非机动车道与机动车道之间加装隔离护栏，并在路口设置警示标志。',
};
const YEAR = toCalendarDate(new Date()).slice(0, 4);
const FIRST_REPLY = { documentNumber: `建函〔${YEAR}〕18号`, signer: '王建国', text: '已将主干道隔离护栏纳入年度道路改造计划，分两批实施。' };
const SECOND_REPLY = { documentNumber: `建函〔${YEAR}〕46号`, signer: '王建国', text: '主干道隔离护栏已全部安装完毕，路口警示标志同步设置。' };
const UNSATISFIED_COMMENT = '只列入计划，没有明确完成时间，请尽快实施。';

/** Generous: the CI machine has 2 cores and other test runs share it. */

let office: AppServer;
let laptop: AppServer;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'dd-handling-e2e-'));
  office = await startAppServer({ dataDir: path.join(work, 'office-data') });
  laptop = await startAppServer({ dataDir: path.join(work, 'laptop-data') });
});
afterAll(async () => {
  await office?.close();
  await laptop?.close();
  await rm(work, { recursive: true, force: true });
});

// ---- helpers: navigation and sync, through the UI only ---------------------------------------------------------






/** antd radios carry their data-testid on the hidden input: click the label around it, as a person would. */
async function pick(page: Page, testId: string) {
  await page.locator('label', { has: page.getByTestId(testId) }).click();
}

/** The status tag of the page's main proposal (merge links below it carry their own). */
function mainStatus(page: Page) {
  return page.getByTestId('status-tag').first();
}

async function expectStatus(page: Page, label: string) {
  await expect.poll(() => mainStatus(page).innerText(), { timeout: SLOW }).toBe(label);
}

/** The delegate's 我的提案 → the proposal's page. */
async function openMine(page: Page, title: string) {
  await menu(page, '我的提案');
  await page.getByTestId('proposal-row').filter({ hasText: title }).click({ timeout: SLOW });
  await expect.poll(() => page.getByTestId('proposal-title').innerText(), { timeout: SLOW }).toBe(title);
}

/** The office's 全部提案 → search → the proposal's page → 审查 → 交办与办理. */
async function openHandling(page: Page, title: string) {
  await menu(page, '全部提案');
  await page.getByTestId('proposal-search').locator('input').fill(title);
  await page.getByTestId('proposal-row').filter({ hasText: title }).click({ timeout: SLOW });
  await page.getByTestId('open-review').click();
  await page.getByTestId('open-handling').click({ timeout: SLOW });
  await expect.poll(() => page.getByTestId('handling-title').innerText(), { timeout: SLOW }).toBe(title);
}

async function draftSuggestion(page: Page, text: typeof A) {
  await menu(page, '我的提案');
  await page.getByTestId('new-proposal').hover();
  await page.getByTestId('new-suggestion').click();
  await page.getByTestId('field-title').fill(text.title);
  await page.getByTestId('field-category').click();
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '城乡建设' }).first().click();
  await page.getByTestId('field-background').fill(text.background);
  await page.getByTestId('field-recommendations').fill(text.recommendations);
  await page.getByTestId('submit-proposal').click();
  await page.locator('.ant-popconfirm .ant-btn-primary').click();
  await expectStatus(page, '已提交，等待同步');
}

/** The office's review page: 接收, then 预审, from the decision panel. */
async function receiveAndPreReview(page: Page) {
  await page.getByTestId('review-receive').click({ timeout: SLOW });
  await expectStatus(page, '已接收');
  await pick(page, 'step-preReview');
  await page.getByTestId('decision-submit').click();
  await expectStatus(page, '审查中');
}

/** 答复 on the office's handling page (the lead unit answers; no 分办). */
async function recordReply(page: Page, resultClass: 'A' | 'B', reply: typeof FIRST_REPLY) {
  await pick(page, `reply-class-${resultClass}`);
  await page.getByTestId('reply-document-number').fill(reply.documentNumber);
  await page.getByTestId('reply-signer').fill(reply.signer);
  await page.getByTestId('reply-text').fill(reply.text);
  await page.getByTestId('reply-submit').click();
  await expectStatus(page, '已答复');
}

/** The lead author's 满意度测评 on the proposal page. */
async function rate(page: Page, overall: '满意' | '不满意', comment: string) {
  const form = page.getByTestId('rating-form');
  await form.waitFor({ timeout: SLOW });
  await form.getByTestId('rating-overall').getByText(overall, { exact: true }).click();
  await form.getByTestId('rating-comment').fill(comment);
  await form.getByTestId('rating-submit').click();
  await form.waitFor({ state: 'detached', timeout: SLOW });
}

// ---- the loop -----------------------------------------------------------------------------------------------

describe('the handling loop across the office and a delegate', () => {
  it('submit → merge → 立案 → 交办 → 答复 → 不满意 → 重新办理 → 答复 → 满意 → 办结, seen from both sides', { timeout: 900_000 }, async () => {
    const folder = path.join(work, 'share');
    await mkdir(folder);
    const profileFile = path.join(work, 'congress.ddprofile.json');

    // Setup as in sync-two-machines: the office loads the demo congress and exports the roster file.
    const officeApp: LaunchedApp = await launchApp({ url: office.url });
    const op = officeApp.page;
    await op.getByTestId('onboarding-demo').click();
    await op.getByTestId('demo-as-office').click({ timeout: SLOW });
    await menu(op, '代表名册');
    const saved = answerNextPrompt(op, profileFile);
    await op.getByTestId('roster-export').click();
    await saved;
    await expect.poll(() => existsSync(profileFile), { timeout: SLOW }).toBe(true);

    // The delegate joins from that file.
    const delegateApp: LaunchedApp = await launchApp({ url: laptop.url });
    const dp = delegateApp.page;
    await dp.getByTestId('onboarding-join').click();
    const opened = answerNextPrompt(dp, profileFile);
    await dp.getByTestId('join-choose-file').click();
    await opened;
    await dp.getByTestId('join-delegates').locator('.ant-table-row').first().click();
    await dp.getByTestId('join-confirm').click();
    await dp.getByTestId('current-user').waitFor({ timeout: SLOW });

    // 1. The delegate submits A and its near-duplicate B, then syncs; the office approves the device and syncs.
    await draftSuggestion(dp, A);
    await draftSuggestion(dp, B);
    await openSync(dp);
    await chooseFolder(dp, folder);
    const code = await dp.getByTestId('device-fingerprint').innerText();
    await dp.getByTestId('device-waiting').waitFor();

    await openSync(op);
    await chooseFolder(op, folder);
    const request = op.getByTestId('enrolment-requests').locator('.ant-table-row', { hasText: code });
    await request.waitFor({ timeout: SLOW });
    await request.getByRole('button').click();
    await sync(op);

    // 2. The office reviews: A is 立案 with the next number; B, after 预审, is merged into A.
    await menu(op, '收件箱');
    await op.getByTestId('inbox-title').filter({ hasText: A.title }).click({ timeout: SLOW });
    await expect.poll(() => op.getByTestId('review-title').innerText(), { timeout: SLOW }).toBe(A.title);
    await receiveAndPreReview(op);
    await pick(op, 'step-accept');
    const nextNumber = (await op.getByTestId('accept-next-number').innerText()).match(/第(\d+)号/)?.[1];
    expect(nextNumber).toMatch(/^\d+$/);
    const numberLabel = `第${nextNumber}号`;
    await expect.poll(() => op.getByTestId('decision-submit').innerText()).toContain(numberLabel);
    await op.getByTestId('decision-submit').click();
    await expectStatus(op, '已立案');
    expect(await op.getByTestId('decision-outcome').innerText()).toContain(numberLabel);
    await shot(officeApp, 'office-accepted-A');

    await op.getByTestId('back-to-inbox').click();
    await op.getByTestId('inbox-title').filter({ hasText: B.title }).click({ timeout: SLOW });
    await expect.poll(() => op.getByTestId('review-title').innerText(), { timeout: SLOW }).toBe(B.title);
    await receiveAndPreReview(op);
    // The similar-proposals panel lists A, so the merge is deliberate.
    await op.getByTestId('review-similar-item').filter({ hasText: A.title }).waitFor({ timeout: SLOW });
    await pick(op, 'step-merge');
    await op.getByTestId('merge-target-item').locator('.ant-select').click();
    await op.keyboard.type(numberLabel);
    await op.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: A.title }).click({ timeout: SLOW });
    await shot(officeApp, 'office-merging-B-into-A');
    await op.getByTestId('decision-submit').click();
    await expectStatus(op, '已并案');
    expect(await op.getByTestId('merged-into').innerText()).toContain(A.title);
    await shot(officeApp, 'office-merged-B');

    // 3. A's handling page: 交办 to one 主办 unit with the default deadline, then the first 答复 (class B).
    await op.getByTestId('merged-into').locator('a', { hasText: A.title }).click();
    await expect.poll(() => op.getByTestId('review-title').innerText(), { timeout: SLOW }).toBe(A.title);
    expect(await op.getByTestId('merged-here').innerText()).toContain(B.title);
    await op.getByTestId('open-handling').click();
    await expect.poll(() => op.getByTestId('handling-title').innerText(), { timeout: SLOW }).toBe(A.title);
    const before = new Date();
    const defaultDeadline = await op.getByTestId('assign-deadline-item').locator('input').inputValue();
    const expectedDeadlines = [handlingDeadline(before, { handlingMonths: 3 }), handlingDeadline(new Date(), { handlingMonths: 3 })];
    expect(expectedDeadlines).toContain(defaultDeadline);
    const unitName = '县住房和城乡建设局';
    await op.getByTestId('assign-lead-item').locator('.ant-select').click();
    await op.keyboard.type('住房');
    await op.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: unitName }).click();
    await shot(officeApp, 'office-assigning-A');
    await op.getByTestId('assign-submit').click();
    await expectStatus(op, '办理中');
    await expect.poll(() => op.getByTestId('current-deadline').innerText(), { timeout: SLOW }).toContain(defaultDeadline);
    expect(await op.getByTestId('current-assignment').innerText()).toContain(unitName);
    await recordReply(op, 'B', FIRST_REPLY);
    await shot(officeApp, 'office-first-reply');
    await sync(op);

    // 4. The delegate syncs (the device is approved now): A is 已答复 with the reply; B points to A and shows its reply.
    await sync(dp);
    await dp.getByTestId('device-bound').waitFor({ timeout: SLOW });
    await openMine(dp, A.title);
    await expectStatus(dp, '已答复');
    const handlingA = dp.getByTestId('handling-section');
    await expect.poll(() => handlingA.getByTestId('reply-document-number').innerText(), { timeout: SLOW }).toBe(FIRST_REPLY.documentNumber);
    expect(await handlingA.getByTestId('reply-text').innerText()).toBe(FIRST_REPLY.text);
    expect(await handlingA.getByTestId('handling-units').innerText()).toContain(unitName);
    expect(await handlingA.getByTestId('reply-class').innerText()).toContain('B类');
    await handlingA.scrollIntoViewIfNeeded();
    await shot(delegateApp, 'delegate-first-reply');

    await openMine(dp, B.title);
    await expectStatus(dp, '已并案');
    await expect.poll(() => dp.getByTestId('merged-into').innerText(), { timeout: SLOW }).toContain(A.title);
    const targetReply = dp.getByTestId('handling-section');
    await expect.poll(() => targetReply.getByTestId('reply-document-number').innerText(), { timeout: SLOW }).toBe(FIRST_REPLY.documentNumber);
    // B's author reads A's reply but rates it only as A's lead author, on A's page.
    expect(await targetReply.getByTestId('rating-form').count()).toBe(0);
    await targetReply.scrollIntoViewIfNeeded();
    await shot(delegateApp, 'delegate-merged-B');

    await openMine(dp, A.title);
    await rate(dp, '不满意', UNSATISFIED_COMMENT);
    await expect.poll(() => dp.getByTestId('handling-stage').innerText(), { timeout: SLOW }).toContain('不满意');
    await shot(delegateApp, 'delegate-rated-unsatisfied');
    await sync(dp);

    // 5. The office syncs: the rating is applied on import → 重新办理, round 2 with a one-month deadline, on the 督办 board.
    await sync(op);
    await openHandling(op, A.title);
    await expectStatus(op, '重新办理');
    const round2Deadline = rehandlingDeadline(new Date(), { rehandlingMonths: 1 });
    await expect.poll(() => op.getByTestId('current-assignment').innerText(), { timeout: SLOW }).toContain('第2轮');
    expect(await op.getByTestId('current-deadline').innerText()).toContain(round2Deadline);
    expect(await op.getByTestId('handling-history').innerText()).toContain(UNSATISFIED_COMMENT);
    await shot(officeApp, 'office-rehandling');

    await menu(op, '督办');
    await op.getByTestId('board-unit').click();
    await op.keyboard.type('住房');
    await op.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: unitName }).click();
    const boardRow = op.getByTestId('board-row').filter({ hasText: A.title });
    await boardRow.waitFor({ timeout: SLOW });
    expect(await boardRow.getByTestId('deadline-tag').getAttribute('data-status')).toBe('onTime');
    expect(await boardRow.innerText()).toContain('重新办理');
    expect(await boardRow.innerText()).toContain(round2Deadline);
    await shot(officeApp, 'office-supervision-board');

    await boardRow.getByTestId('board-title').click();
    await expect.poll(() => op.getByTestId('handling-title').innerText(), { timeout: SLOW }).toBe(A.title);
    await recordReply(op, 'A', SECOND_REPLY);
    await sync(op);

    // 6. The delegate sees the second reply and rates 满意; the office closes it on import; both sides read 办结.
    await sync(dp);
    await openMine(dp, A.title);
    await expectStatus(dp, '已答复');
    const round2 = dp.getByTestId('reply-round-2');
    await expect.poll(() => round2.getByTestId('reply-document-number').innerText(), { timeout: SLOW }).toBe(SECOND_REPLY.documentNumber);
    expect(await round2.getByTestId('reply-class').innerText()).toContain('A类');
    expect(await dp.getByTestId('reply-round-1').getByTestId('reply-document-number').innerText()).toBe(FIRST_REPLY.documentNumber);
    await round2.scrollIntoViewIfNeeded();
    await shot(delegateApp, 'delegate-second-reply');
    await rate(dp, '满意', '护栏装好后早晚高峰明显安全了。');
    await sync(dp);

    await sync(op);
    await openHandling(op, A.title);
    await expectStatus(op, '已办结');
    await shot(officeApp, 'office-closed');

    await sync(dp);
    await openMine(dp, A.title);
    await expectStatus(dp, '已办结');
    await expect.poll(() => dp.getByTestId('handling-stage').innerText(), { timeout: SLOW }).toBe('已办结');
    const timeline = await dp.getByTestId('proposal-timeline').innerText();
    for (const step of ['提交', '接收', '预审', '立案', '交办', '记录答复', '满意度测评', '按测评结果处理']) expect(timeline).toContain(step);
    expect(timeline).toContain('重新办理');
    expect(timeline).toContain('已办结');
    await shot(delegateApp, 'delegate-closed');

    // B's page follows A to the end as well.
    await openMine(dp, B.title);
    await expect.poll(() => dp.getByTestId('handling-section').getByTestId('handling-stage').innerText(), { timeout: SLOW }).toBe('已办结');

    expect(officeApp.errors()).toEqual([]);
    expect(delegateApp.errors()).toEqual([]);
  });
});
