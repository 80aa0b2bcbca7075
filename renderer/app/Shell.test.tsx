import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import type * as ProposalListModule from '../features/proposals/ProposalList';
import { readySession, renderInApp } from '../testing/session';
import { parseRoute, useRouter } from './router';
import { useSession } from './session';
import { Shell } from './Shell';

// Counts renders of 全部提案, which stays itself otherwise.
const renders = vi.hoisted(() => ({ proposalList: 0 }));
vi.mock('../features/proposals/ProposalList', async (importOriginal) => {
  const original = await importOriginal<typeof ProposalListModule>();
  return {
    ...original,
    ProposalList: () => {
      renders.proposalList++;
      return <original.ProposalList />;
    },
  };
});

describe('Shell', () => {
  afterEach(() => useSession.getState().setLanguage('zh-CN'));

  it('shows the delegate, and switches the whole UI between Chinese and English', async () => {
    await readySession();
    renderInApp(<Shell />);
    expect(await screen.findByTestId('current-user')).toHaveTextContent('张建国');
    expect(screen.getAllByText('我的提案').length).toBeGreaterThan(0);

    fireEvent.click(screen.getByTestId('language-switch'));
    expect((await screen.findAllByText('My proposals')).length).toBeGreaterThan(0);
    expect(screen.queryByText('我的提案')).toBeNull();
    expect(localStorage.getItem('delegatedesk.language')).toBe('en');

    fireEvent.click(screen.getByTestId('language-switch'));
    expect((await screen.findAllByText('我的提案')).length).toBeGreaterThan(0);
  });

  it('opens the office on its overview from the first frame, without rendering 全部提案 on the way', async () => {
    window.location.hash = '';
    useRouter.setState({ route: parseRoute('') });
    await readySession('office');
    renders.proposalList = 0;
    renderInApp(<Shell />);
    expect(await screen.findByTestId('dashboard-page')).toBeInTheDocument();
    expect(renders.proposalList).toBe(0);
    expect(window.location.hash).toBe('#/dashboard');
    expect(document.querySelector('.ant-menu-item-selected')).toHaveTextContent('工作概览');
  });

  it('offers the office its roster page and all proposals', async () => {
    await readySession('office');
    renderInApp(<Shell />);
    expect((await screen.findAllByText('全部提案')).length).toBeGreaterThan(0);
    expect(screen.getByText('代表名册')).toBeInTheDocument();
  });
});
