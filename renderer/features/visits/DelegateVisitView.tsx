import { Button, Card, Space, Typography } from 'antd';
import { CheckOutlined, CloseOutlined, EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { checkInRefusal } from '../../../shared/visits';
import { useProfile, useRepo } from '../../app/session';
import { checkInToVisit, respondToVisit } from '../../data/visitCommands';
import type { VisitDetail } from '../../data/visitQueries';
import { formatTime, today } from './dates';
import { LinkedProposals } from './LinkedProposals';
import { NotesEditor } from './NotesEditor';
import { PhotoGallery } from './PhotoGallery';
import { PhotoUploader } from './PhotoUploader';
import { useVisitCommand } from './useVisitCommand';
import { VisitInfo } from './VisitInfo';

/**
 * A delegate's visit, all of it usable offline: the plan and materials, the answer to the invitation, 签到 on the
 * day, field notes, photos, and the 提议 started from it.
 */
export function DelegateVisitView({ detail, syncOriginals }: { detail: VisitDetail; syncOriginals: boolean }) {
  const { visit, mine } = detail;
  const closed = visit.status === 'closed';
  return (
    <>
      <VisitInfo visit={visit} {...(detail.groupName ? { groupName: detail.groupName } : {})} />
      <ParticipationCard detail={detail} />
      <NotesEditor key={visit.id} visitId={visit.id} initial={mine?.notes ?? ''} editable={!closed} />
      <Card title={<PhotosTitle count={detail.photos.length} />} style={{ marginBottom: 16 }} data-testid="my-photos">
        {!closed && (
          <div style={{ marginBottom: 16 }}>
            <PhotoUploader visitId={visit.id} syncOriginals={syncOriginals} />
          </div>
        )}
        <PhotoGallery entries={detail.photos} editable={!closed} />
      </Card>
      <LinkedProposals visitId={visit.id} canStart />
    </>
  );
}

function PhotosTitle({ count }: { count: number }) {
  const { t } = useTranslation('visits');
  return (
    <>
      {t('photos.mineTitle')}
      {count > 0 && <Typography.Text type="secondary"> （{count}）</Typography.Text>}
    </>
  );
}

function ParticipationCard({ detail }: { detail: VisitDetail }) {
  const { t } = useTranslation('visits');
  const repo = useRepo();
  const profile = useProfile();
  const acting = { role: profile.role, actorId: profile.actorId };
  const { busy, run } = useVisitCommand();
  const { visit, mine } = detail;
  const closed = visit.status === 'closed';
  const answer = mine?.response ?? 'pending';
  const checkedInAt = mine?.checkedInAt;
  const checkInBlocked = checkInRefusal(visit, today());

  return (
    <Card title={t('participation.title')} style={{ marginBottom: 16 }} data-testid="participation">
      <Space orientation="vertical">
        <Typography.Text data-testid="participation-status">
          {checkedInAt ? t('participation.checkedIn', { time: formatTime(checkedInAt) }) : t(`participation.${answer}`)}
        </Typography.Text>
        {closed ? (
          <Typography.Text type="secondary">{t('participation.closed')}</Typography.Text>
        ) : (
          <Space wrap>
            {!checkedInAt && answer !== 'accepted' && (
              <Button icon={<CheckOutlined />} loading={busy} onClick={() => void run(() => respondToVisit(repo, visit.id, acting, 'accepted'), t('participation.accepted'))} data-testid="visit-accept">
                {t('participation.accept')}
              </Button>
            )}
            {!checkedInAt && answer !== 'declined' && (
              <Button icon={<CloseOutlined />} loading={busy} onClick={() => void run(() => respondToVisit(repo, visit.id, acting, 'declined'), t('participation.declined'))} data-testid="visit-decline">
                {t('participation.decline')}
              </Button>
            )}
            {!checkedInAt && (
              <Button
                type="primary"
                icon={<EnvironmentOutlined />}
                disabled={!!checkInBlocked}
                loading={busy}
                onClick={() => void run(() => checkInToVisit(repo, visit.id, acting), t('participation.checkInDone'))}
                data-testid="visit-check-in"
              >
                {t('participation.checkIn')}
              </Button>
            )}
            {!checkedInAt && checkInBlocked && (
              <Typography.Text type="secondary" data-testid="check-in-unavailable">
                {checkInBlocked}
              </Typography.Text>
            )}
          </Space>
        )}
      </Space>
    </Card>
  );
}
