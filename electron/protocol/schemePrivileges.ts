import type { CustomScheme } from 'electron';
import { APP_SCHEME } from '../security/appOrigin';

/**
 * app:// behaves like https for the page: standard (real origin, relative URLs, IndexedDB and
 * localStorage work), secure (a secure context, no mixed-content downgrade), and fetch() works.
 * Deliberately NOT corsEnabled (that would let other origins read our files) and NOT bypassCSP.
 * Must be registered before the app's 'ready' event.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: {
    standard: true,
    secure: true,
    supportFetchAPI: true,
    corsEnabled: false,
    bypassCSP: false,
    allowServiceWorkers: false,
    // V8's code cache, which Electron gives only http(s) unless asked: a start then reuses the compiled first-screen
    // script instead of parsing it again (its assets are content-hashed and served as cacheable: cachePolicy.ts).
    codeCache: true,
  },
};
