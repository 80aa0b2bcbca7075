import { App, Button, Popconfirm, Space, Tag, Typography } from 'antd';
import { NumberOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useProfile, useRepo, useSession } from '../../app/session';
import { designateNumberingDevice } from '../../data/reviewCommands';
import { resolveNumberingDevice } from '../../data/reviewQueries';
import { refusalMessage } from '../proposals/refusalMessage';

/** Which office machine gives 立案 numbers; another office machine may take the job over (with a warning). */
export function NumberingMachine() {
  const { t, i18n } = useTranslation('review');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const language = useSession((s) => s.language);
  const device = useLiveQuery(() => resolveNumberingDevice(repo.db, repo.deviceId), [repo]);
  if (!device) return null;

  const takeOver = async () => {
    try {
      await designateNumberingDevice(repo, { role: profile.role, actorId: profile.actorId }, repo.deviceId);
      message.success(t('numbering.takenOver'));
    } catch (error) {
      message.error(refusalMessage(error, i18n.t, language));
    }
  };

  return (
    <Space size={4} wrap data-testid="numbering-machine">
      <Typography.Text type="secondary">
        <NumberOutlined /> {t('numbering.label')}
      </Typography.Text>
      {device.isThisDevice ? (
        <Tag color="green">{t('numbering.thisDevice', { name: device.name })}</Tag>
      ) : (
        <Tag>{device.name ?? t('numbering.none')}</Tag>
      )}
      {!device.isThisDevice && profile.role === 'office' && (
        <Popconfirm title={t('numbering.takeOver')} description={<div style={{ maxWidth: 320 }}>{t('numbering.takeOverConfirm')}</div>} onConfirm={() => void takeOver()} okText={t('common:confirm')} cancelText={t('common:cancel')}>
          <Button size="small" type="link" data-testid="numbering-take-over">
            {t('numbering.takeOver')}
          </Button>
        </Popconfirm>
      )}
    </Space>
  );
}
