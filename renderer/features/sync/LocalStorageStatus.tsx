import { useEffect, useState } from 'react';
import { Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { storageStatus, type StorageStatus } from '../../data/storagePersistence';

/** Below this much room left in the browser's quota the delegate is warned before a save fails. */
const LOW_SPACE_BYTES = 200 * 1024 * 1024;

function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** 本机存储: whether the browser keeps the data persistently, and how much room is left — on the sync page's device card. */
export function LocalStorageStatus() {
  const { t } = useTranslation('sync');
  const [status, setStatus] = useState<StorageStatus>();
  useEffect(() => {
    let current = true;
    void storageStatus().then((s) => {
      if (current) setStatus(s);
    });
    return () => {
      current = false;
    };
  }, []);
  if (!status) return null;
  const persistence = status.persisted === true ? 'persisted' : status.persisted === false ? 'notPersisted' : 'unknown';
  const free = status.usage !== undefined && status.quota !== undefined ? Math.max(0, status.quota - status.usage) : undefined;
  return (
    <Space wrap data-testid="storage-status">
      <Tag color={status.persisted === true ? 'green' : 'orange'} data-testid="storage-persistence">
        {t(`storage.${persistence}`)}
      </Tag>
      {status.usage !== undefined && status.quota !== undefined && (
        <Typography.Text type="secondary">{t('storage.usage', { used: formatBytes(status.usage), quota: formatBytes(status.quota) })}</Typography.Text>
      )}
      {free !== undefined && free < LOW_SPACE_BYTES && <Typography.Text type="danger">{t('storage.low', { free: formatBytes(LOW_SPACE_BYTES) })}</Typography.Text>}
    </Space>
  );
}
