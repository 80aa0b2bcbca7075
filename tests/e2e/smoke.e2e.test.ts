import { describe, expect, it } from 'vitest';
import type { AppInfo } from '../../shared/bridge';
import { launchApp, useAppServer } from './harness';

// The built renderer starts in a real browser, speaks Chinese, and can reach the local web bridge.
useAppServer();

describe('smoke: the workbench in Chromium', () => {
  it('renders the app with its Chinese title and no errors', async () => {
    const app = await launchApp();
    await app.page.locator('#root > *').first().waitFor();
    await app.page.waitForLoadState('networkidle');

    expect(await app.page.title()).toContain('党代表履职工作台');
    expect(await app.page.locator('html').getAttribute('lang')).toBe('zh-CN');
    // Rendered UI text, not just an empty shell; Simplified Chinese is the default language.
    expect(await app.page.locator('#root').innerText()).toMatch(/\p{Script=Han}/u);
    await app.screenshot('first-start');
    expect(app.errors()).toEqual([]);
  });

  it('reaches the preload API through the web bridge on the same origin', async () => {
    const app = await launchApp();
    const envelope = await app.page.evaluate(async () => {
      const response = await fetch('api/app:info', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      return { status: response.status, body: (await response.text()).slice(0, 500) };
    });
    expect(envelope.status, envelope.body).toBe(200);
    const parsed = JSON.parse(envelope.body) as { ok: boolean; value?: AppInfo };
    expect(parsed).toMatchObject({ ok: true, value: { shell: 'web', name: expect.any(String), version: expect.any(String) } });
  });
});
