/** The `code` of a Node file-system error (ENOENT, EEXIST, …), if there is one. */
export function errorCodeOf(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}
