import { isAppOriginUrl } from './appOrigin';

/**
 * Where the window may navigate or redirect to: only our own app:// origin. Everything else (http(s),
 * file:, javascript:, data:, other custom schemes) is refused; the app never shows remote content.
 */
export function isAllowedUrl(url: string): boolean {
  return isAppOriginUrl(url);
}

export interface RequestPolicyOptions {
  /** Development builds open DevTools, whose own UI loads from devtools:// */
  allowDevTools: boolean;
}

/**
 * Which network requests the session lets through (webRequest.onBeforeRequest). Our origin, plus
 * in-memory data:/blob: URLs the page creates itself; no http(s), ws(s), file: or ftp:.
 */
export function isAllowedRequestUrl(url: string, options: RequestPolicyOptions): boolean {
  if (isAppOriginUrl(url)) return true;
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    return false;
  }
  if (protocol === 'data:' || protocol === 'blob:') return true;
  return options.allowDevTools && protocol === 'devtools:';
}
