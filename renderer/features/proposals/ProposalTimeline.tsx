import { Empty, Timeline, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatChinaDateTime } from '../../../shared/lifecycle';
import type { TimelineDetail, TimelineEntry } from '../../data/proposalQueries';

/** The line under a handling step: units and deadline of a 交办, the unit and class of a 答复, the rating… */
function DetailLine({ detail }: { detail: TimelineDetail }) {
  const { t } = useTranslation('proposals');
  let parts: string[];
  switch (detail.kind) {
    case 'assignment':
      parts = [
        ...(detail.round > 1 ? [t('timelineDetail.round', { round: detail.round })] : []),
        ...(detail.mode === 'split'
          ? [t('timelineDetail.split', { units: detail.splitUnits.join('、') })]
          : [
              t('timelineDetail.lead', { unit: detail.leadUnit ?? '—' }),
              ...(detail.coUnits.length ? [t('timelineDetail.co', { units: detail.coUnits.join('、') })] : []),
            ]),
        ...(detail.deadline ? [t('timelineDetail.deadline', { date: detail.deadline })] : []),
      ];
      break;
    case 'extension':
      parts = [t('timelineDetail.extension', { date: detail.newDeadline })];
      break;
    case 'returned':
      parts = [t('timelineDetail.returned', { unit: detail.unit })];
      break;
    case 'reply':
      parts = [
        ...(detail.round > 1 ? [t('timelineDetail.round', { round: detail.round })] : []),
        detail.unit,
        `${t('reply.classLabel', { cls: detail.resultClass })}（${t(`reply.classMeaning.${detail.resultClass}`)}）`,
        ...(detail.documentNumber ? [t('timelineDetail.documentNumber', { number: detail.documentNumber })] : []),
      ];
      break;
    case 'rating':
      parts = [t('timelineDetail.rating', { overall: t(`rating.satisfaction.${detail.overall}`) })];
      break;
    case 'consultation':
      parts = [detail.unit, t(`handling.consultationForm.${detail.form}`), detail.date];
      break;
  }
  return <div style={{ fontSize: 12 }}>{parts.join(' · ')}</div>;
}

/** Every step of the proposal, newest first: who, when, what (and the status it led to), why. */
export function ProposalTimeline({ entries }: { entries: TimelineEntry[] }) {
  const { t } = useTranslation('proposals');
  if (!entries.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      data-testid="proposal-timeline"
      items={[...entries].reverse().map((e) => ({
        color: e.status ? 'red' : 'gray',
        children: (
          <div data-testid="timeline-entry">
            <Typography.Text strong>
              {e.action === 'edit' && e.count > 1 ? t('action.editCount', { count: e.count }) : t(`action.${e.action}`, { defaultValue: e.action })}
            </Typography.Text>
            {e.status && <> → {t(`common:status.${e.status}`)}</>}
            {/* 北京时间, like every other date on the page, whatever the computer's time zone. */}
            <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.45)' }}>
              {e.actor.name ?? e.actor.id} · {formatChinaDateTime(e.at)}
            </div>
            {/* A step that states its own reason (the office's commands spell out units, dates, classes) needs no detail line. */}
            {e.reason ? <div style={{ fontSize: 12 }}>{e.reason}</div> : e.detail && <DetailLine detail={e.detail} />}
          </div>
        ),
      }))}
    />
  );
}
