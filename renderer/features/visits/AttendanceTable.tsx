import type { HTMLAttributes } from 'react';
import { Card, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttendanceCounts, AttendanceRow, InvitationAnswer } from '../../../shared/visits';
import { formatTime } from './dates';
import type { VisitRoster } from './useVisitRoster';

const ANSWER_COLORS: Readonly<Record<InvitationAnswer, string>> = { accepted: 'green', declined: 'red', pending: 'default' };

export function AnswerTag({ answer }: { answer: InvitationAnswer }) {
  const { t } = useTranslation('visits');
  return <Tag color={ANSWER_COLORS[answer]}>{t(`answer.${answer}`)}</Tag>;
}

/** 参加情况 for the office: every invitee's answer, check-in, whether they wrote notes, how many photos. */
export function AttendanceTable({ rows, counts, roster }: { rows: AttendanceRow[]; counts: AttendanceCounts; roster: VisitRoster }) {
  const { t } = useTranslation('visits');
  return (
    <Card title={t('attendance.title')} style={{ marginBottom: 16 }} data-testid="attendance">
      <Typography.Paragraph data-testid="attendance-counts">{t('attendance.counts', { ...counts })}</Typography.Paragraph>
      <Table<AttendanceRow>
        size="small"
        rowKey="delegateId"
        pagination={rows.length > 50 ? { pageSize: 50 } : false}
        dataSource={rows}
        onRow={(row) => ({ 'data-testid': `attendance-row-${row.delegateId}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          {
            key: 'name',
            title: t('attendance.name'),
            render: (_, row) => (
              <>
                {roster.byId.get(row.delegateId)?.name ?? row.delegateId}
                {!row.invited && (
                  <Tag style={{ marginLeft: 6 }} color="default">
                    {t('attendance.notInvited')}
                  </Tag>
                )}
              </>
            ),
          },
          { key: 'number', title: t('attendance.number'), render: (_, row) => roster.byId.get(row.delegateId)?.delegateNumber ?? '—' },
          { key: 'answer', title: t('attendance.answer'), render: (_, row) => <AnswerTag answer={row.answer} /> },
          { key: 'checkedIn', title: t('attendance.checkedIn'), render: (_, row) => (row.checkedInAt ? formatTime(row.checkedInAt) : '—') },
          { key: 'notes', title: t('attendance.notes'), render: (_, row) => (row.notes.trim() ? t('attendance.hasNotes') : t('attendance.noNotes')) },
          { key: 'photos', title: t('attendance.photos'), render: (_, row) => row.photoCount || '—' },
        ]}
      />
      <Typography.Text type="secondary">{t('attendance.syncHint')}</Typography.Text>
    </Card>
  );
}
