/**
 * `npm run sync:doctor -- <folder> [--json]`: checks a DelegateDesk sync folder (network share or USB stick)
 * and prints a report for IT staff. Read-only. Exit code 0 = no problems, 1 = problems found, 2 = usage error
 * or the folder cannot be reached.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { diagnoseSyncFolder } from './syncDoctor/diagnose';
import { formatDiagnosis } from './syncDoctor/report';

const USAGE = '用法 Usage: npm run sync:doctor -- <同步文件夹 sync folder> [--json]';

export async function runSyncDoctor(argv: readonly string[], write: (text: string) => void): Promise<number> {
  const json = argv.includes('--json');
  const positional = argv.filter((argument) => argument !== '--json');
  if (positional.length !== 1 || positional[0]!.startsWith('--')) {
    write(`${USAGE}\n`);
    return 2;
  }
  const diagnosis = await diagnoseSyncFolder(positional[0]!);
  write(json ? `${JSON.stringify(diagnosis, null, 2)}\n` : formatDiagnosis(diagnosis));
  if (!diagnosis.reachable) return 2;
  return diagnosis.problemCount > 0 ? 1 : 0;
}

function isRunDirectly(): boolean {
  const script = process.argv[1];
  return script !== undefined && path.resolve(script) === fileURLToPath(import.meta.url);
}

if (isRunDirectly()) {
  process.exitCode = await runSyncDoctor(process.argv.slice(2), (text) => process.stdout.write(text));
}
