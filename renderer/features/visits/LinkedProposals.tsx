import { Button, Card, Space, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { FileAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../shared/domain';
import { useProfile, useRepo } from '../../app/session';
import { useRouter } from '../../app/router';
import { startProposalFromVisit } from '../../data/visitCommands';
import { proposalsFromVisit } from '../../data/visitQueries';
import { StatusTag } from '../proposals/StatusTag';
import { useVisitCommand } from './useVisitCommand';

/**
 * 由本次视察提出的提议: the proposals started from the visit (as far as this machine has them), each opening its
 * page (a delegate's own draft opens in the editor); an invited delegate can start a new one here.
 */
export function LinkedProposals({ visitId, canStart }: { visitId: string; canStart: boolean }) {
  const { t } = useTranslation('visits');
  const repo = useRepo();
  const proposals = useLiveQuery(() => proposalsFromVisit(repo.db, visitId), [repo, visitId]) ?? [];
  const profile = useProfile();
  const navigate = useRouter((s) => s.navigate);
  const { busy, run } = useVisitCommand();

  const start = async () => {
    const draft = await run(() => startProposalFromVisit(repo, visitId, { role: profile.role, actorId: profile.actorId }), t('proposals.started'));
    if (draft) navigate({ name: 'proposalEdit', id: draft.id });
  };

  const open = (p: Proposal) =>
    navigate(p.status === 'draft' && p.leadDelegateId === profile.actorId ? { name: 'proposalEdit', id: p.id } : { name: 'proposalView', id: p.id });

  return (
    <Card
      title={t('proposals.title')}
      extra={
        canStart && (
          <Button icon={<FileAddOutlined />} loading={busy} onClick={() => void start()} data-testid="visit-start-proposal">
            {t('proposals.start')}
          </Button>
        )
      }
      style={{ marginBottom: 16 }}
      data-testid="visit-proposals"
    >
      {proposals.length === 0 ? (
        <Typography.Text type="secondary">{t('proposals.empty')}</Typography.Text>
      ) : (
        <Space orientation="vertical" style={{ width: '100%' }}>
          {proposals.map((p) => (
            <Space key={p.id} data-testid="visit-proposal">
              <StatusTag status={p.status} />
              <Typography.Link onClick={() => open(p)}>{p.title || t('proposals.untitled')}</Typography.Link>
            </Space>
          ))}
        </Space>
      )}
    </Card>
  );
}
