import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ProposalWindow } from '../../../shared/meetings';

const COLORS: Record<ProposalWindow['state'], string> = { open: 'green', closingSoon: 'orange', passed: 'default' };

/** 征集中 / 即将截止 / 已截止 beside a meeting's 提案截止时间. */
export function WindowTag({ state }: { state: ProposalWindow['state'] }) {
  const { t } = useTranslation('meetings');
  return (
    <Tag color={COLORS[state]} data-testid="meeting-window" data-state={state}>
      {t(`window.${state}`)}
    </Tag>
  );
}
