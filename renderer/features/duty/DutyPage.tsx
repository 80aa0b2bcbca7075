import { Alert, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProfile } from '../../app/session';
import { DutyTable } from './DutyTable';
import { MyDutyRecord } from './MyDutyRecord';

/** 履职档案: the office sees everyone's (sortable, exportable); a delegate sees their own. Derived, never typed. */
export function DutyPage() {
  const { t } = useTranslation('duty');
  const profile = useProfile();
  const office = profile.role === 'office';
  return (
    <Flex vertical gap={16} data-testid="duty-page">
      <div>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {office ? t('titleAll') : t('titleMine')}
        </Typography.Title>
        <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
      </div>
      <Alert type="info" showIcon title={t('attendanceNote')} data-testid="duty-attendance-note" />
      {office ? <DutyTable /> : <MyDutyRecord />}
    </Flex>
  );
}
