import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { bundleRelativePath } from './syncFolder';

/** Test helpers: device ids and a way to lay bundle files out in a folder by hand. */
export const DEVICE_A = '01J9ZQ4XKXW3V5S7Y8A2B6C0DA';
export const DEVICE_B = '01J9ZQ4XKXW3V5S7Y8A2B6C0DB';
export const DEVICE_C = '01J9ZQ4XKXW3V5S7Y8A2B6C0DC';

export function bundleBytes(deviceId: string, seq: number, size = 32): Uint8Array {
  const text = `${deviceId}#${seq}:`.padEnd(size, '.');
  return new TextEncoder().encode(text.slice(0, size));
}

export async function placeBundle(folder: string, deviceId: string, seq: number, bytes: Uint8Array = bundleBytes(deviceId, seq)): Promise<string> {
  const filePath = path.join(folder, ...bundleRelativePath(deviceId, seq).split('/'));
  await mkdir(path.dirname(filePath), { recursive: true });
  await writeFile(filePath, bytes);
  return filePath;
}
