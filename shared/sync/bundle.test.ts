import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newId } from '../domain';
import {
  blobPath,
  bundleFileName,
  bundlePath,
  decodeBundle,
  encodeBundle,
  parseBlobPath,
  parseBundlePath,
  verifyBundle,
  type BundleExpectation,
  type DecodedBundle,
} from './bundle';
import { sha256Hex } from './crypto';
import { fromBase64, fromUtf8, toBase64, utf8 } from './encoding';
import { enrolmentFor, makeBody, makeTestDevice, pathOf, proposalChange, signedFileFromText, signerFor, type TestDevice } from './formatTesting';
import { plainSection, sealSection } from './sections';
import { MAX_BUNDLE_BYTES, type BundleBody, type SyncProblemCode } from './types';

const congressId = newId();
const device = makeTestDevice();
const office = makeTestDevice();

function expectationFor(d: TestDevice, seq: number, prevHash: string | null, overrides: Partial<BundleExpectation> = {}): BundleExpectation {
  return { file: pathOf(d, seq), deviceId: d.deviceId, seq, prevHash, congressId, signPublicKey: d.keys.signPublicKey, ...overrides };
}

function decodeOk(fileBytes: Uint8Array, file: string): DecodedBundle {
  const decoded = decodeBundle(fileBytes, file);
  if (!decoded.ok) throw new Error(`expected the bundle to decode: ${decoded.problem.code} ${decoded.problem.detail}`);
  return decoded;
}

/** Everything a reader does with a file; the problem code, or 'ok'. Must never throw. */
function read(fileBytes: Uint8Array, expect: BundleExpectation): SyncProblemCode | 'ok' {
  const decoded = decodeBundle(fileBytes, expect.file);
  if (!decoded.ok) return decoded.problem.code;
  return verifyBundle(decoded, expect)?.code ?? 'ok';
}

/** A device's chain of `n` small bundles, as files with their hashes. */
async function chainOf(d: TestDevice, n: number) {
  const out: { seq: number; fileBytes: Uint8Array; bodyHash: string; body: BundleBody }[] = [];
  let prevHash: string | null = null;
  for (let seq = 1; seq <= n; seq++) {
    const body = makeBody(d, { congressId, seq, prevHash, sections: [plainSection({ changes: [proposalChange(d)] })] });
    const { fileBytes, bodyHash } = await encodeBundle(body, signerFor(d));
    out.push({ seq, fileBytes, bodyHash, body });
    prevHash = bodyHash;
  }
  return out;
}

/** A small but complete bundle: a plain and a sealed section and an enrolment request. */
async function smallBundle() {
  const body = makeBody(device, {
    congressId,
    enrolment: enrolmentFor(device),
    sections: [
      plainSection({ changes: [proposalChange(device)] }),
      sealSection({ changes: [proposalChange(device, {}, { status: 'submitted' })] }, [{ deviceId: office.deviceId, boxPublicKey: office.keys.boxPublicKey }]),
    ],
  });
  return { body, ...(await encodeBundle(body, signerFor(device))) };
}

describe('encode → decode → verify', () => {
  it('round-trips a bundle exactly', async () => {
    const { body, fileBytes, bodyHash } = await smallBundle();
    const decoded = decodeOk(fileBytes, pathOf(device, 1));
    expect(decoded.body).toEqual(JSON.parse(JSON.stringify(body)));
    expect(decoded.bodyHash).toBe(bodyHash);
    expect(bodyHash).toBe(sha256Hex(utf8(JSON.stringify(body))));
    expect(decoded.bodyBytes).toEqual(utf8(JSON.stringify(body)));
    expect(verifyBundle(decoded, expectationFor(device, 1, null))).toBeNull();
  });

  it('writes the documented file shape', async () => {
    const { body, fileBytes } = await smallBundle();
    const file = JSON.parse(fromUtf8(fileBytes)) as Record<string, unknown>;
    expect(Object.keys(file)).toEqual(['format', 'version', 'body', 'signature']);
    expect(file).toMatchObject({ format: 'delegatedesk-bundle', version: 1 });
    expect(fromUtf8(fromBase64(file.body as string))).toBe(JSON.stringify(body));
    expect(fromBase64(file.signature as string)).toHaveLength(64);
  });

  it('verifies a whole chain in order', async () => {
    const chain = await chainOf(device, 4);
    let prevHash: string | null = null;
    for (const link of chain) {
      expect(read(link.fileBytes, expectationFor(device, link.seq, prevHash))).toBe('ok');
      prevHash = link.bodyHash;
    }
  });

  it('refuses to sign a body readers would refuse', async () => {
    let signed = 0;
    const sign = (bytes: Uint8Array) => {
      signed++;
      return signerFor(device)(bytes);
    };
    const hacked = makeBody(device, { congressId, sections: [plainSection({ changes: [proposalChange(device, {}, { status: 'hacked' })] })] });
    await expect(encodeBundle(hacked, sign)).rejects.toThrow(/refused/);
    await expect(encodeBundle({ ...makeBody(device, { congressId }), seq: 2 }, sign)).rejects.toThrow(/prevHash/);
    expect(signed).toBe(0);
  });

  it('refuses a signer that returns no signature', async () => {
    await expect(encodeBundle(makeBody(device, { congressId }), () => Promise.resolve(new Uint8Array(10)))).rejects.toThrow();
  });
});

