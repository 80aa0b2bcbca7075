import { useEffect, useState } from 'react';
import { App, Button, Card, Flex, Popconfirm, Result, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatChinaDateTime } from '../../../shared/lifecycle';
import { isVisibleTo, receiptOf } from '../../../shared/meetings';
import { useProfile, useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { markNoticeRead, withdrawNotice } from '../../data/noticeCommands';
import { AttachmentList } from '../proposals/AttachmentList';
import { useCommand } from '../handling/useCommand';
import { useNow } from '../meetings/useNow';
import { AudienceText } from './AudienceText';
import { NoticeFormModal } from './NoticeForm';
import { NoticeReceipts } from './NoticeReceipts';
import { NoticeReplyForm } from './NoticeReplyForm';

/**
 * One notice. A delegate's opening writes their read receipt (once); for a 征求意见 they reply below. The office
 * sees who has read it and the replies, and may correct or withdraw it.
 */
export function NoticePage({ noticeId }: { noticeId: string }) {
  const { t } = useTranslation('notices');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const navigate = useRouter((s) => s.navigate);
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const { refusal, run } = useCommand();
  const office = profile.role === 'office';
  const data = useLiveQuery(async () => {
    const [notice, me, groups, receipts] = await Promise.all([
      repo.db.notice.get(noticeId),
      profile.role === 'delegate' ? repo.db.delegate.get(profile.actorId) : undefined,
      repo.db.activityGroup.toArray(),
      profile.role === 'delegate' ? repo.db.noticeReceipt.where('noticeId').equals(noticeId).toArray() : Promise.resolve([]),
    ]);
    if (!notice || notice.deletedAt) return null;
    if (profile.role === 'delegate' && !isVisibleTo(notice, me ?? { id: profile.actorId })) return null;
    return { notice, groupNames: new Map(groups.map((g) => [g.id, g.name])), receipt: receiptOf(receipts, noticeId, profile.actorId) };
  }, [repo, noticeId, profile.role, profile.actorId]);

  const visible = Boolean(data);
  const unread = profile.role === 'delegate' && visible && !data?.receipt?.readAt;
  useEffect(() => {
    // 已读回执: opening the notice is reading it. A failure here must not block reading; it is retried next time.
    if (unread) void markNoticeRead(repo, { role: profile.role, actorId: profile.actorId }, noticeId).catch(() => undefined);
  }, [unread, repo, profile.role, profile.actorId, noticeId]);

  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'notices' })} style={{ paddingInline: 0 }}>
      {t('page.back')}
    </Button>
  );
  if (data === undefined) return <Spin />;
  if (data === null) return <Result status="404" title={t('page.notFound')} extra={back} />;
  const { notice } = data;
  const dueClosed = notice.repliesDueAt !== undefined && now.getTime() > Date.parse(notice.repliesDueAt);

  const withdraw = async () => {
    const ok = await run(() => withdrawNotice(repo, { role: profile.role, actorId: profile.actorId }, notice.id), '');
    if (ok) {
      message.success(t('page.withdrawn'));
      navigate({ name: 'notices' });
    }
  };

  return (
    <Flex vertical gap={16} data-testid="notice-page">
      <div>{back}</div>
      <Card
        title={
          <Space wrap>
            <Tag color={notice.kind === 'consultation' ? 'gold' : 'blue'}>{t(`kinds.${notice.kind}`)}</Tag>
            <span data-testid="notice-title">{notice.title}</span>
          </Space>
        }
        extra={
          office && (
            <Space>
              <Button onClick={() => setEditing(true)} data-testid="notice-edit">
                {t('page.edit')}
              </Button>
              <Popconfirm title={t('page.withdrawConfirm')} okText={t('common:confirm')} cancelText={t('common:cancel')} onConfirm={() => void withdraw()}>
                <Button danger data-testid="notice-withdraw">
                  {t('page.withdraw')}
                </Button>
              </Popconfirm>
            </Space>
          )
        }
      >
        {refusal && <Typography.Paragraph type="danger">{refusal}</Typography.Paragraph>}
        <Space wrap size="large" style={{ marginBottom: 12 }}>
          {notice.publishedAt && <Typography.Text type="secondary">{t('page.publishedAt', { time: formatChinaDateTime(notice.publishedAt) })}</Typography.Text>}
          {office && (
            <Typography.Text type="secondary">
              <AudienceText audience={notice.audience} groupNames={data.groupNames} />
            </Typography.Text>
          )}
          {notice.kind === 'consultation' && notice.repliesDueAt && (
            <Typography.Text type={dueClosed ? 'secondary' : 'warning'} data-testid="notice-due">
              {dueClosed ? t('page.dueClosed', { time: formatChinaDateTime(notice.repliesDueAt) }) : t('page.due', { time: formatChinaDateTime(notice.repliesDueAt) })}
            </Typography.Text>
          )}
        </Space>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', fontSize: 15 }} data-testid="notice-body">
          {notice.body}
        </Typography.Paragraph>
        <Typography.Text strong>{t('page.attachments')}</Typography.Text>
        <div style={{ marginTop: 8 }}>
          <AttachmentList owner={{ entity: 'notice', id: notice.id }} canRemove={false} empty={<Typography.Text type="secondary">{t('page.noAttachments')}</Typography.Text>} />
        </div>
      </Card>
      {profile.role === 'delegate' && <NoticeReplyForm key={data.receipt?.repliedAt ?? 'none'} notice={notice} receipt={data.receipt} />}
      {office && <NoticeReceipts notice={notice} />}
      {editing && <NoticeFormModal notice={notice} onClose={() => setEditing(false)} />}
    </Flex>
  );
}
