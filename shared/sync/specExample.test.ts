import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { x25519 } from '@noble/curves/ed25519.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { decodeBundle, verifyBundle } from './bundle';
import { fingerprintOf, KEY_WRAP_INFO, sha256Hex, signBytes, unwrapContentKey } from './crypto';
import { fromBase64, fromHex, toBase64, toHex, utf8 } from './encoding';
import { openSealedSection, recipientEntry } from './sections';
import type { BundleBody } from './types';

/**
 * docs/sync-format.md §16 is a test vector for other implementations; this keeps it true. The values are read
 * out of the document itself, so editing the document or the code alone makes this fail.
 */
const doc = readFileSync(new URL('../../docs/sync-format.md', import.meta.url), 'utf8');

function block(marker: string): string {
  const match = new RegExp(`<!-- example:${marker} -->\\s*\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\``).exec(doc);
  if (!match) throw new Error(`docs/sync-format.md has no example:${marker} block`);
  return match[1]!;
}

const values = new Map(
  block('values')
    .split('\n')
    .map((line) => /^(.+?)\s{2,}(\S.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!.trim(), m[2]!.trim()]),
);
const value = (name: string): string => {
  const found = values.get(name);
  if (found === undefined) throw new Error(`example value “${name}” missing`);
  return found;
};

const bodyText = JSON.stringify(JSON.parse(block('body')));
const bodyBytes = utf8(bodyText);
const body = JSON.parse(bodyText) as BundleBody;
const file = `devices/${body.deviceId}/bundles/0000000001.ddb`;

describe('the worked example of docs/sync-format.md', () => {
  it('states the body’s length, hash and signature correctly', () => {
    const stated = /without\s+any whitespace outside strings, ([\d ]+) bytes/.exec(doc);
    expect(Number(stated?.[1]?.replace(/ /g, ''))).toBe(bodyBytes.length);
    expect(sha256Hex(bodyBytes)).toBe(value('body hash (SHA-256 of body bytes)'));
    // Ed25519 is deterministic: the same seed and bytes give the documented signature.
    expect(toBase64(signBytes(bodyBytes, fromHex(value('delegate Ed25519 secret key (seed)'))))).toBe(value('signature (base64)'));
    expect(fingerprintOf(body.keys)).toBe(value('fingerprint'));
    expect(doc).toContain(`"body":"${toBase64(bodyBytes).slice(0, 44)}…"`);
  });

  it('is a bundle file this reader accepts', () => {
    const fileBytes = utf8(JSON.stringify({ format: 'delegatedesk-bundle', version: 1, body: toBase64(bodyBytes), signature: value('signature (base64)') }));
    const decoded = decodeBundle(fileBytes, file);
    if (!decoded.ok) throw new Error(`${decoded.problem.code}: ${decoded.problem.detail}`);
    expect(decoded.bodyHash).toBe(value('body hash (SHA-256 of body bytes)'));
    const expectation = { file, deviceId: body.deviceId, seq: 1, prevHash: null, congressId: body.congressId, signPublicKey: body.keys.signPublicKey };
    expect(verifyBundle(decoded, expectation)).toBeNull();
  });

  it('opens the sealed section with the documented intermediate values', () => {
    const officeSecret = fromHex(value('office X25519 secret key'));
    const officePublic = x25519.getPublicKey(officeSecret);
    expect(toBase64(officePublic)).toBe(value('office X25519 public key'));
    const section = body.sections[0]!;
    const entry = recipientEntry(section, '01JN8F7A2B3C4D5E6F7G8H9J0K');
    if (!entry) throw new Error('the example section is not addressed to the office device');

    const ephemeral = fromBase64(entry.ephemeralPublicKey);
    expect(toBase64(x25519.getPublicKey(fromHex(value('ephemeral X25519 secret key'))))).toBe(entry.ephemeralPublicKey);
    const shared = x25519.getSharedSecret(officeSecret, ephemeral);
    expect(toHex(shared)).toBe(value('X25519 shared secret'));
    expect(toHex(hkdf(sha256, shared, new Uint8Array([...ephemeral, ...officePublic]), utf8(KEY_WRAP_INFO), 32))).toBe(value('HKDF wrap key'));
    expect(doc).toContain(`info = "${KEY_WRAP_INFO}"`);
    expect(doc).toContain(`(UTF-8, ${utf8(KEY_WRAP_INFO).length} bytes)`);

    const contentKey = unwrapContentKey(entry, officeSecret);
    expect(contentKey && toHex(contentKey)).toBe(value('content key'));
    const opened = openSealedSection(section, contentKey!);
    expect(opened).toEqual({ ok: true, payload: JSON.parse(block('payload')) });
  });
});
