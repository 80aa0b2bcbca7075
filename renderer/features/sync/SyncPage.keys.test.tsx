import { afterEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import type { DelegateDeskBridge } from '../../../shared/bridge';
import { createNodeBridge } from '../../../tests/support/nodeBridge';
import type { NodeBridge } from '../../../tests/support/nodeBridge';
import { setBridgeForTests } from '../../bridge/client';
import { readySession, renderInApp } from '../../testing/session';
import { SyncPage } from './SyncPage';

const WAIT = { timeout: 20_000 };
let machine: NodeBridge | undefined;
afterEach(async () => {
  setBridgeForTests(undefined);
  await machine?.dispose();
});

function bridgeWithProtection(protectedAtRest: boolean): DelegateDeskBridge {
  machine = createNodeBridge();
  const real = machine.bridge;
  return { ...real, deviceKeys: async (request) => ({ ...(await real.deviceKeys(request)), protectedAtRest }) };
}

describe('SyncPage: where the device keys are kept', () => {
  it('warns when the system has no key store and the keys sit in a plain file', async () => {
    await readySession('delegate');
    setBridgeForTests(bridgeWithProtection(false));
    renderInApp(<SyncPage />);
    expect((await screen.findByTestId('keys-unprotected', undefined, WAIT)).textContent).toMatch(/设备密钥以普通文件保存/);
  });

  it('says nothing when the OS protects them', async () => {
    await readySession('delegate');
    setBridgeForTests(bridgeWithProtection(true));
    renderInApp(<SyncPage />);
    await waitFor(() => expect(screen.getByTestId('device-fingerprint').textContent).not.toBe('—'), WAIT);
    expect(screen.queryByTestId('keys-unprotected')).toBeNull();
  });
});
