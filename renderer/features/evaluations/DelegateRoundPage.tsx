import { Alert, Button, Card, Empty, Flex, Spin, Typography } from 'antd';
import { ArrowLeftOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import { votingState } from '../../../shared/evaluations';
import { useProfile, useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { discardBallotDraft } from '../../data/evaluationCommands';
import { delegateRoundView, type DelegateRoundView } from '../../data/evaluationQueries';
import { BallotForm } from './BallotForm';
import { formatTime } from './format';
import { RoundSummary } from './RoundSummary';
import { KindTag, RoundStatusTag, VotingTag } from './RoundTags';
import { TallyTable } from './TallyTable';
import { useEvaluationCommand } from './useEvaluationCommand';
import { useNow } from './useNow';

function PublishedResults({ view }: { view: DelegateRoundView }) {
  const { t } = useTranslation('evaluations');
  const { round, results } = view;
  if (round.status === 'open') return null;
  return (
    <Card size="small" title={t('published.title')} data-testid="published-results">
      {results ? (
        <Flex vertical gap={12}>
          <Typography.Text data-testid="published-summary">{t('results.publishedSummary', { eligible: results.eligible, voted: results.voted })}</Typography.Text>
          <TallyTable round={round} questions={results.questions} />
        </Flex>
      ) : (
        <Typography.Text type="secondary" data-testid="published-waiting">
          {round.status === 'published' ? t('published.notSynced') : t('published.waiting')}
        </Typography.Text>
      )}
    </Card>
  );
}

/**
 * One round for a delegate: the ballot while voting is open (a local draft first, else the last submitted ballot),
 * read-only once it is closed, and the tallies the office published.
 */
export function DelegateRoundPage({ roundId }: { roundId: string }) {
  const { t } = useTranslation('evaluations');
  const repo = useRepo();
  const profile = useProfile();
  const navigate = useRouter((s) => s.navigate);
  const now = useNow();
  const { run } = useEvaluationCommand();
  const view = useLiveQuery(() => delegateRoundView(repo.db, roundId, profile.actorId), [repo, roundId, profile.actorId]);
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
  const { round, ballot, draft } = view;
  const voting = votingState(round, now);
  const open = voting.state === 'open';
  const shown = open && draft ? draft : ballot;

  let notice: { type: 'info' | 'warning' | 'success'; text: string; testId: string } | undefined;
  if (!view.eligible) notice = { type: 'warning', text: t('ballot.notEligible'), testId: 'ballot-not-eligible' };
  else if (voting.state === 'notOpen') notice = { type: 'info', text: voting.message, testId: 'ballot-not-open' };
  else if (voting.state === 'closed') {
    notice = ballot
      ? { type: 'info', text: t('ballot.lockedVoted', { time: formatTime(ballot.submittedAt) }), testId: 'ballot-locked' }
      : { type: 'warning', text: t('ballot.lockedNotVoted'), testId: 'ballot-locked' };
  } else if (ballot) notice = { type: 'success', text: t('ballot.submittedAt', { time: formatTime(ballot.submittedAt) }), testId: 'ballot-submitted' };

  return (
    <Flex vertical gap={16} data-testid="evaluations-detail">
      <Card>
        {back}
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="round-title-text">
          {round.title}
        </Typography.Title>
        <Flex gap={4} style={{ marginBottom: 12 }}>
          <KindTag kind={round.kind} />
          {round.status === 'published' ? <RoundStatusTag status="published" /> : <VotingTag voting={voting} />}
        </Flex>
        <RoundSummary round={round} />
      </Card>
      <PublishedResults view={view} />
      <Card title={t('ballot.title')}>
        <Flex vertical gap={12}>
          {notice && <Alert type={notice.type} showIcon title={notice.text} data-testid={notice.testId} />}
          {open && draft && (
            <Alert
              type="warning"
              showIcon
              title={t('ballot.draftNote', { time: formatTime(draft.savedAt) })}
              action={
                <Button size="small" onClick={() => void run(() => discardBallotDraft(repo, { role: profile.role, actorId: profile.actorId }, round.id), t('ballot.draftDiscarded'))} data-testid="ballot-discard-draft">
                  {t('ballot.discardDraft')}
                </Button>
              }
              data-testid="ballot-draft-note"
            />
          )}
          {view.eligible && (voting.state !== 'closed' || ballot) && (
            <BallotForm
              // A new submission, a saved or discarded draft, or the window opening or closing starts the form again from the stored state.
              key={`${ballot?.submittedAt ?? ''}|${draft?.savedAt ?? ''}|${voting.state}`}
              round={round}
              initialValues={shown?.values ?? {}}
              initialComment={shown?.comment ?? ''}
              disabled={!open}
              submitted={!!ballot}
            />
          )}
        </Flex>
      </Card>
    </Flex>
  );
}
