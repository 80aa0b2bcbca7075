import { useMemo, useState, type HTMLAttributes } from 'react';
import { Alert, App, Button, Card, Col, Empty, Flex, Row, Space, Spin, Statistic, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { CheckOutlined, ClearOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useProfile, useRepo, useSession } from '../../app/session';
import { useRouter } from '../../app/router';
import { openDecisionConflicts } from '../../data/decisionConflicts';
import { receiveProposals } from '../../data/reviewCommands';
import { countInbox, duplicateNumbers, filterInbox, inboxRows, INBOX_STATUSES, type InboxFacet, type InboxFilter, type InboxRow } from '../../data/reviewQueries';
import { StatusTag } from '../proposals/StatusTag';
import { refusalMessage } from '../proposals/refusalMessage';
import { formatTime } from './format';
import { NumberingMachine } from './NumberingMachine';

type FacetName = 'kind' | 'category' | 'delegation';
const FILTER_KEY: Record<FacetName, keyof InboxFilter> = { kind: 'kind', category: 'categoryId', delegation: 'delegationId' };

/** 收件箱: everything submitted, received or in review; counts and filters by kind, category, delegation and state. */
export function InboxPage() {
  const { t, i18n } = useTranslation('review');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const language = useSession((s) => s.language);
  const navigate = useRouter((s) => s.navigate);
  const [filter, setFilter] = useState<InboxFilter>({});
  const [selected, setSelected] = useState<string[]>([]);
  const [receiving, setReceiving] = useState(false);

  const data = useLiveQuery(async () => {
    const [rows, conflicts, duplicates] = await Promise.all([inboxRows(repo.db), openDecisionConflicts(repo.db, repo.deviceId), duplicateNumbers(repo.db)]);
    const conflicted = await repo.db.proposal.bulkGet(conflicts.map((c) => c.proposalId));
    return { rows, conflicted: conflicted.filter((p) => !!p), duplicates };
  }, [repo]);
  const rows = useMemo(() => data?.rows ?? [], [data]);
  const counts = useMemo(() => countInbox(rows), [rows]);
  const shown = useMemo(() => filterInbox(rows, filter), [rows, filter]);
  if (!data) return <Spin />;

  const facetLabel = (name: FacetName | 'status', f: InboxFacet) => {
    if (name === 'kind') return t(`common:kind.${f.key}`);
    if (name === 'status') return t(`common:status.${f.key}`);
    if (f.key === '') return name === 'category' ? t('inbox.uncategorised') : t('inbox.noDelegation');
    return f.label;
  };
  const toggle = (key: keyof InboxFilter, value: string) =>
    setFilter((current) => {
      const next = { ...current };
      if (next[key] === value) delete next[key];
      else (next as Record<string, string>)[key] = value;
      return next;
    });
  const selectable = new Set(shown.filter((r) => r.proposal.status === 'submitted').map((r) => r.proposal.id));
  const selectedNow = selected.filter((id) => selectable.has(id));

  const receiveSelected = async () => {
    setReceiving(true);
    try {
      const result = await receiveProposals(repo, selectedNow, { role: profile.role, actorId: profile.actorId });
      if (result.received.length) message.success(t('inbox.received', { count: result.received.length }));
      const first = result.refused[0];
      if (first) message.warning(t('inbox.receiveRefused', { count: result.refused.length, message: refusalMessage(first.error, i18n.t, language) }));
      setSelected([]);
    } finally {
      setReceiving(false);
    }
  };

  const columns: TableColumnsType<InboxRow> = [
    {
      title: t('inbox.columns.title'),
      key: 'title',
      render: (_, r) => (
        <Typography.Link onClick={() => navigate({ name: 'review', id: r.proposal.id })} data-testid="inbox-title">
          {r.proposal.title || t('page.untitled')}
        </Typography.Link>
      ),
    },
    { title: t('inbox.columns.kind'), key: 'kind', width: 96, render: (_, r) => <Tag color="blue">{t(`common:kind.${r.proposal.kind}`)}</Tag> },
    { title: t('inbox.columns.category'), key: 'category', width: 140, render: (_, r) => r.categoryName ?? '—' },
    { title: t('inbox.columns.lead'), key: 'lead', width: 96, render: (_, r) => r.leadName },
    { title: t('inbox.columns.delegation'), key: 'delegation', width: 150, render: (_, r) => r.delegationName ?? '—' },
    { title: t('inbox.columns.cosigners'), key: 'cosigners', width: 84, align: 'right', render: (_, r) => r.confirmedCosigners },
    { title: t('inbox.columns.submittedAt'), key: 'submittedAt', width: 150, render: (_, r) => formatTime(r.proposal.submittedAt) },
    { title: t('inbox.columns.status'), key: 'status', width: 110, render: (_, r) => <StatusTag status={r.proposal.status} /> },
  ];

  const facetCard = (name: FacetName) => {
    const key = FILTER_KEY[name];
    return (
      <Card size="small" title={t(`inbox.facets.${name}`)} style={{ height: '100%' }}>
        <Flex wrap gap={6} data-testid={`facet-${name}`}>
          {counts[name].map((f) => (
            <Tag.CheckableTag key={f.key || '-'} checked={filter[key] === f.key} onChange={() => toggle(key, f.key)} data-testid="facet-tag">
              {facetLabel(name, f)} <b>{f.count}</b>
            </Tag.CheckableTag>
          ))}
          {counts[name].length === 0 && <Typography.Text type="secondary">—</Typography.Text>}
        </Flex>
      </Card>
    );
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="baseline" wrap gap={8}>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {t('inbox.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{t('inbox.subtitle')}</Typography.Text>
        </div>
        <NumberingMachine />
      </Flex>

      {data.conflicted.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="inbox-conflicts"
          message={t('inbox.conflicts', { count: data.conflicted.length })}
          description={
            <Flex wrap gap={8}>
              {data.conflicted.map((p) => (
                <Typography.Link key={p!.id} onClick={() => navigate({ name: 'review', id: p!.id })}>
                  {p!.title}
                </Typography.Link>
              ))}
            </Flex>
          }
        />
      )}
      {data.duplicates.map((d) => (
        <Alert
          key={`${d.number}-${d.proposals[0]!.id}`}
          type="error"
          showIcon
          message={t('inbox.duplicateNumber', { number: d.number, count: d.proposals.length })}
          description={
            <Flex wrap gap={8}>
              {d.proposals.map((p) => (
                <Typography.Link key={p.id} onClick={() => navigate({ name: 'review', id: p.id })}>
                  {p.title}
                </Typography.Link>
              ))}
            </Flex>
          }
        />
      ))}

      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small" hoverable onClick={() => setFilter(({ status: _status, ...rest }) => rest)}>
            <Statistic title={t('inbox.total')} value={counts.total} data-testid="inbox-total" />
          </Card>
        </Col>
        {INBOX_STATUSES.map((status) => (
          <Col xs={12} md={6} key={status}>
            <Card
              size="small"
              hoverable
              onClick={() => toggle('status', status)}
              style={filter.status === status ? { borderColor: '#b3141a' } : undefined}
              data-testid={`inbox-status-${status}`}
            >
              <Statistic title={t(`common:status.${status}`)} value={counts.status.find((f) => f.key === status)?.count ?? 0} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[12, 12]}>
        <Col xs={24} md={6}>
          {facetCard('kind')}
        </Col>
        <Col xs={24} md={9}>
          {facetCard('category')}
        </Col>
        <Col xs={24} md={9}>
          {facetCard('delegation')}
        </Col>
      </Row>

      <Card size="small">
        <Flex justify="space-between" align="center" wrap gap={8} style={{ marginBottom: 12 }}>
          <Space wrap>
            <Button type="primary" icon={<CheckOutlined />} disabled={selectedNow.length === 0} loading={receiving} onClick={() => void receiveSelected()} data-testid="receive-selected">
              {t('inbox.receiveSelected', { count: selectedNow.length })}
            </Button>
            <Typography.Text type="secondary">{t('inbox.selectHint')}</Typography.Text>
          </Space>
          <Space>
            <Typography.Text type="secondary" data-testid="inbox-shown">
              {t('inbox.shown', { shown: shown.length, total: rows.length })}
            </Typography.Text>
            {Object.keys(filter).length > 0 && (
              <Button size="small" icon={<ClearOutlined />} onClick={() => setFilter({})}>
                {t('inbox.clearFilters')}
              </Button>
            )}
          </Space>
        </Flex>
        <Table<InboxRow>
          rowKey={(r) => r.proposal.id}
          size="middle"
          columns={columns}
          dataSource={shown}
          pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
          rowSelection={{
            selectedRowKeys: selectedNow,
            onChange: (keys) => setSelected(keys.map(String)),
            getCheckboxProps: (r) => ({ disabled: r.proposal.status !== 'submitted' }),
          }}
          onRow={(r) => ({ 'data-testid': 'inbox-row', 'data-status': r.proposal.status }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={rows.length ? t('inbox.emptyFiltered') : t('inbox.empty')} /> }}
        />
      </Card>
    </Flex>
  );
}
