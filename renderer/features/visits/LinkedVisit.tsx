import { Typography } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../shared/domain';
import { useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { visitOfProposal } from '../../data/visitQueries';
import { dateRange } from './dates';

/**
 * "来源：视察：… （日期）" on a proposal started from a visit, linking to the visit; nothing for other proposals.
 * Meant for the proposal page (ProposalView), e.g. under its descriptions.
 */
export function LinkedVisit({ proposal }: { proposal: Pick<Proposal, 'sourceVisitId'> }) {
  const { t } = useTranslation('visits');
  const repo = useRepo();
  const navigate = useRouter((s) => s.navigate);
  const visit = useLiveQuery(async () => (await visitOfProposal(repo.db, proposal)) ?? null, [repo, proposal.sourceVisitId]);
  if (!proposal.sourceVisitId || visit === undefined) return null;
  const label = `${t('proposals.linkedVisit')}：`;
  if (visit === null) {
    return (
      <Typography.Paragraph type="secondary" data-testid="linked-visit">
        <EnvironmentOutlined /> {label}
        {t('proposals.linkedVisitMissing')}
      </Typography.Paragraph>
    );
  }
  const text = t('proposals.linkedVisitValue', { kind: t(`kind.${visit.kind}`), topic: visit.topic, date: dateRange(visit.startDate, visit.endDate) });
  return (
    <Typography.Paragraph data-testid="linked-visit">
      <EnvironmentOutlined /> {label}
      {visit.deletedAt ? (
        <Typography.Text type="secondary">
          {text}
          {t('proposals.linkedVisitCancelled')}
        </Typography.Text>
      ) : (
        <Typography.Link onClick={() => navigate({ name: 'visit', id: visit.id })}>{text}</Typography.Link>
      )}
    </Typography.Paragraph>
  );
}
