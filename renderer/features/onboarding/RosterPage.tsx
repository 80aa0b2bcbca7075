import { useDeferredValue, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, Modal, Space, Table, Typography } from 'antd';
import { ExportOutlined, ImportOutlined, SearchOutlined } from '@ant-design/icons';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Delegate } from '../../../shared/domain';
import { CONGRESS_PROFILE_EXTENSION } from '../../../shared/profile/congressProfile';
import { getBridge } from '../../bridge/client';
import { useProfile, useRepo } from '../../app/session';
import { appendRoster, exportCongressProfile } from '../../data/congressSetup';
import { ensureOfficeBinding } from '../../sync/identity';
import { compareDelegateNumbers, useDelegateColumns } from './delegateColumns';
import { RosterImportPanel } from './RosterImportPanel';
import type { LoadedRoster } from './rosterFile';
import { errorText } from './errorText';

/** A congress name as a file name: characters Windows forbids become "_". */
export function profileFileName(congressName: string): string {
  const safe = Array.from(congressName, (ch) => (ch.charCodeAt(0) < 0x20 || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('');
  const base = safe.trim().slice(0, 150) || 'congress';
  return base + CONGRESS_PROFILE_EXTENSION;
}

/** 代表名册 (office only): the delegates, the profile file delegates join with, and appending more rows. */
export function RosterPage() {
  const { t } = useTranslation('onboarding');
  const { message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const [search, setSearch] = useState('');
  const text = useDeferredValue(search.trim());
  const [importOpen, setImportOpen] = useState(false);
  const [exporting, setExporting] = useState(false);

  const data = useLiveQuery(async () => {
    const [congress, delegates, delegations, activityGroups] = await Promise.all([
      repo.db.congress.get(profile.congressId),
      repo.db.delegate.toArray(),
      repo.db.delegation.toArray(),
      repo.db.activityGroup.toArray(),
    ]);
    return {
      congress,
      delegates: delegates.filter((d) => !d.deletedAt).sort((a, b) => compareDelegateNumbers(a.delegateNumber, b.delegateNumber)),
      delegations: delegations.filter((d) => !d.deletedAt),
      activityGroups: activityGroups.filter((g) => !g.deletedAt),
    };
  }, [repo, profile.congressId]);

  const names = useMemo(() => new Map([...(data?.delegations ?? []), ...(data?.activityGroups ?? [])].map((r) => [r.id, r.name])), [data]);
  const columns = useDelegateColumns(names);
  const rows = useMemo(() => {
    const delegates = data?.delegates ?? [];
    if (!text) return delegates;
    return delegates.filter((d) => d.name.includes(text) || d.delegateNumber.includes(text));
  }, [data, text]);

  const exportProfile = async () => {
    if (!data?.congress) return;
    setExporting(true);
    try {
      // The file carries this office device's keys: delegates trust and address the office with them.
      await ensureOfficeBinding(repo, getBridge(), profile);
      const bytes = await exportCongressProfile(repo.db, profile.congressId);
      const saved = await getBridge().saveFile({
        defaultName: profileFileName(data.congress.name),
        filters: [{ name: t('join.fileFilter'), extensions: ['json'] }],
        bytes,
      });
      if (saved) message.success(t('rosterPage.exported', { name: saved.name }));
    } catch (error) {
      message.error(t('rosterPage.exportFailed', { message: errorText(error, t) }));
    } finally {
      setExporting(false);
    }
  };

  const active = data?.delegates.filter((d) => d.status === 'active').length ?? 0;
  return (
    <Card
      title={t('rosterPage.title')}
      extra={
        <Space wrap>
          <Button icon={<ImportOutlined />} onClick={() => setImportOpen(true)} data-testid="roster-import">
            {t('rosterPage.import')}
          </Button>
          <Button
            type="primary"
            icon={<ExportOutlined />}
            loading={exporting}
            disabled={!data?.congress}
            onClick={() => void exportProfile()}
            data-testid="roster-export"
          >
            {t('rosterPage.export')}
          </Button>
        </Space>
      }
      styles={{ body: { display: 'flex', flexDirection: 'column', gap: 12 } }}
    >
      <Typography.Text data-testid="roster-counts">
        {t('rosterPage.counts', {
          delegates: data?.delegates.length ?? 0,
          active,
          delegations: data?.delegations.length ?? 0,
          groups: data?.activityGroups.length ?? 0,
        })}
      </Typography.Text>
      <Typography.Text type="secondary">{t('rosterPage.exportHint')}</Typography.Text>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('rosterPage.searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        style={{ maxWidth: 320 }}
        data-testid="roster-search"
      />
      <Table<Delegate>
        size="middle"
        rowKey="id"
        loading={!data}
        dataSource={rows}
        columns={columns}
        data-testid="roster-table"
        scroll={{ x: 800 }}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true, showTotal: (total) => t('rosterPage.total', { total }) }}
        locale={{ emptyText: <Empty description={text ? t('rosterPage.emptySearch', { text }) : t('rosterPage.empty')} /> }}
      />
      {importOpen && data && (
        <ImportRosterModal existing={data} onClose={() => setImportOpen(false)} />
      )}
    </Card>
  );
}

interface ImportRosterModalProps {
  existing: { delegates: Delegate[]; delegations: { id: string; name: string; sortOrder: number }[]; activityGroups: { id: string; name: string; sortOrder: number }[] };
  onClose(): void;
}

function ImportRosterModal({ existing, onClose }: ImportRosterModalProps) {
  const { t } = useTranslation('onboarding');
  const { message } = App.useApp();
  const repo = useRepo();
  const [loaded, setLoaded] = useState<LoadedRoster | null>(null);
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // The roster as it was when the dialog opened: the file is checked against it, and stays checked against it.
  const [snapshot] = useState(existing);
  const good = loaded?.result.delegates.length ?? 0;

  const importGoodRows = async () => {
    if (!loaded || good === 0) return;
    setSaving(true);
    setFailure(null);
    try {
      const count = await appendRoster(repo, loaded.result);
      message.success(t('rosterPage.imported', { count }));
      onClose();
    } catch (error) {
      setFailure(t('rosterPage.importFailed', { message: errorText(error, t) }));
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      width={880}
      title={t('rosterPage.importTitle')}
      onCancel={saving ? undefined : onClose}
      mask={{ closable: false }}
      footer={[
        <Button key="cancel" onClick={onClose} disabled={saving}>
          {t('common:cancel')}
        </Button>,
        <Button key="import" type="primary" disabled={good === 0} loading={saving} onClick={() => void importGoodRows()} data-testid="roster-import-confirm">
          {t('rosterPage.importAction', { count: good })}
        </Button>,
      ]}
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Text type="secondary">{t('rosterPage.importHint')}</Typography.Text>
        <RosterImportPanel existing={snapshot} value={loaded} onChange={setLoaded} />
        {failure && <Alert type="error" showIcon title={failure} />}
      </Space>
    </Modal>
  );
}
