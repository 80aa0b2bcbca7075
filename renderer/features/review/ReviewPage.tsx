import { useState } from 'react';
import { Button, Card, Col, Flex, List, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../../app/router';
import { useProfile } from '../../app/session';
import { StatusTag } from '../proposals/StatusTag';
import { ConflictBanner } from './ConflictBanner';
import { DecisionPanel, type DecisionStep } from './DecisionPanel';
import { ProposalText } from './ProposalText';
import { SimilarPanel } from './SimilarPanel';
import { useReviewData } from './useReviewData';

/** After 立案 (or 转为意见建议) the office continues on the handling page: 交办, 答复, 测评, 办结. */
const HANDLED_STATUSES = new Set(['accepted', 'assigned', 'replied', 'rehandling', 'closed']);

/** 审查: one proposal's text, similar proposals, merge links both ways, and the review decision. */
export function ReviewPage({ proposalId }: { proposalId: string }) {
  const { t } = useTranslation('review');
  const navigate = useRouter((s) => s.navigate);
  const profile = useProfile();
  const data = useReviewData(proposalId);
  const [step, setStep] = useState<DecisionStep | undefined>();
  const [targetId, setTargetId] = useState<string | undefined>();

  if (data === undefined) return <Spin />;
  if (data === null) return <Result status="404" title={t('page.notFound')} />;
  const merge = data.available.get('merge');

  return (
    <Flex vertical gap={16}>
      <Space wrap>
        <Button icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'inbox' })} data-testid="back-to-inbox">
          {t('page.backToInbox')}
        </Button>
        {profile.role === 'office' && HANDLED_STATUSES.has(data.proposal.status) && (
          <Button type="primary" icon={<SendOutlined />} onClick={() => navigate({ name: 'handling', id: proposalId })} data-testid="open-handling">
            {t('handling:page.open')}
          </Button>
        )}
      </Space>
      <ConflictBanner data={data} />
      <Row gutter={[16, 16]} wrap>
        <Col flex="1 1 560px" style={{ minWidth: 0 }}>
          <Flex vertical gap={16}>
            <ProposalText data={data} />
            {data.mergedHere.length > 0 && (
              <Card size="small" title={t('page.mergedHere')} data-testid="merged-here">
                <List
                  size="small"
                  dataSource={data.mergedHere}
                  renderItem={({ proposal: m, leadName }) => (
                    <List.Item key={m.id} extra={<StatusTag status={m.status} />}>
                      <Space wrap>
                        <Tag color="blue">{t(`common:kind.${m.kind}`)}</Tag>
                        <Typography.Link onClick={() => navigate({ name: 'review', id: m.id })}>{m.title}</Typography.Link>
                        <Typography.Text type="secondary">{leadName}</Typography.Text>
                      </Space>
                    </List.Item>
                  )}
                />
              </Card>
            )}
          </Flex>
        </Col>
        <Col flex="0 1 440px" style={{ minWidth: 320 }}>
          <Flex vertical gap={16}>
            <DecisionPanel data={data} step={step} onStep={setStep} targetId={targetId} onTargetId={setTargetId} />
            <SimilarPanel
              proposal={data.proposal}
              excludeIds={data.mergedHere.map((m) => m.proposal.id)}
              mergeAllowed={!!merge?.allowed}
              onMergeInto={(id) => {
                setTargetId(id);
                setStep('merge');
              }}
            />
          </Flex>
        </Col>
      </Row>
    </Flex>
  );
}
