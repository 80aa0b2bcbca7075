import { deviceKeysRequestSchema, deviceSignRequestSchema, deviceUnwrapRequestSchema } from '../../shared/bridge';
import type { DevicePublicKeys } from '../../shared/bridge';
import type { KeyStore } from '../keys/keyStore';
import { validate } from './validate';

/** device:* channels: public keys, signatures and key unwrapping; the secret keys stay in the KeyStore. */
export interface DeviceHandlers {
  deviceKeys(request: unknown): Promise<DevicePublicKeys>;
  deviceSign(request: unknown): Promise<Uint8Array>;
  deviceUnwrap(request: unknown): Promise<(Uint8Array | null)[]>;
}

export function createDeviceHandlers(keys: KeyStore): DeviceHandlers {
  return {
    async deviceKeys(rawRequest) {
      const { deviceId } = validate(deviceKeysRequestSchema, rawRequest);
      return keys.publicKeys(deviceId);
    },
    async deviceSign(rawRequest) {
      const { deviceId, bytes } = validate(deviceSignRequestSchema, rawRequest);
      return keys.sign(deviceId, bytes);
    },
    async deviceUnwrap(rawRequest) {
      const { deviceId, wrapped } = validate(deviceUnwrapRequestSchema, rawRequest);
      return keys.unwrap(deviceId, wrapped);
    },
  };
}
