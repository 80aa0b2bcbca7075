import { Alert, Card, Descriptions, Empty, Flex, List, Spin, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { HandlingAssignment, Proposal } from '../../../shared/domain';
import { currentDeadline, formatChinaDateTime, type ActionAvailability } from '../../../shared/lifecycle';
import { ratedOutcome, replyToRate } from '../../../shared/handling/replyView';
import { useRepo, useSession } from '../../app/session';
import { proposalHandling, type HandlingRoundView, type ProposalHandling } from '../../data/proposalQueries';
import { RatingForm } from './RatingForm';
import { RatingSummary } from './RatingSummary';
import { ReplyCard } from './ReplyCard';

/**
 * Who is looking at the handling, which decides what the rating area offers:
 *  - lead: the lead author; `rate` is the state machine's answer for the `rate` action now
 *  - cosigner / mergedAuthor: read the reply, never rate (explained)
 *  - office: reads ratings as they arrive
 *  - other: anyone else; `reason` says why they cannot rate
 */
export type RatingViewer =
  | { kind: 'lead'; rate: ActionAvailability | undefined }
  | { kind: 'cosigner' }
  | { kind: 'mergedAuthor' }
  | { kind: 'office' }
  | { kind: 'other'; reason?: string };

/** Statuses in which a proposal has a handling story to tell. */
export const HANDLING_STATUSES: readonly Proposal['status'][] = ['accepted', 'assigned', 'replied', 'rehandling', 'closed'];

/** 办理情况: who handles the proposal and until when, each round's replies, and the lead author's rating of them. */
export function HandlingSection({ proposal, viewer, title }: { proposal: Proposal; viewer: RatingViewer; title?: string }) {
  const { t } = useTranslation('proposals');
  const repo = useRepo();
  const data = useLiveQuery(async () => {
    const [handling, settings] = await Promise.all([proposalHandling(repo.db, proposal), repo.db.congressSettings.toArray()]);
    return { handling, rehandlingMonths: settings.find((s) => !s.deletedAt)?.rehandlingMonths ?? 1 };
  }, [repo, proposal]);

  return (
    <Card title={title ?? t('handling.title')} style={{ marginTop: 16 }} data-testid="handling-section">
      {data === undefined ? <Spin /> : <HandlingBody proposal={proposal} viewer={viewer} handling={data.handling} rehandlingMonths={data.rehandlingMonths} />}
    </Card>
  );
}

function HandlingBody({ proposal, viewer, handling, rehandlingMonths }: { proposal: Proposal; viewer: RatingViewer; handling: ProposalHandling; rehandlingMonths: number }) {
  const { t } = useTranslation('proposals');
  const unit = (id: string | undefined) => (id ? (handling.unitNames[id] ?? id) : '—');
  const shown = handling.current ?? handling.assignments.at(-1);
  const rounds = [...handling.rounds].reverse();
  return (
    <Flex vertical gap={16}>
      <StageBanner proposal={proposal} viewer={viewer} handling={handling} />
      {shown && <AssignmentFacts assignment={shown} unit={unit} />}
      {handling.consultations.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{t('handling.consultations')}</Typography.Text>}
          dataSource={handling.consultations}
          renderItem={(c) => (
            <List.Item>
              <Typography.Text>
                {c.date} · {unit(c.unitId)} · {t(`handling.consultationForm.${c.form}`)}
              </Typography.Text>
              {c.notes && <Typography.Text type="secondary"> — {c.notes}</Typography.Text>}
            </List.Item>
          )}
        />
      )}
      {rounds.length === 0 || rounds.every((r) => r.replies.length === 0) ? (
        shown ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('handling.noReply')} /> : null
      ) : (
        rounds.map((round) => (
          <RoundReplies key={round.round} proposal={proposal} round={round} viewer={viewer} unit={unit} rehandlingMonths={rehandlingMonths} showRound={handling.rounds.length > 1} />
        ))
      )}
    </Flex>
  );
}

function StageBanner({ proposal, viewer, handling }: { proposal: Proposal; viewer: RatingViewer; handling: ProposalHandling }) {
  const { t } = useTranslation('proposals');
  const deadline = handling.current ? currentDeadline(handling.current) : '—';
  const round = handling.current?.round ?? 1;
  let text: string;
  let type: 'info' | 'success' | 'warning' = 'info';
  switch (handling.stage) {
    case 'awaitingRating':
      text = t(viewer.kind === 'lead' ? 'handling.stage.awaitingRatingLead' : 'handling.stage.awaitingRating');
      type = viewer.kind === 'lead' ? 'warning' : 'info';
      break;
    case 'ratedAwaitingOffice':
      text =
        ratedOutcome(handling.assignments, handling.rounds.flatMap((r) => r.replies), handling.ratings, proposal.leadDelegateId) === 'rehandling'
          ? t('handling.stage.ratedUnsatisfied')
          : t('handling.stage.ratedAwaitingOffice');
      break;
    case 'closed':
      text = t('handling.stage.closed');
      type = 'success';
      break;
    default:
      text = t(`handling.stage.${handling.stage}`, { deadline, round });
  }
  return <Alert type={type} showIcon message={text} data-testid="handling-stage" />;
}

