import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createDraft } from '../../data/proposalCommands';
import { readySession, renderInApp } from '../../testing/session';
import { StorageFullError, StorageWriteError } from '../../data/storageErrors';
import { initI18n } from '../../i18n';
import { ProposalEditor } from './ProposalEditor';
import { refusalMessage } from './refusalMessage';

// The disk fills up while a delegate drafts: IndexedDB itself refuses the write (as Chromium does on a full disk),
// so the whole path is real — Dexie's error, the repository's translation, the autosave, the editor.
const TITLE = '关于加强农村饮水安全保障的提案';
const WAIT = { timeout: 10_000 };

function diskFull() {
  return vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
}

afterEach(() => {
  vi.restoreAllMocks();
});

async function typeTitleOnFullDisk() {
  const { repo, me } = await readySession();
  const draft = await createDraft(repo, me.id, 'motion');
  renderInApp(<ProposalEditor proposalId={draft.id} />);
  const title = await screen.findByTestId('field-title', {}, WAIT);
  const full = diskFull();
  await userEvent.click(title);
  await userEvent.paste(TITLE);
  const alert = await screen.findByTestId('save-error', {}, WAIT);
  return { repo, draft, title, alert, full };
}

describe('ProposalEditor when the disk is full', () => {
  it('says so in plain Chinese, keeps the text in the field, and saves on 重试 once there is room', async () => {
    const { repo, draft, title, alert, full } = await typeTitleOnFullDisk();
    expect(alert).toHaveTextContent('磁盘空间不足，未能保存');
    expect(alert).toHaveTextContent('您输入的内容仍在屏幕上');
    expect(screen.getByTestId('save-indicator')).toHaveTextContent('尚未保存');
    expect(screen.getByTestId('save-indicator')).not.toHaveAttribute('data-saved-length');
    expect(title).toHaveValue(TITLE);
    expect(full).toHaveBeenCalled();
    expect((await repo.db.proposal.get(draft.id))?.title).toBe('');

    full.mockRestore();
    await userEvent.click(screen.getByTestId('save-retry'));
    await waitFor(() => expect(screen.getByTestId('save-indicator')).toHaveTextContent(/已保存 \d{1,2}:\d{2}:\d{2}/), WAIT);
    expect(screen.getByTestId('save-indicator')).toHaveAttribute('data-saved-length', String(TITLE.length));
    expect(screen.queryByTestId('save-error')).toBeNull();
    expect((await repo.db.proposal.get(draft.id))?.title).toBe(TITLE);
  });

  it('tries again by itself on the next edit', async () => {
    const { repo, draft, title, full } = await typeTitleOnFullDisk();
    full.mockRestore();
    await userEvent.click(title);
    await userEvent.paste('的建议');
    await waitFor(() => expect(screen.getByTestId('save-indicator')).toHaveTextContent(/已保存/), WAIT);
    expect(screen.queryByTestId('save-error')).toBeNull();
    expect((await repo.db.proposal.get(draft.id))?.title).toBe(`${TITLE}的建议`);
  });
});

describe('refusalMessage for storage refusals elsewhere (attachments, ratings, decisions)', () => {
  it('says the plain message once, not wrapped in the generic database sentence; English in English', () => {
    const i18n = initI18n('zh-CN');
    expect(refusalMessage(new StorageFullError(), i18n.t, 'zh-CN')).toBe('磁盘空间不足，未能保存。请清理磁盘空间后重试；您输入的内容仍在屏幕上，没有丢失。');
    expect(refusalMessage(new StorageWriteError(), i18n.t, 'zh-CN')).toMatch(/^本机数据库拒绝了这次写入/);
    initI18n('en');
    expect(refusalMessage(new StorageFullError(), i18n.t, 'en')).toMatch(/^The disk is full/);
    initI18n('zh-CN');
  });
});
