import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Progress, Space, Table, Tag, Typography } from 'antd';
import { CloudSyncOutlined, FolderOpenOutlined, UsbOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { SyncProblemCode } from '../../../shared/sync/types';
import { useProfile, useRepo } from '../../app/session';
import { BridgeCallError, getBridge } from '../../bridge/client';
import { approveEnrolment, deviceIdentity } from '../../sync/identity';
import { META } from '../../sync/context';
import { setSyncFolder, useSyncStore } from '../../sync/syncStore';
import type { SyncRunResult } from '../../sync/engine';
import { LocalStorageStatus } from './LocalStorageStatus';

const when = (iso: string) => new Date(iso).toLocaleString('zh-CN', { hour12: false });

export function SyncPage() {
  const { t } = useTranslation('sync');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const { running, progress, lastResult, error, syncNow } = useSyncStore();
  const [fingerprint, setFingerprint] = useState<string>();
  // false where the OS keeps no secret store (Linux without a keyring): the device keys sit in a plain file
  const [keysProtected, setKeysProtected] = useState<boolean>();
  const data = useLiveQuery(async () => {
    const [folder, lastSyncAt, pending, problems, binding, requests, delegates] = await Promise.all([
      repo.db.meta.get(META.folder),
      repo.db.meta.get(META.lastSyncAt),
      repo.db.pendingExport.count(),
      repo.db.syncProblems.toArray(),
      repo.db.deviceBinding.get(profile.deviceId),
      repo.db.enrolmentRequests.toArray(),
      repo.db.delegate.toArray(),
    ]);
    return {
      folder: folder?.value as string | undefined,
      lastSyncAt: lastSyncAt?.value as string | undefined,
      pending,
      problems,
      bound: !!binding && !binding.deletedAt,
      requests,
      numbers: new Map(delegates.map((d) => [d.id, d.delegateNumber])),
    };
  }, [repo, profile.deviceId]);

  useEffect(() => {
    void deviceIdentity(getBridge(), profile.deviceId)
      .then((identity) => {
        setFingerprint(identity.fingerprint);
        setKeysProtected(identity.protectedAtRest);
      })
      .catch(() => setFingerprint(undefined));
  }, [profile.deviceId]);

  const summary = (result: SyncRunResult) => t('result', { applied: result.applied, written: result.written });
  const report = (result: SyncRunResult | null) => {
    if (!result) return;
    if (!result.reachable) message.warning(t('unreachable'));
    else message.success(summary(result));
  };
  /** The folder dialog; a folder that cannot be used is explained, and nothing changes. */
  const pickFolder = async (title: string) => {
    try {
      return await getBridge().syncChooseFolder({ title });
    } catch (e) {
      message.error(e instanceof BridgeCallError ? t(`common:errors.bridge.${e.code}`, { defaultValue: e.message }) : String(e));
      return null;
    }
  };
  const chooseFolder = async () => {
    const chosen = await pickFolder(t('chooseFolder'));
    if (!chosen) return;
    await setSyncFolder(chosen.folder);
    report(await syncNow());
  };
  const usb = async (mode: 'exportOnly' | 'importOnly') => {
    const chosen = await pickFolder(t(mode === 'exportOnly' ? 'usbExport' : 'usbImport'));
    if (!chosen) return;
    const result = await syncNow({ folder: chosen.folder, mode });
    if (result) message.success(t('usbDone', { summary: result.reachable ? summary(result) : t('unreachable') }));
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%', maxWidth: 1100 }}>
      <Card title={<><CloudSyncOutlined /> {t('folderCard')}</>}>
        <Typography.Paragraph type="secondary">{t('folderHelp')}</Typography.Paragraph>
        <Descriptions column={1} size="small" bordered style={{ marginBottom: 16 }}>
          <Descriptions.Item label={t('folderCard')}>
            <span data-testid="sync-folder">{data?.folder ?? t('folderNone')}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('title')}>
            <Space wrap>
              <span data-testid="sync-last">{data?.lastSyncAt ? t('lastSync', { time: when(data.lastSyncAt) }) : t('never')}</span>
              <Tag color={data?.pending ? 'orange' : 'green'} data-testid="sync-pending">
                {t('pending', { count: data?.pending ?? 0 })}
              </Tag>
            </Space>
          </Descriptions.Item>
        </Descriptions>
        {lastResult && !lastResult.reachable && <Alert type="warning" showIcon message={t('unreachable')} style={{ marginBottom: 12 }} />}
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        {progress && progress.total > 0 && (
          <Progress percent={Math.round((progress.done / progress.total) * 100)} format={() => t('progress', progress)} />
        )}
        <Space>
          <Button icon={<FolderOpenOutlined />} onClick={() => void chooseFolder()} data-testid="sync-choose-folder">
            {t('chooseFolder')}
          </Button>
          <Button type="primary" loading={running} disabled={!data?.folder} onClick={() => void syncNow().then(report)} data-testid="sync-now">
            {running ? t('syncing') : t('syncNow')}
          </Button>
        </Space>
      </Card>

      <Card title={<><UsbOutlined /> {t('usbCard')}</>}>
        <Typography.Paragraph type="secondary">{t('usbHelp')}</Typography.Paragraph>
        <Space>
          <Button onClick={() => void usb('exportOnly')} disabled={running} data-testid="usb-export">
            {t('usbExport')}
          </Button>
          <Button onClick={() => void usb('importOnly')} disabled={running} data-testid="usb-import">
            {t('usbImport')}
          </Button>
        </Space>
      </Card>

      <Card title={t('deviceCard')}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('fingerprint')}>
            <Typography.Text strong style={{ fontSize: 18, letterSpacing: 2 }} data-testid="device-fingerprint">
              {fingerprint ?? '—'}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('storage.label')}>
            <LocalStorageStatus />
          </Descriptions.Item>
        </Descriptions>
        {keysProtected === false && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={t('keysUnprotected')} data-testid="keys-unprotected" />}
        {profile.role === 'office' ? (
          <Alert type="info" showIcon message={t('officeRoot')} />
        ) : data?.bound ? (
          <Alert type="success" showIcon message={t('bound')} data-testid="device-bound" />
        ) : (
          <Alert type="warning" showIcon message={t('waiting')} data-testid="device-waiting" />
        )}
      </Card>

      {profile.role === 'office' && (
        <Card title={t('enrolCard')}>
          <Typography.Paragraph type="secondary">{t('enrolHelp')}</Typography.Paragraph>
          <Table
            rowKey="deviceId"
            size="small"
            pagination={false}
            dataSource={data?.requests ?? []}
            locale={{ emptyText: t('enrolEmpty') }}
            data-testid="enrolment-requests"
            columns={[
              {
                title: t('colName'),
                render: (_, r) => (
                  <Space>
                    {`${r.actorName}${data?.numbers.get(r.actorId) ? `（${data.numbers.get(r.actorId)}）` : ''}`}
                    {(data?.requests.filter((other) => other.actorId === r.actorId).length ?? 0) > 1 && (
                      <Tag color="red">{t('duplicateRequest')}</Tag>
                    )}
                  </Space>
                ),
              },
              { title: t('colFingerprint'), dataIndex: 'fingerprint' },
              { title: t('colSeen'), dataIndex: 'seenAt', render: (v: string) => when(v) },
              {
                title: '',
                render: (_, r) => (
                  <Button
                    type="primary"
                    size="small"
                    data-testid={`approve-${r.actorId}`}
                    onClick={() =>
                      void approveEnrolment(repo, r.deviceId)
                        .then(() => message.success(t('approved', { name: r.actorName })))
                        .then(() => syncNow())
                        .catch((e: unknown) => message.error(String(e instanceof Error ? e.message : e)))
                    }
                  >
                    {t('approve')}
                  </Button>
                ),
              },
            ]}
          />
        </Card>
      )}

      <Card title={t('problemsCard')}>
        <Table
          rowKey="id"
          size="small"
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          dataSource={data?.problems ?? []}
          locale={{ emptyText: t('problemsEmpty') }}
          data-testid="sync-problems"
          columns={[
            { title: t('colFile'), dataIndex: 'file', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
            { title: t('colDevice'), dataIndex: 'deviceId', render: (v?: string) => v ?? '—' },
            { title: t('colReason'), dataIndex: 'code', render: (code: SyncProblemCode, r) => <span title={r.detail}>{t(`problems.${code}.reason`)}</span> },
            { title: t('colAction'), dataIndex: 'code', render: (code: SyncProblemCode) => t(`problems.${code}.action`) },
          ]}
        />
      </Card>
    </Space>
  );
}
