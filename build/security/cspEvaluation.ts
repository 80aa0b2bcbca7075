// Google's CSP Evaluator, in the copy Electronegativity itself uses for CSP_GLOBAL_CHECK. Electronegativity only
// sees a policy written literally in the scanned files (the <meta> tag of index.html); the policy the app really
// enforces is the response header built in electron/security/csp.ts, so runSecurityCheck evaluates that one
// directly with the same rules.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface CspNote {
  /** The evaluator's finding type (e.g. 305 = SCRIPT_WHITELIST_BYPASS) */
  type: number;
  severity: CspSeverity;
  directive: string;
  value: string;
  description: string;
}

export type CspSeverity = 'HIGH' | 'SYNTAX' | 'MEDIUM' | 'HIGH_MAYBE' | 'STRICT_CSP' | 'MEDIUM_MAYBE' | 'INFO' | 'NONE';

interface EvaluatorModule {
  CspParser: new (policy: string) => { csp: unknown };
  CspEvaluator: new (csp: unknown, version: number) => { evaluate(): { type: number; severity: number; directive: string; value?: string; description: string }[] };
  Version: { CSP3: number };
  severities: Record<CspSeverity, number>;
}

function loadEvaluator(): EvaluatorModule {
  const electronegativity = require.resolve('@doyensec/electronegativity/package.json');
  return require(require.resolve('@doyensec/csp-evaluator', { paths: [electronegativity] })) as EvaluatorModule;
}

/**
 * Severities that make Electronegativity report a policy as weak (HIGH, MEDIUM) or maybe weak (HIGH_MAYBE,
 * MEDIUM_MAYBE), plus SYNTAX: a directive the browser does not understand is a directive that protects nothing.
 */
export const REPORTED_CSP_SEVERITIES: readonly CspSeverity[] = ['HIGH', 'SYNTAX', 'MEDIUM', 'HIGH_MAYBE', 'MEDIUM_MAYBE'];

/** Every note the evaluator makes about `policy` at a reported severity (CSP level 3). */
export function evaluateCsp(policy: string): CspNote[] {
  const evaluator = loadEvaluator();
  const names = new Map(Object.entries(evaluator.severities).map(([name, value]) => [value, name as CspSeverity]));
  const parsed = new evaluator.CspParser(policy);
  return new evaluator.CspEvaluator(parsed.csp, evaluator.Version.CSP3)
    .evaluate()
    .map((finding) => ({
      type: finding.type,
      severity: names.get(finding.severity) ?? 'HIGH',
      directive: finding.directive,
      value: finding.value ?? '',
      description: finding.description,
    }))
    .filter((note) => REPORTED_CSP_SEVERITIES.includes(note.severity));
}
