import { useDeferredValue, useMemo, useState } from 'react';
import { Alert, App, Button, Empty, Input, Space, Table, Typography } from 'antd';
import { FolderOpenOutlined, SearchOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Delegate } from '../../../shared/domain';
import { decodeTextFile } from '../../../shared/roster-import';
import { parseCongressProfile, type CongressProfile } from '../../../shared/profile/congressProfile';
import { getBridge } from '../../bridge/client';
import { useRepo, useSession } from '../../app/session';
import { joinFromProfile } from '../../data/congressSetup';
import { compareDelegateNumbers } from './delegateColumns';
import { errorText } from './errorText';

interface OpenedProfile {
  fileName: string;
  profile: CongressProfile;
}

/** 以党代表身份加入: open the office's profile file, pick yourself, and the laptop stores the congress. */
export function JoinFlow({ onBusyChange }: { onBusyChange(busy: boolean): void }) {
  const { t } = useTranslation('onboarding');
  const { message } = App.useApp();
  const repo = useRepo();
  const completeOnboarding = useSession((s) => s.completeOnboarding);
  const [opened, setOpened] = useState<OpenedProfile | null>(null);
  const [fileError, setFileError] = useState<{ title: string; message: string } | null>(null);
  const [search, setSearch] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [joining, setJoining] = useState(false);

  const chooseFile = async () => {
    setFileError(null);
    try {
      const file = await getBridge().openFile({ title: t('join.openTitle'), filters: [{ name: t('join.fileFilter'), extensions: ['json'] }] });
      if (!file) return;
      const parsed = parseCongressProfile(decodeTextFile(file.bytes));
      if (!parsed.ok) {
        setFileError({ title: t('join.invalidFile', { name: file.name }), message: parsed.message });
        return;
      }
      setOpened({ fileName: file.name, profile: parsed.profile });
      setSelectedId(null);
      setSearch('');
    } catch (error) {
      setFileError({ title: t('join.openTitle'), message: errorText(error, t) });
    }
  };

  const join = async () => {
    if (!opened) return;
    const me = opened.profile.delegates.find((d) => d.id === selectedId);
    if (!me) {
      message.warning(t('join.selectFirst'));
      return;
    }
    setJoining(true);
    onBusyChange(true);
    try {
      const { congressId } = await joinFromProfile(repo, opened.profile, me.id);
      await completeOnboarding({ role: 'delegate', actorId: me.id, actorName: me.name, congressId });
    } catch (error) {
      message.error(t('join.failed', { message: errorText(error, t) }));
      setJoining(false);
      onBusyChange(false);
    }
  };

  const selected = opened?.profile.delegates.find((d) => d.id === selectedId);
  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        {t('join.chooseHint')}
      </Typography.Paragraph>
      <Space wrap>
        <Button type={opened ? 'default' : 'primary'} icon={<FolderOpenOutlined />} onClick={() => void chooseFile()} disabled={joining} data-testid="join-choose-file">
          {t('join.chooseFile')}
        </Button>
        {opened && <Typography.Text type="secondary">{opened.fileName}</Typography.Text>}
      </Space>
      {fileError && <Alert type="error" showIcon title={fileError.title} description={fileError.message} data-testid="join-error" />}
      {opened && (
        <DelegatePicker
          profile={opened.profile}
          search={search}
          onSearch={setSearch}
          selectedId={selectedId}
          onSelect={setSelectedId}
        />
      )}
      {opened && (
        <Button type="primary" size="large" disabled={!selected} loading={joining} onClick={() => void join()} data-testid="join-confirm">
          {selected ? t('join.confirm', { name: selected.name }) : t('join.selectFirst')}
        </Button>
      )}
    </Space>
  );
}

interface DelegatePickerProps {
  profile: CongressProfile;
  search: string;
  onSearch(text: string): void;
  selectedId: string | null;
  onSelect(id: string): void;
}

function DelegatePicker({ profile, search, onSearch, selectedId, onSelect }: DelegatePickerProps) {
  const { t } = useTranslation('onboarding');
  const text = useDeferredValue(search.trim());
  const delegationNames = useMemo(() => new Map(profile.delegations.map((d) => [d.id, d.name])), [profile]);
  const candidates = useMemo(
    () =>
      profile.delegates
        .filter((d) => d.status === 'active')
        .sort((a, b) => compareDelegateNumbers(a.delegateNumber, b.delegateNumber)),
    [profile],
  );
  const rows = useMemo(() => {
    if (!text) return candidates;
    return candidates.filter(
      (d) => d.name.includes(text) || d.delegateNumber.includes(text) || (d.delegationId && delegationNames.get(d.delegationId)?.includes(text)),
    );
  }, [candidates, text, delegationNames]);

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={5} style={{ margin: 0 }}>
        {t('join.congress', { name: profile.congress.name })}
      </Typography.Title>
      <Typography.Text>{t('join.pickYourself')}</Typography.Text>
      <Input
        allowClear
        prefix={<SearchOutlined />}
        placeholder={t('join.searchPlaceholder')}
        value={search}
        onChange={(e) => onSearch(e.target.value)}
        style={{ maxWidth: 360 }}
        data-testid="join-search"
      />
      {candidates.length === 0 ? (
        <Empty description={t('join.noDelegates')} />
      ) : (
        <Table<Delegate>
          size="small"
          rowKey="id"
          data-testid="join-delegates"
          dataSource={rows}
          pagination={{ pageSize: 8, showSizeChanger: false, hideOnSinglePage: true }}
          rowSelection={{ type: 'radio', selectedRowKeys: selectedId ? [selectedId] : [], onChange: (keys) => keys[0] && onSelect(String(keys[0])) }}
          onRow={(record) => ({ onClick: () => onSelect(record.id), style: { cursor: 'pointer' } })}
          locale={{ emptyText: <Empty description={t('rosterPage.emptySearch', { text })} /> }}
          columns={[
            { title: t('columns.name'), dataIndex: 'name' },
            { title: t('columns.delegateNumber'), dataIndex: 'delegateNumber' },
            { title: t('columns.delegation'), dataIndex: 'delegationId', render: (id?: string) => (id ? (delegationNames.get(id) ?? '') : '') },
          ]}
        />
      )}
    </Space>
  );
}
