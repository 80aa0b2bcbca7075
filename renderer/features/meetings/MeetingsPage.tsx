import { useState, type HTMLAttributes } from 'react';
import { Button, Flex, Spin, Table, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { AnnualMeeting } from '../../../shared/domain';
import { formatDeadline, proposalWindow, termSessionLabel } from '../../../shared/meetings';
import { useProfile, useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { annualMeetings, currentCongress, proposalCountsByMeeting } from '../../data/meetingQueries';
import { MeetingFormModal } from './MeetingForm';
import { WindowTag } from './WindowTag';
import { useNow } from './useNow';

export { MeetingPage } from './MeetingPage';

/** 年会: every annual meeting of the term, latest first; the office adds them. Delegates read. */
export function MeetingsPage() {
  const { t } = useTranslation('meetings');
  const repo = useRepo();
  const profile = useProfile();
  const navigate = useRouter((s) => s.navigate);
  const now = useNow();
  const [adding, setAdding] = useState(false);
  const data = useLiveQuery(async () => {
    const [congress, meetings, counts] = await Promise.all([currentCongress(repo.db), annualMeetings(repo.db), proposalCountsByMeeting(repo.db)]);
    return { term: congress?.term ?? 1, meetings, counts };
  }, [repo]);
  if (!data) return <Spin />;
  const open = (m: AnnualMeeting) => navigate({ name: 'meeting', id: m.id });

  const columns: TableColumnsType<AnnualMeeting> = [
    { title: t('list.session'), key: 'session', width: 150, render: (_, m) => termSessionLabel(data.term, m.session) },
    {
      title: t('list.name'),
      key: 'name',
      render: (_, m) => (
        <Typography.Link href={`#/meeting/${m.id}`} onClick={(e) => { e.preventDefault(); open(m); }} data-testid="meeting-link">
          {m.name}
        </Typography.Link>
      ),
    },
    { title: t('list.dates'), key: 'dates', width: 210, render: (_, m) => `${m.startDate} ~ ${m.endDate}` },
    {
      title: t('list.deadline'),
      key: 'deadline',
      width: 240,
      render: (_, m) => (
        <span>
          {formatDeadline(m.proposalDeadline)} <WindowTag state={proposalWindow(m, now).state} />
        </span>
      ),
    },
    { title: t('list.proposals'), key: 'proposals', width: 80, align: 'right', render: (_, m) => data.counts.get(m.id) ?? 0 },
  ];

  return (
    <Flex vertical gap={16} data-testid="meetings-page">
      <Flex justify="space-between" align="flex-start" wrap gap={8}>
        <div>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {t('list.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('list.subtitle')}</Typography.Text>
        </div>
        {profile.role === 'office' && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="meeting-add">
            {t('list.add')}
          </Button>
        )}
      </Flex>
      <Table<AnnualMeeting>
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={data.meetings}
        pagination={false}
        locale={{ emptyText: t('list.empty') }}
        onRow={(m) => ({ 'data-testid': 'meeting-row', 'data-session': String(m.session) }) as HTMLAttributes<HTMLElement>}
      />
      {adding && (
        <MeetingFormModal
          term={data.term}
          nextSession={data.meetings.reduce((max, m) => Math.max(max, m.session + 1), 1)}
          onClose={(saved) => {
            setAdding(false);
            if (saved) open(saved);
          }}
        />
      )}
    </Flex>
  );
}
