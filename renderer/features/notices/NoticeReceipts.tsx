import { useState, type HTMLAttributes } from 'react';
import { Card, Flex, Switch, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../shared/domain';
import { formatChinaDateTime } from '../../../shared/lifecycle';
import type { ReceiptRow } from '../../../shared/meetings';
import { useRepo } from '../../app/session';
import { noticeReceipts } from '../../data/noticeQueries';
import { AttachmentList } from '../proposals/AttachmentList';

/** The office's view of one notice: every addressee, when they read it, their opinion (names shown: not secret). */
export function NoticeReceipts({ notice }: { notice: Notice }) {
  const { t } = useTranslation('notices');
  const repo = useRepo();
  const [onlyUnread, setOnlyUnread] = useState(false);
  const data = useLiveQuery(async () => {
    const [summary, delegates, groups] = await Promise.all([noticeReceipts(repo.db, notice), repo.db.delegate.toArray(), repo.db.activityGroup.toArray()]);
    return { summary, delegates: new Map(delegates.map((d) => [d.id, d])), groups: new Map(groups.map((g) => [g.id, g.name])) };
  }, [repo, notice]);
  if (!data) return null;
  const { summary } = data;
  const consultation = notice.kind === 'consultation';

  const columns: TableColumnsType<ReceiptRow> = [
    { title: t('page.number'), key: 'number', width: 100, render: (_, r) => data.delegates.get(r.delegateId)?.delegateNumber ?? '—' },
    {
      title: t('page.delegate'),
      key: 'name',
      width: 150,
      render: (_, r) => (
        <span>
          {data.delegates.get(r.delegateId)?.name ?? '—'}
          {!r.inAudience && <Typography.Text type="secondary">{t('page.notInAudience')}</Typography.Text>}
        </span>
      ),
    },
    { title: t('page.group'), key: 'group', width: 130, render: (_, r) => data.groups.get(data.delegates.get(r.delegateId)?.activityGroupId ?? '') ?? '—' },
    { title: t('page.readAt'), key: 'readAt', width: 160, render: (_, r) => (r.readAt ? formatChinaDateTime(r.readAt) : <Tag color="orange">{t('page.notRead')}</Tag>) },
    ...(consultation
      ? [
          {
            title: t('page.reply'),
            key: 'reply',
            render: (_: unknown, r: ReceiptRow) =>
              r.reply ? (
                <div>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{r.reply}</Typography.Paragraph>
                  {r.receiptId && <AttachmentList owner={{ entity: 'noticeReply', id: r.receiptId }} canRemove={false} empty={null} />}
                </div>
              ) : (
                '—'
              ),
          },
          { title: t('page.repliedAt'), key: 'repliedAt', width: 160, render: (_: unknown, r: ReceiptRow) => (r.repliedAt ? formatChinaDateTime(r.repliedAt) : '—') },
        ]
      : []),
  ];

  return (
    <Card
      title={t('page.receiptsTitle')}
      extra={
        <Flex gap={8} align="center">
          <Typography.Text type="secondary">{t('page.onlyUnread')}</Typography.Text>
          <Switch size="small" checked={onlyUnread} onChange={setOnlyUnread} data-testid="receipts-only-unread" />
        </Flex>
      }
    >
      <Typography.Paragraph data-testid="receipt-counts">{t('page.counts', { audience: summary.audience, read: summary.read, replied: summary.replied })}</Typography.Paragraph>
      <Table<ReceiptRow>
        size="small"
        rowKey="delegateId"
        columns={columns}
        dataSource={onlyUnread ? summary.rows.filter((r) => !r.readAt) : summary.rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        onRow={(r) => ({ 'data-testid': 'receipt-row', 'data-delegate': data.delegates.get(r.delegateId)?.name ?? '' }) as HTMLAttributes<HTMLElement>}
      />
    </Card>
  );
}
