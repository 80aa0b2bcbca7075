import type { ScannedBundle, SyncScanResult } from './bridge';

/**
 * How the web bridge (npm run web, tests, benchmarks) sends a sync:scan answer over HTTP: as bytes, not JSON with
 * base64. A first sync carries tens of megabytes of bundles; as base64 inside one JSON string they cost a third more
 * to send, a parse of the whole string in one task on the window's thread, and a decode per bundle. Electron passes
 * the same answer as a structured clone and never uses this.
 *
 *   u32 (big-endian)  length H of the header
 *   H bytes           UTF-8 JSON: the SyncScanResult with each bundle's `bytes` replaced by `byteLength`
 *   …                 the bundles' bytes, one after the other, in the header's order
 *
 * The bundles' bytes are views into the one received buffer (no copy).
 */

export const SCAN_FRAME_CONTENT_TYPE = 'application/vnd.delegatedesk.scan';

type FramedBundle = Omit<ScannedBundle, 'bytes'> & { byteLength: number };
type FrameHeader = Omit<SyncScanResult, 'bundles'> & { bundles: FramedBundle[] };

export class ScanFrameError extends Error {
  constructor(detail: string) {
    super(`同步扫描结果的格式无效：${detail}`);
    this.name = 'ScanFrameError';
  }
}

export function encodeScanFrame(scan: SyncScanResult): Uint8Array {
  const header: FrameHeader = { ...scan, bundles: scan.bundles.map(({ bytes, ...bundle }) => ({ ...bundle, byteLength: bytes.byteLength })) };
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const total = 4 + headerBytes.byteLength + scan.bundles.reduce((sum, b) => sum + b.bytes.byteLength, 0);
  const frame = new Uint8Array(total);
  new DataView(frame.buffer).setUint32(0, headerBytes.byteLength);
  frame.set(headerBytes, 4);
  let at = 4 + headerBytes.byteLength;
  for (const bundle of scan.bundles) {
    frame.set(bundle.bytes, at);
    at += bundle.bytes.byteLength;
  }
  return frame;
}

/** The scan the frame holds; throws ScanFrameError when the lengths do not add up (a cut or padded answer). */
export function decodeScanFrame(frame: Uint8Array): SyncScanResult {
  if (frame.byteLength < 4) throw new ScanFrameError('长度不足');
  const headerLength = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(0);
  if (4 + headerLength > frame.byteLength) throw new ScanFrameError('头部被截断');
  let header: FrameHeader;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(frame.subarray(4, 4 + headerLength))) as FrameHeader;
  } catch {
    throw new ScanFrameError('头部不是有效的 JSON');
  }
  if (!Array.isArray(header.bundles)) throw new ScanFrameError('缺少文件列表');
  let at = 4 + headerLength;
  const bundles: ScannedBundle[] = header.bundles.map(({ byteLength, ...bundle }) => {
    if (!Number.isSafeInteger(byteLength) || byteLength < 0 || at + byteLength > frame.byteLength) throw new ScanFrameError('文件长度不符');
    const bytes = frame.subarray(at, at + byteLength);
    at += byteLength;
    return { ...bundle, bytes };
  });
  if (at !== frame.byteLength) throw new ScanFrameError('末尾有多余的数据');
  return { ...header, bundles };
}
