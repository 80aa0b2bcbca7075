import { Button, Card, Form, Input, Space, Tag, Typography } from 'antd';
import { UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { NarrativeSection } from '../../../shared/reports';
import type { DraftStatus } from './useReportDraft';

interface NarrativeEditorProps {
  title: string;
  defaultTitle: string;
  issuer: string;
  defaultIssuer: string;
  sections: readonly NarrativeSection[];
  status: DraftStatus;
  onTitle(value: string): void;
  onIssuer(value: string): void;
  onText(sectionId: string, text: string): void;
  onRestore(sectionId: string): void;
  onBlur(): void;
}

/** The report's own words: title, 落款, opening, one section per theme, next steps — prefilled, editable. */
export function NarrativeEditor(props: NarrativeEditorProps) {
  const { t } = useTranslation('reports');
  const headingOf = (s: NarrativeSection) => (s.kind === 'opening' ? t('narrative.opening') : s.kind === 'closing' ? t('narrative.closing') : s.heading);
  return (
    <Card title={t('sections.narrative')} size="small" extra={<DraftStatusText status={props.status} />} data-testid="report-narrative">
      <Typography.Paragraph type="secondary">{t('narrative.hint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('narrative.title')}>
          <Input value={props.title} placeholder={props.defaultTitle} onChange={(e) => props.onTitle(e.target.value)} onBlur={props.onBlur} data-testid="report-title" maxLength={200} />
        </Form.Item>
        <Form.Item label={t('narrative.issuer')}>
          <Input value={props.issuer} placeholder={props.defaultIssuer} onChange={(e) => props.onIssuer(e.target.value)} onBlur={props.onBlur} data-testid="report-issuer" maxLength={200} />
        </Form.Item>
        {props.sections.map((s) => (
          <Form.Item
            key={s.id}
            label={
              <Space>
                <span>{headingOf(s)}</span>
                {s.edited && <Tag color="gold">{t('narrative.edited')}</Tag>}
                {s.edited && (
                  <Button size="small" type="link" icon={<UndoOutlined />} onClick={() => props.onRestore(s.id)} data-testid={`narrative-restore-${s.id}`}>
                    {t('narrative.restore')}
                  </Button>
                )}
              </Space>
            }
          >
            <Input.TextArea
              value={s.text}
              autoSize={{ minRows: 2, maxRows: 12 }}
              onChange={(e) => props.onText(s.id, e.target.value)}
              onBlur={props.onBlur}
              data-testid={`narrative-${s.id}`}
              maxLength={20_000}
            />
          </Form.Item>
        ))}
      </Form>
    </Card>
  );
}

function DraftStatusText({ status }: { status: DraftStatus }) {
  const { t } = useTranslation('reports');
  switch (status.state) {
    case 'saving':
      return <Typography.Text type="secondary">{t('narrative.saving')}</Typography.Text>;
    case 'saved':
      return (
        <Typography.Text type="secondary" data-testid="report-draft-saved">
          {t('narrative.saved', { time: status.at.toLocaleTimeString('zh-CN', { hour12: false }) })}
        </Typography.Text>
      );
    case 'failed':
      return (
        <Typography.Text type="danger" data-testid="report-draft-failed">
          {t('narrative.saveFailed', { message: status.message })}
        </Typography.Text>
      );
    default:
      return null;
  }
}
