import { useState } from 'react';
import { App, Button, Card, Descriptions, Flex, Popconfirm, Result, Space, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { formatDeadline, proposalWindow, termSessionLabel } from '../../../shared/meetings';
import { useProfile, useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { deleteMeeting } from '../../data/meetingCommands';
import { agendaOf, annualMeetings, currentCongress, resolutionsOf } from '../../data/meetingQueries';
import { useCommand } from '../handling/useCommand';
import { AgendaSection } from './AgendaSection';
import { MeetingFormModal } from './MeetingForm';
import { MeetingProposals } from './MeetingProposals';
import { ResolutionsSection } from './ResolutionsSection';
import { WindowTag } from './WindowTag';
import { useNow } from './useNow';

/** One annual meeting: its facts, agenda and votes, resolutions, and the proposals filed for it. */
export function MeetingPage({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('meetings');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const navigate = useRouter((s) => s.navigate);
  const now = useNow();
  const [editing, setEditing] = useState(false);
  const { refusal, run } = useCommand();
  const data = useLiveQuery(async () => {
    const meeting = await repo.db.annualMeeting.get(meetingId);
    if (!meeting || meeting.deletedAt) return null;
    const [congress, agenda, resolutions, all] = await Promise.all([currentCongress(repo.db), agendaOf(repo.db, meetingId), resolutionsOf(repo.db, meetingId), annualMeetings(repo.db)]);
    return { meeting, term: congress?.term ?? 1, agenda, resolutions, nextSession: all.reduce((max, m) => Math.max(max, m.session + 1), 1) };
  }, [repo, meetingId]);

  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'meetings' })} style={{ paddingInline: 0 }}>
      {t('page.back')}
    </Button>
  );
  if (data === undefined) return <Spin />;
  if (data === null) return <Result status="404" title={t('page.notFound')} extra={back} />;
  const { meeting } = data;
  const office = profile.role === 'office';

  const remove = async () => {
    const ok = await run(() => deleteMeeting(repo, { role: profile.role, actorId: profile.actorId }, meeting.id), '');
    if (ok) {
      message.success(t('page.deleted'));
      navigate({ name: 'meetings' });
    }
  };

  return (
    <Flex vertical gap={16} data-testid="meeting-page">
      <div>{back}</div>
      <Card
        title={<span data-testid="meeting-title">{meeting.name}</span>}
        extra={
          office && (
            <Space>
              <Button onClick={() => setEditing(true)} data-testid="meeting-edit">
                {t('page.edit')}
              </Button>
              <Popconfirm title={t('page.deleteConfirm', { name: meeting.name })} okText={t('common:confirm')} cancelText={t('common:cancel')} onConfirm={() => void remove()}>
                <Button danger data-testid="meeting-delete">
                  {t('page.delete')}
                </Button>
              </Popconfirm>
            </Space>
          )
        }
      >
        {refusal && <Typography.Paragraph type="danger" data-testid="meeting-refusal">{refusal}</Typography.Paragraph>}
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('page.session')}>{termSessionLabel(data.term, meeting.session)}</Descriptions.Item>
          <Descriptions.Item label={t('page.dates')}>{t('page.dateRange', { start: meeting.startDate, end: meeting.endDate })}</Descriptions.Item>
          <Descriptions.Item label={t('page.deadline')}>
            <Space size={4} data-testid="meeting-deadline">
              {formatDeadline(meeting.proposalDeadline)}
              <WindowTag state={proposalWindow(meeting, now).state} />
            </Space>
          </Descriptions.Item>
        </Descriptions>
        <Typography.Text type="secondary">{t('page.deadlineHint')}</Typography.Text>
      </Card>
      <AgendaSection meetingId={meeting.id} items={data.agenda} />
      <ResolutionsSection meetingId={meeting.id} resolutions={data.resolutions} />
      <MeetingProposals meetingId={meeting.id} />
      {editing && <MeetingFormModal meeting={meeting} term={data.term} nextSession={data.nextSession} onClose={() => setEditing(false)} />}
    </Flex>
  );
}

