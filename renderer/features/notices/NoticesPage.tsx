import { useState, type HTMLAttributes } from 'react';
import { Badge, Button, Flex, Space, Spin, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { NotificationOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../shared/domain';
import { formatChinaDateTime } from '../../../shared/lifecycle';
import { useProfile, useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { noticesForDelegate, noticesForOffice, type DelegateNoticeRow, type OfficeNoticeRow } from '../../data/noticeQueries';
import { AudienceText } from './AudienceText';
import { NoticeFormModal } from './NoticeForm';

export { NoticePage } from './NoticePage';

const time = (iso: string | undefined) => (iso ? formatChinaDateTime(iso) : '—');

function KindTag({ notice }: { notice: Notice }) {
  const { t } = useTranslation('notices');
  return <Tag color={notice.kind === 'consultation' ? 'gold' : 'blue'}>{t(`kinds.${notice.kind}`)}</Tag>;
}

function TitleLink({ notice, unread }: { notice: Notice; unread?: boolean }) {
  const navigate = useRouter((s) => s.navigate);
  return (
    <Typography.Link
      href={`#/notice/${notice.id}`}
      strong={unread}
      onClick={(e) => {
        e.preventDefault();
        navigate({ name: 'notice', id: notice.id });
      }}
      data-testid="notice-link"
    >
      {notice.title}
    </Typography.Link>
  );
}

/** A delegate's notices, latest first: unread ones marked, 征求意见 awaiting an opinion flagged. */
function DelegateNotices() {
  const { t } = useTranslation('notices');
  const repo = useRepo();
  const profile = useProfile();
  const rows = useLiveQuery(() => noticesForDelegate(repo.db, profile.actorId), [repo, profile.actorId]);
  if (!rows) return <Spin />;
  const unread = rows.filter((r) => r.unread).length;
  const columns: TableColumnsType<DelegateNoticeRow> = [
    {
      title: t('list.titleColumn'),
      key: 'title',
      render: (_, r) => (
        <Space>
          {r.unread && <Badge status="error" />}
          <TitleLink notice={r.notice} unread={r.unread} />
        </Space>
      ),
    },
    { title: t('list.kind'), key: 'kind', width: 110, render: (_, r) => <KindTag notice={r.notice} /> },
    { title: t('list.publishedAt'), key: 'publishedAt', width: 160, render: (_, r) => time(r.notice.publishedAt) },
    { title: t('list.due'), key: 'due', width: 160, render: (_, r) => (r.notice.kind === 'consultation' ? time(r.notice.repliesDueAt) : '—') },
    {
      title: t('list.status'),
      key: 'status',
      width: 170,
      render: (_, r) => (
        <Space size={4} data-testid="notice-status">
          {r.unread ? <Tag color="red">{t('list.unread')}</Tag> : <Tag>{t('list.readTag')}</Tag>}
          {r.notice.kind === 'consultation' && (r.receipt?.reply?.trim() ? <Tag color="green">{t('list.repliedTag')}</Tag> : <Tag color="orange">{t('list.awaitingReply')}</Tag>)}
        </Space>
      ),
    },
  ];
  return (
    <>
      {unread > 0 && (
        <Typography.Text type="danger" data-testid="notice-unread-count">
          {t('list.unreadCount', { count: unread })}
        </Typography.Text>
      )}
      <Table<DelegateNoticeRow>
        size="small"
        rowKey={(r) => r.notice.id}
        columns={columns}
        dataSource={rows}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('list.empty') }}
        onRow={(r) => ({ 'data-testid': 'notice-row', 'data-unread': String(r.unread) }) as HTMLAttributes<HTMLElement>}
      />
    </>
  );
}

/** Every notice for the office with read and reply counts; publishing opens the form. */
function OfficeNotices() {
  const { t } = useTranslation('notices');
  const repo = useRepo();
  const data = useLiveQuery(async () => {
    const [rows, groups] = await Promise.all([noticesForOffice(repo.db), repo.db.activityGroup.toArray()]);
    return { rows, groupNames: new Map(groups.map((g) => [g.id, g.name])) };
  }, [repo]);
  if (!data) return <Spin />;
  const columns: TableColumnsType<OfficeNoticeRow> = [
    { title: t('list.titleColumn'), key: 'title', render: (_, r) => <TitleLink notice={r.notice} /> },
    { title: t('list.kind'), key: 'kind', width: 110, render: (_, r) => <KindTag notice={r.notice} /> },
    { title: t('list.audience'), key: 'audience', width: 200, render: (_, r) => <AudienceText audience={r.notice.audience} groupNames={data.groupNames} /> },
    { title: t('list.publishedAt'), key: 'publishedAt', width: 160, render: (_, r) => time(r.notice.publishedAt) },
    { title: t('list.due'), key: 'due', width: 160, render: (_, r) => (r.notice.kind === 'consultation' ? time(r.notice.repliesDueAt) : '—') },
    { title: t('list.read'), key: 'read', width: 90, align: 'right', render: (_, r) => `${r.read}/${r.audience}` },
    { title: t('list.replied'), key: 'replied', width: 90, align: 'right', render: (_, r) => (r.notice.kind === 'consultation' ? r.replied : '—') },
  ];
  return (
    <Table<OfficeNoticeRow>
      size="small"
      rowKey={(r) => r.notice.id}
      columns={columns}
      dataSource={data.rows}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('list.empty') }}
      onRow={(r) => ({ 'data-testid': 'notice-row', 'data-read': String(r.read) }) as HTMLAttributes<HTMLElement>}
    />
  );
}

/** 通报与征求意见: the office publishes and follows up; a delegate reads and replies. */
export function NoticesPage() {
  const { t } = useTranslation('notices');
  const profile = useProfile();
  const navigate = useRouter((s) => s.navigate);
  const [publishing, setPublishing] = useState(false);
  const office = profile.role === 'office';
  return (
    <Flex vertical gap={16} data-testid="notices-page">
      <Flex justify="space-between" align="flex-start" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {t('list.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{office ? t('list.subtitleOffice') : t('list.subtitleDelegate')}</Typography.Text>
        </div>
        {office && (
          <Button type="primary" icon={<NotificationOutlined />} onClick={() => setPublishing(true)} data-testid="notice-publish">
            {t('list.publish')}
          </Button>
        )}
      </Flex>
      {office ? <OfficeNotices /> : <DelegateNotices />}
      {publishing && (
        <NoticeFormModal
          onClose={(saved) => {
            setPublishing(false);
            if (saved) navigate({ name: 'notice', id: saved.id });
          }}
        />
      )}
    </Flex>
  );
}
