import { useMemo } from 'react';
import { Tag, type TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Delegate } from '../../../shared/domain';

/** 代表证号 in the order people expect: 2 before 10, 'A-2' before 'A-10'. */
export function compareDelegateNumbers(a: string, b: string): number {
  return a.localeCompare(b, 'zh-CN', { numeric: true });
}

/** 姓名 / 性别 / 代表证号 / 代表团 / 活动组 / 工作单位及职务; `names` maps delegation and group ids to names. */
export function useDelegateColumns(names: ReadonlyMap<string, string>): TableColumnsType<Delegate> {
  const { t } = useTranslation('onboarding');
  return useMemo(
    () => [
      {
        title: t('columns.name'),
        dataIndex: 'name',
        width: 130,
        render: (name: string, delegate) => (
          <>
            {name}
            {delegate.status === 'ended' && (
              <Tag color="default" style={{ marginInlineStart: 6 }}>
                {t('delegateStatus.ended')}
              </Tag>
            )}
          </>
        ),
      },
      { title: t('columns.gender'), dataIndex: 'gender', width: 70, render: (g?: Delegate['gender']) => (g ? t(`gender.${g}`) : '') },
      {
        title: t('columns.delegateNumber'),
        dataIndex: 'delegateNumber',
        width: 130,
        sorter: (a, b) => compareDelegateNumbers(a.delegateNumber, b.delegateNumber),
      },
      { title: t('columns.delegation'), dataIndex: 'delegationId', render: (id?: string) => (id ? (names.get(id) ?? '') : '') },
      { title: t('columns.activityGroup'), dataIndex: 'activityGroupId', render: (id?: string) => (id ? (names.get(id) ?? '') : '') },
      { title: t('columns.workplace'), dataIndex: 'workplace', ellipsis: true },
    ],
    [t, names],
  );
}
