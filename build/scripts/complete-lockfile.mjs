// Adds lockfile entries for optional, platform-specific packages that this machine's registry
// mirror does not serve (it answers 404 for e.g. @rollup/rollup-win32-x64-msvc). `npm install`
// then silently leaves them out of package-lock.json, and `npm ci` refuses the lockfile as "out of
// sync" ("Missing: @rollup/rollup-… from lock file"). Users' machines need those entries to pick
// their own platform's binary, so we record them with the os/cpu/libc their names declare; npm
// skips them on every other platform. Run after any `npm install`: node build/scripts/complete-lockfile.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const OPERATING_SYSTEMS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32', 'sunos', 'aix', 'netbsd'];
const CPUS = ['arm64', 'arm', 'x64', 'ia32', 'loong64', 'ppc64', 'riscv64', 's390x', 'mips64el'];

/** Reads os, cpu and libc from names like `@rollup/rollup-linux-arm-musleabihf`. */
export function platformOf(packageName) {
  const parts = packageName.split('/').pop().split('-');
  const os = parts.find((part) => OPERATING_SYSTEMS.includes(part));
  const cpu = parts.find((part) => CPUS.includes(part));
  if (!os || !cpu) return undefined;
  const last = parts[parts.length - 1];
  const libc = os !== 'linux' ? undefined : last.startsWith('musl') ? 'musl' : last.startsWith('gnu') ? 'glibc' : undefined;
  return { os, cpu, libc };
}

function resolves(packages, fromKey, dependency) {
  let base = fromKey;
  for (;;) {
    if (packages[`${base ? `${base}/` : ''}node_modules/${dependency}`]) return true;
    if (base === '') return false;
    const cut = base.lastIndexOf('/node_modules/');
    base = cut < 0 ? '' : base.slice(0, cut);
  }
}

export function completeLockfile(lock) {
  const added = [];
  for (const [key, entry] of Object.entries(lock.packages)) {
    for (const [dependency, version] of Object.entries(entry.optionalDependencies ?? {})) {
      if (resolves(lock.packages, key, dependency)) continue;
      const platform = platformOf(dependency);
      if (!platform || !/^\d+\.\d+\.\d+/.test(version)) continue;
      lock.packages[`node_modules/${dependency}`] = {
        version,
        cpu: [platform.cpu],
        ...(entry.dev ? { dev: true } : {}),
        ...(platform.libc ? { libc: [platform.libc] } : {}),
        license: entry.license,
        optional: true,
        os: [platform.os],
      };
      added.push(`${dependency}@${version}`);
    }
  }
  lock.packages = Object.fromEntries(
    Object.entries(lock.packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b, 'en'))),
  );
  return added;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const lockPath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'package-lock.json');
  const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
  const added = completeLockfile(lock);
  writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
  console.log(added.length ? `added ${added.length} platform entries:\n  ${added.join('\n  ')}` : 'lockfile already complete');
}
