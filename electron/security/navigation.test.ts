import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, isAppOriginUrl } from './appOrigin';
import { isAllowedRequestUrl, isAllowedUrl } from './navigation';

describe('isAllowedUrl', () => {
  it.each([APP_ENTRY_URL, 'app://delegatedesk/', 'app://delegatedesk/assets/index-abc.js', 'app://delegatedesk/index.html#/proposals/1'])(
    'allows our own page %s',
    (url) => {
      expect(isAllowedUrl(url)).toBe(true);
    },
  );

  it.each([
    'https://example.com/',
    'http://127.0.0.1:5178/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://other/index.html',
    'app://delegatedesk.evil.com/',
    'app://delegatedesk@evil/index.html',
    'app://user:pass@delegatedesk/index.html',
    'app://delegatedesk:8080/index.html',
    'appx://delegatedesk/index.html',
    'not a url',
    '',
  ])('refuses %s', (url) => {
    expect(isAllowedUrl(url)).toBe(false);
  });
});

describe('isAppOriginUrl', () => {
  it('accepts a parsed URL as well as a string', () => {
    expect(isAppOriginUrl(new URL('app://delegatedesk/x'))).toBe(true);
    expect(isAppOriginUrl(new URL('https://delegatedesk/x'))).toBe(false);
  });
});

describe('isAllowedRequestUrl', () => {
  const production = { allowDevTools: false };

  it('lets our own files and in-page data:/blob: URLs through', () => {
    expect(isAllowedRequestUrl('app://delegatedesk/assets/app.css', production)).toBe(true);
    expect(isAllowedRequestUrl('data:image/png;base64,AAAA', production)).toBe(true);
    expect(isAllowedRequestUrl('blob:app://delegatedesk/1234', production)).toBe(true);
  });

  it.each(['https://cdn.example.com/x.js', 'http://10.0.0.1/', 'ws://127.0.0.1:1/', 'file:///C:/Windows/win.ini', 'ftp://x/'])(
    'blocks remote and local-file request %s',
    (url) => {
      expect(isAllowedRequestUrl(url, production)).toBe(false);
    },
  );

  it('allows devtools:// only in development', () => {
    const url = 'devtools://devtools/bundled/devtools_app.html';
    expect(isAllowedRequestUrl(url, production)).toBe(false);
    expect(isAllowedRequestUrl(url, { allowDevTools: true })).toBe(true);
  });
});
