import { useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, Modal, Pagination, Popconfirm, Row, Select, Space, Tooltip, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, LockOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { VisitPhoto } from '../../../shared/domain';
import { useProfile, useRepo } from '../../app/session';
import { removeVisitPhoto, updateVisitPhoto } from '../../data/visitCommands';
import type { PhotoEntry } from '../../data/visitQueries';
import { formatTime } from './dates';
import { PhotoThumb } from './PhotoThumb';
import { useVisitCommand } from './useVisitCommand';

const PAGE_SIZE = 24;

/**
 * Photos in a grid, a page at a time (a trip may bring hundreds), each with its caption and time. `editable`: the
 * viewer's own photos, whose caption and time they may change or which they may delete. `delegateName`: shown
 * under each photo, with a filter by delegate (the office's view of everyone's photos).
 */
export function PhotoGallery({
  entries,
  editable,
  delegateName,
}: {
  entries: PhotoEntry[];
  editable: boolean;
  delegateName?: (id: string) => string;
}) {
  const { t } = useTranslation('visits');
  const repo = useRepo();
  const profile = useProfile();
  const acting = { role: profile.role, actorId: profile.actorId };
  const { run } = useVisitCommand();
  const [editing, setEditing] = useState<VisitPhoto | null>(null);
  const [filter, setFilter] = useState<string>('');
  const [page, setPage] = useState(1);

  const photographers = delegateName ? [...new Set(entries.map((e) => e.photo.delegateId))] : [];
  const shown = filter ? entries.filter((e) => e.photo.delegateId === filter) : entries;

  if (entries.length === 0) return <Typography.Text type="secondary">{t('photos.empty')}</Typography.Text>;
  return (
    <>
      {delegateName && photographers.length > 1 && (
        <Space style={{ marginBottom: 12 }}>
          <Typography.Text>{t('photos.filter')}</Typography.Text>
          <Select
            style={{ minWidth: 180 }}
            value={filter}
            onChange={(v) => {
              setFilter(v);
              setPage(1);
            }}
            options={[{ value: '', label: t('photos.allDelegates') }, ...photographers.map((id) => ({ value: id, label: delegateName(id) }))]}
            data-testid="photo-filter"
          />
        </Space>
      )}
      <Row gutter={[12, 12]}>
        {shown.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(({ photo, attachment }) => (
          <Col key={photo.id} flex="0 0 178px">
            <Card
              size="small"
              styles={{ body: { padding: 8 } }}
              cover={<PhotoThumb sha256={attachment?.sha256} alt={photo.caption || attachment?.fileName || ''} />}
              actions={
                editable
                  ? [
                      <Button key="edit" type="link" size="small" icon={<EditOutlined />} onClick={() => setEditing(photo)} data-testid="photo-edit">
                        {t('photos.edit')}
                      </Button>,
                      <Popconfirm
                        key="remove"
                        title={t('photos.removeConfirm')}
                        okText={t('common:confirm')}
                        cancelText={t('common:cancel')}
                        onConfirm={() => void run(() => removeVisitPhoto(repo, photo.id, acting), '')}
                      >
                        <Button type="link" size="small" danger icon={<DeleteOutlined />} aria-label={t('photos.remove')} data-testid="photo-remove" />
                      </Popconfirm>,
                    ]
                  : undefined
              }
              data-testid="photo-card"
            >
              <Typography.Paragraph style={{ marginBottom: 0 }} ellipsis={{ rows: 2 }} data-testid="photo-caption">
                {photo.caption || <Typography.Text type="secondary">—</Typography.Text>}
              </Typography.Paragraph>
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="photo-time">
                {formatTime(photo.takenAt ?? photo.createdAt)}
              </Typography.Text>
              {delegateName && (
                <div>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="photo-by">
                    {t('photos.by', { name: delegateName(photo.delegateId) })}
                  </Typography.Text>
                  {photo.originalSha256 && !photo.originalAttachmentId && photo.delegateId !== profile.actorId && (
                    <Tooltip title={t('photos.originalLocal')}>
                      <LockOutlined style={{ marginLeft: 6, color: '#999' }} />
                    </Tooltip>
                  )}
                </div>
              )}
            </Card>
          </Col>
        ))}
      </Row>
      {shown.length > PAGE_SIZE && (
        <Pagination style={{ marginTop: 12 }} pageSize={PAGE_SIZE} current={page} total={shown.length} onChange={setPage} showSizeChanger={false} />
      )}
      {editing && <PhotoDetailsModal photo={editing} onClose={() => setEditing(null)} />}
    </>
  );
}

interface DetailsValues {
  caption: string;
  takenAt: Dayjs | null;
}

function PhotoDetailsModal({ photo, onClose }: { photo: VisitPhoto; onClose: () => void }) {
  const { t } = useTranslation('visits');
  const repo = useRepo();
  const profile = useProfile();
  const [form] = Form.useForm<DetailsValues>();
  const { busy, run } = useVisitCommand();

  const save = async () => {
    const v = form.getFieldsValue(true) as DetailsValues;
    const saved = await run(
      () =>
        updateVisitPhoto(repo, photo.id, { role: profile.role, actorId: profile.actorId }, {
          caption: v.caption ?? '',
          ...(v.takenAt ? { takenAt: v.takenAt.toISOString() } : {}),
        }),
      t('photos.saved'),
      (errors) => form.setFields(Object.entries(errors).map(([name, text]) => ({ name: name as keyof DetailsValues, errors: [text] }))),
    );
    if (saved) onClose();
  };

  return (
    <Modal
      open
      title={t('photos.editTitle')}
      onOk={() => void save()}
      onCancel={onClose}
      okText={t('common:save')}
      cancelText={t('common:cancel')}
      confirmLoading={busy}
    >
      <Form form={form} layout="vertical" initialValues={{ caption: photo.caption, takenAt: photo.takenAt ? dayjs(photo.takenAt) : null }}>
        <Form.Item name="caption" label={t('photos.caption')}>
          <Input maxLength={200} data-testid="photo-caption-input" />
        </Form.Item>
        <Form.Item name="takenAt" label={t('photos.takenAt')}>
          <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} data-testid="photo-taken-at" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
