/**
 * Which renderer files a browser may keep: the build's content-hashed assets (`assets/index-ACRuJclZ.js`). Their
 * name changes whenever their bytes do, so a kept copy is never stale, and Chromium keeps the compiled code of a
 * script it may keep (V8's code cache): the next start skips parsing and compiling ~2 MB of first-screen script.
 * Everything else — index.html above all, which names the current assets — is served fresh every time.
 */
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css|woff2?|png|svg)$/;

/** `relativePath`: the file's path inside the renderer build, '/'-separated. */
export function isContentHashedAsset(relativePath: string): boolean {
  return HASHED_ASSET.test(relativePath);
}
