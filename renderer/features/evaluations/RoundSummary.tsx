import { Descriptions, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { EvaluationRound } from '../../../shared/domain';
import { ratedCriteria } from '../../../shared/evaluations';
import { useRepo } from '../../app/session';
import { formatTime } from './format';

/** What a round asks and of whom: subjects, criteria, scale, voters, period. */
export function RoundSummary({ round }: { round: EvaluationRound }) {
  const { t } = useTranslation('evaluations');
  const repo = useRepo();
  const groupNames = useLiveQuery(async () => {
    if (round.voters.kind !== 'groups') return '';
    const ids = round.voters.activityGroupIds;
    const groups = await repo.db.activityGroup.bulkGet(ids);
    return groups.map((g, i) => g?.name ?? ids[i]).join('、');
  }, [repo, round.voters]);
  const criteria = round.criteria.join('、');
  const voters =
    round.voters.kind === 'all'
      ? t('page.votersAll')
      : round.voters.kind === 'groups'
        ? t('page.votersGroups', { groups: groupNames ?? '' })
        : t('page.votersList', { count: round.voters.delegateIds.length });
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid="round-summary"
      items={[
        {
          key: 'subjects',
          label: t('page.subjects'),
          children: (
            <span data-testid="round-subjects">
              {round.subjects.map((s, i) => (
                <span key={s.id}>
                  {i > 0 && '、'}
                  {s.name}
                  {s.description && <Typography.Text type="secondary">（{s.description}）</Typography.Text>}
                </span>
              ))}
            </span>
          ),
        },
        ...(criteria
          ? [{ key: 'criteria', label: t('page.criteria'), children: ratedCriteria(round).length ? t('page.criteriaRated', { criteria }) : criteria }]
          : []),
        {
          key: 'scale',
          label: t('page.scale'),
          children: round.scale.kind === 'grades' ? round.scale.options.join(' / ') : t('page.scoreRange', { min: round.scale.min, max: round.scale.max }),
        },
        { key: 'voters', label: t('page.voters'), children: <span data-testid="round-voters-summary">{voters}</span> },
        {
          key: 'window',
          label: t('page.window'),
          children: <span data-testid="round-window">{t('window', { opens: formatTime(round.opensAt), closes: formatTime(round.closesAt) })}</span>,
        },
      ]}
    />
  );
}
