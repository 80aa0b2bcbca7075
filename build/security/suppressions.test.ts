import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import type { ElectronegativityFinding } from './electronegativity';
import { cspProblems } from './evidence';
import { ACCEPTED_CSP_NOTES, applySuppressions, SUPPRESSIONS } from './suppressions';
import type { Suppression } from './suppressions';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

function finding(overrides: Partial<ElectronegativityFinding> = {}): ElectronegativityFinding {
  return {
    check: 'SANDBOX_JS_CHECK',
    file: 'electron/main.ts',
    line: 90,
    column: 19,
    severity: 'MEDIUM',
    confidence: 'FIRM',
    manualReview: false,
    description: 'sandbox off',
    sample: 'const window = new BrowserWindow(createMainWindowOptions({ preloadPath, allowDevTools }));',
    ...overrides,
  };
}

function suppression(evidence: Suppression['evidence'] = () => []): Suppression {
  return { check: 'SANDBOX_JS_CHECK', file: 'electron/main.ts', sample: /createMainWindowOptions\(/, why: 'test', evidence };
}

describe('applySuppressions', () => {
  it('suppresses a finding only when check, file and reported line all match and the evidence holds', async () => {
    const covered = finding();
    const otherLine = finding({ sample: "new BrowserWindow({ webPreferences: { sandbox: false } })" });
    const otherFile = finding({ file: 'electron/other.ts' });
    const otherCheck = finding({ check: 'CONTEXT_ISOLATION_JS_CHECK' });
    const rule = suppression();
    const outcome = await applySuppressions([covered, otherLine, otherFile, otherCheck], [rule], { repoRoot });
    expect(outcome.suppressed).toEqual([{ finding: covered, suppression: rule }]);
    expect(outcome.unsuppressed).toEqual([otherLine, otherFile, otherCheck]);
    expect(outcome.disproved).toEqual([]);
    expect(outcome.unused).toEqual([]);
  });

  it('does not suppress when the evidence fails, and names what failed', async () => {
    const rule = suppression(() => ['sandbox is false']);
    const outcome = await applySuppressions([finding()], [rule], { repoRoot });
    expect(outcome.suppressed).toEqual([]);
    expect(outcome.disproved).toEqual([{ finding: finding(), suppression: rule, problems: ['sandbox is false'] }]);
  });

  it('reports a suppression that matches nothing as unused', async () => {
    const rule = suppression();
    const outcome = await applySuppressions([], [rule], { repoRoot });
    expect(outcome.unused).toEqual([rule]);
  });
});

describe('SUPPRESSIONS (the real list)', () => {
  it('every entry is justified with a file that decides it', () => {
    for (const entry of SUPPRESSIONS) {
      expect(entry.why.length, entry.check).toBeGreaterThan(60);
      expect(entry.why, entry.check).toMatch(/\.ts\b/);
    }
  });

  it("each entry's evidence holds for the finding Electronegativity reports today", async () => {
    const mainSource = await readFile(path.join(repoRoot, 'electron/main.ts'), 'utf8');
    const windowLine = mainSource.split('\n').find((line) => /new BrowserWindow\(/.test(line))?.trim() ?? '';
    const indexHtml = await readFile(path.join(repoRoot, 'renderer/index.html'), 'utf8');
    const metaPolicy = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(indexHtml)?.[1] ?? '';
    for (const entry of SUPPRESSIONS) {
      const reported = finding({ check: entry.check, file: entry.file, sample: entry.file === 'renderer/index.html' ? metaPolicy : windowLine });
      expect(entry.sample.test(reported.sample), `${entry.check} matches ${reported.sample}`).toBe(true);
      expect(await entry.evidence(reported, { repoRoot }), entry.check).toEqual([]);
    }
  });
});

describe('cspProblems', () => {
  it('accepts our header policy with only the one justified note', () => {
    expect(cspProblems(CONTENT_SECURITY_POLICY, ACCEPTED_CSP_NOTES)).toEqual([]);
  });

  it.each([
    ["script-src 'self' 'unsafe-inline'; object-src 'none'", "'unsafe-inline'"],
    ["script-src 'self' 'unsafe-eval'; object-src 'none'", "'unsafe-eval'"],
    ["script-src *; object-src 'none'", '*'],
    ["script-src 'self' https:; object-src 'none'", 'https:'],
    ["script-src 'self' data:; object-src 'none'", 'data:'],
    ["script-src 'self'", 'object-src'],
  ])('refuses a weakened policy: %s', (policy, culprit) => {
    const problems = cspProblems(policy, ACCEPTED_CSP_NOTES);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.join('\n')).toContain(culprit);
  });

  it('refuses a finding without a policy text', () => {
    expect(cspProblems('', ACCEPTED_CSP_NOTES)).not.toEqual([]);
  });
});
