import { Card, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AttendanceRow } from '../../../shared/visits';
import type { VisitRoster } from './useVisitRoster';

/** Everyone's field notes (视察记录), for the office writing the report. */
export function FieldNotesList({ rows, roster }: { rows: AttendanceRow[]; roster: VisitRoster }) {
  const { t } = useTranslation('visits');
  const written = rows.filter((r) => r.notes.trim());
  return (
    <Card title={t('notes.title')} style={{ marginBottom: 16 }} data-testid="field-notes">
      {written.length === 0 ? (
        <Typography.Text type="secondary">{t('notes.empty')}</Typography.Text>
      ) : (
        written.map((row) => (
          <div key={row.delegateId} style={{ marginBottom: 12 }} data-testid="field-note">
            <Typography.Text strong>{roster.byId.get(row.delegateId)?.name ?? row.delegateId}</Typography.Text>
            <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }}>{row.notes}</div>
          </div>
        ))
      )}
    </Card>
  );
}
