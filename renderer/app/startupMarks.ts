/**
 * Named moments of a cold start (`dd:` performance marks): the script ran, the upgrade check, the database open,
 * the first screen's data read. bench:ui prints them, so a slow start says which step it lost its time in. Each is
 * marked once per page load; a mark costs microseconds.
 */
export type StartupStep = 'script' | 'upgradeChecked' | 'databaseOpen' | 'profileLoaded' | 'dashboardData' | 'listData';

export const STARTUP_MARK_PREFIX = 'dd:';

export function markStartup(step: StartupStep): void {
  const name = STARTUP_MARK_PREFIX + step;
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName(name, 'mark').length === 0) performance.mark(name);
}