describe('corruption', () => {
  it('refuses the file truncated at every byte boundary, never throwing', async () => {
    const { fileBytes } = await smallBundle();
    const expect1 = expectationFor(device, 1, null);
    expect(fileBytes.length).toBeGreaterThan(1000);
    for (let length = 0; length < fileBytes.length; length++) {
      const code = read(fileBytes.subarray(0, length), expect1);
      if (code === 'ok') throw new Error(`truncated to ${length} bytes but accepted`);
      expect(code).toBe('malformed');
    }
    expect(read(fileBytes, expect1)).toBe('ok');
  });

  it('refuses the body bytes truncated at every boundary, even when re-wrapped validly', async () => {
    const { fileBytes } = await smallBundle();
    const file = JSON.parse(fromUtf8(fileBytes)) as { body: string; signature: string };
    const bodyBytes = fromBase64(file.body);
    const expect1 = expectationFor(device, 1, null);
    for (let length = 0; length < bodyBytes.length; length++) {
      const rewrapped = utf8(JSON.stringify({ ...file, body: toBase64(bodyBytes.subarray(0, length)) }));
      expect(read(rewrapped, expect1), `body truncated to ${length}`).not.toBe('ok');
    }
  });

  it('refuses any random bit flips in the file', async () => {
    const { fileBytes } = await smallBundle();
    const expect1 = expectationFor(device, 1, null);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat({ max: fileBytes.length - 1 }), fc.nat({ max: 7 })), { minLength: 1, maxLength: 4 }), (flips) => {
        const damaged = fileBytes.slice();
        for (const [index, bit] of flips) damaged[index]! ^= 1 << bit;
        fc.pre(damaged.some((b, i) => b !== fileBytes[i]));
        expect(read(damaged, expect1)).not.toBe('ok');
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses any random bit flips in the signed body bytes', async () => {
    const { fileBytes } = await smallBundle();
    const file = JSON.parse(fromUtf8(fileBytes)) as { body: string; signature: string };
    const bodyBytes = fromBase64(file.body);
    const expect1 = expectationFor(device, 1, null);
    fc.assert(
      fc.property(fc.nat({ max: bodyBytes.length - 1 }), fc.nat({ max: 7 }), (index, bit) => {
        const damaged = bodyBytes.slice();
        damaged[index]! ^= 1 << bit;
        const rewrapped = utf8(JSON.stringify({ ...file, body: toBase64(damaged) }));
        expect(read(rewrapped, expect1)).not.toBe('ok');
      }),
      { numRuns: 2000 },
    );
  });

  it('refuses arbitrary bytes and arbitrary JSON without throwing', () => {
    const expect1 = expectationFor(device, 1, null);
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        expect(read(bytes, expect1)).not.toBe('ok');
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        expect(read(utf8(JSON.stringify({ format: 'delegatedesk-bundle', version: 1, body: value }) ?? ''), expect1)).not.toBe('ok');
        expect(read(utf8(JSON.stringify(value) ?? ''), expect1)).not.toBe('ok');
      }),
      { numRuns: 500 },
    );
  });
});

