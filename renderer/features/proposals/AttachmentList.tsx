import type { ReactNode } from 'react';
import { App, Button, List, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Attachment } from '../../../shared/domain';
import { useRepo } from '../../app/session';
import { getBridge, BridgeCallError } from '../../bridge/client';

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/**
 * The files attached to a record, each downloadable: a proposal's by default (`proposalId`), or another record's
 * (`owner`, e.g. the scanned letter of a reply). `empty` replaces the "无附件" line (null shows nothing).
 */
export function AttachmentList({
  proposalId,
  owner,
  canRemove,
  onRemove,
  empty,
  header,
}: {
  proposalId?: string;
  owner?: { entity: Attachment['ownerEntity']; id: string };
  canRemove: boolean;
  onRemove?: (id: string) => Promise<void>;
  empty?: ReactNode;
  header?: ReactNode;
}) {
  const { t } = useTranslation('proposals');
  const { message } = App.useApp();
  const repo = useRepo();
  const ownerEntity = owner?.entity ?? 'proposal';
  const ownerId = owner?.id ?? proposalId ?? '';
  const attachments = useLiveQuery(
    () =>
      repo.db.attachment
        .where('[ownerEntity+ownerId]')
        .equals([ownerEntity, ownerId])
        .filter((a) => !a.deletedAt)
        .toArray(),
    [repo, ownerEntity, ownerId],
  );

  const download = async (sha256: string, fileName: string) => {
    try {
      const blob = await repo.db.blobs.get(sha256);
      if (!blob) throw new Error(fileName);
      const saved = await getBridge().saveFile({ defaultName: fileName, bytes: new Uint8Array(blob.bytes) });
      if (saved) message.success(t('view.saved', { name: saved.name }));
    } catch (error) {
      const code = error instanceof BridgeCallError ? error.code : '';
      message.error(code ? t(`common:errors.bridge.${code}`) : t('common:errors.generic', { message: String(error) }));
    }
  };

  if (!attachments?.length) {
    if (empty !== undefined) return <>{empty}</>;
    return <Typography.Text type="secondary">{t('view.noAttachments')}</Typography.Text>;
  }
  return (
    <List
      size="small"
      bordered
      {...(header ? { header } : {})}
      dataSource={attachments}
      renderItem={(a) => (
        <List.Item
          actions={[
            <Button key="dl" type="link" size="small" icon={<DownloadOutlined />} onClick={() => void download(a.sha256, a.fileName)}>
              {t('common:download')}
            </Button>,
            ...(canRemove && onRemove
              ? [<Button key="rm" type="link" danger size="small" icon={<DeleteOutlined />} onClick={() => void onRemove(a.id)} aria-label={t('common:delete')} />]
              : []),
          ]}
        >
          <PaperClipOutlined /> {a.fileName} <Typography.Text type="secondary">（{formatSize(a.size)}）</Typography.Text>
        </List.Item>
      )}
    />
  );
}
