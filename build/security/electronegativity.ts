// Runs Doyensec's Electronegativity (a static checker for Electron misconfigurations) through its programmatic
// API, offline and deterministic: it would otherwise fetch translations from S3 on every run and Electron's
// release list from GitHub. Its HTTP client (`got`) is replaced, before Electronegativity loads, by one that
// never touches the network, so the check behaves the same on an air-gapped office PC and in CI.
import { readFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

/** One finding, with the file relative to the scanned folder ('/'-separated; 'N/A' for "missing everywhere" findings). */
export interface ElectronegativityFinding {
  check: string;
  file: string;
  line: number;
  column: number;
  severity: string;
  confidence: string;
  manualReview: boolean;
  description: string;
  /** The reported source line (or, for a CSP finding, the policy text); '' when there is none */
  sample: string;
}

export interface ElectronegativityReport {
  findings: ElectronegativityFinding[];
  /** Files Electronegativity could not parse: each is a file that escaped the scan, so the check fails on them */
  parseErrors: { file: string; message: string }[];
  /** Number of checks that ran (atomic + global) */
  checksRun: number;
  /** URLs Electronegativity tried to reach; every one was answered locally */
  blockedRequests: string[];
}

export interface ElectronegativityOptions {
  /** The folder to scan */
  input: string;
  /** Electron version the app ships (decides which insecure defaults apply) */
  electronVersion: string;
  /** Check class names (e.g. 'AvailableSecurityFixesGlobalCheck') not to run */
  excludeChecks: readonly string[];
}

interface RawIssue {
  id: string;
  file: string;
  location: { line: number; column: number };
  severity: { name: string };
  confidence: { name: string };
  manualReview?: boolean;
  description?: unknown;
  sample?: unknown;
}

interface RawResult {
  globalChecks: number;
  atomicChecks: number;
  errors: { file: string; message: string; tolerable: boolean }[];
  issues: RawIssue[];
}

type RunElectronegativity = (options: Record<string, unknown>, forCli: boolean) => Promise<RawResult>;

const packageDirectory = path.dirname(require.resolve('@doyensec/electronegativity/package.json'));
const blockedRequests: string[] = [];
let runner: RunElectronegativity | undefined;

/** Loads Electronegativity once, with its `got` replaced by the offline stand-in. */
function loadElectronegativity(): RunElectronegativity {
  if (runner) return runner;
  installOfflineHttpClient();
  const loaded = require('@doyensec/electronegativity') as { default?: RunElectronegativity } | RunElectronegativity;
  runner = typeof loaded === 'function' ? loaded : loaded.default;
  if (typeof runner !== 'function') throw new Error('@doyensec/electronegativity: no run() export found');
  return runner;
}

/**
 * Puts a stand-in for Electronegativity's copy of `got` into Node's module cache. The translations request gets a
 * 503, so it keeps its bundled en-US texts without printing a warning; any other request is refused like a dead
 * network. Every attempt is recorded.
 */
function installOfflineHttpClient(): void {
  const gotPath = require.resolve('got', { paths: [packageDirectory] });
  const packageJson = JSON.parse(readFileSync(path.join(packageDirectory, 'package.json'), 'utf8')) as { i18nSource?: string };
  const translationsSource = packageJson.i18nSource ?? '\0';
  const offline = (url: unknown): Promise<{ statusCode: number; body: string; headers: Record<string, string> }> => {
    const target = String(url);
    blockedRequests.push(target);
    if (target.startsWith(translationsSource)) return Promise.resolve({ statusCode: 503, body: '', headers: {} });
    return Promise.reject(new Error(`network access blocked by build/security (offline check): ${target}`));
  };
  const stub = Object.assign(offline, { head: offline, get: offline, default: offline, __esModule: true });
  const cached = new Module(gotPath);
  cached.filename = gotPath;
  cached.loaded = true;
  cached.exports = stub;
  require.cache[gotPath] = cached;
}

export async function runElectronegativity({ input, electronVersion, excludeChecks }: ElectronegativityOptions): Promise<ElectronegativityReport> {
  const run = loadElectronegativity();
  const requestsBefore = blockedRequests.length;
  const result = await run(
    {
      input: path.resolve(input),
      customScan: [],
      excludeFromScan: excludeChecks.map((name) => name.toLowerCase()),
      electronVersionOverride: electronVersion,
      isRelative: true,
      isVerbose: false,
      parserPlugins: [],
    },
    false,
  );
  return {
    findings: result.issues.map(toFinding),
    parseErrors: result.errors.map((error) => ({ file: toPosix(path.relative(input, error.file)), message: error.message })),
    checksRun: result.globalChecks + result.atomicChecks,
    blockedRequests: blockedRequests.slice(requestsBefore),
  };
}

function toFinding(issue: RawIssue): ElectronegativityFinding {
  return {
    check: issue.id,
    file: toPosix(issue.file),
    line: issue.location.line,
    column: issue.location.column,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    manualReview: issue.manualReview === true,
    description: typeof issue.description === 'string' ? issue.description : '',
    sample: typeof issue.sample === 'string' ? issue.sample.trim() : '',
  };
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}
