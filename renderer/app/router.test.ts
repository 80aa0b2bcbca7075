import { describe, expect, it } from 'vitest';
import { parseRoute, routeToHash, type Route } from './router';

const ROUTES: Route[] = [
  { name: 'proposals' },
  { name: 'proposalEdit', id: '01J0000000000000000000000A' },
  { name: 'proposalView', id: '01J0000000000000000000000B' },
  { name: 'roster' },
  { name: 'inbox' },
  { name: 'review', id: 'r1' },
  { name: 'handling', id: 'h1' },
  { name: 'supervision' },
  { name: 'units' },
  { name: 'visits' },
  { name: 'visit', id: 'v1' },
  { name: 'evaluations' },
  { name: 'evaluation', id: 'e1' },
  { name: 'meetings' },
  { name: 'meeting', id: 'm1' },
  { name: 'notices' },
  { name: 'notice', id: 'n1' },
  { name: 'duty' },
  { name: 'dashboard' },
  { name: 'reports' },
  { name: 'sync' },
];

describe('router', () => {
  it.each(ROUTES.map((r) => [routeToHash(r), r] as const))('%s round-trips', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
  });

  it('falls back to the proposal list for anything unknown or incomplete', () => {
    for (const hash of ['', '#/', '#/nonsense', '#/visit', '#/review/', '#/__proto__/x', '#/constructor']) expect(parseRoute(hash)).toEqual({ name: 'proposals' });
  });
});
