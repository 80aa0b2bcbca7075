import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AutosaveState } from '../proposals/useAutosave';

/** "正在保存… / 已保存 10:32:05 / 保存失败" beside an autosaved text. */
export function SaveIndicator({ state, testId }: { state: AutosaveState; testId: string }) {
  const { t } = useTranslation('visits');
  const text =
    state.kind === 'saving' || state.kind === 'pending'
      ? t('notes.saving')
      : state.kind === 'saved'
        ? t('notes.saved', { time: state.at.toLocaleTimeString('zh-CN', { hour12: false }) })
        : state.kind === 'failed'
          ? t('notes.saveFailed', { message: state.message })
          : '';
  return (
    <Typography.Text type={state.kind === 'failed' ? 'danger' : 'secondary'} data-testid={testId} aria-live="polite">
      {text}
    </Typography.Text>
  );
}
