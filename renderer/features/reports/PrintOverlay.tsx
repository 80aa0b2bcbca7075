import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { Alert, App, Button, Space, Spin, Typography } from 'antd';
import { CloseOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ChartKey, HandlingReport, ReportOutline } from '../../../shared/reports';
import { BridgeCallError, getBridge } from '../../bridge/client';
import { errorText } from '../onboarding/errorText';
import { useChartEngine } from './charts/chartEngine';
import { imageDataUrl } from './charts/chartImages';
import { drawCharts, reportFileName } from './reportExport';
import { PRINT_CSS, ReportPrintView } from './ReportPrintView';

interface PrintOverlayProps {
  report: HandlingReport;
  outline: ReportOutline;
  onClose(): void;
}

/**
 * The print view over the whole window, outside the app's layout, so that printing (the browser's print, or
 * Electron's printToPDF through the bridge) shows only the report.
 */
export function PrintOverlay({ report, outline, onClose }: PrintOverlayProps) {
  const { t } = useTranslation('reports');
  const { message } = App.useApp();
  const engine = useChartEngine();
  const [chartUrls, setChartUrls] = useState<Partial<Record<ChartKey, string>> | undefined>(undefined);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    let current = true;
    void drawCharts(report, engine).then(
      (images) => {
        if (!current) return;
        const urls: Partial<Record<ChartKey, string>> = {};
        for (const [key, image] of Object.entries(images) as [ChartKey, (typeof images)[ChartKey]][]) if (image) urls[key] = imageDataUrl(image);
        setChartUrls(urls);
      },
      // A chart that cannot be drawn does not stop the text from printing.
      () => current && setChartUrls({}),
    );
    return () => {
      current = false;
    };
  }, [report, engine]);

  /** Electron prints this page to a PDF file; the browser build has no such call and opens its print dialog. */
  const exportPdf = async () => {
    setSaving(true);
    try {
      const saved = await getBridge().printToPdf({ title: outline.title, defaultName: reportFileName(outline.title, 'pdf') });
      if (saved) message.success(t('export.saved', { name: saved.name }));
      else message.info(t('export.cancelled'));
    } catch (error) {
      if (error instanceof BridgeCallError && error.code === 'unsupported') window.print();
      else message.error(t('export.failed', { message: errorText(error, t) }));
    } finally {
      setSaving(false);
    }
  };

  return createPortal(
    <div className="report-print-root" style={{ position: 'fixed', inset: 0, zIndex: 1100, overflow: 'auto', background: '#e9eaee' }} data-testid="report-print-overlay">
      <style>{PRINT_CSS}</style>
      <div className="report-print-toolbar" style={{ position: 'sticky', top: 0, zIndex: 1, padding: '8px 16px', background: '#fff', boxShadow: '0 1px 4px rgba(0,0,0,.12)' }}>
        <Space wrap>
          <Typography.Text strong>{t('print.title')}</Typography.Text>
          <Button type="primary" icon={<FilePdfOutlined />} disabled={!chartUrls} loading={saving} onClick={() => void exportPdf()} data-testid="report-pdf-button">
            {t('print.pdf')}
          </Button>
          <Button icon={<PrinterOutlined />} disabled={!chartUrls || saving} onClick={() => window.print()} data-testid="report-print-button">
            {t('print.print')}
          </Button>
          <Button icon={<CloseOutlined />} onClick={onClose} data-testid="report-print-close">
            {t('print.close')}
          </Button>
        </Space>
        <Alert style={{ marginTop: 8 }} type="info" showIcon title={t('print.hint')} />
      </div>
      <div style={{ padding: '16px 0' }}>
        {chartUrls ? (
          <ReportPrintView outline={outline} chartUrls={chartUrls} />
        ) : (
          <div style={{ textAlign: 'center', padding: 48 }}>
            <Spin />
            <Typography.Paragraph>{t('print.preparing')}</Typography.Paragraph>
          </div>
        )}
      </div>
    </div>,
    document.body,
  );
}
