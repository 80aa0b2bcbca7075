import { createWebBridge } from '../bridge/client';
import { UI_SEED_GLOBAL } from './uiProtocol';
import type { UiSeedApi } from './uiProtocol';
import { seedCongress, setDeviceProfile } from './uiSeed';

/**
 * The seed page of `npm run bench:ui`: served by the web bridge on the same origin (127.0.0.1 and port) the app is
 * served on afterwards, so it writes the very IndexedDB the app opens. Never part of the app.
 */
const bridge = createWebBridge(new URL('./', window.location.href).toString(), async () => null);

const api: UiSeedApi = {
  seedCongress: (input) => seedCongress(input, bridge),
  setDeviceProfile: (input) => setDeviceProfile(input),
};
(window as unknown as Record<string, UiSeedApi>)[UI_SEED_GLOBAL] = api;
document.title = 'DelegateDesk bench:ui seed page (ready)';
