import { useMemo, useState } from 'react';
import { App, Button, Card, Col, Result, Row, Select, Space, Spin, Typography } from 'antd';
import { BankOutlined, UserOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useRepo, useSession } from '../../app/session';
import { compareDelegateNumbers } from './delegateColumns';
import { errorText } from './errorText';

export type DemoState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'loaded'; congressId: string; staffId: string; sampleDelegateId: string };

interface DemoFlowProps {
  state: DemoState;
  onRetry(): void;
}

/** After 载入演示数据: a spinner while it is stored, then "以谁的身份使用". */
export function DemoFlow({ state, onRetry }: DemoFlowProps) {
  const { t } = useTranslation('onboarding');
  if (state.status === 'loading') {
    return (
      <div style={{ padding: '64px 0', textAlign: 'center' }} data-testid="demo-loading">
        <Spin size="large" />
        <Typography.Paragraph style={{ marginTop: 16 }}>{t('demo.loading')}</Typography.Paragraph>
      </div>
    );
  }
  if (state.status === 'failed') {
    return (
      <Result
        status="error"
        title={t('demo.failed', { message: '' })}
        subTitle={state.message}
        extra={
          <Button type="primary" onClick={onRetry}>
            {t('demo.retry')}
          </Button>
        }
      />
    );
  }
  return <DemoRoleChoice congressId={state.congressId} staffId={state.staffId} sampleDelegateId={state.sampleDelegateId} />;
}

/** The two choices side by side, their buttons level at the bottom. */
const CARD_BODY = { height: '100%', display: 'flex', flexDirection: 'column', gap: 16 } as const;

function DemoRoleChoice({ congressId, staffId, sampleDelegateId }: { congressId: string; staffId: string; sampleDelegateId: string }) {
  const { t } = useTranslation('onboarding');
  const { message } = App.useApp();
  const repo = useRepo();
  const completeOnboarding = useSession((s) => s.completeOnboarding);
  const [delegateId, setDelegateId] = useState(sampleDelegateId);
  const [entering, setEntering] = useState(false);
  const data = useLiveQuery(async () => {
    const [congress, staff, delegates, delegations, proposals] = await Promise.all([
      repo.db.congress.get(congressId),
      repo.db.staff.get(staffId),
      repo.db.delegate.toArray(),
      repo.db.delegation.toArray(),
      repo.db.proposal.count(),
    ]);
    return { congress, staff, delegates, delegations, proposals };
  }, [repo, congressId, staffId]);

  const options = useMemo(() => {
    if (!data) return [];
    const delegationNames = new Map(data.delegations.map((d) => [d.id, d.name]));
    return data.delegates
      .filter((d) => !d.deletedAt && d.status === 'active')
      .sort((a, b) => compareDelegateNumbers(a.delegateNumber, b.delegateNumber))
      .map((d) => ({
        value: d.id,
        label: [d.name, d.delegateNumber, d.delegationId ? delegationNames.get(d.delegationId) : undefined].filter(Boolean).join(' · '),
        name: d.name,
      }));
  }, [data]);

  const enter = async (role: 'office' | 'delegate') => {
    if (!data) return;
    const actor = role === 'office' ? { id: staffId, name: data.staff?.name } : { id: delegateId, name: options.find((o) => o.value === delegateId)?.name };
    if (!actor.name) return;
    setEntering(true);
    try {
      await completeOnboarding({ role, actorId: actor.id, actorName: actor.name, congressId });
    } catch (error) {
      message.error(errorText(error, t));
      setEntering(false);
    }
  };

  if (!data) return <Spin />;
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }} data-testid="demo-choice">
      <Result
        status="success"
        style={{ padding: '8px 0' }}
        title={t('demo.loaded')}
        subTitle={t('demo.loadedDetail', { congress: data.congress?.name ?? '', delegates: options.length, proposals: data.proposals })}
      />
      <Typography.Title level={4} style={{ textAlign: 'center', margin: 0 }}>
        {t('demo.chooseRole')}
      </Typography.Title>
      <Row gutter={[24, 24]} justify="center">
        <Col xs={24} md={11}>
          <Card style={{ height: '100%' }} styles={{ body: CARD_BODY }}>
            <Space orientation="vertical" size="middle" style={{ width: '100%', flex: 1 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                <BankOutlined /> {t('demo.asOffice')}
                {data.staff && <Typography.Text type="secondary">（{data.staff.name}）</Typography.Text>}
              </Typography.Title>
              <Typography.Text type="secondary">{t('demo.asOfficeDetail', { name: data.staff?.name ?? '' })}</Typography.Text>
            </Space>
            <Button type="primary" block disabled={entering || !data.staff} onClick={() => void enter('office')} data-testid="demo-as-office">
              {t('demo.asOfficeAction')}
            </Button>
          </Card>
        </Col>
        <Col xs={24} md={11}>
          <Card style={{ height: '100%' }} styles={{ body: CARD_BODY }}>
            <Space orientation="vertical" size="middle" style={{ width: '100%', flex: 1 }}>
              <Typography.Title level={5} style={{ margin: 0 }}>
                <UserOutlined /> {t('demo.asDelegate')}
              </Typography.Title>
              <Typography.Text type="secondary">{t('demo.asDelegateDetail')}</Typography.Text>
              <Select
                showSearch={{ optionFilterProp: 'label' }}
                value={delegateId}
                onChange={setDelegateId}
                options={options}
                aria-label={t('demo.pickDelegate')}
                placeholder={t('demo.pickDelegate')}
                style={{ width: '100%' }}
                data-testid="demo-delegate-select"
              />
            </Space>
            <Button type="primary" block disabled={entering || !delegateId} onClick={() => void enter('delegate')} data-testid="demo-as-delegate">
              {t('demo.asDelegateAction')}
            </Button>
          </Card>
        </Col>
      </Row>
    </Space>
  );
}
