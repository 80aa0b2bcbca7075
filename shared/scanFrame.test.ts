import { describe, expect, it } from 'vitest';
import type { SyncScanResult } from './bridge';
import { decodeScanFrame, encodeScanFrame, ScanFrameError } from './scanFrame';

const bytes = (...values: number[]) => new Uint8Array(values);

const scan: SyncScanResult = {
  reachable: true,
  marker: { format: 'delegatedesk-sync', version: 1, congressId: 'C1' },
  bundles: [
    { deviceId: 'dev-a', seq: 1, file: 'devices/dev-a/bundles/0000000001.ddb', bytes: bytes(1, 2, 3) },
    { deviceId: 'dev-a', seq: 2, file: 'devices/dev-a/bundles/0000000002.ddb', bytes: bytes() },
    { deviceId: '代表-b', seq: 7, file: 'devices/代表-b/bundles/0000000007.ddb', bytes: bytes(255, 0, 128, 9) },
  ],
  truncated: true,
  problems: [{ file: 'devices/x/stray.txt', code: 'badName', detail: '不是同步文件' }],
};

describe('scan frame', () => {
  it('carries a scan and every bundle’s bytes unchanged', () => {
    expect(decodeScanFrame(encodeScanFrame(scan))).toEqual(scan);
  });

  it('carries an empty scan', () => {
    const empty: SyncScanResult = { reachable: false, marker: null, bundles: [], truncated: false, problems: [] };
    expect(decodeScanFrame(encodeScanFrame(empty))).toEqual(empty);
  });

  it('reads a frame that sits inside a larger buffer', () => {
    const frame = encodeScanFrame(scan);
    const padded = new Uint8Array(frame.byteLength + 10);
    padded.set(frame, 5);
    expect(decodeScanFrame(padded.subarray(5, 5 + frame.byteLength))).toEqual(scan);
  });

  it('refuses a frame cut anywhere, or with bytes after the last bundle', () => {
    const frame = encodeScanFrame(scan);
    for (let length = 0; length < frame.byteLength; length++) {
      expect(() => decodeScanFrame(frame.subarray(0, length)), `cut at ${length}`).toThrow(ScanFrameError);
    }
    const longer = new Uint8Array(frame.byteLength + 1);
    longer.set(frame);
    expect(() => decodeScanFrame(longer)).toThrow(/末尾有多余的数据/);
  });

  it('refuses a header that is not JSON, or a negative length', () => {
    const notJson = new Uint8Array([0, 0, 0, 3, 0x7b, 0x7b, 0x7b]);
    expect(() => decodeScanFrame(notJson)).toThrow(/不是有效的 JSON/);
    const header = new TextEncoder().encode(JSON.stringify({ ...scan, bundles: [{ deviceId: 'd', seq: 1, file: 'f', byteLength: -1 }] }));
    const frame = new Uint8Array(4 + header.byteLength);
    new DataView(frame.buffer).setUint32(0, header.byteLength);
    frame.set(header, 4);
    expect(() => decodeScanFrame(frame)).toThrow(/文件长度不符/);
  });
});
