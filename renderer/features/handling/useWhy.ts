import { useTranslation } from 'react-i18next';
import type { ActionAvailability } from '../../../shared/lifecycle';
import { useSession } from '../../app/session';

/** Why an action is unavailable, in the user's language (the state machine's own Chinese message is the most specific). */
export function useWhy() {
  const { i18n } = useTranslation();
  const language = useSession((s) => s.language);
  return (a: ActionAvailability | undefined): string => {
    if (!a || a.allowed) return '';
    return language === 'en' ? i18n.t(`proposals:refusal.${a.code ?? 'wrongState'}`) : (a.message ?? '');
  };
}
