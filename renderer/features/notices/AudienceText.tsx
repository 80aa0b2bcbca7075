import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../shared/domain';

/** 全体代表 / 活动组：第一活动组、第二活动组 / 指定代表 3 人 */
export function AudienceText({ audience, groupNames }: { audience: Notice['audience']; groupNames: ReadonlyMap<string, string> }) {
  const { t } = useTranslation('notices');
  switch (audience.kind) {
    case 'all':
      return <>{t('audience.all')}</>;
    case 'groups':
      return <>{t('audience.groups', { names: audience.activityGroupIds.map((id) => groupNames.get(id) ?? '—').join('、') })}</>;
    case 'list':
      return <>{t('audience.list', { count: audience.delegateIds.length })}</>;
  }
}
