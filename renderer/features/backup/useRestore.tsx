import { useState } from 'react';
import { App, Descriptions, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { BackupRefusal, backupRefusalMessages } from '../../../shared/backup';
import { useProfile, useRepo } from '../../app/session';
import { getBridge } from '../../bridge/client';
import { applyRestore } from '../../data/backup/applyRestore';
import { takeBackupBeforeRestore } from '../../data/backup/automaticBackups';
import { prepareRestore } from '../../data/backup/prepareRestore';
import type { PreparedRestore } from '../../data/backup/prepareRestore';
import { errorText } from '../onboarding/errorText';
import { backupContext, formatTime } from './backupContext';

export type RestoreStage = 'idle' | 'checking' | 'restoring';

/**
 * The restore flow shared by a local snapshot and a chosen file: check the whole file (a refusal says why and
 * changes nothing), show what it holds and ask, back up the current data, replace it, then reload the app so every
 * screen starts from the restored database.
 */
export function useRestore(onRestored: () => void) {
  const { t } = useTranslation('backup');
  const { modal, message } = App.useApp();
  const repo = useRepo();
  const profile = useProfile();
  const [stage, setStage] = useState<RestoreStage>('idle');
  const [problem, setProblem] = useState<string>();
  const [notice, setNotice] = useState<string>();

  async function restore(source: { name: string; bytes: Uint8Array }): Promise<void> {
    setProblem(undefined);
    setNotice(undefined);
    setStage('checking');
    let prepared: PreparedRestore;
    try {
      prepared = await prepareRestore(repo.db, source.bytes, { deviceId: profile.deviceId, congressId: profile.congressId });
    } catch (error) {
      setStage('idle');
      setProblem(t('refused', { message: error instanceof BackupRefusal ? backupRefusalMessages[error.code] : errorText(error, t) }));
      return;
    }
    setStage('idle');
    const confirmed = await modal.confirm({
      title: t('confirm.title'),
      width: 560,
      okText: t('confirm.ok'),
      okButtonProps: { danger: true },
      cancelText: t('confirm.cancel'),
      content: <RestoreSummary prepared={prepared} />,
    });
    if (!confirmed) return;
    setStage('restoring');
    try {
      const bridge = getBridge();
      await takeBackupBeforeRestore(await backupContext(repo.db, bridge, profile));
      const outcome = await applyRestore(repo.db, prepared, { name: source.name });
      const restoredText = t('restored', { createdAt: formatTime(prepared.header.createdAt) });
      if (outcome.laterOwnBundles > 0) setNotice(t('laterBundles', { count: outcome.laterOwnBundles }));
      void message.success(restoredText);
      onRestored();
    } catch (error) {
      setProblem(t('restoreFailed', { message: errorText(error, t) }));
    } finally {
      setStage('idle');
    }
  }

  return { restore, stage, problem, notice, clearProblem: () => setProblem(undefined) };
}

function RestoreSummary({ prepared }: { prepared: PreparedRestore }) {
  const { t } = useTranslation('backup');
  const { header, counts } = prepared;
  return (
    <>
      <Descriptions column={1} size="small" style={{ marginTop: 12 }}>
        <Descriptions.Item label={t('confirm.createdAt')}>{formatTime(header.createdAt)}</Descriptions.Item>
        {header.congressName && <Descriptions.Item label={t('confirm.congress')}>{header.congressName}</Descriptions.Item>}
        {header.actorName && <Descriptions.Item label={t('confirm.user')}>{header.actorName}</Descriptions.Item>}
        <Descriptions.Item label={t('confirm.records')}>
          {t('confirm.counts', { proposals: counts.proposal ?? 0, blobs: counts.blobs ?? 0, changes: counts.changes ?? 0 })}
        </Descriptions.Item>
      </Descriptions>
      <Typography.Paragraph type="warning">{t('confirm.warning')}</Typography.Paragraph>
    </>
  );
}
