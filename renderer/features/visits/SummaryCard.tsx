import { useState } from 'react';
import { Button, Card, Form, Input, Popconfirm, Space, Typography } from 'antd';
import { CheckCircleOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../shared/domain';
import { useProfile, useRepo } from '../../app/session';
import { closeVisit, reopenVisit, saveVisitSummary } from '../../data/visitCommands';
import { useAutosave } from '../proposals/useAutosave';
import { SaveIndicator } from './SaveIndicator';
import { useRefusalText, useVisitCommand } from './useVisitCommand';

/**
 * 视察报告: the office writes it (saved as it types) from the delegates' notes and photos, then closes the visit;
 * closing without a report is refused beside the field. A closed visit shows the report and can be reopened.
 */
export function SummaryCard({ visit }: { visit: Visit }) {
  const { t } = useTranslation('visits');
  const repo = useRepo();
  const profile = useProfile();
  const acting = { role: profile.role, actorId: profile.actorId };
  const refusalText = useRefusalText();
  const { busy, run } = useVisitCommand();
  const [summary, setSummary] = useState(visit.summary ?? '');
  const [error, setError] = useState<string | undefined>();
  const closed = visit.status === 'closed';
  const autosave = useAutosave(summary, async (value) => {
    try {
      await saveVisitSummary(repo, visit.id, acting, value);
    } catch (e) {
      throw new Error(refusalText(e));
    }
  });

  const close = async () => {
    await autosave.flush();
    await run(() => closeVisit(repo, visit.id, acting), t('summary.closed'), (errors) => setError(errors.summary));
  };

  if (closed) {
    return (
      <Card
        title={t('summary.title')}
        extra={
          <Button icon={<UndoOutlined />} loading={busy} onClick={() => void run(() => reopenVisit(repo, visit.id, acting), t('summary.reopened'))} data-testid="visit-reopen">
            {t('summary.reopen')}
          </Button>
        }
        style={{ marginBottom: 16 }}
      >
        <div style={{ whiteSpace: 'pre-wrap', lineHeight: 1.8 }} data-testid="visit-summary-text">
          {visit.summary || <Typography.Text type="secondary">{t('summary.empty')}</Typography.Text>}
        </div>
      </Card>
    );
  }
  return (
    <Card title={t('summary.title')} extra={<SaveIndicator state={autosave.state} testId="summary-save-indicator" />} style={{ marginBottom: 16 }}>
      <Form layout="vertical">
        <Form.Item validateStatus={error ? 'error' : undefined} help={error} data-testid="visit-summary-item">
          <Input.TextArea
            value={summary}
            onChange={(e) => {
              setSummary(e.target.value);
              setError(undefined);
            }}
            autoSize={{ minRows: 6, maxRows: 30 }}
            placeholder={t('summary.placeholder')}
            data-testid="visit-summary"
          />
        </Form.Item>
      </Form>
      <Space>
        <Popconfirm title={t('summary.closeConfirm')} okText={t('common:confirm')} cancelText={t('common:cancel')} onConfirm={() => void close()}>
          <Button type="primary" icon={<CheckCircleOutlined />} loading={busy} data-testid="visit-close">
            {t('summary.close')}
          </Button>
        </Popconfirm>
      </Space>
    </Card>
  );
}
