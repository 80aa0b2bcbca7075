import { Alert, Button, Card, Col, Collapse, Flex, Result, Row, Space, Spin, Switch, Tabs, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, AuditOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useProfile, useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { setHandlingFlags } from '../../data/handlingCommands';
import { StatusTag } from '../proposals/StatusTag';
import { AssignmentForm } from './AssignmentForm';
import { ConsultationForm } from './ConsultationForm';
import { CurrentAssignment } from './CurrentAssignment';
import { ExtensionForm } from './ExtensionForm';
import { HandlingHistory } from './HandlingHistory';
import { RatingPanel } from './RatingPanel';
import { ReplyForm } from './ReplyForm';
import { ReturnForm } from './ReturnForm';
import { useCommand } from './useCommand';
import { useHandlingData, type HandlingData } from './useHandlingData';
import { useWhy } from './useWhy';

/** 交办与办理: one accepted proposal's assignment, handling steps, replies and rating, every round's history. */
export function HandlingPage({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation('handling');
  const navigate = useRouter((s) => s.navigate);
  const data = useHandlingData(proposalId);

  if (data === undefined) return <Spin />;
  if (data === null) return <Result status="404" title={t('page.notFound')} />;
  const p = data.proposal;

  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'supervision' })} data-testid="back-to-supervision">
          {t('page.back')}
        </Button>
        <Button icon={<AuditOutlined />} onClick={() => navigate({ name: 'review', id: p.id })} data-testid="to-review">
          {t('page.toReview')}
        </Button>
      </Space>
      <Header data={data} />
      <Row gutter={[16, 16]} wrap>
        <Col flex="1 1 560px" style={{ minWidth: 0 }}>
          <Flex vertical gap={16}>
            <HandlingHistory data={data} />
            <Collapse
              size="small"
              items={[
                {
                  key: 'content',
                  label: t('page.content'),
                  children: (
                    <Flex vertical gap={8}>
                      <Typography.Text strong>{t('page.background')}</Typography.Text>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.background}</Typography.Paragraph>
                      <Typography.Text strong>{t('page.recommendations')}</Typography.Text>
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{p.recommendations}</Typography.Paragraph>
                    </Flex>
                  ),
                },
              ]}
            />
          </Flex>
        </Col>
        <Col flex="0 1 460px" style={{ minWidth: 320 }}>
          <ActionPanel data={data} />
        </Col>
      </Row>
    </Flex>
  );
}

function Header({ data }: { data: HandlingData }) {
  const { t } = useTranslation('handling');
  const repo = useRepo();
  const profile = useProfile();
  const why = useWhy();
  const { busy, refusal, run } = useCommand();
  const p = data.proposal;
  const flags = data.available.get('setFlags');
  const setFlag = (flag: 'isKey' | 'isSupervised', value: boolean) =>
    void run(() => setHandlingFlags(repo, p.id, { role: profile.role, actorId: profile.actorId }, { [flag]: value }), t('page.flagsSaved'));
  return (
    <Card size="small">
      <Flex vertical gap={8}>
        <Space wrap align="center">
          {p.number !== undefined && <Tag color="red">{t('page.number', { number: p.number })}</Tag>}
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="handling-title">
            {p.title || t('page.untitled')}
          </Typography.Title>
          <StatusTag status={p.status} />
        </Space>
        <Space wrap separator="·">
          <Typography.Text type="secondary">
            {t('page.lead')}：{data.leadName}
          </Typography.Text>
          {data.categoryName && (
            <Typography.Text type="secondary">
              {t('page.category')}：{data.categoryName}
            </Typography.Text>
          )}
        </Space>
        <Space wrap>
          <Space>
            <Switch checked={p.isKey} loading={busy} disabled={!flags?.allowed} onChange={(v) => setFlag('isKey', v)} title={why(flags)} data-testid="flag-key" />
            <Typography.Text>{t('page.flagKey')}</Typography.Text>
          </Space>
          <Space>
            <Switch checked={p.isSupervised} loading={busy} disabled={!flags?.allowed} onChange={(v) => setFlag('isSupervised', v)} title={why(flags)} data-testid="flag-supervised" />
            <Typography.Text>{t('page.flagSupervised')}</Typography.Text>
          </Space>
        </Space>
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="handling-refusal" />}
      </Flex>
    </Card>
  );
}

/** What the office can do in the proposal's current status. */
function ActionPanel({ data }: { data: HandlingData }) {
  const { t } = useTranslation('handling');
  const { proposal: p, assignment } = data;

  if (p.status === 'accepted') {
    const returned = data.history.rounds.at(-1)?.assignment.returned;
    return (
      <Card size="small" title={returned ? t('assign.reassignTitle') : t('assign.title')} data-testid="action-panel">
        {returned && (
          <Alert
            type="warning"
            showIcon
            title={t('assign.returned', { unit: data.unitName(returned.unitId), reason: returned.reason })}
            style={{ marginBottom: 12 }}
            data-testid="assign-returned"
          />
        )}
        <AssignmentForm data={data} />
      </Card>
    );
  }

  if ((p.status === 'assigned' || p.status === 'rehandling') && assignment) {
    const tabs = [
      { key: 'reply', label: t('tabs.reply'), children: <ReplyForm data={data} assignment={assignment} /> },
      { key: 'consultation', label: t('tabs.consultation'), children: <ConsultationForm data={data} assignment={assignment} /> },
      { key: 'extend', label: t('tabs.extend'), children: <ExtensionForm data={data} assignment={assignment} /> },
      // 退回 is for a wrong first assignment; a 重新办理 round goes to the same units.
      ...(p.status === 'assigned' ? [{ key: 'return', label: t('tabs.return'), children: <ReturnForm data={data} assignment={assignment} /> }] : []),
    ];
    return (
      <Card size="small" data-testid="action-panel">
        <CurrentAssignment data={data} assignment={assignment} />
        <Tabs items={tabs} data-testid="handling-tabs" />
      </Card>
    );
  }

  if (p.status === 'replied') {
    return (
      <Flex vertical gap={16} data-testid="action-panel">
        {assignment && (
          <Card size="small">
            <CurrentAssignment data={data} assignment={assignment} />
          </Card>
        )}
        <RatingPanel data={data} />
      </Flex>
    );
  }

  if (p.status === 'assigned' || p.status === 'rehandling') {
    return (
      <Card size="small" data-testid="action-panel">
        <Typography.Text type="secondary">{t('page.noAssignment')}</Typography.Text>
      </Card>
    );
  }

  if (p.status === 'closed') {
    return (
      <Card size="small" data-testid="action-panel">
        <Result status="success" title={t('page.closed')} />
      </Card>
    );
  }

  return (
    <Card size="small" data-testid="action-panel">
      <Typography.Text type="secondary">{t('page.notAccepted')}</Typography.Text>
    </Card>
  );
}
