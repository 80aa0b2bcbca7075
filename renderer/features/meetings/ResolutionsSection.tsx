import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Popconfirm, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Resolution } from '../../../shared/domain';
import { useProfile, useRepo } from '../../app/session';
import { deleteResolution } from '../../data/meetingCommands';
import { useCommand } from '../handling/useCommand';
import { ResolutionFormModal } from './ResolutionForm';

/** 决议: each with its adoption day and full text; the office adds, edits and deletes them. */
export function ResolutionsSection({ meetingId, resolutions }: { meetingId: string; resolutions: Resolution[] }) {
  const { t } = useTranslation('meetings');
  const repo = useRepo();
  const profile = useProfile();
  const office = profile.role === 'office';
  const [editing, setEditing] = useState<Resolution | 'new' | undefined>();
  const { refusal, run } = useCommand();

  return (
    <Card
      title={t('resolutions.title')}
      extra={
        office && (
          <Button icon={<PlusOutlined />} onClick={() => setEditing('new')} data-testid="resolution-add">
            {t('resolutions.add')}
          </Button>
        )
      }
    >
      {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} />}
      {resolutions.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('resolutions.empty')} />}
      <Flex vertical gap={16}>
        {resolutions.map((r) => (
          <div key={r.id} data-testid="resolution">
            <Flex justify="space-between" align="baseline" wrap gap={8}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                {r.title}
              </Typography.Title>
              <Space size={0}>
                {r.adoptedOn && <Typography.Text type="secondary">{t('resolutions.adoptedOn', { date: r.adoptedOn })}</Typography.Text>}
                {office && (
                  <>
                    <Button type="link" size="small" onClick={() => setEditing(r)} data-testid="resolution-edit">
                      {t('resolutions.edit')}
                    </Button>
                    <Popconfirm
                      title={t('resolutions.deleteConfirm', { title: r.title })}
                      okText={t('common:confirm')}
                      cancelText={t('common:cancel')}
                      onConfirm={() => void run(() => deleteResolution(repo, { role: profile.role, actorId: profile.actorId }, r.id), t('resolutions.deleted'))}
                    >
                      <Button type="link" size="small" danger data-testid="resolution-delete">
                        {t('resolutions.delete')}
                      </Button>
                    </Popconfirm>
                  </>
                )}
              </Space>
            </Flex>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 8 }}>
              {r.text}
            </Typography.Paragraph>
          </div>
        ))}
      </Flex>
      {editing && <ResolutionFormModal meetingId={meetingId} {...(editing === 'new' ? {} : { resolution: editing })} onClose={() => setEditing(undefined)} />}
    </Card>
  );
}
