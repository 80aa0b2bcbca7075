import { Alert, App, Button, Flex, Popconfirm, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useProfile, useRepo, useSession } from '../../app/session';
import { currentOutcomeKey, outcomeKey, type DecisionWrite } from '../../data/decisionConflicts';
import { settleDecisionConflict } from '../../data/reviewCommands';
import { refusalMessage } from '../proposals/refusalMessage';
import { DecisionSummary } from './DecisionSummary';
import { formatTime } from './format';
import type { ReviewData } from './useReviewData';

/**
 * 审查决定冲突: two office machines decided this proposal differently before they synced. Shows both decisions and
 * who made them; "以此为准" re-records the chosen one so it wins on every machine.
 */
export function ConflictBanner({ data }: { data: ReviewData }) {
  const { t, i18n } = useTranslation('review');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const language = useSession((s) => s.language);
  const conflict = data.conflict;
  if (!conflict) return null;
  const inForce = currentOutcomeKey(data.proposal);

  const choose = async (write: DecisionWrite) => {
    try {
      await settleDecisionConflict(repo, data.proposal.id, { role: profile.role, actorId: profile.actorId }, write.changeId);
      message.success(t('conflict.settled'));
    } catch (error) {
      message.error(refusalMessage(error, i18n.t, language));
    }
  };

  return (
    <Alert
      type="error"
      showIcon
      data-testid="decision-conflict"
      message={t('conflict.title')}
      description={
        <Flex vertical gap={8}>
          <Typography.Text>{t('conflict.body')}</Typography.Text>
          {conflict.writes.map((write) => (
            <Flex key={write.changeId} align="center" gap={12} wrap data-testid="conflict-side" style={{ background: 'rgba(255,255,255,0.7)', padding: '6px 10px', borderRadius: 6 }}>
              <DecisionSummary outcome={write.outcome} review={write.review} settings={data.settings} targetTitle={write.outcome.mergedIntoId ? data.conflictTargets.get(write.outcome.mergedIntoId) : undefined} />
              <Typography.Text type="secondary">{t('conflict.decidedBy', { name: write.actor.name ?? write.actor.id, time: formatTime(write.at) })}</Typography.Text>
              {outcomeKey(write.outcome) === inForce && <Tag color="orange">{t('conflict.current')}</Tag>}
              {profile.role === 'office' && (
                <Popconfirm title={t('conflict.choose')} description={t('conflict.chooseConfirm')} onConfirm={() => void choose(write)} okText={t('common:confirm')} cancelText={t('common:cancel')}>
                  <Button size="small" type="primary" ghost data-testid="conflict-choose">
                    {t('conflict.choose')}
                  </Button>
                </Popconfirm>
              )}
            </Flex>
          ))}
        </Flex>
      }
    />
  );
}
