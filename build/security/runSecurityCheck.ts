/**
 * `npm run security` (安全检查): the hardening check. Offline; exit code 0 only when everything holds.
 *
 * 1. Builds the renderer into a temporary folder (never touching dist/, which others may be using), or takes an
 *    existing build with `--renderer-dir <dir>` (npm test passes dist/renderer right after test:e2e built it).
 * 2. Runs Electronegativity over electron/ + shared/ (TypeScript sources, tests left out), the built renderer and
 *    package.json in one scan. Every finding fails the check unless suppressions.ts covers it AND the
 *    suppression's evidence holds; a stale suppression, an inline `eng-disable` comment or a file that does not
 *    parse fails it too.
 * 3. Evaluates the CSP response header (electron/security/csp.ts), which Electronegativity cannot see.
 * 4. Runs the security tests (`--no-tests` skips them): window options, CSP, navigation, session, IPC fuzzing.
 *
 * Usage: tsx build/security/runSecurityCheck.ts [--renderer-dir <dir>] [--no-tests]
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONTENT_SECURITY_POLICY } from '../../electron/security/csp';
import { runElectronegativity } from './electronegativity';
import type { ElectronegativityFinding } from './electronegativity';
import { cspProblems } from './evidence';
import { REQUIRED_STAGED_FILES, stageScanInput } from './stageScanInput';
import { ACCEPTED_CSP_NOTES, applySuppressions, EXCLUDED_CHECKS, SUPPRESSIONS } from './suppressions';

const require = createRequire(import.meta.url);
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/** The tests that make up the security check besides the scan (vitest path filters). */
export const SECURITY_TEST_PATHS = ['electron/security', 'electron/shell', 'electron/ipc', 'electron/protocol', 'build/security'] as const;

interface Options {
  rendererDir: string | null;
  runTests: boolean;
}

function parseArguments(argv: readonly string[]): Options | string {
  const options: Options = { rendererDir: null, runTests: true };
  for (let i = 0; i < argv.length; i++) {
    const argument = argv[i];
    if (argument === '--no-tests') options.runTests = false;
    else if (argument === '--renderer-dir' && argv[i + 1] !== undefined) options.rendererDir = path.resolve(argv[++i]!);
    else return `unknown argument: ${String(argument)}\nUsage: tsx build/security/runSecurityCheck.ts [--renderer-dir <dir>] [--no-tests]`;
  }
  return options;
}

export async function runSecurityCheck(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const options = parseArguments(argv);
  if (typeof options === 'string') {
    write(`${options}\n`);
    return 2;
  }
  const workDir = await mkdtemp(path.join(os.tmpdir(), 'delegatedesk-security-'));
  try {
    let rendererDir = options.rendererDir;
    if (rendererDir === null) {
      rendererDir = path.join(workDir, 'renderer-build');
      write('安全检查 Security check: building the renderer into a temporary folder (vite build)…\n');
      if ((await runNode(binOf('vite', 'vite'), ['build', '--outDir', rendererDir, '--emptyOutDir', '--logLevel', 'error'])) !== 0) {
        write('FAIL: the renderer did not build.\n');
        return 1;
      }
    } else if (!existsSync(path.join(rendererDir, 'index.html'))) {
      write(`FAIL: ${rendererDir} holds no built renderer (index.html); run \`npx vite build\` first.\n`);
      return 1;
    }

    const failures: string[] = [];
    const scanDir = path.join(workDir, 'scan');
    const staged = await stageScanInput({ repoRoot, rendererDir, into: scanDir });
    for (const required of REQUIRED_STAGED_FILES) {
      if (!staged.files.includes(required)) failures.push(`scan input is missing ${required}`);
    }
    if (!staged.files.some((file) => /^renderer\/assets\/.+\.js$/.test(file))) failures.push('scan input holds no renderer JavaScript');
    for (const hit of staged.inlineSuppressions) {
      failures.push(`inline eng-disable in ${hit.file}:${hit.line} (${hit.text}); suppress in build/security/suppressions.ts instead`);
    }

    const electronVersion = (JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')) as { version: string }).version;
    write(`Electronegativity over ${staged.files.length} files (electron/, shared/, renderer build, package.json), Electron ${electronVersion}, offline…\n`);
    const report = await runElectronegativity({ input: scanDir, electronVersion, excludeChecks: EXCLUDED_CHECKS.map((e) => e.check) });
    for (const error of report.parseErrors) failures.push(`Electronegativity could not parse ${error.file}: ${error.message}`);

    const outcome = await applySuppressions(report.findings, SUPPRESSIONS, { repoRoot });
    for (const finding of outcome.unsuppressed) failures.push(`finding ${describe(finding)}\n    ${finding.description}`);
    for (const { finding, problems } of outcome.disproved) {
      failures.push(`suppression of ${describe(finding)} no longer holds:\n    ${problems.join('\n    ')}`);
    }
    for (const stale of outcome.unused) failures.push(`stale suppression ${stale.check} in ${stale.file}: it matches no finding, remove it`);
    for (const problem of cspProblems(CONTENT_SECURITY_POLICY, ACCEPTED_CSP_NOTES)) failures.push(`CSP response header (electron/security/csp.ts): ${problem}`);

    write(`  checks run: ${report.checksRun}; excluded: ${EXCLUDED_CHECKS.map((e) => e.check).join(', ')}\n`);
    write(`  network requests answered offline: ${report.blockedRequests.length}\n`);
    write(`  findings: ${report.findings.length}, suppressed with evidence: ${outcome.suppressed.length}\n`);
    for (const { finding, suppression } of outcome.suppressed) write(`    suppressed ${describe(finding)}\n      why: ${suppression.why}\n`);

    let testsPassed = true;
    if (options.runTests) {
      write(`Security tests: vitest run ${SECURITY_TEST_PATHS.join(' ')}\n`);
      testsPassed = (await runNode(binOf('vitest', 'vitest'), ['run', '--project', 'node', ...SECURITY_TEST_PATHS])) === 0;
      if (!testsPassed) failures.push('security tests failed (see the vitest output above)');
    }

    if (failures.length > 0) {
      write(`\n安全检查未通过 Security check FAILED (${failures.length}):\n${failures.map((f) => `  ✗ ${f}`).join('\n')}\n`);
      return 1;
    }
    write('\n安全检查通过 Security check passed: no unsuppressed Electronegativity finding, CSP header clean' + (options.runTests ? ', security tests green.\n' : '.\n'));
    return 0;
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }
}

function describe(finding: ElectronegativityFinding): string {
  return `${finding.check} ${finding.severity}/${finding.confidence} at ${finding.file}:${finding.line}:${finding.column}${finding.sample ? ` — ${finding.sample.slice(0, 120)}` : ''}`;
}

/** The JavaScript file behind a package's CLI, run with this same node (no npx, no shell: works on Windows too). */
function binOf(packageName: string, binName: string): string {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[binName];
  if (!bin) throw new Error(`${packageName} has no "${binName}" binary`);
  return path.join(path.dirname(manifestPath), bin);
}

function runNode(script: string, args: readonly string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { cwd: repoRoot, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function isRunDirectly(): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(import.meta.url);
}

if (isRunDirectly()) {
  process.exitCode = await runSecurityCheck(process.argv.slice(2), (text) => process.stdout.write(text));
}
