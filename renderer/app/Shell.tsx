import { Button, Layout, Menu, Space, Spin, Tag, Typography } from 'antd';
import {
  AlertOutlined,
  ApartmentOutlined,
  AuditOutlined,
  BankOutlined,
  BarChartOutlined,
  FileWordOutlined,
  CloudSyncOutlined,
  SafetyCertificateOutlined,
  EnvironmentOutlined,
  FileTextOutlined,
  IdcardOutlined,
  InboxOutlined,
  NotificationOutlined,
  TeamOutlined,
  TranslationOutlined,
} from '@ant-design/icons';
import { Suspense, useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useProfile, useRepo, useSession } from './session';
import { useRouter, type Route } from './router';
import { ProposalList } from '../features/proposals/ProposalList';
import { useAutomaticBackups } from '../features/backup/useAutomaticBackups';
import { DashboardPage } from '../features/reports/DashboardPage';
import {
  BackupPage,
  DutyPage,
  EvaluationPage,
  EvaluationsPage,
  HandlingPage,
  InboxPage,
  MeetingPage,
  MeetingsPage,
  NoticePage,
  NoticesPage,
  ProposalEditor,
  ProposalView,
  ReportsPage,
  ReviewPage,
  RosterPage,
  SupervisionPage,
  SyncPage,
  UnitsPage,
  VisitPage,
  VisitsPage,
} from './screens';
import { SyncStatus } from '../features/sync/SyncStatus';
import { startAutoSync } from '../sync/syncStore';

const { Header, Sider, Content } = Layout;

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'proposalEdit':
      return <ProposalEditor key={route.id} proposalId={route.id} />;
    case 'proposalView':
      return <ProposalView key={route.id} proposalId={route.id} />;
    case 'roster':
      return <RosterPage />;
    case 'inbox':
      return <InboxPage />;
    case 'review':
      return <ReviewPage key={route.id} proposalId={route.id} />;
    case 'handling':
      return <HandlingPage key={route.id} proposalId={route.id} />;
    case 'supervision':
      return <SupervisionPage />;
    case 'units':
      return <UnitsPage />;
    case 'visits':
      return <VisitsPage />;
    case 'visit':
      return <VisitPage key={route.id} visitId={route.id} />;
    case 'evaluations':
      return <EvaluationsPage />;
    case 'evaluation':
      return <EvaluationPage key={route.id} roundId={route.id} />;
    case 'meetings':
      return <MeetingsPage />;
    case 'meeting':
      return <MeetingPage key={route.id} meetingId={route.id} />;
    case 'notices':
      return <NoticesPage />;
    case 'notice':
      return <NoticePage key={route.id} noticeId={route.id} />;
    case 'duty':
      return <DutyPage />;
    case 'dashboard':
      return <DashboardPage />;
    case 'reports':
      return <ReportsPage />;
    case 'sync':
      return <SyncPage />;
    case 'backup':
      return <BackupPage />;
    default:
      return <ProposalList />;
  }
}

type MenuKey = 'dashboard' | 'inbox' | 'supervision' | 'proposals' | 'visits' | 'evaluations' | 'meetings' | 'notices' | 'duty' | 'reports' | 'roster' | 'units' | 'backup' | 'sync';

/** The menu entry a screen belongs to: a review under 收件箱, a proposal's handling under 督办. */
function selectedMenuKey(route: Route): MenuKey {
  switch (route.name) {
    case 'inbox':
    case 'supervision':
    case 'roster':
    case 'units':
    case 'visits':
    case 'evaluations':
    case 'meetings':
    case 'notices':
    case 'duty':
    case 'dashboard':
    case 'reports':
    case 'backup':
    case 'sync':
      return route.name;
    case 'visit':
      return 'visits';
    case 'evaluation':
      return 'evaluations';
    case 'meeting':
      return 'meetings';
    case 'notice':
      return 'notices';
    case 'review':
      return 'inbox';
    case 'handling':
      return 'supervision';
    default:
      return 'proposals';
  }
}

