import i18next, { type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Language } from '../../shared/domain';
import { common } from './common';
import { onboarding } from '../features/onboarding/i18n';
import { proposals } from '../features/proposals/i18n';
import { sync } from '../features/sync/i18n';
import { review } from '../features/review/i18n';
import { similar } from '../features/similar/i18n';
import { handling } from '../features/handling/i18n';
import { evaluations } from '../features/evaluations/i18n';
import { meetings } from '../features/meetings/i18n';
import { notices } from '../features/notices/i18n';
import { duty } from '../features/duty/i18n';
import { visits } from '../features/visits/i18n';
import { reports } from '../features/reports/i18n';
import { backup } from '../features/backup/i18n';

/**
 * Each feature keeps its strings beside its code as `{ 'zh-CN': {...}, en: {...} }`, one namespace per feature.
 * Simplified Chinese is the default and the fallback.
 */
export const NAMESPACES = { common, onboarding, proposals, sync, similar, review, handling, visits, meetings, notices, duty, evaluations, reports, backup } as const;

export const LANGUAGE_STORAGE_KEY = 'delegatedesk.language';

export function initialLanguage(): Language {
  const stored = globalThis.localStorage?.getItem(LANGUAGE_STORAGE_KEY);
  return stored === 'en' ? 'en' : 'zh-CN';
}

export function initI18n(language: Language = initialLanguage()) {
  const resources: Resource = { 'zh-CN': {}, en: {} };
  for (const [ns, strings] of Object.entries(NAMESPACES)) {
    resources['zh-CN']![ns] = strings['zh-CN'] as Resource[string];
    resources.en![ns] = strings.en as Resource[string];
  }
  if (!i18next.isInitialized) {
    void i18next.use(initReactI18next).init({
      resources,
      lng: language,
      fallbackLng: 'zh-CN',
      defaultNS: 'common',
      ns: Object.keys(NAMESPACES),
      interpolation: { escapeValue: false },
      initAsync: false,
      // No advertising in the console of an offline desktop app (and in every test's output)
      showSupportNotice: false,
    });
  } else if (i18next.language !== language) {
    void i18next.changeLanguage(language);
  }
  return i18next;
}

export { i18next };
