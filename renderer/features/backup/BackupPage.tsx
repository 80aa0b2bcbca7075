import { useCallback, useEffect, useState } from 'react';
import { Alert, App, Button, Card, InputNumber, Space, Spin, Table, Tag, Typography } from 'antd';
import { CloudDownloadOutlined, FolderOpenOutlined, SaveOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { LocalBackupInfo } from '../../../shared/bridge';
import { useProfile, useRepo } from '../../app/session';
import { BridgeCallError, getBridge } from '../../bridge/client';
import { LAST_RESTORE_META_KEY } from '../../data/backup/applyRestore';
import { BACKUP_KEEP_META_KEY, DEFAULT_BACKUP_KEEP, setBackupKeep } from '../../data/backup/automaticBackups';
import { backupFileName, createBackup } from '../../data/backup/createBackup';
import { errorText } from '../onboarding/errorText';
import { backupContext, formatSize, formatTime } from './backupContext';
import { useRestore } from './useRestore';

const reload = () => window.location.reload();

/** 数据备份与恢复: a full backup to a file, the automatic snapshots in the data folder, and restoring either. */
export function BackupPage({ onRestored = reload }: { onRestored?: () => void }) {
  const { t } = useTranslation('backup');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const { restore, stage, problem, notice } = useRestore(onRestored);
  const [exporting, setExporting] = useState(false);
  const [snapshotting, setSnapshotting] = useState(false);
  const [local, setLocal] = useState<{ list: LocalBackupInfo[] } | { unsupported: true } | { error: string }>();
  const settings = useLiveQuery(async () => {
    const [keep, lastRestore] = await Promise.all([repo.db.meta.get(BACKUP_KEEP_META_KEY), repo.db.meta.get(LAST_RESTORE_META_KEY)]);
    return { keep: typeof keep?.value === 'number' ? keep.value : DEFAULT_BACKUP_KEEP, lastRestore: lastRestore?.value as { at: string; source: string } | undefined };
  }, [repo]);

  const refresh = useCallback(async () => {
    try {
      setLocal({ list: await getBridge().backupListLocal({}) });
    } catch (error) {
      if (error instanceof BridgeCallError && error.code === 'unsupported') setLocal({ unsupported: true });
      else setLocal({ error: errorText(error, t) });
    }
  }, [t]);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function exportFull() {
    setExporting(true);
    try {
      const bridge = getBridge();
      const bytes = await createBackup(repo.db, 'manual', await backupContext(repo.db, bridge, profile));
      const saved = await bridge.backupSaveAs({ defaultName: backupFileName(), bytes });
      if (saved) void message.success(t('full.saved', { name: saved.name, size: formatSize(bytes.byteLength) }));
    } catch (error) {
      void message.error(t('full.failed', { message: errorText(error, t) }));
    } finally {
      setExporting(false);
    }
  }

  async function snapshotNow() {
    setSnapshotting(true);
    try {
      const bridge = getBridge();
      const ctx = await backupContext(repo.db, bridge, profile);
      const written = await bridge.backupWriteLocal({ reason: 'manual', bytes: await createBackup(repo.db, 'manual', ctx), keep: settings?.keep ?? DEFAULT_BACKUP_KEEP });
      void message.success(t('automatic.done', { name: written.name }));
      await refresh();
    } catch (error) {
      void message.error(t('full.failed', { message: errorText(error, t) }));
    } finally {
      setSnapshotting(false);
    }
  }

  async function restoreLocal(name: string) {
    try {
      await restore({ name, bytes: await getBridge().backupReadLocal({ name }) });
    } catch (error) {
      void message.error(t('restoreFailed', { message: errorText(error, t) }));
    }
    await refresh();
  }

  async function restoreFromFile() {
    try {
      const opened = await getBridge().backupOpenFile({ title: t('fromFile.choose') });
      if (opened) await restore(opened);
    } catch (error) {
      void message.error(t('restoreFailed', { message: errorText(error, t) }));
    }
  }

  const busy = stage !== 'idle' || exporting || snapshotting;
  return (
    <Spin spinning={stage !== 'idle'} tip={stage === 'checking' ? t('checking') : t('restoring')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }} data-testid="backup-page">
        <div>
          <Typography.Title level={3} style={{ marginTop: 0 }}>{t('title')}</Typography.Title>
          <Typography.Text type="secondary">{t('subtitle')}</Typography.Text>
        </div>
        {problem && <Alert type="error" showIcon message={problem} data-testid="backup-problem" />}
        {notice && <Alert type="warning" showIcon message={notice} />}
        {settings?.lastRestore && <Alert type="info" message={t('lastRestore', { at: formatTime(settings.lastRestore.at), source: settings.lastRestore.source })} />}

        <Card title={t('full.title')} size="small">
          <Typography.Paragraph>{t('full.text')}</Typography.Paragraph>
          <Button type="primary" icon={<CloudDownloadOutlined />} loading={exporting} disabled={busy && !exporting} onClick={() => void exportFull()}>
            {exporting ? t('full.exporting') : t('full.export')}
          </Button>
        </Card>

        <Card title={t('automatic.title')} size="small">
          <Typography.Paragraph>{t('automatic.text')}</Typography.Paragraph>
          {local && 'unsupported' in local ? (
            <Alert type="info" message={t('automatic.unsupported')} />
          ) : (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Space wrap>
                <span>{t('automatic.keep')}</span>
                <InputNumber
                  aria-label={t('automatic.keep')}
                  min={1}
                  max={60}
                  precision={0}
                  value={settings?.keep}
                  onChange={(value) => {
                    if (typeof value !== 'number') return;
                    void setBackupKeep(repo.db, value).then(() => message.success(t('automatic.keepSaved', { keep: value })));
                  }}
                />
                <span>{t('automatic.keepUnit')}</span>
                <Button icon={<SaveOutlined />} loading={snapshotting} disabled={busy && !snapshotting} onClick={() => void snapshotNow()}>
                  {t('automatic.now')}
                </Button>
              </Space>
              {local && 'error' in local && <Alert type="error" message={t('automatic.listFailed', { message: local.error })} />}
              <Table<LocalBackupInfo>
                size="small"
                rowKey="name"
                pagination={{ pageSize: 10, hideOnSinglePage: true }}
                dataSource={local && 'list' in local ? local.list : []}
                locale={{ emptyText: t('automatic.none') }}
                columns={[
                  { title: t('automatic.columns.createdAt'), dataIndex: 'createdAt', render: (iso: string) => formatTime(iso) },
                  { title: t('automatic.columns.reason'), dataIndex: 'reason', render: (reason: LocalBackupInfo['reason']) => <Tag>{t(`reason.${reason}`)}</Tag> },
                  { title: t('automatic.columns.size'), dataIndex: 'size', render: (size: number) => formatSize(size) },
                  {
                    title: t('automatic.columns.actions'),
                    key: 'actions',
                    render: (_: unknown, row) => (
                      <Button size="small" danger disabled={busy} onClick={() => void restoreLocal(row.name)}>
                        {t('automatic.restore')}
                      </Button>
                    ),
                  },
                ]}
              />
            </Space>
          )}
        </Card>

        <Card title={t('fromFile.title')} size="small">
          <Typography.Paragraph>{t('fromFile.text')}</Typography.Paragraph>
          <Button danger icon={<FolderOpenOutlined />} disabled={busy} onClick={() => void restoreFromFile()}>
            {t('fromFile.choose')}
          </Button>
        </Card>
      </Space>
    </Spin>
  );
}
