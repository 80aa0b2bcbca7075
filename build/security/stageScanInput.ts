// Gathers what ships into one folder for a single Electronegativity run, so its global checks (is there a CSP,
// a navigation limit, a permission handler anywhere in the app?) see the main process and the renderer together.
import { copyFile, mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface StagedScanInput {
  /** Staged files, '/'-separated, relative to the staging folder */
  files: string[];
  /** Inline `eng-disable` comments (Electronegativity's own suppression syntax), which would bypass suppressions.ts */
  inlineSuppressions: { file: string; line: number; text: string }[];
}

/** Files that must be in every scan: a scan without them would pass while checking nothing that matters. */
export const REQUIRED_STAGED_FILES = ['electron/main.ts', 'electron/preload.ts', 'renderer/index.html', 'package.json'] as const;

const INLINE_SUPPRESSION = /eng-disable/;

/**
 * Copies into `into`: the main-process and preload sources (electron/, and shared/ which they bundle) without
 * tests, the built renderer as renderer/, and package.json (Electronegativity reads Electron flags in npm scripts).
 */
export async function stageScanInput({ repoRoot, rendererDir, into }: { repoRoot: string; rendererDir: string; into: string }): Promise<StagedScanInput> {
  const isShippedSource = (name: string) => name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts');
  const files = [
    ...(await copyTree(path.join(repoRoot, 'electron'), path.join(into, 'electron'), isShippedSource)).map((f) => `electron/${f}`),
    ...(await copyTree(path.join(repoRoot, 'shared'), path.join(into, 'shared'), isShippedSource)).map((f) => `shared/${f}`),
    ...(await copyTree(rendererDir, path.join(into, 'renderer'), () => true)).map((f) => `renderer/${f}`),
  ];
  await copyFile(path.join(repoRoot, 'package.json'), path.join(into, 'package.json'));
  files.push('package.json');

  const inlineSuppressions: StagedScanInput['inlineSuppressions'] = [];
  for (const file of files) {
    if (!/\.(ts|tsx|js|jsx|html|htm)$/.test(file)) continue;
    const lines = (await readFile(path.join(into, file), 'utf8')).split('\n');
    lines.forEach((text, index) => {
      if (INLINE_SUPPRESSION.test(text)) inlineSuppressions.push({ file, line: index + 1, text: text.trim().slice(0, 200) });
    });
  }
  return { files: files.sort(), inlineSuppressions };
}

/** Copies the files under `from` that `include` accepts; returns their '/'-separated relative paths. */
async function copyTree(from: string, to: string, include: (name: string) => boolean): Promise<string[]> {
  const copied: string[] = [];
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    const target = path.join(to, entry.name);
    if (entry.isDirectory()) {
      copied.push(...(await copyTree(source, target, include)).map((f) => `${entry.name}/${f}`));
    } else if (entry.isFile() && include(entry.name)) {
      await mkdir(to, { recursive: true });
      await copyFile(source, target);
      copied.push(entry.name);
    }
  }
  return copied;
}
