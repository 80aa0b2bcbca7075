import { describe, expect, it } from 'vitest';
import { isTrustedSender } from './senderValidation';
import type { IpcSenderFacts } from './senderValidation';

const ourWindowId = 7;
const trusted: IpcSenderFacts = { frameUrl: 'app://delegatedesk/index.html', isMainFrame: true, webContentsId: ourWindowId };

describe('isTrustedSender', () => {
  it("accepts our window's main frame on the app origin", () => {
    expect(isTrustedSender(trusted, ourWindowId)).toBe(true);
  });

  it.each<[string, Partial<IpcSenderFacts>]>([
    ['a foreign origin', { frameUrl: 'https://evil.example/' }],
    ['a local file', { frameUrl: 'file:///tmp/x.html' }],
    ['the web bridge origin', { frameUrl: 'http://127.0.0.1:5178/' }],
    ['a look-alike host', { frameUrl: 'app://delegatedesk.evil/' }],
    ['credentials trick', { frameUrl: 'app://delegatedesk@evil/' }],
    ['a destroyed frame', { frameUrl: null }],
    ['an iframe of our page', { isMainFrame: false }],
    ['another webContents (e.g. DevTools)', { webContentsId: ourWindowId + 1 }],
  ])('refuses %s', (_label, change) => {
    expect(isTrustedSender({ ...trusted, ...change }, ourWindowId)).toBe(false);
  });

  it('refuses everyone while there is no window', () => {
    expect(isTrustedSender(trusted, null)).toBe(false);
  });
});
