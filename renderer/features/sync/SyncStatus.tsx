import { Button, Space, Tooltip } from 'antd';
import { CloudSyncOutlined, WarningOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { META } from '../../sync/context';
import { useSyncStore } from '../../sync/syncStore';

/** Header status: last sync, pending changes, problems — a click opens the sync page. */
export function SyncStatus() {
  const { t } = useTranslation('sync');
  const repo = useRepo();
  const navigate = useRouter((s) => s.navigate);
  const running = useSyncStore((s) => s.running);
  const failed = useSyncStore((s) => s.error);
  // The USB stick is out or the share is offline: say so where it is always visible, not only on the sync page.
  const unreachable = useSyncStore((s) => s.lastResult?.reachable === false);
  const status = useLiveQuery(async () => {
    const [last, pending, problems] = await Promise.all([repo.db.meta.get(META.lastSyncAt), repo.db.pendingExport.count(), repo.db.syncProblems.count()]);
    return { last: last?.value as string | undefined, pending, problems };
  }, [repo]);
  const time = status?.last ? new Date(status.last).toLocaleTimeString('zh-CN', { hour12: false, hour: '2-digit', minute: '2-digit' }) : null;
  return (
    <Tooltip title={t('title')}>
      <Button size="small" ghost onClick={() => navigate({ name: 'sync' })} data-testid="sync-status">
        <Space size={6}>
          <CloudSyncOutlined spin={running} />
          <span>{time ? t('lastSync', { time }) : t('never')}</span>
          <span>· {t('pending', { count: status?.pending ?? 0 })}</span>
          {unreachable && (
            <span style={{ color: '#ffd666' }} data-testid="sync-status-unreachable">
              · <WarningOutlined /> {t('folderAway')}
            </span>
          )}
          {failed && (
            <span style={{ color: '#ffd666' }}>
              · <WarningOutlined /> {t('failed')}
            </span>
          )}
          {!!status?.problems && (
            <span style={{ color: '#ffd666' }}>
              · <WarningOutlined /> {t('statusProblems', { count: status.problems })}
            </span>
          )}
        </Space>
      </Button>
    </Tooltip>
  );
}
