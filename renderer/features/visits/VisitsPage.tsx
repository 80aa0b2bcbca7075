import { useState } from 'react';
import { App, Button, Card, Drawer, Result, Space, Spin, Switch, Table, Tag, Tooltip, Typography } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useProfile, useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { setSyncPhotoOriginals } from '../../data/visitCommands';
import { listVisits, type VisitListRow } from '../../data/visitQueries';
import { AnswerTag } from './AttendanceTable';
import { dateRange, formatTime, today } from './dates';
import { DelegateVisitView } from './DelegateVisitView';
import { OfficeVisitView } from './OfficeVisitView';
import { useRefusalText } from './useVisitCommand';
import { useVisitDetail } from './useVisitDetail';
import { useVisitRoster } from './useVisitRoster';
import { KindTag, PHASE_COLORS } from './VisitInfo';
import { VisitPlanForm } from './VisitPlanForm';

/**
 * 视察调研: the office sees every visit (and plans new ones); a delegate sees the visits they are invited to, with
 * their answer.
 */
export function VisitsPage() {
  const { t } = useTranslation('visits');
  const repo = useRepo();
  const profile = useProfile();
  const navigate = useRouter((s) => s.navigate);
  const [planning, setPlanning] = useState(false);
  const office = profile.role === 'office';
  const rows = useLiveQuery(() => listVisits(repo.db, { role: profile.role, actorId: profile.actorId }, today()), [repo, profile.role, profile.actorId]);

  if (!rows) return <Spin />;
  return (
    <Card
      title={t('list.title')}
      extra={
        office && (
          <Space>
            <SyncOriginalsSwitch />
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setPlanning(true)} data-testid="visit-plan">
              {t('list.plan')}
            </Button>
          </Space>
        )
      }
    >
      <Table<VisitListRow>
        rowKey={(r) => r.visit.id}
        dataSource={rows}
        size="middle"
        pagination={rows.length > 20 ? { pageSize: 20 } : false}
        locale={{ emptyText: office ? t('list.empty') : t('list.emptyDelegate') }}
        onRow={(r) => ({ onClick: () => navigate({ name: 'visit', id: r.visit.id }), style: { cursor: 'pointer' } })}
        columns={[
          {
            key: 'topic',
            title: t('list.topic'),
            render: (_, r) => (
              <Space>
                <KindTag kind={r.visit.kind} />
                <Typography.Link data-testid="visit-row">{r.visit.topic}</Typography.Link>
              </Space>
            ),
          },
          { key: 'dates', title: t('list.dates'), render: (_, r) => dateRange(r.visit.startDate, r.visit.endDate) },
          { key: 'group', title: t('list.group'), render: (_, r) => r.groupName ?? '—' },
          { key: 'phase', title: t('list.phase'), render: (_, r) => <Tag color={PHASE_COLORS[r.phase]}>{t(`phase.${r.phase}`)}</Tag> },
          office
            ? { key: 'attendance', title: t('list.attendance'), render: (_, r) => t('list.attendanceValue', { ...r.counts }) }
            : {
                key: 'mine',
                title: t('list.mine'),
                render: (_, r) =>
                  r.mine?.checkedInAt ? (
                    <Tooltip title={formatTime(r.mine.checkedInAt)}>
                      <Tag color="green">{t('list.checkedIn')}</Tag>
                    </Tooltip>
                  ) : (
                    <AnswerTag answer={r.mine?.answer ?? 'pending'} />
                  ),
              },
        ]}
      />
      <Drawer open={planning} size={720} title={t('form.newTitle')} onClose={() => setPlanning(false)} destroyOnHidden>
        {planning && (
          <VisitPlanForm
            onDone={(visit) => {
              setPlanning(false);
              navigate({ name: 'visit', id: visit.id });
            }}
          />
        )}
      </Drawer>
    </Card>
  );
}

/** 同步照片原图 (congress-wide, off by default). */
function SyncOriginalsSwitch() {
  const { t } = useTranslation('visits');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const refusalText = useRefusalText();
  const value = useLiveQuery(async () => (await repo.db.congressSettings.toArray()).find((s) => !s.deletedAt)?.syncPhotoOriginals === true, [repo]);
  return (
    <Tooltip title={t('list.syncOriginalsHint')}>
      <Space>
        <Switch
          size="small"
          checked={value ?? false}
          loading={value === undefined}
          onChange={(checked) =>
            void setSyncPhotoOriginals(repo, { role: profile.role, actorId: profile.actorId }, checked).then(
              () => message.success(t('list.syncOriginalsSaved')),
              (error: unknown) => message.error(refusalText(error)),
            )
          }
          data-testid="sync-originals"
        />
        <Typography.Text>{t('list.syncOriginals')}</Typography.Text>
      </Space>
    </Tooltip>
  );
}

/** One visit: the office's view or the delegate's, by this machine's role. */
export function VisitPage({ visitId }: { visitId: string }) {
  const { t } = useTranslation('visits');
  const repo = useRepo();
  const profile = useProfile();
  const navigate = useRouter((s) => s.navigate);
  const data = useVisitDetail(visitId);
  const roster = useVisitRoster(repo.db);
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'visits' })} style={{ paddingInline: 0, marginBottom: 8 }}>
      {t('detail.back')}
    </Button>
  );
  if (data === undefined || roster === undefined) return <Spin />;
  if (data.detail === null) return <Result status="404" title={t('detail.notFound')} extra={back} />;
  return (
    <div style={{ maxWidth: 1100 }}>
      {back}
      {profile.role === 'office' ? (
        <OfficeVisitView detail={data.detail} roster={roster} />
      ) : (
        <DelegateVisitView detail={data.detail} syncOriginals={data.syncOriginals} />
      )}
    </div>
  );
}
