import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { formatChinaDateTime, toCalendarDate } from '../../shared/lifecycle';
import { answerNextPrompt, launchApp, stopServer, type LaunchedApp } from './harness';
import { startAppServer, type AppServer } from './app-server';
import { chooseFolder, menu, openSync, shot, sync, SLOW } from './syncSteps';

// Issue 5 end to end, across two machines — the congress office and a delegate's laptop, each its own web bridge (own
// keys, origin and IndexedDB) — exchanging data only through one sync folder: the office plans a 视察 and a 评议 round;
// the delegate, with the folder gone (USB stick out), answers, 签到, writes a field note, adds photos and votes; the
// folder comes back; the office sees attendance, the note, the photos and the turnout, closes the round and sees the
// tallies — never who voted how.

const TOPIC = '城关镇农村饮水安全工程建设情况视察（现场走访）';
const NOTE = '石门村供水站二期管网已通水，但高位水池缺少围栏；村民反映雨季水质浑浊，建议增设沉淀设施。';
const ROUND_TITLE = '县水利局领导班子履职情况民主评议（现场测试）';
const SUBJECT = '县水利局领导班子';
const GRADE = '优秀';
const COMMENT = '建议进一步加强农村供水工程的日常维护。';

/** Generous: the CI machine has 2 cores and other test runs share it. */

let office: AppServer;
let laptop: AppServer;
let work: string;

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), 'dd-fieldwork-e2e-'));
  office = await startAppServer({ dataDir: path.join(work, 'office-data') });
  laptop = await startAppServer({ dataDir: path.join(work, 'laptop-data') });
});
afterAll(async () => {
  await stopServer(); // closes the browsers and their temporary profiles
  await office?.close();
  await laptop?.close();
  await rm(work, { recursive: true, force: true });
});

// ---- photos: small real images, written to the temp dir ------------------------------------------------------

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An 80×60 RGB PNG: sky over a field, so the thumbnail is recognisably a picture. */
function landscapePng(): Buffer {
  const width = 80;
  const height = 60;
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0); // filter: none
    for (let x = 0; x < width; x++) {
      if (y < 36) rows.push(90 + y * 2, 160 + y, 235);
      else rows.push(60 + ((x * 3) % 40), 140 + (y % 7) * 6, 50);
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    pngChunk('IDAT', deflateSync(Buffer.from(rows))),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** A 64×48 JPEG, encoded by the browser's own JPEG encoder (Node has none). */
async function waterTowerJpeg(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 64;
    canvas.height = 48;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no canvas');
    context.fillStyle = '#8ecae6';
    context.fillRect(0, 0, 64, 48);
    context.fillStyle = '#6b705c';
    context.fillRect(24, 10, 16, 30);
    context.fillStyle = '#3a5a40';
    context.fillRect(0, 40, 64, 8);
    return canvas.toDataURL('image/jpeg', 0.9).split(',')[1] ?? '';
  });
  const bytes = Buffer.from(base64, 'base64');
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Error('the browser did not produce a JPEG');
  return bytes;
}

// ---- helpers: navigation, forms and sync, through the UI only --------------------------------------------------




/**
 * With the folder gone: 立即同步 must say the folder is unreachable. A click that lands while an automatic sync runs
 * does nothing (the button is loading), so click again whenever the button is idle until the warning appears.
 */
async function syncExpectingUnreachable(page: Page) {
  await openSync(page);
  const button = page.getByTestId('sync-now');
  const warning = page.locator('.ant-message-notice', { hasText: '同步文件夹当前无法访问' });
  await expect.poll(() => warning.count(), { timeout: SLOW }).toBe(0);
  await expect
    .poll(
      async () => {
        if ((await warning.count()) > 0) return true;
        if (/立即同步/.test(await button.innerText())) await button.click();
        return false;
      },
      { timeout: 60_000, interval: 1_000 },
    )
    .toBe(true);
  await expect.poll(async () => /立即同步/.test(await button.innerText()), { timeout: 60_000 }).toBe(true);
}



/** Types a date (or date and time) into an antd DatePicker as a person would, and checks the picker kept it. */
async function typeDate(page: Page, testId: string, text: string) {
  const input = page.locator(`input[data-testid="${testId}"], [data-testid="${testId}"] input`).first();
  await input.click();
  await input.press('ControlOrMeta+a');
  await input.pressSequentially(text);
  // Not Enter: in a form, Enter submits it. Clicking beside the picker takes the typed value, as it does for a person.
  await closePopups(page);
  await expect.poll(() => input.inputValue(), { timeout: SLOW }).toBe(text);
}

