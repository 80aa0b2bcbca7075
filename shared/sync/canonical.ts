import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/**
 * JSON with object keys sorted at every depth, so two replicas holding the same data produce the same text
 * whatever order rows and fields were inserted in. Array order is kept (it is data: e.g. suggested units).
 * Like JSON.stringify, `undefined` members are dropped, and `undefined` on its own is written as `null`.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item)).join(',')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * A stable fingerprint of replica data: table → row id → row. Empty tables are left out, so "no rows" and
 * "no table" hash alike. Used by the convergence test and by the sync doctor to compare machines.
 */
export function canonicalStateHash(tables: Record<string, Record<string, Record<string, unknown>>>): string {
  const nonEmpty: Record<string, Record<string, Record<string, unknown>>> = {};
  for (const [name, rows] of Object.entries(tables)) {
    if (Object.keys(rows).length > 0) nonEmpty[name] = rows;
  }
  return bytesToHex(sha256(utf8ToBytes(canonicalJson(nonEmpty))));
}