export function Shell() {
  const { t } = useTranslation();
  const profile = useProfile();
  const repo = useRepo();
  const language = useSession((s) => s.language);
  const setLanguage = useSession((s) => s.setLanguage);
  const route = useRouter((s) => s.route);
  const navigate = useRouter((s) => s.navigate);
  const congress = useLiveQuery(() => repo.db.congress.get(profile.congressId), [repo, profile.congressId]);
  useAutomaticBackups(repo.db, profile);

  const office = profile.role === 'office';
  const items = [
    ...(office ? [{ key: 'dashboard', icon: <BarChartOutlined />, label: t('nav.dashboard') }] : []),
    ...(office ? [{ key: 'inbox', icon: <InboxOutlined />, label: t('review:nav.inbox') }] : []),
    ...(office ? [{ key: 'supervision', icon: <AlertOutlined />, label: t('handling:nav.supervision') }] : []),
    { key: 'proposals', icon: <FileTextOutlined />, label: office ? t('nav.allProposals') : t('nav.proposals') },
    { key: 'visits', icon: <EnvironmentOutlined />, label: t('nav.visits') },
    { key: 'evaluations', icon: <AuditOutlined />, label: t('nav.evaluations') },
    { key: 'meetings', icon: <BankOutlined />, label: t('nav.meetings') },
    { key: 'notices', icon: <NotificationOutlined />, label: t('nav.notices') },
    { key: 'duty', icon: <IdcardOutlined />, label: office ? t('nav.dutyAll') : t('nav.dutyMine') },
    ...(office ? [{ key: 'reports', icon: <FileWordOutlined />, label: t('nav.reports') }] : []),
    ...(office ? [{ key: 'roster', icon: <TeamOutlined />, label: t('nav.roster') }] : []),
    ...(office ? [{ key: 'units', icon: <ApartmentOutlined />, label: t('handling:nav.units') }] : []),
    { key: 'sync', icon: <CloudSyncOutlined />, label: t('nav.sync') },
    { key: 'backup', icon: <SafetyCertificateOutlined />, label: t('nav.backup') },
  ];
  // The office starts on its overview; a link or a reload to a screen keeps that screen. The overview shows from
  // the first frame: rendering 全部提案 first, until the effect below moved on, cost each start a forced layout and a
  // read of every proposal summary.
  const atHome = office && ['', '#', '#/'].includes(globalThis.location?.hash ?? '');
  const shown: Route = atHome && route.name === 'proposals' ? { name: 'dashboard' } : route;
  const selected = selectedMenuKey(shown);
  useEffect(() => startAutoSync(), []);
  useEffect(() => {
    if (atHome) navigate({ name: 'dashboard' });
  }, [atHome, navigate]);

  return (
    <Layout style={{ height: '100%' }}>
      <Header style={{ display: 'flex', alignItems: 'center', gap: 16, background: '#b3141a', paddingInline: 20 }}>
        <Typography.Text strong style={{ color: '#fff', fontSize: 18, whiteSpace: 'nowrap' }}>
          {t('appName')}
        </Typography.Text>
        <Typography.Text style={{ color: 'rgba(255,255,255,0.85)', flex: 1 }} ellipsis>
          {congress?.name}
        </Typography.Text>
        <Space>
          <SyncStatus />
          <Tag color="gold">{t(`role.${profile.role}`)}</Tag>
          <Typography.Text style={{ color: '#fff' }} data-testid="current-user">
            {profile.actorName}
          </Typography.Text>
          <Button
            size="small"
            icon={<TranslationOutlined />}
            onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
            data-testid="language-switch"
          >
            {t('header.switchLanguage')}
          </Button>
        </Space>
      </Header>
      <Layout>
        <Sider width={180} theme="light" breakpoint="lg" collapsedWidth={56}>
          <Menu
            mode="inline"
            selectedKeys={[selected]}
            items={items}
            onClick={({ key }) => navigate({ name: key as MenuKey })}
            style={{ height: '100%', borderInlineEnd: 0 }}
          />
        </Sider>
        <Content style={{ padding: 20, overflow: 'auto' }}>
          <Suspense fallback={<Spin style={{ display: 'block', margin: '48px auto' }} />}>
            <Screen route={shown} />
          </Suspense>
        </Content>
      </Layout>
    </Layout>
  );
}