/**
 * Closes an open picker or select dropdown by clicking the drawer's title, as a person clicks beside it (Escape would
 * close the whole drawer, the form with it).
 */
async function closePopups(page: Page) {
  const open = page.locator('.ant-picker-dropdown:visible, .ant-select-dropdown:visible');
  if ((await open.count()) > 0) await page.locator('.ant-drawer-title:visible').click();
  await expect.poll(() => open.count(), { timeout: SLOW }).toBe(0);
}

/** The OK button of the confirmation that is open now. */
async function confirmPopup(page: Page) {
  await page.locator('.ant-popconfirm:visible .ant-btn-primary').click();
}

/** How many times `needle` occurs in `text`. */
const occurrences = (text: string, needle: string) => text.split(needle).length - 1;

// ---- the flow ---------------------------------------------------------------------------------------------------

describe('field work: a visit and a ballot done offline, seen by the office after sync', () => {
  it('plan → offline 签到, notes, photos, ballot → folder back → attendance, photos, turnout, anonymous tallies', { timeout: 900_000 }, async () => {
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

    // The delegate joins from that file and chooses the folder; the office chooses it too and approves the device.
    const delegateApp: LaunchedApp = await launchApp({ url: laptop.url });
    const dp = delegateApp.page;
    await dp.getByTestId('onboarding-join').click();
    const opened = answerNextPrompt(dp, profileFile);
    await dp.getByTestId('join-choose-file').click();
    await opened;
    await dp.getByTestId('join-delegates').locator('.ant-table-row').first().click();
    await dp.getByTestId('join-confirm').click();
    await dp.getByTestId('current-user').waitFor({ timeout: SLOW });
    const me = (await dp.getByTestId('current-user').innerText()).trim();
    expect(me.length).toBeGreaterThan(1);

    await openSync(dp);
    await chooseFolder(dp, folder);
    const code = await dp.getByTestId('device-fingerprint').innerText();
    await dp.getByTestId('device-waiting').waitFor();

    await openSync(op);
    await chooseFolder(op, folder);
    const request = op.getByTestId('enrolment-requests').locator('.ant-table-row', { hasText: code });
    await request.waitFor({ timeout: SLOW });
    await request.getByRole('button').click();

    // 1a. The office plans a visit for today and tomorrow and invites the delegate by name.
    const today = toCalendarDate(new Date());
    const tomorrow = toCalendarDate(new Date(Date.now() + 24 * 3600_000));
    await menu(op, '视察调研');
    await op.getByTestId('visit-plan').click();
    await op.getByTestId('visit-plan-form').waitFor({ timeout: SLOW });
    await op.getByTestId('plan-topic').fill(TOPIC);
    await typeDate(op, 'plan-start', today);
    await typeDate(op, 'plan-end', tomorrow);
    await op.getByTestId('plan-invitees-item').locator('.ant-select').click();
    await op.keyboard.type(me);
    await op.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: new RegExp(`^${me}（`) }).click({ timeout: SLOW });
    await closePopups(op);
    await expect.poll(() => op.getByTestId('plan-invitees-item').innerText()).toContain('已邀请 1 人');
    await op.getByTestId('plan-agenda').fill('1. 听取县水利局汇报；2. 实地察看石门村供水站；3. 座谈交流。');
    await shot(officeApp, '01-office-plans-visit');
    await op.getByTestId('plan-submit').click();
    await op.getByTestId('attendance').waitFor({ timeout: SLOW });
    expect(await op.getByTestId('attendance').innerText()).toContain(me);

    // 1b. The office defines an evaluation round (default scale, all delegates, open since a few minutes ago,
    //     closing in three days) and opens it.
    const opensAt = formatChinaDateTime(new Date(Date.now() - 10 * 60_000).toISOString());
    const closesAt = formatChinaDateTime(new Date(Date.now() + 3 * 24 * 3600_000).toISOString());
    await menu(op, '评议');
    await op.getByTestId('round-new').click();
    await op.getByTestId('round-form').waitFor({ timeout: SLOW });
    await op.getByTestId('round-title').fill(ROUND_TITLE);
    await op.getByTestId('round-subject-name-0').fill(SUBJECT);
    await typeDate(op, 'round-opens-at', opensAt);
    await typeDate(op, 'round-closes-at', closesAt);
    await shot(officeApp, '02-office-defines-round');
    await op.getByTestId('round-save').click();
    await expect.poll(() => op.getByTestId('round-title-text').innerText(), { timeout: SLOW }).toBe(ROUND_TITLE);
    await op.getByTestId('round-open').click();
    await confirmPopup(op);
    await expect.poll(() => op.getByTestId('round-status').innerText(), { timeout: SLOW }).toBe('进行中');
    await sync(op);

    // 2. The delegate syncs once (device approved, visit and round arrive) — then the USB stick is pulled.
    await sync(dp);
    await dp.getByTestId('device-bound').waitFor({ timeout: SLOW });
    const away = path.join(work, 'stick-away');
    await rename(folder, away);

    // Offline: accept, 签到, field note, two photos.
    await menu(dp, '视察调研');
    await dp.getByTestId('visit-row').filter({ hasText: TOPIC }).click({ timeout: SLOW });
    await dp.getByTestId('visit-accept').click({ timeout: SLOW });
    await expect.poll(() => dp.getByTestId('participation-status').innerText(), { timeout: SLOW }).toBe('已答复参加');
    await dp.getByTestId('visit-check-in').click();
    await expect.poll(() => dp.getByTestId('participation-status').innerText(), { timeout: SLOW }).toMatch(/^已于 .+ 签到$/);
    await dp.getByTestId('visit-notes').fill(NOTE);
    await expect.poll(() => dp.getByTestId('notes-save-indicator').innerText(), { timeout: SLOW }).toMatch(/^已保存/);

    const pngFile = path.join(work, '石门村供水站.png');
    const jpegFile = path.join(work, '高位水池.jpg');
    await writeFile(pngFile, landscapePng());
    await writeFile(jpegFile, await waterTowerJpeg(dp));
    const myPhotos = dp.getByTestId('my-photos');
    await myPhotos.getByTestId('photo-batch-caption').fill('石门村供水站');
    await myPhotos.locator('input[type=file]').setInputFiles([pngFile, jpegFile]);
    await expect.poll(() => myPhotos.getByTestId('photo-card').count(), { timeout: SLOW }).toBe(2);
    const thumbnailsShown = (page: Page, scope: string) =>
      page.getByTestId(scope).locator('img').evaluateAll((images) => images.filter((i) => i instanceof HTMLImageElement && i.complete && i.naturalWidth > 0).length);
    await expect.poll(() => thumbnailsShown(dp, 'my-photos'), { timeout: SLOW }).toBe(2);
    expect(await myPhotos.getByTestId('photo-failures').count()).toBe(0);
    await myPhotos.scrollIntoViewIfNeeded();
    await shot(delegateApp, '03-delegate-offline-photos');

    // Offline: the ballot.
    await menu(dp, '评议');
    await dp.getByTestId('round-link').filter({ hasText: ROUND_TITLE }).click({ timeout: SLOW });
    const subject = dp.getByTestId('ballot-subject').filter({ hasText: SUBJECT });
    await subject.getByText(GRADE, { exact: true }).click({ timeout: SLOW });
    await dp.getByTestId('ballot-comment').fill(COMMENT);
    await dp.getByTestId('ballot-submit').click();
    await dp.getByTestId('ballot-submitted').waitFor({ timeout: SLOW });
    await shot(delegateApp, '04-delegate-offline-ballot');

    // Sync fails visibly; the work waits in the queue.
    await syncExpectingUnreachable(dp);
    await dp.getByTestId('sync-pending').waitFor();
    const pending = Number((await dp.getByTestId('sync-pending').innerText()).match(/待同步 (\d+) 项/)?.[1]);
    expect(pending).toBeGreaterThan(0);
    await dp.getByText('同步文件夹当前无法访问').first().waitFor();
    await delegateApp.screenshot('05-delegate-sync-unreachable');

    // Nothing local is lost: reopen the page and find it all again.
    await dp.reload();
    await menu(dp, '视察调研');
    await dp.getByTestId('visit-row').filter({ hasText: TOPIC }).click({ timeout: SLOW });
    await expect.poll(() => dp.getByTestId('participation-status').innerText(), { timeout: SLOW }).toMatch(/^已于 .+ 签到$/);
    expect(await dp.getByTestId('visit-notes').inputValue()).toBe(NOTE);
    await expect.poll(() => dp.getByTestId('my-photos').getByTestId('photo-card').count(), { timeout: SLOW }).toBe(2);
    await menu(dp, '评议');
    await expect.poll(() => dp.getByTestId('evaluations-page').locator('.ant-table-row', { hasText: ROUND_TITLE }).getByTestId('round-mine').innerText(), { timeout: SLOW }).toBe('已提交');

    // 3. The stick is back: the delegate syncs, then the office.
    await rename(away, folder);
    await sync(dp);
    expect(await dp.getByTestId('sync-problems').innerText()).toContain('上次同步没有发现问题');
    await expect.poll(() => dp.getByTestId('sync-pending').innerText(), { timeout: SLOW }).toBe('待同步 0 项');
    await sync(op);

    // The office's visit: 参加, 签到 time, the note, the two photos (bytes arrived: real thumbnails).
    await menu(op, '视察调研');
    await op.getByTestId('visit-row').filter({ hasText: TOPIC }).click({ timeout: SLOW });
    const row = op.getByTestId('attendance').locator('.ant-table-row', { hasText: me });
    await expect.poll(() => row.innerText(), { timeout: SLOW }).toContain('参加');
    const rowText = await row.innerText();
    expect(rowText).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/); // 签到时间
    expect(rowText).toContain('已填写');
    expect(await op.getByTestId('attendance-counts').innerText()).toContain('已签到 1 · 照片 2 张');
    const note = op.getByTestId('field-note').filter({ hasText: me });
    expect(await note.innerText()).toContain(NOTE);
    const allPhotos = op.getByTestId('all-photos');
    await expect.poll(() => allPhotos.getByTestId('photo-card').count(), { timeout: SLOW }).toBe(2);
    await expect.poll(() => thumbnailsShown(op, 'all-photos'), { timeout: SLOW }).toBe(2);
    for (const by of await allPhotos.getByTestId('photo-by').allInnerTexts()) expect(by).toContain(me);
    for (const caption of await allPhotos.getByTestId('photo-caption').allInnerTexts()) expect(caption).toBe('石门村供水站');
    await shot(officeApp, '06-office-sees-attendance');
    await allPhotos.scrollIntoViewIfNeeded();
    await shot(officeApp, '07-office-sees-photos');

    // The office's round: the turnout counts the vote; the results wait for 结束评议.
    await menu(op, '评议');
    const listRow = op.getByTestId('evaluations-page').locator('.ant-table-row', { hasText: ROUND_TITLE });
    await expect.poll(() => listRow.getByTestId('round-turnout').innerText(), { timeout: SLOW }).toMatch(/^1 \/ \d+$/);
    await listRow.getByTestId('round-link').click();
    await expect.poll(() => op.getByTestId('turnout-voted').innerText(), { timeout: SLOW }).toBe(me);
    expect(await op.getByTestId('turnout-summary').innerText()).toMatch(/已投票 1 人/);
    await op.getByTestId('results-withheld').waitFor();
    await shot(officeApp, '08-office-round-open');

    await op.getByTestId('round-close').click();
    await confirmPopup(op);
    await expect.poll(() => op.getByTestId('round-status').innerText(), { timeout: SLOW }).toBe('已结束');
    const tally = op.getByTestId('tally-table');
    await tally.waitFor({ timeout: SLOW });
    const tallyRow = tally.getByTestId('tally-row').filter({ hasText: SUBJECT });
    const gradeColumn = (await tally.locator('thead th').allInnerTexts()).map((h) => h.trim()).indexOf(GRADE);
    expect(gradeColumn).toBeGreaterThan(0);
    expect(await tallyRow.locator('td').nth(gradeColumn).innerText()).toBe('1 票 · 100.0%');
    expect(await op.getByTestId('comment').allInnerTexts()).toEqual([COMMENT]);

    // Ballot secrecy: the delegate's name is on the page only in the turnout panel — never beside a grade or comment.
    expect(await tally.innerText()).not.toContain(me);
    expect(await op.getByTestId('comments-panel').innerText()).not.toContain(me);
    const pageText = await op.getByTestId('evaluations-detail').innerText();
    const turnoutText = await op.getByTestId('turnout-panel').innerText();
    expect(occurrences(turnoutText, me)).toBeGreaterThan(0);
    expect(occurrences(pageText, me)).toBe(occurrences(turnoutText, me));
    await op.getByTestId('comments-panel').scrollIntoViewIfNeeded();
    await shot(officeApp, '09-office-round-tallies');

    expect(officeApp.errors()).toEqual([]);
    expect(delegateApp.errors()).toEqual([]);
  });
});
