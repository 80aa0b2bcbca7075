import { useState } from 'react';
import { Select } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Proposal } from '../../../shared/domain';
import { useRepo } from '../../app/session';
import { mergeTargetOptions } from '../../data/reviewQueries';

/** 并案 target picker: search by 立案号 ("12", "第12号") or by words of the text. */
export function MergeTargetSelect({
  proposalId,
  value,
  onChange,
  status,
}: {
  proposalId: string;
  value?: string;
  onChange: (id: string | undefined) => void;
  status?: 'error';
}) {
  const { t } = useTranslation('review');
  const repo = useRepo();
  const [query, setQuery] = useState('');
  const options = useLiveQuery(async () => {
    const found = await mergeTargetOptions(repo.db, query, proposalId);
    // The chosen one (e.g. picked from 相似提案) stays listed whatever the search.
    if (value && !found.some((p) => p.id === value)) {
      const chosen = await repo.db.proposal.get(value);
      if (chosen) found.unshift(chosen);
    }
    return found;
  }, [repo, query, proposalId, value]);

  // 提案 and 意见建议 are numbered separately, so the kind goes first: two "第39号" are then told apart.
  const label = (p: Proposal) => `${t(`common:kind.${p.kind}`)}${p.number !== undefined ? ` ${t('page.number', { number: p.number })}` : ''} · ${p.title} （${t(`common:status.${p.status}`)}）`;
  return (
    <Select
      showSearch
      allowClear
      value={value}
      status={status}
      placeholder={t('decision.mergeTargetPlaceholder')}
      filterOption={false}
      onSearch={setQuery}
      onChange={(id?: string) => onChange(id)}
      loading={options === undefined}
      options={(options ?? []).map((p) => ({ value: p.id, label: label(p) }))}
      style={{ width: '100%' }}
      data-testid="merge-target"
    />
  );
}
