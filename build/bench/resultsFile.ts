import { readFile, writeFile } from 'node:fs/promises';

/**
 * bench-results.json holds every benchmark's latest results under its own key ("sync", "report", "bundle", …), so
 * `npm run bench` running them one after another leaves all of them in one file.
 */
export async function mergeBenchResults(file: string, key: string, value: unknown): Promise<void> {
  let existing: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) existing = parsed as Record<string, unknown>;
  } catch {
    // missing or unreadable: start afresh
  }
  existing[key] = value;
  await writeFile(file, `${JSON.stringify(existing, null, 2)}\n`);
}
