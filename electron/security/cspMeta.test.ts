import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CSP_DIRECTIVES } from './csp';

/**
 * The renderer's index.html repeats the policy as a <meta> tag, so a page opened outside our shells (a file
 * preview, the Vite dev server) is not left without one. It must never differ from the header: a looser meta
 * would mislead reviewers, a stricter one would break the app only where the header is absent.
 * frame-ancestors is the one directive a <meta> policy cannot carry (browsers ignore it there).
 */
const META_IGNORED_DIRECTIVES = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

function parsePolicy(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim())
      .filter((part) => part !== '')
      .map((part) => {
        const [name = '', ...sources] = part.split(/\s+/);
        return [name, sources];
      }),
  );
}

function metaPolicies(html: string): string[] {
  return [...html.matchAll(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"\s*\/?>/gi)].map((match) => match[1] ?? '');
}

describe('the CSP <meta> tag of renderer/index.html', () => {
  const html = readFileSync(fileURLToPath(new URL('../../renderer/index.html', import.meta.url)), 'utf8');

  it('is there exactly once, before any script or stylesheet', () => {
    expect(metaPolicies(html)).toHaveLength(1);
    const metaAt = html.search(/http-equiv="Content-Security-Policy"/i);
    const firstResource = html.search(/<script|<link/i);
    expect(metaAt).toBeGreaterThan(-1);
    if (firstResource !== -1) expect(metaAt).toBeLessThan(firstResource);
  });

  it('says exactly what the response header says, minus the directives a meta tag cannot carry', () => {
    const meta = parsePolicy(metaPolicies(html)[0] ?? '');
    const header = new Map(Object.entries(CSP_DIRECTIVES).filter(([name]) => !META_IGNORED_DIRECTIVES.has(name)).map(([name, sources]) => [name, [...sources]]));
    expect(meta).toEqual(header);
  });
});
