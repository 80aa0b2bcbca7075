import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { isContentHashedAsset } from './cachePolicy';
import { mimeTypeFor } from './mimeTypes';

export type AppRequestResolution = { filePath: string; mimeType: string } | { status: 404 };

const NOT_FOUND = { status: 404 } as const;
const ENTRY_FILE = 'index.html';

/**
 * Maps a renderer URL (app://delegatedesk/… or http://127.0.0.1:port/…) to a file inside `rootDir`.
 * Only the URL's path is used; callers check the origin. Refuses, as 404, anything that could step
 * outside the root: `..` and `.` segments (also percent-encoded, e.g. %2e%2e — URL parsing would
 * silently clamp them at the root, but a request that tries is refused, not reinterpreted), encoded
 * slashes or backslashes (%2f, %5c), drive letters and other colons, NUL, `%` left after decoding
 * (double encoding), empty segments (`//etc/passwd`), and hidden files. Pure: does not touch the
 * disk (see loadAppFile for symlinks and existence).
 */
export function resolveAppRequest(url: string | URL, rootDir: string): AppRequestResolution {
  if (typeof url === 'string' && hasDotSegment(url)) return NOT_FOUND;
  let pathname: string;
  try {
    pathname = (typeof url === 'string' ? new URL(url) : url).pathname;
  } catch {
    return NOT_FOUND;
  }
  if (!pathname.startsWith('/') || pathname.includes('\\')) return NOT_FOUND;

  const rawSegments = pathname === '/' ? [ENTRY_FILE] : pathname.slice(1).split('/');
  const segments: string[] = [];
  for (const rawSegment of rawSegments) {
    const segment = decodeSegment(rawSegment);
    if (segment === null || !isSafeSegment(segment)) return NOT_FOUND;
    segments.push(segment);
  }

  const root = path.resolve(rootDir);
  const filePath = path.join(root, ...segments);
  if (!isInside(root, filePath)) return NOT_FOUND;
  return { filePath, mimeType: mimeTypeFor(filePath) };
}

/** `immutable`: a content-hashed asset, which browsers may keep (cachePolicy.ts). */
export type AppFileResult = { status: 200; body: Buffer; mimeType: string; immutable: boolean } | { status: 404 };

/**
 * Reads a resolved file, re-checking on disk that it is a regular file whose real path (symlinks
 * followed) is still inside the root, so a link planted in the build folder cannot leak other files.
 */
export async function loadAppFile(resolution: AppRequestResolution, rootDir: string): Promise<AppFileResult> {
  if ('status' in resolution) return NOT_FOUND;
  try {
    const [realRoot, realFile] = await Promise.all([realpath(rootDir), realpath(resolution.filePath)]);
    if (!isInside(realRoot, realFile)) return NOT_FOUND;
    const info = await stat(realFile);
    if (!info.isFile()) return NOT_FOUND;
    const relativePath = path.relative(realRoot, realFile).split(path.sep).join('/');
    return { status: 200, body: await readFile(realFile), mimeType: resolution.mimeType, immutable: isContentHashedAsset(relativePath) };
  } catch {
    return NOT_FOUND;
  }
}

/** `.`/`..` segments in the raw URL text, literal or percent-encoded, before the parser removes them */
function hasDotSegment(rawUrl: string): boolean {
  const withoutOrigin = rawUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/\\?#]*/i, '');
  const rawPath = withoutOrigin.split(/[?#]/, 1)[0] ?? '';
  return rawPath.split(/[/\\]/).some((segment) => /^(?:\.|%2e){1,2}$/i.test(segment));
}

function decodeSegment(rawSegment: string): string | null {
  try {
    return decodeURIComponent(rawSegment);
  } catch {
    return null;
  }
}

function isSafeSegment(segment: string): boolean {
  return (
    segment.length > 0 &&
    !segment.startsWith('.') && // ".", "..", and hidden files
    !/[/\\:%\0]/.test(segment) &&
    // eslint-disable-next-line no-control-regex -- control characters are exactly what we refuse
    !/[\u0000-\u001f\u007f]/.test(segment)
  );
}

function isInside(root: string, candidate: string): boolean {
  const relative = path.relative(root, candidate);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
