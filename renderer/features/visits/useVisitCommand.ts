import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { LifecycleRefusal } from '../../data/proposalCommands';

/** A command's refusal as the user reads it: the command's own Chinese message, or its code translated in English. */
export function useRefusalText() {
  const { t } = useTranslation('visits');
  const language = useSession((s) => s.language);
  return (error: unknown): string => {
    if (error instanceof LifecycleRefusal) return language === 'en' ? t(`refusal.${error.code}`) : error.message;
    return t('common:errors.storage', { message: error instanceof Error ? error.message : String(error) });
  };
}

/**
 * Runs one visit command from a screen: a success message, or the refusal — field problems handed to `onFields`
 * (shown beside the fields, the entries stay), anything else as an error message.
 */
export function useVisitCommand() {
  const { message } = App.useApp();
  const refusalText = useRefusalText();
  const [busy, setBusy] = useState(false);

  const run = async <T,>(work: () => Promise<T>, done: string, onFields?: (errors: Record<string, string>) => void): Promise<T | undefined> => {
    setBusy(true);
    try {
      const result = await work();
      if (done) message.success(done);
      return result;
    } catch (error) {
      if (error instanceof LifecycleRefusal && error.fieldErrors && onFields) onFields(error.fieldErrors);
      else message.error(refusalText(error));
      return undefined;
    } finally {
      setBusy(false);
    }
  };
  return { busy, run };
}