describe('forgery and replay', () => {
  it('refuses a body signed by another device’s key', async () => {
    const thief = makeTestDevice();
    // Claims to be `device`, with device's keys, but signed by the thief.
    const body = makeBody(device, { congressId, sections: [plainSection({ changes: [proposalChange(device)] })] });
    const forged = signedFileFromText(JSON.stringify(body), thief);
    expect(read(forged.fileBytes, expectationFor(device, 1, null))).toBe('badSignature');
    // Or carries the thief's own keys under device's folder.
    const asThief = { ...makeBody(thief, { congressId }), deviceId: device.deviceId, keys: { ...thief.keys, deviceId: device.deviceId } };
    const planted = signedFileFromText(JSON.stringify(asThief), thief);
    expect(read(planted.fileBytes, expectationFor(device, 1, null))).toBe('keyMismatch');
  });

  it('refuses a signature that no longer matches after the signature itself is swapped', async () => {
    const [first, second] = await chainOf(device, 2);
    const file1 = JSON.parse(fromUtf8(first!.fileBytes)) as Record<string, string>;
    const file2 = JSON.parse(fromUtf8(second!.fileBytes)) as Record<string, string>;
    const swapped = utf8(JSON.stringify({ ...file1, signature: file2.signature }));
    expect(read(swapped, expectationFor(device, 1, null))).toBe('badSignature');
  });

  it('refuses a bundle of another congress', async () => {
    const body = makeBody(device, { congressId: newId() });
    const { fileBytes } = await encodeBundle(body, signerFor(device));
    expect(read(fileBytes, expectationFor(device, 1, null))).toBe('wrongCongress');
  });

  it('refuses an old bundle renamed to a later seq (replay)', async () => {
    const chain = await chainOf(device, 3);
    // seq 1 copied into the place of seq 3, read with the cursor at seq 2
    expect(read(chain[0]!.fileBytes, expectationFor(device, 3, chain[1]!.bodyHash))).toBe('brokenChain');
    // seq 2 replayed after 3
    expect(read(chain[1]!.fileBytes, expectationFor(device, 4, chain[2]!.bodyHash))).toBe('brokenChain');
  });

  it('refuses a reordered chain', async () => {
    const chain = await chainOf(device, 3);
    // bundle 3 placed as seq 2, and bundle 2 as seq 3
    expect(read(chain[2]!.fileBytes, expectationFor(device, 2, chain[0]!.bodyHash))).toBe('brokenChain');
    expect(read(chain[1]!.fileBytes, expectationFor(device, 3, chain[1]!.bodyHash))).toBe('brokenChain');
    // a gap: bundle 3 read right after bundle 1
    const skipped = decodeOk(chain[2]!.fileBytes, pathOf(device, 3));
    expect(verifyBundle(skipped, expectationFor(device, 3, chain[0]!.bodyHash))?.code).toBe('brokenChain');
  });

  it('refuses a bundle whose prevHash does not match the reader’s cursor', async () => {
    const chain = await chainOf(device, 1);
    const body = makeBody(device, { congressId, seq: 2, prevHash: sha256Hex(utf8('another history')) });
    const { fileBytes } = await encodeBundle(body, signerFor(device));
    expect(read(fileBytes, expectationFor(device, 2, chain[0]!.bodyHash))).toBe('brokenChain');
    expect(read(fileBytes, expectationFor(device, 2, sha256Hex(utf8('another history'))))).toBe('ok');
  });

  it('refuses a bundle stored under another device’s folder', async () => {
    const other = makeTestDevice();
    const { fileBytes } = await encodeBundle(makeBody(other, { congressId }), signerFor(other));
    expect(read(fileBytes, expectationFor(device, 1, null))).toBe('badName');
    const decoded = decodeOk(fileBytes, pathOf(other, 1));
    expect(verifyBundle(decoded, expectationFor(other, 1, null, { file: 'devices/x/bundles/0000000001.ddb' }))?.code).toBe('badName');
  });
});

