import type { ReactNode } from 'react';
import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../shared/domain';
import { visitPhase, type VisitPhase } from '../../../shared/visits';
import { AttachmentList } from '../proposals/AttachmentList';
import { dateRange, today } from './dates';

export const PHASE_COLORS: Readonly<Record<VisitPhase, string>> = { upcoming: 'blue', ongoing: 'green', ended: 'orange', closed: 'default' };

export function KindTag({ kind }: { kind: Visit['kind'] }) {
  const { t } = useTranslation('visits');
  return <Tag color={kind === 'research' ? 'purple' : 'red'}>{t(`kind.${kind}`)}</Tag>;
}

export function PhaseTag({ visit }: { visit: Pick<Visit, 'status' | 'startDate' | 'endDate'> }) {
  const { t } = useTranslation('visits');
  const phase = visitPhase(visit, today());
  return (
    <Tag color={PHASE_COLORS[phase]} data-testid="visit-phase">
      {t(`phase.${phase}`)}
    </Tag>
  );
}

/**
 * The plan of a visit as everyone sees it: kind, topic, dates, sites, organising group, agenda, and the office's
 * materials (downloadable; the office may add and remove them through `materials`).
 */
export function VisitInfo({
  visit,
  groupName,
  extra,
  onRemoveMaterial,
  materialsFooter,
}: {
  visit: Visit;
  groupName?: string;
  extra?: ReactNode;
  onRemoveMaterial?: (attachmentId: string) => Promise<void>;
  materialsFooter?: ReactNode;
}) {
  const { t } = useTranslation('visits');
  const none = t('detail.none');
  return (
    <Card
      title={
        <Space wrap>
          <KindTag kind={visit.kind} />
          <span data-testid="visit-topic">{visit.topic}</span>
          <PhaseTag visit={visit} />
        </Space>
      }
      extra={extra}
      style={{ marginBottom: 16 }}
    >
      <Descriptions
        column={2}
        size="small"
        bordered
        items={[
          { key: 'dates', label: t('detail.dates'), children: <span data-testid="visit-dates">{dateRange(visit.startDate, visit.endDate)}</span> },
          { key: 'group', label: t('detail.group'), children: groupName ?? none },
          { key: 'sites', label: t('detail.sites'), span: 2, children: visit.sites.join('、') || none },
          {
            key: 'agenda',
            label: t('detail.agenda'),
            span: 2,
            children: <div style={{ whiteSpace: 'pre-wrap' }}>{visit.agenda || none}</div>,
          },
        ]}
      />
      <Typography.Title level={5} style={{ marginTop: 16 }}>
        {t('detail.materials')}
      </Typography.Title>
      <AttachmentList
        owner={{ entity: 'visit', id: visit.id }}
        canRemove={!!onRemoveMaterial}
        {...(onRemoveMaterial ? { onRemove: onRemoveMaterial } : {})}
        empty={<Typography.Text type="secondary">{t('detail.noMaterials')}</Typography.Text>}
      />
      {materialsFooter}
    </Card>
  );
}
