import { useState } from 'react';
import { App, Button, Card, Col, Descriptions, Input, Modal, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { AuditOutlined, CheckOutlined, EditOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../shared/domain';
import { availableActions, type ActionAvailability, type ProposalAction } from '../../../shared/lifecycle';
import { useProfile, useRepo, useSession } from '../../app/session';
import { useRouter } from '../../app/router';
import { applyProposalAction, respondToInvitation } from '../../data/proposalCommands';
import { proposalTimeline } from '../../data/proposalQueries';
import { useRosterOptions } from './useRosterOptions';
import { AttachmentList } from './AttachmentList';
import { HANDLING_STATUSES, HandlingSection, type RatingViewer } from './HandlingSection';
import { MergedProposals } from './MergedProposals';
import { ProposalTimeline } from './ProposalTimeline';
import { StatusTag } from './StatusTag';
import { LinkedVisit } from '../visits/LinkedVisit';
import { refusalMessage } from './refusalMessage';

function Paragraphs({ text }: { text: string }) {
  return (
    <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>{text || <Typography.Text type="secondary">—</Typography.Text>}</div>
  );
}

export function ProposalView({ proposalId }: { proposalId: string }) {
  const { t, i18n } = useTranslation('proposals');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const language = useSession((s) => s.language);
  const navigate = useRouter((s) => s.navigate);
  const options = useRosterOptions(repo.db);
  const data = useLiveQuery(async () => {
    const proposal = await repo.db.proposal.get(proposalId);
    if (!proposal) return null;
    const [cosignatures, timeline, settings, meeting, pending] = await Promise.all([
      repo.db.cosignature.where('proposalId').equals(proposalId).toArray(),
      proposalTimeline(repo.db, proposalId),
      repo.db.congressSettings.toArray(),
      proposal.meetingId ? repo.db.annualMeeting.get(proposal.meetingId) : undefined,
      repo.db.pendingExport.get(`proposal/${proposalId}`),
    ]);
    return { proposal, cosignatures, timeline, settings: settings[0], meeting, waitingSync: !!pending };
  }, [repo, proposalId]);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState('');

  if (data === undefined || !options) return <Spin />;
  if (data === null || data.proposal.deletedAt) return <Result status="404" title={t('view.notFound')} />;
  const { proposal: p, cosignatures, timeline, settings, meeting } = data;
  const acting = { role: profile.role, actorId: profile.actorId };
  const availability = new Map<string, ActionAvailability>(
    settings
      ? availableActions({ ...acting, proposal: p, cosignatures, settings, ...(meeting ? { meeting } : {}), now: new Date() }).map((a) => [a.type, a])
      : [],
  );
  const allowed = new Set([...availability.values()].filter((a) => a.allowed).map((a) => a.type));
  const viewer = ratingViewerOf(profile.role, profile.actorId, p, availability.get('rate'));
  const delegateName = (id: string) => options.delegates.find((d) => d.id === id)?.name ?? id;
  const statusOf = (id: string) => cosignatures.find((c) => c.delegateId === id && !c.deletedAt)?.status;

  const act = async (action: ProposalAction) => {
    try {
      await applyProposalAction(repo, p.id, acting, action);
      message.success(t(`action.${action.type}`));
    } catch (error) {
      message.error(refusalMessage(error, i18n.t, language));
    }
  };

  const answer = async (value: 'confirmed' | 'declined') => {
    try {
      await respondToInvitation(repo, p.id, acting, value);
      message.success(t(value === 'confirmed' ? 'action.confirmCosign' : 'action.declineCosign'));
    } catch (error) {
      message.error(refusalMessage(error, i18n.t, language));
    }
  };

  const withdraw = async () => {
    if (!reason.trim()) {
      setReasonError(t('view.withdrawReasonRequired'));
      return;
    }
    try {
      await applyProposalAction(repo, p.id, acting, { type: 'withdraw', reason: reason.trim() }, reason.trim());
      message.success(t('view.withdrawn'));
      setWithdrawing(false);
    } catch (error) {
      message.error(refusalMessage(error, i18n.t, language));
    }
  };

  return (
    <Row gutter={16} wrap>
      <Col flex="1 1 620px">
        <Card
          title={
            <Space wrap>
              <Tag color="blue">{t(`common:kind.${p.kind}`)}</Tag>
              {p.number !== undefined && <Tag>{t('number', { number: p.number })}</Tag>}
              <span data-testid="proposal-title">{p.title || t('untitled')}</span>
              <StatusTag status={p.status} waitingSync={data.waitingSync} />
            </Space>
          }
          extra={
            <Space>
              {allowed.has('edit') && (
                <Button icon={<EditOutlined />} onClick={() => navigate({ name: 'proposalEdit', id: p.id })}>
                  {t('view.edit')}
                </Button>
              )}
              {allowed.has('confirmCosign') && (
                <Button type="primary" icon={<CheckOutlined />} onClick={() => void answer('confirmed')} data-testid="confirm-cosign">
                  {t('view.confirmCosign')}
                </Button>
              )}
              {allowed.has('declineCosign') && (
                <Button onClick={() => void answer('declined')} data-testid="decline-cosign">
                  {t('view.declineCosign')}
                </Button>
              )}
              {profile.role === 'office' && (
                <Button icon={<AuditOutlined />} onClick={() => navigate({ name: 'review', id: p.id })} data-testid="open-review">
                  {t('view.review')}
                </Button>
              )}
              {allowed.has('receive') && (
                <Button type="primary" icon={<InboxOutlined />} onClick={() => void act({ type: 'receive' })} data-testid="receive-proposal">
                  {t('view.receive')}
                </Button>
              )}
              {allowed.has('withdraw') && (
                <Button danger icon={<RollbackOutlined />} onClick={() => setWithdrawing(true)} data-testid="withdraw-proposal">
                  {t('view.withdraw')}
                </Button>
              )}
            </Space>
          }
        >
          <Descriptions column={2} size="small" bordered style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('editor.category')}>{options.categories.find((c) => c.id === p.categoryId)?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('editor.meeting')}>{meeting?.name ?? t('editor.meetingNone')}</Descriptions.Item>
            <Descriptions.Item label={t('view.lead')}>{delegateName(p.leadDelegateId)}</Descriptions.Item>
            <Descriptions.Item label={t('editor.units')}>
              {p.suggestedUnitIds.map((id) => options.units.find((u) => u.id === id)?.name ?? id).join('、') || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('view.cosigners')} span={2}>
              {p.invitedCosignerIds.length === 0
                ? '—'
                : p.invitedCosignerIds.map((id) => {
                    const s = statusOf(id);
                    return (
                      <Tag key={id} color={s === 'confirmed' ? 'green' : s === 'declined' ? 'red' : 'default'}>
                        {delegateName(id)} · {t(`view.${s ?? 'pending'}`)}
                      </Tag>
                    );
                  })}
            </Descriptions.Item>
          </Descriptions>
          <LinkedVisit proposal={p} />
          <Typography.Title level={5}>{t('editor.background')}</Typography.Title>
          <Paragraphs text={p.background} />
          <Typography.Title level={5}>{t('editor.recommendations')}</Typography.Title>
          <Paragraphs text={p.recommendations} />
          <Typography.Title level={5}>{t('editor.attachments')}</Typography.Title>
          <AttachmentList proposalId={p.id} canRemove={false} />
        </Card>
        {HANDLING_STATUSES.includes(p.status) && <HandlingSection proposal={p} viewer={viewer} />}
        <MergedProposals proposal={p} delegateName={delegateName} targetViewer={profile.role === 'office' ? { kind: 'office' } : { kind: 'mergedAuthor' }} />
      </Col>
      <Col flex="0 1 340px">
        <Card title={t('view.timeline')}>
          <ProposalTimeline entries={timeline} />
        </Card>
      </Col>
      <Modal
        open={withdrawing}
        title={t('view.withdrawTitle')}
        onOk={() => void withdraw()}
        onCancel={() => setWithdrawing(false)}
        okText={t('view.withdraw')}
        okButtonProps={{ danger: true }}
        cancelText={t('common:cancel')}
      >
        <Typography.Text>{t('view.withdrawReason')}</Typography.Text>
        <Input.TextArea
          value={reason}
          status={reasonError ? 'error' : undefined}
          onChange={(e) => {
            setReason(e.target.value);
            setReasonError('');
          }}
          autoSize={{ minRows: 3 }}
          data-testid="withdraw-reason"
        />
        {reasonError && <Typography.Text type="danger">{reasonError}</Typography.Text>}
      </Modal>
    </Row>
  );
}

/** What the rating area offers this user: the form to the lead author (when the state machine allows), reasons to others. */
function ratingViewerOf(role: Role, actorId: string, proposal: { leadDelegateId: string; invitedCosignerIds: string[] }, rate: ActionAvailability | undefined): RatingViewer {
  if (role === 'office') return { kind: 'office' };
  if (actorId === proposal.leadDelegateId) return { kind: 'lead', rate };
  if (proposal.invitedCosignerIds.includes(actorId)) return { kind: 'cosigner' };
  return rate?.message ? { kind: 'other', reason: rate.message } : { kind: 'other' };
}
