/**
 * Content-Security-Policy for every renderer response (Electron's app:// protocol and the web bridge).
 * Sent as a response header, not a <meta> tag, so it also covers frame-ancestors and cannot be removed
 * by markup the page itself produces.
 */
export const CSP_DIRECTIVES: Readonly<Record<string, readonly string[]>> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  // antd 6 styles components with CSS-in-JS: it injects <style> elements at runtime, which CSP counts
  // as inline styles. 'unsafe-inline' for styles only; scripts stay strictly 'self'.
  'style-src': ["'self'", "'unsafe-inline'"],
  // data:/blob: for generated images (photo previews, QR codes, exported charts)
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  // The web bridge's /api lives on the same origin; nothing else may be contacted (offline-first app)
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'none'"],
};

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources.join(' ')}`)
  .join('; ');

/** Headers every renderer file response carries, whichever shell serves it. */
export function rendererResponseHeaders(mimeType: string, options: { immutable?: boolean } = {}): Record<string, string> {
  return {
    'Content-Type': mimeType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    // Browsers must trust our MIME types, never guess (a sniffed "script" is how uploads become code)
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    // The files change with every build: never serve a stale renderer. A content-hashed asset cannot be stale (a
    // new build names it anew), and keeping it lets Chromium keep its compiled code (electron/protocol/cachePolicy.ts).
    'Cache-Control': options.immutable ? 'max-age=31536000, immutable' : 'no-store',
  };
}
