import type { TFunction } from 'i18next';
import { LifecycleRefusal } from '../../data/proposalCommands';
import { isStorageFailure, StorageFullError } from '../../data/storageErrors';

/** The state machine's own Chinese message is the most specific; in English the code is translated. */
export function refusalMessage(error: unknown, t: TFunction, language: string): string {
  if (error instanceof LifecycleRefusal) {
    return language === 'en' ? t(`proposals:refusal.${error.code}`) : error.message;
  }
  // 磁盘空间不足 and other storage refusals already say everything, in plain words; don't wrap them in a second sentence.
  if (isStorageFailure(error)) return t(error instanceof StorageFullError ? 'proposals:storage.full' : 'proposals:storage.refused');
  return t('errors.storage', { message: error instanceof Error ? error.message : String(error) });
}
