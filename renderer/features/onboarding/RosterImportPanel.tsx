import { useMemo, useState } from 'react';
import { Alert, App, Button, Space, Table, Typography } from 'antd';
import { DownloadOutlined, FileExcelOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Delegate } from '../../../shared/domain';
import type { ExistingRoster, RosterImportError } from '../../../shared/roster-import';
import { chooseRosterFile, reasonWithoutRow, saveRosterTemplate, type LoadedRoster } from './rosterFile';
import { errorText } from './errorText';
import { useDelegateColumns } from './delegateColumns';

interface RosterImportPanelProps {
  /** Stored roster the new rows must not clash with (empty when creating a congress) */
  existing: ExistingRoster;
  value: LoadedRoster | null;
  onChange(value: LoadedRoster | null): void;
}

/**
 * Choose a roster file, see which rows will be imported and which rows are wrong and why. Importing is left to
 * the caller, which decides whether to go on with the good rows.
 */
export function RosterImportPanel({ existing, value, onChange }: RosterImportPanelProps) {
  const { t } = useTranslation('onboarding');
  const { message } = App.useApp();
  const [reading, setReading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const choose = async () => {
    setReading(true);
    setFailure(null);
    try {
      const loaded = await chooseRosterFile({ title: t('roster.openTitle'), filterName: t('roster.fileFilter') }, existing);
      if (loaded) onChange(loaded);
    } catch (error) {
      const fileName = (error as { fileName?: string }).fileName;
      setFailure(fileName ? t('roster.readFailed', { name: fileName, message: errorText(error, t) }) : errorText(error, t));
    } finally {
      setReading(false);
    }
  };

  const downloadTemplate = async () => {
    try {
      const name = await saveRosterTemplate(t('roster.templateName'), t('roster.fileFilter'));
      if (name) message.success(t('roster.templateSaved', { name }));
    } catch (error) {
      message.error(errorText(error, t));
    }
  };

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        <Button type="primary" icon={<FileExcelOutlined />} loading={reading} onClick={() => void choose()} data-testid="roster-choose-file">
          {value ? t('roster.chooseAnother') : t('roster.chooseFile')}
        </Button>
        <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate()} data-testid="roster-template">
          {t('roster.downloadTemplate')}
        </Button>
        {value && (
          <Button type="link" onClick={() => onChange(null)}>
            {t('roster.clear')}
          </Button>
        )}
      </Space>
      {failure && <Alert type="error" showIcon title={failure} data-testid="roster-read-error" />}
      {value && <RosterPreview loaded={value} existing={existing} />}
    </Space>
  );
}

function RosterPreview({ loaded, existing }: { loaded: LoadedRoster; existing: ExistingRoster }) {
  const { t } = useTranslation('onboarding');
  const { result } = loaded;
  const good = result.delegates.length;
  const badRows = new Set(result.errors.map((e) => e.row)).size;
  const names = useMemo(() => {
    const byId = new Map<string, string>();
    for (const record of [...(existing.delegations ?? []), ...(existing.activityGroups ?? []), ...result.delegations, ...result.activityGroups]) {
      byId.set(record.id, record.name);
    }
    return byId;
  }, [existing, result]);
  const columns = useDelegateColumns(names);

  const summary = badRows > 0 ? t('roster.summaryWithErrors', { good, bad: badRows }) : t('roster.summary', { good });
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="roster-preview">
      <Alert
        type={good === 0 ? 'error' : badRows > 0 ? 'warning' : 'success'}
        showIcon
        title={summary}
        description={
          <>
            <div>{t('roster.fileLabel', { name: loaded.fileName })}</div>
            {good === 0 && <div>{t('roster.noGoodRows')}</div>}
          </>
        }
      />
      {result.errors.length > 0 && (
        <div>
          <Typography.Title level={5} type="danger">
            {t('roster.badRows')}
          </Typography.Title>
          <Table<RosterImportError & { key: string }>
            size="small"
            data-testid="roster-errors"
            pagination={result.errors.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
            dataSource={result.errors.map((e, i) => ({ ...e, key: `${e.row}-${i}` }))}
            columns={[
              { title: t('roster.rowColumn'), dataIndex: 'row', width: 100, render: (row: number) => t('roster.rowLabel', { row }) },
              { title: t('roster.reasonColumn'), dataIndex: 'message', render: (text: string) => reasonWithoutRow(text) },
            ]}
          />
        </div>
      )}
      {good > 0 && (
        <div>
          <Typography.Title level={5}>{t('roster.goodRows')}</Typography.Title>
          <Table<Delegate>
            size="small"
            rowKey="id"
            data-testid="roster-good-rows"
            dataSource={result.delegates}
            columns={columns}
            pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true }}
            scroll={{ x: 720 }}
          />
        </div>
      )}
    </Space>
  );
}
