import type { DeviceBinding, DeviceProfile } from '../../shared/domain';
import { fingerprintOf } from '../../shared/sync/crypto';
import type { DelegateDeskBridge, DevicePublicKeys } from '../../shared/bridge';
import type { DeviceBinding as SignerBinding } from '../../shared/sync/types';
import type { DelegateDeskDb } from '../data/db';
import type { Repository } from '../data/repository';

/** This device's public keys (made by the main process on first use) and the fingerprint shown at enrolment. */
export async function deviceIdentity(bridge: DelegateDeskBridge, deviceId: string): Promise<DevicePublicKeys & { fingerprint: string }> {
  const keys = await bridge.deviceKeys({ deviceId });
  return { ...keys, fingerprint: fingerprintOf(keys) };
}

/** A stored binding as the sync rules see a signer. */
export function toSigner(binding: DeviceBinding): SignerBinding {
  return { deviceId: binding.id, role: binding.role, actorId: binding.actorId, signPublicKey: binding.signPublicKey, boxPublicKey: binding.boxPublicKey };
}

export async function bindingOf(db: DelegateDeskDb, deviceId: string): Promise<DeviceBinding | undefined> {
  const binding = await db.deviceBinding.get(deviceId);
  return binding && !binding.deletedAt ? binding : undefined;
}

/**
 * The office is the trust root: its own device binds itself (at congress creation, or the first time an office
 * device syncs). A delegate's device instead asks the office, by an enrolment request in its bundles.
 */
export async function ensureOfficeBinding(repo: Repository, bridge: DelegateDeskBridge, profile: DeviceProfile): Promise<DeviceBinding> {
  const existing = await bindingOf(repo.db, profile.deviceId);
  if (existing) return existing;
  const keys = await deviceIdentity(bridge, profile.deviceId);
  return repo.write((w) =>
    w.create(
      'deviceBinding',
      {
        id: profile.deviceId,
        role: 'office',
        actorId: profile.actorId,
        actorName: profile.actorName,
        signPublicKey: keys.signPublicKey,
        boxPublicKey: keys.boxPublicKey,
        fingerprint: keys.fingerprint,
      },
      { action: 'bindDevice' },
    ),
  );
}

/** The office approves a device's enrolment request: its keys are bound to that delegate or staff member. */
export async function approveEnrolment(repo: Repository, deviceId: string): Promise<DeviceBinding> {
  const request = await repo.db.enrolmentRequests.get(deviceId);
  if (!request) throw new Error('没有这台设备的入网申请');
  const binding = await repo.write(async (w) => {
    const created = await w.create(
      'deviceBinding',
      {
        id: request.deviceId,
        role: request.actorKind === 'staff' ? 'office' : 'delegate',
        actorId: request.actorId,
        actorName: request.actorName,
        signPublicKey: request.signPublicKey,
        boxPublicKey: request.boxPublicKey,
        fingerprint: request.fingerprint,
      },
      { action: 'approveDevice' },
    );
    await w.db.enrolmentRequests.delete(deviceId);
    return created;
  });
  return binding;
}
