import { deviceProfileSchema, newId, type DeviceProfile } from '../../shared/domain';
import type { DelegateDeskDb } from './db';

/** This installation's id: made once, kept in the device-local meta table, never synchronised. */
export async function getOrCreateDeviceId(db: DelegateDeskDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const existing = await db.meta.get('deviceId');
    if (typeof existing?.value === 'string') return existing.value;
    const deviceId = newId();
    await db.meta.put({ key: 'deviceId', value: deviceId });
    return deviceId;
  });
}

export async function loadDeviceProfile(db: DelegateDeskDb): Promise<DeviceProfile | undefined> {
  const entry = await db.meta.get('profile');
  if (!entry) return undefined;
  const parsed = deviceProfileSchema.safeParse(entry.value);
  return parsed.success ? parsed.data : undefined;
}

export async function saveDeviceProfile(db: DelegateDeskDb, profile: DeviceProfile): Promise<void> {
  await db.meta.put({ key: 'profile', value: deviceProfileSchema.parse(profile) });
}
