// THE list of Electronegativity exceptions (一处登记的例外). Nothing else may hide a finding: runSecurityCheck
// fails on inline `eng-disable` comments in the scanned code, on a suppression that no longer matches anything,
// and on a suppression whose evidence (a re-check of its claim against the real code) does not hold.
import type { ElectronegativityFinding } from './electronegativity';
import { cspProblems, mainWindowPreferenceProblems, mainWiringProblems, newWindowProblems } from './evidence';

/** Checks not run at all, by Electronegativity class name. */
export const EXCLUDED_CHECKS: readonly { check: string; why: string }[] = [
  {
    check: 'AvailableSecurityFixesGlobalCheck',
    why:
      "Downloads Electron's release list from GitHub on every run; the check must run offline. Whether the Electron " +
      'we ship has known advisories is checked by `npm audit` instead (docs/security.md, "Dependencies").',
  },
  {
    check: 'ElectronVersionJSONCheck',
    why: 'Only reports the Electron version from package.json as input for AvailableSecurityFixesGlobalCheck (excluded above).',
  },
];

export interface Suppression {
  /** Electronegativity check id, e.g. CONTEXT_ISOLATION_JS_CHECK */
  check: string;
  /** File as reported, relative to the scanned folder */
  file: string;
  /** The reported source line (or CSP text) must match: a new finding in the same file is not hidden */
  sample: RegExp;
  /** Why the finding is a false positive, with the file that really decides it */
  why: string;
  /** Re-proves `why` against the real code; returns the problems (empty: the claim holds) */
  evidence(finding: ElectronegativityFinding, context: { repoRoot: string }): Promise<string[]> | string[];
}

/** The main window is built from electron/security/windowOptions.ts, which Electronegativity cannot follow into. */
const MAIN_WINDOW = /new BrowserWindow\(createMainWindowOptions\(/;

/**
 * The one accepted CSP Evaluator note: script-src 'self' "can be problematic if you host JSONP, Angular or user
 * uploaded files". Our origin app://delegatedesk serves only the files of the built renderer (electron/protocol/
 * appProtocol.ts resolves every URL inside dist/renderer and refuses anything else); there is no JSONP endpoint
 * and no Angular, and user files (attachments, photos, imported spreadsheets) live in IndexedDB and are shown
 * through blob:/data: URLs, which script-src does not allow.
 */
export const ACCEPTED_CSP_NOTES = [{ type: 305, directive: 'script-src', value: "'self'" }] as const;

export const SUPPRESSIONS: readonly Suppression[] = [
  {
    check: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'electron/main.ts',
    sample: MAIN_WINDOW,
    why:
      'The options come from createMainWindowOptions (electron/security/windowOptions.ts), which sets contextIsolation: true ' +
      'explicitly; Electronegativity only looks at an object literal inside `new BrowserWindow(...)`. windowOptions.test.ts asserts it.',
    evidence: () => mainWindowPreferenceProblems('contextIsolation', true),
  },
  {
    check: 'SANDBOX_JS_CHECK',
    file: 'electron/main.ts',
    sample: MAIN_WINDOW,
    why:
      'createMainWindowOptions sets sandbox: true (windowOptions.test.ts), and main.ts calls app.enableSandbox() before ready, ' +
      'which sandboxes every renderer whatever its options say.',
    evidence: async (_finding, { repoRoot }) => [
      ...mainWindowPreferenceProblems('sandbox', true),
      ...(await mainWiringProblems(repoRoot, [{ pattern: /app\.enableSandbox\(\)/, what: 'calls app.enableSandbox()' }])),
    ],
  },
  {
    check: 'AUXCLICK_JS_CHECK',
    file: 'electron/main.ts',
    sample: MAIN_WINDOW,
    why:
      "Electronegativity wants disableBlinkFeatures: 'Auxclick' so a middle-click cannot open a window or navigate. Here no window " +
      'can open at all: guardWebContents (electron/shell/guardWebContents.ts), applied to every webContents on ' +
      "'web-contents-created', denies every window.open/middle-click disposition and prevents navigation off app://delegatedesk " +
      '(guardWebContents.test.ts).',
    evidence: async (_finding, { repoRoot }) => [
      ...newWindowProblems(),
      ...(await mainWiringProblems(repoRoot, [
        { pattern: /app\.on\(\s*'web-contents-created'[^\n]*guardWebContents\(/, what: "guards every webContents on 'web-contents-created'" },
      ])),
    ],
  },
  {
    check: 'CSP_GLOBAL_CHECK',
    file: 'renderer/index.html',
    sample: /^default-src 'self'; script-src 'self';/,
    why:
      "The <meta> policy of index.html is reported as \"maybe weak\" for script-src 'self' alone (see ACCEPTED_CSP_NOTES for why " +
      'that is safe here). The same policy, plus frame-ancestors, is sent as a response header (electron/security/csp.ts); ' +
      'electron/security/cspMeta.test.ts keeps the two equal.',
    evidence: (finding) => cspProblems(finding.sample, ACCEPTED_CSP_NOTES),
  },
];

export interface SuppressionOutcome {
  /** Findings no suppression covers: each fails the check */
  unsuppressed: ElectronegativityFinding[];
  suppressed: { finding: ElectronegativityFinding; suppression: Suppression }[];
  /** Matched a suppression whose evidence failed: these fail the check too */
  disproved: { finding: ElectronegativityFinding; suppression: Suppression; problems: string[] }[];
  /** Suppressions that matched nothing: stale entries fail the check, so the list cannot grow silently */
  unused: Suppression[];
}

export function suppressionMatches(suppression: Suppression, finding: ElectronegativityFinding): boolean {
  return suppression.check === finding.check && suppression.file === finding.file && suppression.sample.test(finding.sample);
}

export async function applySuppressions(
  findings: readonly ElectronegativityFinding[],
  suppressions: readonly Suppression[],
  context: { repoRoot: string },
): Promise<SuppressionOutcome> {
  const outcome: SuppressionOutcome = { unsuppressed: [], suppressed: [], disproved: [], unused: [] };
  const used = new Set<Suppression>();
  for (const finding of findings) {
    const suppression = suppressions.find((candidate) => suppressionMatches(candidate, finding));
    if (!suppression) {
      outcome.unsuppressed.push(finding);
      continue;
    }
    used.add(suppression);
    const problems = await suppression.evidence(finding, context);
    if (problems.length > 0) outcome.disproved.push({ finding, suppression, problems });
    else outcome.suppressed.push({ finding, suppression });
  }
  outcome.unused = suppressions.filter((suppression) => !used.has(suppression));
  return outcome;
}
