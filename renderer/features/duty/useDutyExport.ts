import { useState } from 'react';
import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProposalStatus } from '../../../shared/domain';
import { formatChinaDateTime } from '../../../shared/lifecycle';
import { BridgeCallError, getBridge } from '../../bridge/client';
import type { DutyRow } from '../../data/dutyQueries';
import { COUNT_COLUMNS, TEXT_COLUMNS, type DutyColumnKey } from './dutyColumns';
import { dutyWorkbookBytes } from './dutyWorkbook';

const STATUSES: readonly ProposalStatus[] = ['draft', 'collecting', 'submitted', 'received', 'inReview', 'accepted', 'merged', 'rejected', 'assigned', 'replied', 'rehandling', 'closed', 'withdrawn'];

/**
 * Saves 履职档案 rows as .xlsx through the save dialog — everyone's (the office, in the order shown) or one
 * delegate's own. `whose` goes into the file name (e.g. the delegate's name).
 */
export function useDutyExport() {
  const { t } = useTranslation('duty');
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);

  const exportRows = async (rows: readonly DutyRow[], { congressName, period, whose }: { congressName: string; period: string; whose?: string }) => {
    setExporting(true);
    try {
      const bytes = await dutyWorkbookBytes(rows, {
        sheetName: t('sheet.name'),
        byStatusSheetName: t('sheet.byStatus'),
        title: t('sheet.title', { congress: congressName, period }),
        exportedAt: t('sheet.exportedAt', { time: formatChinaDateTime(new Date().toISOString()) }),
        columns: Object.fromEntries([...TEXT_COLUMNS, ...COUNT_COLUMNS].map((k) => [k, t(`columns.${k}`)])) as Record<DutyColumnKey, string>,
        statusColumn: t('columns.status'),
        ended: t('ended'),
        role: t('sheet.role'),
        ledRole: t('sheet.ledRole'),
        cosignedRole: t('sheet.cosignedRole'),
        statusLabels: Object.fromEntries(STATUSES.map((s) => [s, t(`common:status.${s}`)])) as Record<ProposalStatus, string>,
      });
      const name = [t('sheet.name'), whose, period].filter(Boolean).join('-');
      const saved = await getBridge().saveFile({ defaultName: `${name}.xlsx`, filters: [{ name: 'Excel', extensions: ['xlsx'] }], bytes });
      if (saved) message.success(t('exported', { name: saved.name }));
    } catch (error) {
      const text = error instanceof BridgeCallError ? t(`common:errors.bridge.${error.code}`) : error instanceof Error ? error.message : String(error);
      message.error(t('exportFailed', { message: text }));
    } finally {
      setExporting(false);
    }
  };
  return { exporting, exportRows };
}
