import { Alert, Card, List, Space, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../shared/domain';
import { useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { proposalMergeLinks } from '../../data/proposalQueries';
import { HandlingSection, type RatingViewer } from './HandlingSection';
import { StatusTag } from './StatusTag';

function ProposalLink({ proposal, leadName }: { proposal: Proposal; leadName: string }) {
  const { t } = useTranslation('proposals');
  const navigate = useRouter((s) => s.navigate);
  return (
    <Space wrap size={6}>
      {proposal.number !== undefined && <Tag>{t('number', { number: proposal.number })}</Tag>}
      <Typography.Link onClick={() => navigate({ name: 'proposalView', id: proposal.id })} data-testid="merge-link">
        {proposal.title || t('untitled')}
      </Typography.Link>
      <Typography.Text type="secondary">{leadName}</Typography.Text>
      <StatusTag status={proposal.status} />
    </Space>
  );
}

/**
 * 并案, both ways: the proposals merged into this one (links), and for a merged proposal the one it was merged
 * into — a link, and that proposal's handling and reply, which answer this one's author too.
 */
export function MergedProposals({ proposal, delegateName, targetViewer }: { proposal: Proposal; delegateName: (id: string) => string; targetViewer: RatingViewer }) {
  const { t } = useTranslation('proposals');
  const repo = useRepo();
  const links = useLiveQuery(() => proposalMergeLinks(repo.db, proposal), [repo, proposal]);
  if (!links) return null;
  const { mergedInto, mergedHere } = links;
  return (
    <>
      {mergedInto && (
        <Card title={t('merge.mergedInto')} style={{ marginTop: 16 }} data-testid="merged-into">
          <Typography.Paragraph type="secondary">{t('merge.mergedIntoHint')}</Typography.Paragraph>
          {mergedInto.proposal ? (
            <ProposalLink proposal={mergedInto.proposal} leadName={delegateName(mergedInto.proposal.leadDelegateId)} />
          ) : (
            <Alert type="info" showIcon message={t('merge.targetMissing')} data-testid="merge-target-missing" />
          )}
        </Card>
      )}
      {mergedInto?.proposal && <HandlingSection proposal={mergedInto.proposal} viewer={targetViewer} title={t('merge.targetReply')} />}
      {mergedHere.length > 0 && (
        <Card title={t('merge.mergedHere')} style={{ marginTop: 16 }} data-testid="merged-here">
          <Typography.Paragraph type="secondary">{t('merge.mergedHereHint')}</Typography.Paragraph>
          <List
            size="small"
            dataSource={mergedHere}
            renderItem={(p) => (
              <List.Item>
                <ProposalLink proposal={p} leadName={delegateName(p.leadDelegateId)} />
              </List.Item>
            )}
          />
        </Card>
      )}
    </>
  );
}
