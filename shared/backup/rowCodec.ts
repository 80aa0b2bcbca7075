import { fromBase64, toBase64 } from '../sync/encoding';

/**
 * Table rows as JSON. Rows are plain data except for byte arrays (bundle bytes in the outbox), which JSON cannot
 * hold: they become `{ "$bytes": "<base64>" }`. A row that itself has a `$bytes` key is not something we store.
 */
const BYTES_TAG = '$bytes';

export function encodeRows(rows: readonly unknown[]): string {
  return JSON.stringify(rows, (_key, value: unknown) => (value instanceof Uint8Array ? { [BYTES_TAG]: toBase64(value) } : value));
}

export function decodeRows(text: string): unknown[] {
  const parsed: unknown = JSON.parse(text, (_key, value: unknown) => {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      const tagged = (value as Record<string, unknown>)[BYTES_TAG];
      if (keys.length === 1 && typeof tagged === 'string') return fromBase64(tagged);
    }
    return value;
  });
  if (!Array.isArray(parsed)) throw new Error('a table section is not a list of rows');
  return parsed;
}