describe('content and version', () => {
  const signed = (value: unknown) => signedFileFromText(JSON.stringify(value), device).fileBytes;
  const decodeCode = (fileBytes: Uint8Array) => {
    const decoded = decodeBundle(fileBytes, pathOf(device, 1));
    return decoded.ok ? 'ok' : decoded.problem.code;
  };

  it('refuses unknown fields in the body, the payload and a change’s fields, though authentically signed', () => {
    const body = makeBody(device, { congressId, sections: [plainSection({ changes: [proposalChange(device)] })] });
    expect(decodeCode(signed(body))).toBe('ok');
    expect(decodeCode(signed({ ...body, admin: true }))).toBe('malformed');
    expect(decodeCode(signed({ ...body, sections: [{ audience: 'all', payload: { changes: [], extra: [] } }] }))).toBe('malformed');
    const withExtraField = plainSection({ changes: [proposalChange(device, {}, { officialNumber: 7 })] });
    expect(decodeCode(signed({ ...body, sections: [withExtraField] }))).toBe('malformed');
  });

  it('refuses change fields that fail the entity schema (a delegate setting status “hacked”)', () => {
    const body = makeBody(device, { congressId, sections: [plainSection({ changes: [proposalChange(device, {}, { status: 'hacked' })] })] });
    const decoded = decodeBundle(signed(body), pathOf(device, 1));
    expect(decoded).toMatchObject({ ok: false, problem: { code: 'malformed', file: pathOf(device, 1), deviceId: device.deviceId, detail: expect.stringContaining('status') } });
  });

  it('refuses a body that is not in canonical JSON, or has duplicate keys', () => {
    const body = makeBody(device, { congressId });
    expect(decodeCode(signedFileFromText(JSON.stringify(body, null, 2), device).fileBytes)).toBe('malformed');
    const duplicated = JSON.stringify(body).replace('"seq":1,', '"seq":1,"seq":1,');
    expect(decodeCode(signedFileFromText(duplicated, device).fileBytes)).toBe('malformed');
  });

  it('reports a future format version as such, before looking at the rest', () => {
    const body = makeBody(device, { congressId });
    expect(decodeCode(signedFileFromText(JSON.stringify(body), device, { version: 2 }).fileBytes)).toBe('futureVersion');
    expect(decodeCode(utf8(JSON.stringify({ format: 'delegatedesk-bundle', version: 2, body: '????', newThing: {} })))).toBe('futureVersion');
    // The outer header is not signed: the signed body's version counts too.
    expect(decodeCode(signed({ ...body, version: 2, newThing: {} }))).toBe('futureVersion');
    expect(decodeCode(signedFileFromText(JSON.stringify(body), device, { version: 0 }).fileBytes)).toBe('malformed');
    expect(decodeCode(signedFileFromText(JSON.stringify(body), device, { version: '2' }).fileBytes)).toBe('malformed');
  });

  it('refuses a huge file by its size alone', async () => {
    const { fileBytes } = await smallBundle();
    const limited = decodeBundle(fileBytes, pathOf(device, 1), { maxBytes: fileBytes.length - 1 });
    expect(limited).toMatchObject({ ok: false, problem: { code: 'tooLarge' } });
    expect(decodeBundle(fileBytes, pathOf(device, 1), { maxBytes: fileBytes.length }).ok).toBe(true);
    // The default limit, without allocating 64 MB: only the length is consulted before refusing.
    const fake = { byteLength: MAX_BUNDLE_BYTES + 1, length: MAX_BUNDLE_BYTES + 1 } as unknown as Uint8Array;
    expect(decodeBundle(fake, pathOf(device, 1))).toMatchObject({ ok: false, problem: { code: 'tooLarge' } });
  });

  it('refuses other formats and shapes', () => {
    expect(decodeCode(utf8('{"format":"delegatedesk-profile","version":1}'))).toBe('malformed');
    expect(decodeCode(utf8('[]'))).toBe('malformed');
    expect(decodeCode(utf8('null'))).toBe('malformed');
    const body = makeBody(device, { congressId });
    expect(decodeCode(signedFileFromText(JSON.stringify(body), device, { extra: 1 }).fileBytes)).toBe('malformed');
    expect(decodeCode(signedFileFromText(JSON.stringify(body), device, { signature: toBase64(new Uint8Array(63)) }).fileBytes)).toBe('malformed');
    expect(decodeCode(signedFileFromText(JSON.stringify(body), device, { body: 'e30' }).fileBytes)).toBe('malformed');
  });
});

