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
  | { name: 'sync' };

export function parseRoute(hash: string): Route {
  const [name, id] = hash.replace(/^#\/?/, '').split('/');
  if (name === 'proposal' && id) return { name: 'proposalView', id };
  if (name === 'edit' && id) return { name: 'proposalEdit', id };
  if (name === 'roster') return { name: 'roster' };
  if (name === 'inbox') return { name: 'inbox' };
  if (name === 'review' && id) return { name: 'review', id };
  if (name === 'handling' && id) return { name: 'handling', id };
  if (name === 'supervision') return { name: 'supervision' };
  if (name === 'units') return { name: 'units' };
  if (name === 'sync') return { name: 'sync' };
  return { name: 'proposals' };
}

export function routeToHash(route: Route): string {
  switch (route.name) {
    case 'proposalView':
      return `#/proposal/${route.id}`;
    case 'proposalEdit':
      return `#/edit/${route.id}`;
    case 'roster':
      return '#/roster';
    case 'inbox':
      return '#/inbox';
    case 'review':
      return `#/review/${route.id}`;
    case 'handling':
      return `#/handling/${route.id}`;
    case 'supervision':
      return '#/supervision';
    case 'units':
      return '#/units';
    case 'sync':
      return '#/sync';
    default:
      return '#/proposals';
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
