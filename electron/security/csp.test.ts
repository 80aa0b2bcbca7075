import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, rendererResponseHeaders } from './csp';

function directives(policy: string): Map<string, string[]> {
  return new Map(
    policy.split(';').map((part) => {
      const [name = '', ...sources] = part.trim().split(/\s+/);
      return [name, sources];
    }),
  );
}

describe('CONTENT_SECURITY_POLICY', () => {
  const policy = directives(CONTENT_SECURITY_POLICY);

  it.each([
    ['default-src', ["'self'"]],
    ['script-src', ["'self'"]],
    ['style-src', ["'self'", "'unsafe-inline'"]],
    ['img-src', ["'self'", 'data:', 'blob:']],
    ['font-src', ["'self'", 'data:']],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
    ['form-action', ["'none'"]],
  ])('%s is exactly %j', (name, sources) => {
    expect(policy.get(name)).toEqual(sources);
  });

  it('never allows inline or eval scripts, or any remote host', () => {
    expect(policy.get('script-src')).not.toContain("'unsafe-inline'");
    expect(CONTENT_SECURITY_POLICY).not.toContain("'unsafe-eval'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:|\*/);
  });
});

describe('rendererResponseHeaders', () => {
  it('carries the CSP, the MIME type and nosniff', () => {
    const headers = rendererResponseHeaders('text/html; charset=utf-8');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(headers['Content-Type']).toBe('text/html; charset=utf-8');
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Cache-Control']).toBe('no-store');
  });

  it('lets an immutable (content-hashed) file be kept, with the same CSP', () => {
    const headers = rendererResponseHeaders('text/javascript; charset=utf-8', { immutable: true });
    expect(headers['Cache-Control']).toBe('max-age=31536000, immutable');
    expect(headers['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});
