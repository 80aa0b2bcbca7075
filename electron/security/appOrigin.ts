/**
 * The renderer's one origin. Everything the window loads comes from here; IndexedDB (the app's local
 * database) is keyed by this origin, so changing the scheme or host would orphan every user's data.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'delegatedesk';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** 窗口标题 */
export const APP_WINDOW_TITLE = '党代表履职工作台';

/**
 * True when `url` is exactly on the app origin: scheme app:, host delegatedesk, no port, no credentials.
 * `app://delegatedesk@evil/` parses with host "evil", so comparing the parsed host (not a string prefix) matters.
 */
export function isAppOriginUrl(url: string | URL): boolean {
  let parsed: URL;
  try {
    parsed = typeof url === 'string' ? new URL(url) : url;
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
