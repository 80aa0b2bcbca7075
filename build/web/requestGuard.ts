import type { IncomingHttpHeaders } from 'node:http';

/**
 * DNS-rebinding guard: a page on evil.example that rebinds its name to 127.0.0.1 reaches this server
 * with `Host: evil.example:port`. Only requests addressed to our own 127.0.0.1:port are answered.
 */
export function isOwnHost(headers: IncomingHttpHeaders, ownHost: string): boolean {
  return headers.host === ownHost;
}

/**
 * CSRF guard for the bridge API: browsers always send Origin on POST, and another site's page cannot
 * forge it. A request without Origin (or from another origin, or marked cross-site by Sec-Fetch-Site)
 * is refused; the API also only accepts application/json, which no HTML form can send.
 */
export function isSameOriginApiRequest(headers: IncomingHttpHeaders, ownOrigin: string): boolean {
  if (headers.origin !== ownOrigin) return false;
  const fetchSite = headers['sec-fetch-site'];
  if (fetchSite !== undefined && fetchSite !== 'same-origin') return false;
  const contentType = headers['content-type'] ?? '';
  return /^application\/json\s*(;|$)/i.test(contentType);
}
