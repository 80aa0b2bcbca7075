import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { initI18n } from '../../i18n';
import { forgetPersistentStorageRequest, requestPersistentStorage } from '../../data/storagePersistence';
import { renderInApp } from '../../testing/session';
import { LocalStorageStatus } from './LocalStorageStatus';

const MB = 1024 * 1024;

/** Replaces the browser's navigator.storage for one test. */
function browserStorage(answers: { persist: boolean; usage: number; quota: number }) {
  vi.stubGlobal('navigator', {
    ...navigator,
    storage: {
      persist: async () => answers.persist,
      persisted: async () => answers.persist,
      estimate: async () => ({ usage: answers.usage, quota: answers.quota }),
    },
  });
}

afterEach(() => {
  vi.unstubAllGlobals();
  forgetPersistentStorageRequest();
});

describe('LocalStorageStatus (本机存储 on the sync page)', () => {
  it('says the data is kept persistently and how much room it uses', async () => {
    initI18n('zh-CN');
    browserStorage({ persist: true, usage: 3.5 * MB, quota: 2048 * MB });
    await requestPersistentStorage();
    renderInApp(<LocalStorageStatus />);
    expect(await screen.findByTestId('storage-persistence')).toHaveTextContent('已设为持久保存');
    expect(screen.getByTestId('storage-status')).toHaveTextContent('已用 3.5 MB，上限约 2.0 GB');
    expect(screen.getByTestId('storage-status')).not.toHaveTextContent('剩余空间不足');
  });

  it('warns when the browser refused persistence and little room is left', async () => {
    initI18n('zh-CN');
    browserStorage({ persist: false, usage: 950 * MB, quota: 1000 * MB });
    await requestPersistentStorage();
    renderInApp(<LocalStorageStatus />);
    expect(await screen.findByTestId('storage-persistence')).toHaveTextContent('未获准持久保存');
    expect(screen.getByTestId('storage-status')).toHaveTextContent('剩余空间不足 200 MB');
  });
});