describe('names and paths', () => {
  const id = newId();

  it('formats bundle and blob names', () => {
    expect(bundleFileName(42)).toBe('0000000042.ddb');
    expect(bundleFileName(9_999_999_999)).toBe('9999999999.ddb');
    expect(bundlePath(id, 1)).toBe(`devices/${id}/bundles/0000000001.ddb`);
    const sha = sha256Hex(utf8('photo'));
    expect(blobPath(sha)).toBe(`blobs/${sha.slice(0, 2)}/${sha}`);
    for (const bad of [0, -1, 1.5, 10_000_000_000, Number.NaN]) expect(() => bundleFileName(bad), String(bad)).toThrow();
    expect(() => bundlePath('../x', 1)).toThrow();
    expect(() => blobPath('../../etc/passwd')).toThrow();
    expect(() => blobPath(sha.toUpperCase())).toThrow();
  });

  it('parses exactly the names it writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9_999_999_999 }), (seq) => {
        expect(parseBundlePath(bundlePath(id, seq))).toEqual({ deviceId: id, seq });
      }),
    );
    const sha = sha256Hex(utf8('photo'));
    expect(parseBlobPath(blobPath(sha))).toBe(sha);
  });

  it('refuses path tricks and odd names', () => {
    const good = `devices/${id}/bundles/0000000001.ddb`;
    const refused = [
      '../x',
      `devices/${id}/bundles/../../../etc/passwd`,
      `devices/../devices/${id}/bundles/0000000001.ddb`,
      `devices/${id}/bundles/%2e%2e`,
      `devices/%2e%2e/bundles/0000000001.ddb`,
      `devices/${id}/bundles/0000000001.ddb.tmp`,
      `devices/${id}/bundles/.0000000001.ddb.tmp`,
      `devices/${id}/bundles/1.ddb`,
      `devices/${id}/bundles/00000000001.ddb`,
      `devices/${id}/bundles/0000000000.ddb`,
      `devices/${id}/bundles/+000000001.ddb`,
      `devices/${id}/bundles/000000001e.ddb`,
      `devices/${id}/bundles/0000000001.DDB`,
      `devices/${id}/bundles/0000000001.json`,
      `devices/${id}/bundles/０００００００００１.ddb`, // full-width digits
      `devices/${id}/bundles/٠٠٠٠٠٠٠٠٠١.ddb`, // Arabic-Indic digits
      `/${good}`,
      `./${good}`,
      `C:\\sync\\${good}`,
      `devices\\${id}\\bundles\\0000000001.ddb`,
      `devices/${id}/bundles\\0000000001.ddb`,
      `devices//${id}/bundles/0000000001.ddb`,
      `${good}/`,
      `${good}\0`,
      `${good}\n`,
      `devices/${id.toLowerCase()}/bundles/0000000001.ddb`,
      `devices/${id}x/bundles/0000000001.ddb`,
      `devices/${id}/blobs/0000000001.ddb`,
      '',
    ];
    expect(parseBundlePath(good)).toEqual({ deviceId: id, seq: 1 });
    for (const path of refused) expect(parseBundlePath(path), JSON.stringify(path)).toBeNull();

    const sha = sha256Hex(utf8('photo'));
    const refusedBlobs = [
      `blobs/${sha}`,
      `blobs/00/${sha}`,
      `blobs/${sha.slice(0, 2)}/${sha}.tmp`,
      `blobs/${sha.slice(0, 2)}/${sha.toUpperCase()}`,
      `blobs/${sha.slice(0, 2)}/../../${sha}`,
      `/blobs/${sha.slice(0, 2)}/${sha}`,
      `blobs\\${sha.slice(0, 2)}\\${sha}`,
      `blobs/${sha.slice(0, 2)}/${sha.slice(1)}`,
    ];
    for (const path of refusedBlobs.filter((p) => p !== blobPath(sha))) expect(parseBlobPath(path), path).toBeNull();
  });

  it('refuses a file whose path is odd even when its content is valid', async () => {
    const { fileBytes } = await encodeBundle(makeBody(device, { congressId }), signerFor(device));
    const decoded = decodeOk(fileBytes, pathOf(device, 1));
    const odd = `devices/${device.deviceId}/bundles/1.ddb`;
    expect(verifyBundle(decoded, expectationFor(device, 1, null, { file: odd }))?.code).toBe('badName');
  });
});
