import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Popconfirm, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { useProfile, useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { closeRound, deleteRound, openRound, publishResults } from '../../data/evaluationCommands';
import { officeRoundView, type OfficeRoundView } from '../../data/evaluationQueries';
import { CommentsPanel } from './CommentsPanel';
import { formatTime } from './format';
import { RoundForm } from './RoundForm';
import { RoundResultsExport } from './RoundResultsExport';
import { RoundSummary } from './RoundSummary';
import { KindTag, RoundStatusTag } from './RoundTags';
import { TallyTable } from './TallyTable';
import { TurnoutPanel } from './TurnoutPanel';
import { useEvaluationCommand } from './useEvaluationCommand';

/** The step the office takes next, with its confirmation. */
function Actions({ view, onEdit }: { view: OfficeRoundView; onEdit: () => void }) {
  const { t } = useTranslation('evaluations');
  const repo = useRepo();
  const profile = useProfile();
  const navigate = useRouter((s) => s.navigate);
  const acting = { role: profile.role, actorId: profile.actorId };
  const { busy, refusal, run } = useEvaluationCommand();
  const { round } = view;
  const confirm = (testId: string, title: string, description: string, label: string, work: () => Promise<unknown>, done: string, after?: () => void) => (
    <Popconfirm
      title={title}
      description={<div style={{ maxWidth: 360 }}>{description}</div>}
      okText={t('common:confirm')}
      cancelText={t('common:cancel')}
      onConfirm={async () => {
        if (await run(work, done)) after?.();
      }}
    >
      <Button type={testId === 'round-delete' ? 'default' : 'primary'} danger={testId === 'round-delete'} loading={busy} data-testid={testId}>
        {label}
      </Button>
    </Popconfirm>
  );
  return (
    <Flex vertical gap={8} align="end">
      <Flex gap={8}>
        {round.status === 'draft' && (
          <>
            <Button onClick={onEdit} data-testid="round-edit">
              {t('page.edit')}
            </Button>
            {confirm('round-delete', t('page.deleteConfirm'), '', t('page.delete'), () => deleteRound(repo, acting, round.id), t('page.deleted'), () => navigate({ name: 'evaluations' }))}
            {confirm('round-open', t('page.open'), t('page.openConfirm'), t('page.open'), () => openRound(repo, acting, round.id), t('page.opened'))}
          </>
        )}
        {round.status === 'open' && confirm('round-close', t('page.close'), t('page.closeConfirm'), t('page.close'), () => closeRound(repo, acting, round.id), t('page.closed'))}
        {round.status === 'closed' &&
          confirm('round-publish', t('page.publish'), t('page.publishConfirm'), t('page.publish'), () => publishResults(repo, acting, round.id), t('page.published'))}
        {round.status === 'published' && round.results && (
          <Typography.Text type="secondary" data-testid="round-published-at">
            {t('page.publishedAt', { time: formatTime(round.results.publishedAt) })}
          </Typography.Text>
        )}
      </Flex>
      {refusal && <Alert type="error" showIcon title={refusal} data-testid="round-action-refusal" />}
    </Flex>
  );
}

function Results({ view }: { view: OfficeRoundView }) {
  const { t } = useTranslation('evaluations');
  const { round, results } = view;
  const exportControl = <RoundResultsExport round={round} eligible={view.eligible} voted={view.voted} {...(results ? { results } : {})} />;
  if (!results) {
    return (
      <Card size="small" title={t('results.title')} extra={exportControl}>
        <Alert type="info" showIcon title={round.status === 'draft' ? t('results.draft') : t('results.withheld')} data-testid="results-withheld" />
      </Card>
    );
  }
  return (
    <>
      <Card size="small" title={t('results.title')} extra={exportControl} data-testid="results-panel">
        <Flex vertical gap={12}>
          {results.smallGroup && <Alert type="warning" showIcon title={t('results.smallGroup')} data-testid="results-small-group" />}
          <TallyTable round={round} questions={results.questions} />
        </Flex>
      </Card>
      <CommentsPanel comments={results.comments} />
    </>
  );
}

/**
 * One round at the office: what it asks, the next step (edit / 发布 / 结束 / 公布结果), turnout by name, and — once
 * closed — the tallies and the anonymous comments. Everything about ballots comes from officeRoundView, which
 * hands over aggregates only.
 */
export function OfficeRoundPage({ roundId }: { roundId: string }) {
  const { t } = useTranslation('evaluations');
  const repo = useRepo();
  const navigate = useRouter((s) => s.navigate);
  const [editing, setEditing] = useState(false);
  const view = useLiveQuery(() => officeRoundView(repo.db, roundId), [repo, roundId]);
  if (view === undefined) return <Spin />;
  const back = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={() => navigate({ name: 'evaluations' })} style={{ paddingInline: 0 }}>
      {t('page.back')}
    </Button>
  );
  if (view === null) {
    return (
      <Card data-testid="evaluations-detail">
        {back}
        <Empty description={t('page.notFound')} />
      </Card>
    );
  }
  const { round } = view;
  return (
    <Flex vertical gap={16} data-testid="evaluations-detail">
      <Card>
        {back}
        <Flex justify="space-between" align="start" gap={16} wrap>
          <Flex vertical gap={4}>
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="round-title-text">
              {round.title}
            </Typography.Title>
            <Flex gap={4}>
              <KindTag kind={round.kind} />
              <RoundStatusTag status={round.status} />
            </Flex>
          </Flex>
          <Actions view={view} onEdit={() => setEditing(true)} />
        </Flex>
        {editing && round.status === 'draft' ? (
          <div style={{ marginTop: 16 }}>
            <RoundForm round={round} onSaved={() => setEditing(false)} onCancel={() => setEditing(false)} />
          </div>
        ) : (
          <div style={{ marginTop: 16 }}>
            <RoundSummary round={round} />
          </div>
        )}
      </Card>
      {round.status !== 'draft' && <TurnoutPanel eligible={view.eligible} voters={view.voters} notVoted={view.notVoted} uncounted={view.uncounted} />}
      <Results view={view} />
    </Flex>
  );
}
