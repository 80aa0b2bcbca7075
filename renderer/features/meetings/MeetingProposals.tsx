import { Card, Empty, Flex, List, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useProfile, useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { proposalsOfMeeting } from '../../data/meetingQueries';

/** The proposals filed for the meeting, grouped by state; each opens read-only at `proposal/<id>`. */
export function MeetingProposals({ meetingId }: { meetingId: string }) {
  const { t } = useTranslation('meetings');
  const repo = useRepo();
  const profile = useProfile();
  const navigate = useRouter((s) => s.navigate);
  const data = useLiveQuery(async () => {
    const [groups, delegates] = await Promise.all([proposalsOfMeeting(repo.db, meetingId, { role: profile.role, actorId: profile.actorId }), repo.db.delegate.toArray()]);
    return { groups, names: new Map(delegates.map((d) => [d.id, d.name])) };
  }, [repo, meetingId, profile.role, profile.actorId]);
  const total = data?.groups.reduce((n, g) => n + g.proposals.length, 0) ?? 0;

  return (
    <Card title={t('proposals.title')} extra={<Typography.Text type="secondary">{t('proposals.count', { count: total })}</Typography.Text>}>
      {profile.role === 'delegate' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('proposals.delegateHint')}
        </Typography.Paragraph>
      )}
      {data && total === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('proposals.empty')} />}
      <Flex vertical gap={12}>
        {data?.groups.map((group) => (
          <div key={group.status} data-testid="meeting-proposal-group" data-status={group.status}>
            <Space style={{ marginBottom: 4 }}>
              <Tag>{t(`common:status.${group.status}`)}</Tag>
              <Typography.Text type="secondary">{t('proposals.count', { count: group.proposals.length })}</Typography.Text>
            </Space>
            <List
              size="small"
              bordered
              dataSource={group.proposals}
              renderItem={(p) => (
                <List.Item>
                  <Space wrap>
                    {p.number !== undefined && <Typography.Text strong>{t('proposals.number', { number: p.number })}</Typography.Text>}
                    <Tag>{t(`common:kind.${p.kind}`)}</Tag>
                    <Typography.Link href={`#/proposal/${p.id}`} onClick={(e) => { e.preventDefault(); navigate({ name: 'proposalView', id: p.id }); }} data-testid="meeting-proposal-link">
                      {p.title || t('proposals.untitled')}
                    </Typography.Link>
                    <Typography.Text type="secondary">{data.names.get(p.leadDelegateId) ?? ''}</Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          </div>
        ))}
      </Flex>
    </Card>
  );
}
