import { create } from 'zustand';

/** Screens of the app, kept in the URL hash so back/forward and reloads work. */
export type Route =
  | { name: 'proposals' }
  | { name: 'proposalEdit'; id: string }
  | { name: 'proposalView'; id: string }
  | { name: 'roster' }
  | { name: 'inbox' }
  | { name: 'review'; id: string }
  | { name: 'handling'; id: string } //  交办与办理 of one proposal
  | { name: 'supervision' } //           督办
  | { name: 'units' } //                 承办单位
  | { name: 'visits' } //                视察 / 调研
  | { name: 'visit'; id: string }
  | { name: 'evaluations' } //           评议
  | { name: 'evaluation'; id: string }
  | { name: 'meetings' } //              年会
  | { name: 'meeting'; id: string }
  | { name: 'notices' } //               通报 / 征求意见
  | { name: 'notice'; id: string }
  | { name: 'duty' } //                  履职档案 (everyone's, for the office; one's own, for a delegate)
  | { name: 'dashboard' } //             the office's home: live numbers and charts
  | { name: 'reports' } //               办理情况报告 and the other exports
  | { name: 'backup' } //                数据备份与恢复
  | { name: 'sync' };

/** Screens that are a list, and the one-record screen each list opens (`#/<detail>/<id>`). */
const LIST_SCREENS = ['roster', 'inbox', 'supervision', 'units', 'visits', 'evaluations', 'meetings', 'notices', 'duty', 'dashboard', 'reports', 'backup', 'sync'] as const;
const DETAIL_SCREENS = { visit: 'visit', evaluation: 'evaluation', meeting: 'meeting', notice: 'notice', review: 'review', handling: 'handling' } as const;

export function parseRoute(hash: string): Route {
  const [name, id] = hash.replace(/^#\/?/, '').split('/');
  if (name === 'proposal' && id) return { name: 'proposalView', id };
  if (name === 'edit' && id) return { name: 'proposalEdit', id };
  const list = LIST_SCREENS.find((screen) => screen === name);
  if (list) return { name: list };
  const detail = name && Object.hasOwn(DETAIL_SCREENS, name) ? DETAIL_SCREENS[name as keyof typeof DETAIL_SCREENS] : undefined;
  if (detail && id) return { name: detail, id };
  return { name: 'proposals' };
}

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'proposalView':
      return `#/proposal/${route.id}`;
    case 'proposalEdit':
      return `#/edit/${route.id}`;
    case 'proposals':
      return '#/proposals';
    default:
      return 'id' in route ? `#/${route.name}/${route.id}` : `#/${route.name}`;
  }
}

interface RouterState {
  route: Route;
  navigate(route: Route): void;
}

export const useRouter = create<RouterState>((set) => ({
  route: parseRoute(globalThis.location?.hash ?? ''),
  navigate(route) {
    const hash = routeToHash(route);
    if (globalThis.location && globalThis.location.hash !== hash) globalThis.location.hash = hash;
    set({ route });
  },
}));

if (typeof window !== 'undefined') {
  window.addEventListener('hashchange', () => useRouter.setState({ route: parseRoute(window.location.hash) }));
}
