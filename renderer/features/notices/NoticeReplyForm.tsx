import { useState } from 'react';
import { Alert, Button, Card, Form, Input, List, Typography, Upload } from 'antd';
import { DeleteOutlined, PaperClipOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Notice, NoticeReceipt } from '../../../shared/domain';
import { formatChinaDateTime } from '../../../shared/lifecycle';
import { replyWindow } from '../../../shared/meetings';
import { useProfile, useRepo } from '../../app/session';
import { replyToNotice } from '../../data/noticeCommands';
import type { AttachmentFile } from '../../data/proposalCommands';
import { AttachmentList } from '../proposals/AttachmentList';
import { useCommand } from '../handling/useCommand';
import { useNow } from '../meetings/useNow';

/**
 * 反馈意见 (a delegate, on a 征求意见): the opinion and optional files, given or changed until the due time; after
 * it the form closes and says so. What was typed stays on screen when the reply is refused.
 */
export function NoticeReplyForm({ notice, receipt }: { notice: Notice; receipt: NoticeReceipt | undefined }) {
  const { t } = useTranslation('notices');
  const repo = useRepo();
  const profile = useProfile();
  const now = useNow(30_000);
  const [form] = Form.useForm<{ reply?: string }>();
  const [files, setFiles] = useState<(AttachmentFile & { uid: string })[]>([]);
  const { busy, refusal, run } = useCommand();
  const window = replyWindow(notice, now);
  if (window.state === 'notAsked') return null;
  const replied = receipt?.reply?.trim() ? receipt : undefined;

  const submit = async () => {
    const { reply } = form.getFieldsValue(true) as { reply?: string };
    const ok = await run(
      () => replyToNotice(repo, { role: profile.role, actorId: profile.actorId }, notice.id, { reply: reply ?? '', files: files.map(({ name, type, bytes }) => ({ name, type, bytes })) }),
      t('reply.done'),
      form,
      ['reply'],
    );
    if (ok) setFiles([]);
  };

  return (
    <Card title={t('reply.title')} data-testid="notice-reply">
      {replied && (
        <div style={{ marginBottom: 12 }} data-testid="notice-my-reply">
          <Typography.Text type="secondary">{t('reply.yours', { time: formatChinaDateTime(replied.repliedAt ?? replied.updatedAt) })}</Typography.Text>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{replied.reply}</Typography.Paragraph>
          <AttachmentList owner={{ entity: 'noticeReply', id: replied.id }} canRemove={false} empty={null} />
        </div>
      )}
      {window.state === 'closed' ? (
        <Alert type="info" showIcon title={t('reply.closed', { message: window.message })} data-testid="notice-reply-closed" />
      ) : (
        <Form form={form} layout="vertical" initialValues={{ reply: replied?.reply ?? '' }} onFinish={() => void submit()} data-testid="notice-reply-form">
          <Form.Item name="reply" label={t('reply.label')} required data-testid="notice-reply-item">
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 16 }} placeholder={t('reply.placeholder')} data-testid="notice-reply-text" />
          </Form.Item>
          <Form.Item label={t('reply.files')}>
            {files.length > 0 && (
              <List
                size="small"
                style={{ marginBottom: 8 }}
                dataSource={files}
                renderItem={(f) => (
                  <List.Item actions={[<Button key="rm" type="link" danger size="small" icon={<DeleteOutlined />} onClick={() => setFiles((all) => all.filter((x) => x.uid !== f.uid))} aria-label={t('common:delete')} />]}>
                    <PaperClipOutlined /> {f.name}
                  </List.Item>
                )}
              />
            )}
            <Upload
              multiple
              showUploadList={false}
              beforeUpload={(file) => {
                void file.arrayBuffer().then((buffer) => setFiles((all) => [...all, { uid: file.uid, name: file.name, type: file.type, bytes: new Uint8Array(buffer) }]));
                return false;
              }}
            >
              <Button icon={<PaperClipOutlined />}>{t('reply.addFile')}</Button>
            </Upload>
          </Form.Item>
          {refusal && <Alert type="error" showIcon title={refusal} style={{ marginBottom: 12 }} data-testid="notice-reply-refusal" />}
          <Button type="primary" htmlType="submit" loading={busy} data-testid="notice-reply-submit">
            {replied ? t('reply.update') : t('reply.submit')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
