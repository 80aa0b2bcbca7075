import { useState } from 'react';
import { Alert, App, Button, Card, Divider, Flex, Input, Popconfirm, Typography } from 'antd';
import { CheckCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { rehandlingDeadline } from '../../../shared/lifecycle';
import { useProfile, useRepo } from '../../app/session';
import { applyPendingRatings, applyRating, closeWithoutRating } from '../../data/handlingCommands';
import type { HandlingData } from './useHandlingData';
import { useCommand } from './useCommand';
import { useWhy } from './useWhy';

/**
 * 已答复: the lead author's rating, once it has synced here, and the step it leads to — 办结, or 重新办理 with the
 * next round. The office may also close without a rating, and apply every waiting rating at once.
 */
export function RatingPanel({ data }: { data: HandlingData }) {
  const { t } = useTranslation('handling');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const why = useWhy();
  const acting = { role: profile.role, actorId: profile.actorId };
  const [closeReason, setCloseReason] = useState('');
  const { busy, refusal, run } = useCommand();
  const { rating } = data;
  const closeAvailable = data.available.get('close');
  const satisfaction = (value: string | undefined) => (value ? t(`rating.satisfaction.${value}`) : '');

  const applyAll = () =>
    run(async () => {
      const { applied } = await applyPendingRatings(repo, acting);
      if (applied.length === 0) message.info(t('rating.noneApplied'));
      else message.success(t('rating.appliedCount', { count: applied.length }));
    }, '');

  return (
    <Card size="small" title={t('rating.title')} data-testid="rating-panel">
      <Flex vertical gap={12}>
        {rating ? (
          <Flex vertical gap={4} data-testid="rating-in-force">
            <Typography.Text strong>{t('rating.inForce', { overall: satisfaction(rating.overall) })}</Typography.Text>
            {rating.handlingWork && <Typography.Text>{t('rating.handlingWork', { value: satisfaction(rating.handlingWork) })}</Typography.Text>}
            {rating.result && <Typography.Text>{t('rating.result', { value: satisfaction(rating.result) })}</Typography.Text>}
            {rating.comment && <Typography.Text type="secondary">{t('rating.comment', { comment: rating.comment })}</Typography.Text>}
            {rating.overall === 'unsatisfied' && (
              <Typography.Text type="secondary">{t('rating.rehandleHint', { deadline: rehandlingDeadline(data.now, data.settings) })}</Typography.Text>
            )}
            <Button
              type="primary"
              icon={rating.overall === 'unsatisfied' ? <SyncOutlined /> : <CheckCircleOutlined />}
              loading={busy}
              disabled={!data.available.get('applyRating')?.allowed}
              onClick={() => void run(() => applyRating(repo, data.proposal.id, acting, rating.id), t('rating.applied'))}
              style={{ alignSelf: 'flex-start', marginTop: 8 }}
              data-testid="apply-rating"
            >
              {rating.overall === 'unsatisfied' ? t('rating.applyRehandle') : t('rating.applyClose')}
            </Button>
          </Flex>
        ) : (
          <Typography.Text type="secondary" data-testid="rating-waiting">
            {t('rating.waiting')}
          </Typography.Text>
        )}
        <Button onClick={() => void applyAll()} loading={busy} style={{ alignSelf: 'flex-start' }} data-testid="apply-all-ratings">
          {t('rating.applyAll')}
        </Button>
        <Divider style={{ margin: '4px 0' }} />
        <Typography.Text strong>{t('rating.closeTitle')}</Typography.Text>
        <Input.TextArea
          value={closeReason}
          onChange={(e) => setCloseReason(e.target.value)}
          autoSize={{ minRows: 2 }}
          placeholder={t('rating.closeReasonPlaceholder')}
          aria-label={t('rating.closeReason')}
          data-testid="close-reason"
        />
        <Popconfirm
          title={t('rating.closeConfirm')}
          okText={t('common:confirm')}
          cancelText={t('common:cancel')}
          onConfirm={() => void run(() => closeWithoutRating(repo, data.proposal.id, acting, closeReason), t('rating.closed'))}
          disabled={!closeAvailable?.allowed}
        >
          <Button loading={busy} disabled={!closeAvailable?.allowed} title={why(closeAvailable)} style={{ alignSelf: 'flex-start' }} data-testid="close-without-rating">
            {t('rating.close')}
          </Button>
        </Popconfirm>
        {refusal && <Alert type="error" showIcon title={refusal} data-testid="handling-refusal" />}
      </Flex>
    </Card>
  );
}
