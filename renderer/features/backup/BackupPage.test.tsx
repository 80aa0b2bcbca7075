import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { createNodeBridge } from '../../../tests/support/nodeBridge';
import type { NodeBridge } from '../../../tests/support/nodeBridge';
import { setBridgeForTests } from '../../bridge/client';
import { readySession, renderInApp } from '../../testing/session';
import { proposalAtOffice } from '../review/reviewTesting';
import { BackupPage } from './BackupPage';

const WAIT = { timeout: 20_000 };
let machine: NodeBridge;
let folder: string;

beforeEach(async () => {
  machine = createNodeBridge();
  setBridgeForTests(machine.bridge);
  folder = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-backup-page-'));
});
afterEach(async () => {
  setBridgeForTests(undefined);
  await machine.dispose();
  await rm(folder, { recursive: true, force: true });
});

async function exportTo(file: string) {
  machine.answerSave(file);
  fireEvent.click(screen.getByRole('button', { name: /导出完整备份/ }));
  await screen.findByText(/备份已保存/, undefined, WAIT);
}

describe('BackupPage', () => {
  it('exports a full backup and restores it after the data changed, keeping a copy of what it replaced', async () => {
    const session = await readySession('office');
    const proposal = await proposalAtOffice(session, { title: '关于加强农村饮水安全保障的提议' });
    const onRestored = vi.fn();
    renderInApp(<BackupPage onRestored={onRestored} />);

    const file = path.join(folder, 'full.ddbackup');
    await exportTo(file);
    expect((await readFile(file)).subarray(0, 19).toString()).toBe('DELEGATEDESK-BACKUP');

    await session.repo.write((w) => w.update('proposal', proposal.id, { title: '备份之后改过的标题' }));
    machine.answerOpen(file);
    fireEvent.click(screen.getByRole('button', { name: /选择备份文件/ }));
    const dialog = await screen.findByRole('dialog', undefined, WAIT);
    expect(within(dialog).getAllByText('用这份备份替换本机数据？').length).toBeGreaterThan(0);
    expect(within(dialog).getByText('中国共产党某某县第十五次代表大会')).toBeTruthy();
    expect(within(dialog).getByText(/提案 1 件/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: /恢\s*复/ }));

    await waitFor(() => expect(onRestored).toHaveBeenCalled(), WAIT);
    expect((await session.db.proposal.get(proposal.id))?.title).toBe('关于加强农村饮水安全保障的提议');
    const snapshots = await machine.bridge.backupListLocal({});
    expect(snapshots.map((s) => s.reason)).toContain('beforeRestore');
  });

  it('refuses a damaged backup with a plain explanation and changes nothing', async () => {
    const session = await readySession('office');
    const proposal = await proposalAtOffice(session, { title: '关于改善乡村道路的提议' });
    renderInApp(<BackupPage onRestored={() => undefined} />);
    const file = path.join(folder, 'full.ddbackup');
    await exportTo(file);

    const bytes = await readFile(file);
    bytes[bytes.length - 200] = bytes[bytes.length - 200]! ^ 0xff;
    const damaged = path.join(folder, 'damaged.ddbackup');
    await writeFile(damaged, bytes);
    await session.repo.write((w) => w.update('proposal', proposal.id, { title: '当前的标题' }));

    machine.answerOpen(damaged);
    fireEvent.click(screen.getByRole('button', { name: /选择备份文件/ }));
    const problem = await screen.findByTestId('backup-problem', undefined, WAIT);
    expect(problem.textContent).toMatch(/备份文件已损坏.*当前数据没有改动/);
    expect(screen.queryByRole('dialog')).toBeNull();
    expect((await session.db.proposal.get(proposal.id))?.title).toBe('当前的标题');
  });

  it('lists the snapshots on this computer and keeps the number the user sets', async () => {
    const session = await readySession('delegate');
    renderInApp(<BackupPage onRestored={() => undefined} />);
    const keep = await screen.findByRole('spinbutton', { name: /保留/ });
    fireEvent.change(keep, { target: { value: '3' } });
    await waitFor(async () => expect((await session.db.meta.get('backup.keep'))?.value).toBe(3), WAIT);

    fireEvent.click(screen.getByRole('button', { name: /立即备份到本机/ }));
    await screen.findByText(/已备份到本机/, undefined, WAIT);
    const row = await screen.findByRole('row', { name: /手动/ }, WAIT);
    expect(within(row).getByRole('button', { name: /恢复/ })).toBeTruthy();
  });
});
