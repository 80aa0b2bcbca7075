import type { TFunction } from 'i18next';
import { LifecycleRefusal } from '../../data/proposalCommands';

/** The state machine's own Chinese message is the most specific; in English the code is translated. */
export function refusalMessage(error: unknown, t: TFunction, language: string): string {
  if (error instanceof LifecycleRefusal) {
    return language === 'en' ? t(`proposals:refusal.${error.code}`) : error.message;
  }
  return t('errors.storage', { message: error instanceof Error ? error.message : String(error) });
}