function AssignmentFacts({ assignment, unit }: { assignment: HandlingAssignment; unit: (id: string | undefined) => string }) {
  const { t } = useTranslation('proposals');
  const deadline = currentDeadline(assignment);
  return (
    <Descriptions size="small" bordered column={{ xs: 1, sm: 2 }} data-testid="handling-units">
      {assignment.mode === 'split' ? (
        <Descriptions.Item label={t('handling.splitUnits')} span={2}>
          {assignment.splitUnitIds.map(unit).join('、') || '—'}
        </Descriptions.Item>
      ) : (
        <>
          <Descriptions.Item label={t('handling.leadUnit')}>{unit(assignment.leadUnitId)}</Descriptions.Item>
          <Descriptions.Item label={t('handling.coUnits')}>{assignment.coUnitIds.map(unit).join('、') || '—'}</Descriptions.Item>
        </>
      )}
      <Descriptions.Item label={t('handling.assignedAt')}>{formatChinaDateTime(assignment.assignedAt).slice(0, 10)}</Descriptions.Item>
      <Descriptions.Item label={t('handling.deadline')}>
        <span data-testid="handling-deadline">{deadline}</span>
        {deadline !== assignment.deadline && <Typography.Text type="secondary">（{t('handling.extendedFrom', { date: assignment.deadline })}）</Typography.Text>}
      </Descriptions.Item>
      {assignment.returned && (
        <Descriptions.Item label={t('action.returnAssignment')} span={2}>
          {t('handling.returned', { unit: unit(assignment.returned.unitId), reason: assignment.returned.reason })}
        </Descriptions.Item>
      )}
    </Descriptions>
  );
}

function RoundReplies({
  proposal,
  round,
  viewer,
  unit,
  rehandlingMonths,
  showRound,
}: {
  proposal: Proposal;
  round: HandlingRoundView;
  viewer: RatingViewer;
  unit: (id: string | undefined) => string;
  rehandlingMonths: number;
  showRound: boolean;
}) {
  const { t } = useTranslation('proposals');
  if (round.replies.length === 0) return null;
  return (
    <Flex vertical gap={12} data-testid={`reply-round-${round.round}`}>
      {showRound && (
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t(round.round > 1 ? 'handling.roundRehandling' : 'handling.roundTitle', { round: round.round })}
        </Typography.Title>
      )}
      {round.replies.map((reply) => (
        <ReplyCard key={reply.id} reply={reply} unitName={unit(reply.unitId)} />
      ))}
      <RatingArea proposal={proposal} round={round} viewer={viewer} rehandlingMonths={rehandlingMonths} />
    </Flex>
  );
}

/** The round's rating: shown once given; the form for the lead author while due; otherwise who rates, and why not you. */
function RatingArea({ proposal, round, viewer, rehandlingMonths }: { proposal: Proposal; round: HandlingRoundView; viewer: RatingViewer; rehandlingMonths: number }) {
  const { t } = useTranslation('proposals');
  const language = useSession((s) => s.language);
  if (round.rating) return <RatingSummary rating={round.rating} />;
  const due = round.isCurrent && proposal.status === 'replied';
  if (!due) return round.isCurrent ? null : <Typography.Text type="secondary">{t('rating.notRated')}</Typography.Text>;
  const note = (text: string) => <Alert type="info" showIcon message={text} data-testid="rating-unavailable" />;
  switch (viewer.kind) {
    case 'lead': {
      const reply = replyToRate(round.replies);
      if (viewer.rate?.allowed && reply) {
        return <RatingForm proposalId={proposal.id} reply={reply} rehandlingMonths={rehandlingMonths} split={round.replies.length > 1} />;
      }
      const why = viewer.rate?.message;
      return why ? note(language === 'en' && viewer.rate?.code ? t(`refusal.${viewer.rate.code}`) : why) : null;
    }
    case 'cosigner':
      return note(t('rating.cosignerNote'));
    case 'mergedAuthor':
      return note(t('rating.mergedNote'));
    case 'office':
      return <Typography.Text type="secondary">{t('rating.awaitingLead')}</Typography.Text>;
    default:
      return viewer.reason ? note(viewer.reason) : <Typography.Text type="secondary">{t('rating.awaitingLead')}</Typography.Text>;
  }
}
