import type { ReactNode } from 'react';
import { App as AntdApp, ConfigProvider } from 'antd';
import zhCN from 'antd/locale/zh_CN';
import { render } from '@testing-library/react';
import { DEFAULT_CATEGORIES, newId } from '../../shared/domain';
import { importRoster } from '../../shared/roster-import';
import { useSession } from '../app/session';
import { createCongress } from '../data/congressSetup';
import { initI18n } from '../i18n';

const ROSTER = [
  ['姓名', '性别', '代表证号', '代表团', '活动组', '工作单位及职务', '联系电话'],
  ['张建国', '男', '001', '城关镇代表团', '第一活动组', '城关镇党委书记', '13800000001'],
  ['李晓梅', '女', '002', '教育系统代表团', '第二活动组', '县第一中学教师', ''],
  ['王德明', '男', '003', '城关镇代表团', '第一活动组', '县人民医院医生', ''],
];

/**
 * A booted session on a fresh database holding a small congress (3 delegates, default categories, 2 units),
 * acting as the first delegate or as the office.
 */
export async function readySession(role: 'delegate' | 'office' = 'delegate') {
  initI18n('zh-CN');
  useSession.setState({ phase: 'loading', profile: undefined, language: 'zh-CN' });
  await useSession.getState().boot(`test-${newId()}`);
  const { repo } = useSession.getState();
  if (!repo) throw new Error(useSession.getState().error ?? 'boot failed');
  const { congressId, staffId } = await createCongress(repo, {
    name: '中国共产党某某县第十五次代表大会',
    term: 15,
    staffName: '刘秘书',
    categories: [...DEFAULT_CATEGORIES],
    handlingUnits: ['县教育局', '县卫生健康局'],
    roster: importRoster(ROSTER),
  });
  const delegates = (await repo.db.delegate.toArray()).sort((a, b) => a.delegateNumber.localeCompare(b.delegateNumber));
  const me = delegates[0]!;
  await useSession
    .getState()
    .completeOnboarding(
      role === 'office'
        ? { role: 'office', actorId: staffId, actorName: '刘秘书', congressId }
        : { role: 'delegate', actorId: me.id, actorName: me.name, congressId },
    );
  const categories = (await repo.db.category.toArray()).sort((a, b) => a.sortOrder - b.sortOrder);
  return { repo, db: repo.db, me, delegates, categories, congressId, acting: { role, actorId: role === 'office' ? staffId : me.id } as const };
}

export function renderInApp(ui: ReactNode) {
  return render(
    <ConfigProvider locale={zhCN}>
      <AntdApp>{ui}</AntdApp>
    </ConfigProvider>,
  );
}
